import Foundation
import Testing
@testable import CasusCore

/// A large file is parsed in two parts at once (`Parser+Split.swift`). These tests check the
/// claim that makes that safe: at every line where the file may be split, parsing the two
/// parts gives exactly the tree and the diagnostics of one pass.
struct ParserSplitTests {
    /// Every scenario, fragment and fixture of the package, as (name, bytes).
    static let corpus: [(String, [UInt8])] = {
        let folders = [("Scenarios", "casus"), ("Scenarios/gedeeld", "casus"), ("Tests/Fixtures/Valid", "casus"),
                       ("Tests/Fixtures/Broken", "casus")]
        var files = folders.flatMap { PackageFiles.files($0.0, ext: $0.1) }
        files += PackageFiles.files("Tests/Fixtures/FuzzCrashers", ext: "").filter { !$0.hasSuffix("/") }
        return files.compactMap { path in
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            return (URL(fileURLWithPath: path).lastPathComponent, [UInt8](data))
        }
    }()

    /// Split points that a one-pass parse must agree with, including the awkward ones: a
    /// step that never closes, a `blad` left open, a block nested too deep, a misplaced
    /// statement at the top level, an upper-case keyword, and a `stap` line that is prose.
    static let awkward = """
        titel: Lastig
        blad
            toon alles
        stap "Open blad"
            zeg: Hallo.
        einde
        zeg: Verkeerd op het hoogste niveau.
        als x
            zeg: Ook verkeerd.
        STAP "Hoofdletters" (5 min)
            vraag a (tekst): Eerst?
            zeg:
                Deze regel is tekst:
                stap "geen stap"
            als a = "x"
                vraag b (ja/nee): Nog open?
        stap "Na een open blok"
            voor elke rol
        stp "Verkeerd gespeld"
            vraag c (tekst): En?
        step: "Met dubbele punt"
        einde
        stap "Te diep"
        \(String(repeating: "    als a\n", count: 60))
        stap "Daarna"
            vraag d (tekst): Klaar?
        einde
        """

    static func parts(_ bytes: [UInt8]) -> (lines: [SourceLine], splits: [Int]) {
        let lines = SourceLine.split(bytes)
        return (lines, lines.indices.filter { $0 > 0 && Parser.isSplitLine(lines[$0], in: bytes) })
    }

    @Test func everySplitOfEveryFixtureParsesAsOnePass() {
        var checked = 0
        for (name, bytes) in Self.corpus + [("awkward.casus", Array(Self.awkward.utf8))] {
            guard Parser.isValidUTF8(bytes), !bytes.contains(0) else { continue }
            let whole = Parser.parseValid(bytes, path: name, parallelFrom: .max)
            let (lines, splits) = Self.parts(bytes)
            for k in splits {
                let split = Parser.parseInTwoParts(bytes, path: name, lines: lines, splitAt: k)
                #expect(split.0 == whole.0, "\(name) split at line \(k + 1): the trees differ")
                #expect(split.1 == whole.1, "\(name) split at line \(k + 1): the diagnostics differ")
                checked += 1
            }
        }
        // The corpus has about ninety split points; an empty loop would prove nothing.
        #expect(checked > 50)
    }

    @Test func theAwkwardFileHasItsSplitPointsAndErrors() {
        let bytes = Array(Self.awkward.utf8)
        let (lines, splits) = Self.parts(bytes)
        // stap, STAP, stap, step:, stap ×2 — not the prose line, not the misspelt one.
        #expect(splits.map { lines[$0].number } == [4, 10, 17, 21, 23, 85])
        #expect(!Parser.parseValid(bytes, path: "a.casus", parallelFrom: .max).1.isEmpty)
    }

    /// The comparison has teeth: a split inside a step does change the result.
    @Test func aSplitInsideAStepWouldNotAgree() {
        let bytes = Array(Self.awkward.utf8)
        let lines = SourceLine.split(bytes)
        let whole = Parser.parseValid(bytes, path: "a.casus", parallelFrom: .max)
        let inside = lines.firstIndex { $0.number == 11 }!  // `vraag a` inside STAP
        let split = Parser.parseInTwoParts(bytes, path: "a.casus", lines: lines, splitAt: inside)
        #expect(split.0 != whole.0 || split.1 != whole.1)
    }

    @Test func aLargeFileIsParsedInTwoPartsWithTheSameResult() throws {
        let step = """
            stap "Verkennen" (10 min)
                vraag wat_N (tekst): Wat gebeurde er bij {slachtoffer}?
                als wat_N = "niets"
                    zeg: Kijk nog eens.
                einde
            einde

            """
        var text = "titel: Groot\nrol slachtoffer: het meisje\n\n"
        var n = 0
        while text.utf8.count < Parser.parallelThreshold {
            n += 1
            text += step.replacingOccurrences(of: "_N", with: "_\(n)")
        }
        let bytes = Array(text.utf8)
        let lines = SourceLine.split(bytes)
        #expect(Parser.splitPoint(lines, in: bytes) != nil)
        let parallel = Parser.parse(bytes: bytes, path: "groot.casus")
        let whole = Parser.parseValid(bytes, path: "groot.casus", parallelFrom: .max)
        #expect(parallel.0 == whole.0)
        #expect(parallel.1 == whole.1)
    }
}
