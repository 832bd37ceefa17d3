import ArgumentParser
import CasusCore
import CasusLSP
import CasusSession
import Foundation

/// `casus lsp` — the language server for editors, over standard input and output.
struct LSPCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "lsp",
            abstract: CommandLanguage.text("Taalserver voor editors (Language Server Protocol) op standaardinvoer en -uitvoer.", "Language server for editors (Language Server Protocol) on standard input and output."),
            discussion: CommandLanguage.text("Zie docs/editors.md voor VS Code en Neovim.", "See docs/editors.md for VS Code and Neovim."))
    }

    @Option(help: helpText("Taal van de meldingen: nl of en (anders die van het scenario).", "Language of the messages: nl or en (default: the scenario's)."))
    var lang: Language?

    func run() throws {
        let flag = lang
        let server = CasusLanguageServer(
            disk: FileSourceProvider(), listFiles: Self.scenarioFiles(below:),
            messageLanguage: { LanguageChoice.resolve(flag: flag, scenario: $0) },
            version: CasusVersion.current, send: Self.write)
        var framer = MessageFramer()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        // Standard input closing ends the server cleanly, whatever state it was in.
        while server.exitCode == nil {
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            framer.append(buffer[0..<n])
            while server.exitCode == nil, let frame = framer.next() { server.receive(frame) }
        }
        if let code = server.exitCode, code != 0 { throw ExitCode(code) }
    }

    /// Writes one framed message to standard output, whole.
    private static func write(_ body: [UInt8]) {
        let bytes = MessageFramer.frame(body)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Foundation.write(1, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            // The client went away: nobody is left to tell.
            if n <= 0 { return }
            offset += n
        }
    }

    /// The `.casus` files below `folder` (at most 200, four levels), relative to it.
    static func scenarioFiles(below folder: String) -> [String] {
        let root = URL(fileURLWithPath: folder.isEmpty ? "." : folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { return [] }
        var out: [String] = []
        let base = root.standardizedFileURL.path
        for case let url as URL in walker {
            if walker.level > 4 { walker.skipDescendants() }
            guard url.pathExtension == "casus" else { continue }
            let path = url.standardizedFileURL.path
            out.append(path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path)
            if out.count >= 200 { break }
        }
        return out.sorted()
    }
}
