import CasusCore
import Foundation
import Testing

/// The editor grammars in editors/ know every word the parser knows, and the TextMate
/// grammar is valid JSON whose patterns compile.
@Suite struct EditorGrammarTests {
    static let editors = PlayTests.root.appendingPathComponent("editors")

    static func read(_ path: String) throws -> String {
        try String(contentsOf: editors.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every `match` of the grammar, wherever it stands.
    static func patterns(_ value: Any) -> [String] {
        if let object = value as? [String: Any] {
            return (object["match"] as? String).map { [$0] } ?? [] + object.values.flatMap(patterns)
        }
        if let list = value as? [Any] { return list.flatMap(patterns) }
        return []
    }

    static var words: [String] {
        Vocabulary.lineKeywords.flatMap { [$0.dutch, $0.english] } + Vocabulary.metadataKeys(.nl) + Vocabulary.metadataKeys(.en)
    }

    @Test func theTextMateGrammarCoversEveryKeyword() throws {
        let text = try Self.read("vscode/syntaxes/casus.tmLanguage.json")
        let grammar = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let patterns = Self.patterns(grammar)
        #expect(patterns.count >= 8)
        for pattern in patterns {
            #expect((try? NSRegularExpression(pattern: pattern)) != nil, "does not compile: \(pattern)")
        }
        for word in Self.words {
            #expect(patterns.contains { $0.contains("(\(word)|") || $0.contains("|\(word)|") || $0.contains("|\(word))") }, "\(word) is missing")
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(try Self.read("vscode/package.json").utf8)) as? [String: Any]
        #expect(manifest?["contributes"] != nil)
    }

    @Test func theVimSyntaxCoversEveryKeyword() throws {
        let syntax = try Self.read("vim/syntax/casus.vim")
        for word in Self.words {
            #expect(syntax.contains("\\(\(word)\\|") || syntax.contains("\\|\(word)\\|") || syntax.contains("\\|\(word)\\)"), "\(word) is missing")
        }
        #expect(try Self.read("vim/ftdetect/casus.vim").contains("*.casus"))
    }
}
