import Foundation

/// `casus lsp` measured over the real protocol: how long after a change arrives its
/// diagnostics come back, on the largest bundled scenario with its includes, and how the
/// server's memory grows over 1,000 edits.
extension Bench {
    mutating func languageServer() throws {
        let (path, total) = try largestScenario()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let uri = "file://" + path
        let child = try Child(casus, ["lsp"], environment: environment)
        func send(_ object: [String: Any]) throws {
            let body = try JSONSerialization.data(withJSONObject: object)
            child.sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body))
        }
        // Versions of one width, so `"version":N` never matches the start of a longer one.
        let first = 100_000
        try send(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [String: Any]()]])
        try send(["jsonrpc": "2.0", "method": "initialized", "params": [String: Any]()])
        try send(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": ["uri": uri, "languageId": "casus", "version": first, "text": text]]])
        guard child.waitFor("\"version\":\(first)", count: 1) else { throw BenchError("casus lsp published no diagnostics") }

        let edits = 1_000
        var latencies: [Double] = []
        var afterFirst = 0
        for i in 1...edits {
            let version = first + i
            // A comment line that changes on every edit: the whole text is sent, as clients do.
            let changed = text + "\n# bewerking \(i)\n"
            let start = Self.now()
            try send(["jsonrpc": "2.0", "method": "textDocument/didChange", "params": [
                "textDocument": ["uri": uri, "version": version], "contentChanges": [["text": changed]],
            ]])
            guard child.waitFor("\"version\":\(version)", count: 1) else { throw BenchError("no diagnostics for edit \(i)") }
            latencies.append(Self.now() - start)
            if i == 1 { afterFirst = Self.residentKiB(child.pid) }
        }
        let afterAll = Self.residentKiB(child.pid)
        try send(["jsonrpc": "2.0", "id": 2, "method": "shutdown"])
        try send(["jsonrpc": "2.0", "method": "exit"])
        child.finish()

        let median = Self.median(latencies)
        let worst = latencies.max() ?? 0
        let name = (path as NSString).lastPathComponent
        rows.append(Row(
            measure: "lsp: diagnostics after a change, \(name) + includes (\(total / 1024) KB), median / worst",
            value: "\(ms(median)) / \(ms(worst))", target: "≤ 20 ms", met: median <= 0.020))
        let ratio = afterFirst > 0 ? Double(afterAll) / Double(afterFirst) : 0
        rows.append(Row(
            measure: "lsp: resident memory after \(edits) edits vs after the first",
            value: String(format: "%.1f MB vs %.1f MB (%.2f×)", Double(afterAll) / 1024, Double(afterFirst) / 1024, ratio),
            target: "≤ 1.2×", met: ratio > 0 && ratio <= 1.2))
    }

    /// The bundled scenario that is largest counted with the files it includes.
    func largestScenario() throws -> (path: String, bytes: Int) {
        let folder = root + "/Scenarios"
        var best: (String, Int) = ("", 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".casus") {
            let path = folder + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            var bytes = text.utf8.count
            for line in text.split(separator: "\n") where line.hasPrefix("invoegen \"") || line.hasPrefix("include \"") {
                let include = line.split(separator: "\"").dropFirst().first.map(String.init) ?? ""
                bytes += (try? Data(contentsOf: URL(fileURLWithPath: folder + "/" + include)).count) ?? 0
            }
            if bytes > best.1 { best = (path, bytes) }
        }
        return best
    }

    /// The resident set of a running process (VmRSS), in KiB.
    static func residentKiB(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
