import Foundation
import Testing

@testable import CasusStore

@Suite struct JournalTests {
    let header = data(#"{"scenario":"vo1.casus","title":"Afpersing"}"#)
    // Deliberately unusual spacing and non-ASCII text: payloads must come back byte for byte.
    let payloads = [
        data(#"{"answer":"ja","step":1}"#),
        data(#"{ "answer" : "Één leerling\nzegt \"nee\"", "step": 2 }"#),
        data(#"{"nested":{"list":[1,2,3]},"step":3}"#),
    ]

    func makeJournal(_ temp: TempFolder) throws -> URL {
        let url = temp.path("journal.jsonl")
        let journal = try Journal.create(at: url, header: header)
        for payload in payloads { try journal.append(payload: payload) }
        return url
    }

    @Test func roundTripKeepsExactBytes() throws {
        let temp = try TempFolder()
        let url = try makeJournal(temp)
        let journal = try Journal.open(at: url)
        #expect(journal.recovery == .clean)
        #expect(journal.header == header)
        #expect(journal.records.map(\.seq) == [2, 3, 4])
        #expect(journal.records.map(\.payload) == payloads)

        let next = try journal.append(payload: data(#"{"step":4}"#))
        #expect(next.seq == 5)
        #expect(journal.lastSequence == 5)
        journal.close()
        #expect(try Journal.open(at: url).records.count == 4)
    }

    @Test func linesAreChecksummedJSON() throws {
        let temp = try TempFolder()
        let url = try makeJournal(temp)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix(#"{"seq":1,"format":1,"data":{"scenario""#))
        #expect(lines[1].hasPrefix(#"{"seq":2,"data":{"answer":"ja""#))
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["crc"] is String)
            // The checksum covers everything before ,"crc":".
            let covered = line.utf8.dropLast(JournalLine.crcSuffixLength)
            #expect(object?["crc"] as? String == String(CRC32.checksum(covered), radix: 16).leftPadded(to: 8))
        }
    }

    @Test func tornTailIsCutAndSaved() throws {
        let temp = try TempFolder()
        let url = try makeJournal(temp)
        let goodSize = try bytes(url).count
        let half = Array(JournalLine.encode(seq: 5, format: nil, payload: data(#"{"step":4}"#)).prefix(20))
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: half)
        try handle.close()

        let journal = try Journal.open(at: url)
        let damaged = temp.path("journal.jsonl.damaged")
        #expect(journal.recovery == .truncatedTail(bytes: half.count, savedAt: damaged))
        #expect(journal.records.map(\.payload) == payloads)
        #expect(try bytes(url).count == goodSize)
        #expect(try bytes(damaged) == half)

        // Appending after the repair continues the sequence.
        #expect(try journal.append(payload: data(#"{"step":4}"#)).seq == 5)
        journal.close()
        #expect(try Journal.open(at: url).recovery == .clean)
    }

    @Test func secondDamageGetsANewName() throws {
        let temp = try TempFolder()
        let url = try makeJournal(temp)
        for round in 0..<2 {
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("{\"seq\":5,\"da".utf8))
            try handle.close()
            let expected = temp.path(round == 0 ? "journal.jsonl.damaged" : "journal.jsonl.damaged.1")
            #expect(try Journal.open(at: url).recovery == .truncatedTail(bytes: 12, savedAt: expected))
        }
    }

    @Test func flippedByteInLastRecordIsCut() throws {
        let temp = try TempFolder()
        let url = try makeJournal(temp)
        var content = try bytes(url)
        let lastLineStart = content.dropLast().lastIndex(of: 0x0A)! + 1
        let lastLine = Array(content[lastLineStart...])
        content[lastLineStart + 15] ^= 0x01
        try Data(content).write(to: url)

        let journal = try Journal.open(at: url)
        #expect(journal.records.map(\.payload) == Array(payloads.prefix(2)))
        guard case .truncatedTail(let count, let savedAt) = journal.recovery else {
            Issue.record("expected a truncated tail, got \(journal.recovery)")
            return
        }
        #expect(count == lastLine.count)
        var flipped = lastLine
        flipped[15] ^= 0x01
        #expect(try bytes(savedAt) == flipped)
        #expect(try bytes(url).count == lastLineStart)
    }

    @Test func repeatedSequenceAtTheEndIsCut() throws {
        let temp = try TempFolder()
        let url = try makeJournal(temp)
        let line = JournalLine.encode(seq: 4, format: nil, payload: data(#"{"again":true}"#))
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: line)
        try handle.close()
        let journal = try Journal.open(at: url)
        #expect(journal.records.count == 3)
        #expect(journal.recovery != .clean)
    }

    @Test func damageInTheMiddleIsRefusedNamingTheLine() throws {
        let temp = try TempFolder()
        let url = try makeJournal(temp)
        var content = try bytes(url)
        let lineStarts = [0] + content.indices.filter { content[$0] == 0x0A }.map { $0 + 1 }
        content[lineStarts[2] + 12] ^= 0x01  // line 3 of 4
        try Data(content).write(to: url)

        #expect {
            try Journal.open(at: url)
        } throws: {
            let error = $0 as? StoreError
            return error?.kind == .journalCorrupt(line: 3) && error?.message.contains("line 3") == true
        }
        // Nothing was cut or saved aside.
        #expect(try bytes(url) == content)
        #expect(!FileManager.default.fileExists(atPath: url.path + ".damaged"))
    }

    @Test func emptyMissingOrHeaderlessJournalsAreRefused() throws {
        let temp = try TempFolder()
        let url = temp.path("journal.jsonl")
        #expect { try Journal.open(at: url) } throws: { ($0 as? StoreError)?.kind == .io }

        try Data().write(to: url)
        #expect { try Journal.open(at: url) } throws: { ($0 as? StoreError)?.kind == .journalEmpty }

        // A record line where the header should be.
        try Data(JournalLine.encode(seq: 1, format: nil, payload: data("{}"))).write(to: url)
        #expect { try Journal.open(at: url) } throws: { ($0 as? StoreError)?.kind == .journalHeader }

        // A damaged header before good records.
        let other = try TempFolder()
        var broken = try bytes(try makeJournal(other))
        broken[10] ^= 0x01
        try Data(broken).write(to: url)
        #expect { try Journal.open(at: url) } throws: { ($0 as? StoreError)?.kind == .journalHeader }

        // A header torn before its newline.
        try Data(JournalLine.encode(seq: 1, format: 1, payload: data("{}")).dropLast(5)).write(to: url)
        #expect { try Journal.open(at: url) } throws: { ($0 as? StoreError)?.kind == .journalHeader }

        try Data(JournalLine.encode(seq: 1, format: 2, payload: data("{}"))).write(to: url)
        #expect { try Journal.open(at: url) } throws: { ($0 as? StoreError)?.kind == .journalFormat(2) }
    }

    @Test func createRefusesAnExistingFile() throws {
        let temp = try TempFolder()
        let url = try makeJournal(temp)
        #expect(throws: StoreError.self) { try Journal.create(at: url, header: header) }
        #expect(try Journal.open(at: url).records.count == 3)
    }

    @Test func payloadsMustBeOneLineObjects() throws {
        let temp = try TempFolder()
        let journal = try Journal.create(at: temp.path("j.jsonl"), header: header)
        for bad in ["[1,2]", "{\"a\":\n1}", "{\"a\":", "", "\"text\""] {
            #expect { try journal.append(payload: data(bad)) } throws: {
                ($0 as? StoreError)?.kind == .invalidPayload
            }
        }
        #expect(try journal.append(payload: data("{}")).seq == 2)
    }

    @Test func aBatchIsAppendedInOrderOrNotAtAll() throws {
        let temp = try TempFolder()
        let url = temp.path("j.jsonl")
        let journal = try Journal.create(at: url, header: header)
        try journal.append(payload: payloads[0])
        #expect(try journal.append(payloads: Array(payloads[1...])).map(\.seq) == [3, 4])
        #expect(try journal.append(payloads: []).isEmpty)
        // One bad payload: nothing of the batch is written.
        #expect { try journal.append(payloads: [data(#"{"step":5}"#), data("[1]")]) } throws: {
            ($0 as? StoreError)?.kind == .invalidPayload
        }
        #expect(journal.lastSequence == 4)
        let reopened = try Journal.open(at: url)
        #expect(reopened.recovery == .clean)
        #expect(reopened.records.map(\.seq) == [2, 3, 4])
        #expect(reopened.records.map(\.payload) == payloads)
        withExtendedLifetime(journal) {}
    }

    @Test func appendedRecordsSurviveWithoutClose() throws {
        let temp = try TempFolder()
        let url = temp.path("j.jsonl")
        let writer = try Journal.create(at: url, header: header)
        try writer.append(payload: payloads[0])
        // A second reader sees it while the writer is still open.
        #expect(try Journal.open(at: url).records.map(\.payload) == [payloads[0]])
        withExtendedLifetime(writer) {}
    }
}
