import CasusCore

/// The editor's open buffers first, then the disk: an include being edited is checked as it
/// is on screen, not as last saved.
struct OverlaySourceProvider<Disk: SourceProvider>: SourceProvider {
    let buffers: [String: String]
    let disk: Disk

    func read(_ path: String) -> Result<[UInt8], SourceReadError> {
        if let text = buffers[path] { return .success(Array(text.utf8)) }
        return disk.read(path)
    }

    func resolve(include: String, from file: String, root: String) -> String? {
        disk.resolve(include: include, from: file, root: root)
    }
}
