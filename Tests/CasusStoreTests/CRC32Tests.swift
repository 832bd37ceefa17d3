import Foundation
import Testing

@testable import CasusStore

@Suite struct CRC32Tests {
    @Test func knownVectors() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("a".utf8)) == 0xE8B7_BE43)
        #expect(
            CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    @Test func incrementalMatchesOneShot() {
        var crc = CRC32()
        crc.update(Array("12345".utf8))
        crc.update(Data("6789".utf8))
        #expect(crc.value == 0xCBF4_3926)
    }
}
