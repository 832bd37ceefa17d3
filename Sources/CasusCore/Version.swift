public enum CasusCoreVersion { public static let language = 1 }
