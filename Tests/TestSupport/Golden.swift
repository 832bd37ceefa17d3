import Foundation

/// Golden files: a test compares its output with a checked-in file, and `CASUS_RECORD=1`
/// rewrites the file instead. A recording run always fails, so it cannot pass unnoticed (in
/// CI, or with the variable left set): record, read the diff, run again.
public enum Golden {
    /// True when this run records goldens (`CASUS_RECORD=1`).
    public static let recording = ProcessInfo.processInfo.environment["CASUS_RECORD"] == "1"

    /// Nil when `actual` equals the golden at `url`; otherwise what is wrong. When recording,
    /// writes `actual` to `url` and says so (never nil).
    public static func mismatch(_ actual: String, golden url: URL) -> String? {
        if recording {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                return "recorded \(url.lastPathComponent); read the diff, then run again without CASUS_RECORD"
            } catch {
                return "could not record \(url.path): \(error)"
            }
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "no golden \(url.path); record it with CASUS_RECORD=1"
        }
        return actual == expected ? nil : "differs from \(url.lastPathComponent); re-record with CASUS_RECORD=1 if the change is meant"
    }
}
