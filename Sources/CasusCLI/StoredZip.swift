import CasusStore

/// A zip archive whose entries are stored, not compressed: all an OpenDocument package
/// needs (its `mimetype` entry must be first and stored anyway, and the draft is a few KB).
/// Written here rather than with ZIPFoundation: one function, against a dependency that
/// every clean build would compile.
enum StoredZip {
    static func archive(_ files: [(path: String, contents: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ to: inout [UInt8]) { to += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: UInt32, _ to: inout [UInt8]) { for s in [0, 8, 16, 24] { to.append(UInt8((v >> UInt32(s)) & 0xFF)) } }
        // 2026-01-01 00:00 in DOS time: entries carry no clock, so the same draft gives the same bytes.
        let dosTime = 0, dosDate = ((2026 - 1980) << 9) | (1 << 5) | 1
        for file in files {
            let name = Array(file.path.utf8)
            let crc = CRC32.checksum(file.contents)
            let offset = UInt32(out.count)
            var header: [UInt8] = []
            u32(0x0403_4B50, &header); u16(20, &header); u16(0x0800, &header); u16(0, &header)
            u16(dosTime, &header); u16(dosDate, &header); u32(crc, &header)
            u32(UInt32(file.contents.count), &header); u32(UInt32(file.contents.count), &header)
            u16(name.count, &header); u16(0, &header)
            out += header + name + file.contents
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0x0800, &central); u16(0, &central)
            u16(dosTime, &central); u16(dosDate, &central); u32(crc, &central)
            u32(UInt32(file.contents.count), &central); u32(UInt32(file.contents.count), &central)
            u16(name.count, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central)
            u32(0, &central); u32(offset, &central)
            central += name
        }
        let centralOffset = UInt32(out.count)
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(files.count, &out); u16(files.count, &out)
        u32(UInt32(central.count), &out); u32(centralOffset, &out); u16(0, &out)
        return out
    }
}
