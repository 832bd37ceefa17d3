import CasusCore
import Foundation
import Testing

/// Every fix-it with replacement text in the broken corpus is applied and the file checked
/// again: the error it was attached to must be gone (same code, same line), and the fix
/// must not bring in a new error of its own.
@Suite struct FixItTests {
    static let folder = BrokenCorpusTests.folder

    /// The corpus's files (the shared ones below it too), as text by path.
    static func corpus() -> [String: String] {
        var files: [String: String] = [:]
        for name in FolderSourceProvider.files(under: folder) {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                let text = String(data: data, encoding: .utf8)
            {
                files[name] = text
            }
        }
        return files
    }

    /// `text` with the characters of `range` (1-based scalar columns, one line) replaced.
    static func apply(_ replacement: String, at range: SourceRange, to text: String) -> String? {
        // Split on scalars: a String sees `\r\n` as one character, not as a `\n`.
        var lines = Array(text.unicodeScalars).split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        let n = range.start.line - 1
        guard range.start.line == range.end.line, lines.indices.contains(n) else { return nil }
        let from = range.start.column - 1
        let to = min(range.end.column - 1, lines[n].count)
        guard from >= 0, from <= to else { return nil }
        lines[n].replaceSubrange(from..<to, with: Array(replacement.unicodeScalars))
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    }

    static let fixable: [String] = {
        let files = corpus()
        return BrokenCorpusTests.files.filter { name in
            ScenarioLoader.load(path: name, provider: InMemorySourceProvider(files)).diagnostics.contains {
                $0.fixIt?.replacement != nil
            }
        }
    }()

    @Test func manyFilesHaveAFixIt() {
        #expect(Self.fixable.count >= 25, "\(Self.fixable)")
    }

    @Test(arguments: fixable)
    func applyingTheFixRemovesTheError(_ name: String) throws {
        let files = Self.corpus()
        let before = ScenarioLoader.load(path: name, provider: InMemorySourceProvider(files)).diagnostics
        for d in before {
            guard let fix = d.fixIt, let replacement = fix.replacement else { continue }
            let range = fix.range ?? d.range
            let file = try #require(files[range.file], "\(range.file)")
            let fixed = try #require(Self.apply(replacement, at: range, to: file), "\(d.code) in \(name)")
            var changed = files
            changed[range.file] = fixed
            let after = ScenarioLoader.load(path: name, provider: InMemorySourceProvider(changed)).diagnostics
            let same = after.filter { $0.code == d.code && $0.range.file == d.range.file && $0.range.start.line == d.range.start.line }
            #expect(same.isEmpty, "\(name): applying `\(replacement)` for \(d.code) left \(same.map { $0.message.en })")
            let newErrors = after.filter { $0.severity == .error }.filter { a in
                !before.contains { $0.code == a.code && $0.range.file == a.range.file && $0.range.start.line == a.range.start.line }
            }
            #expect(newErrors.isEmpty, "\(name): applying `\(replacement)` for \(d.code) brought \(newErrors.map { "\($0.code) \($0.message.en)" })")
        }
    }
}
