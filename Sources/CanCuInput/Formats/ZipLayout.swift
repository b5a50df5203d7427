import CanCuModel

/// The structure of a ZIP archive, every number checked against the file's length: the
/// end-of-central-directory record, the central directory's offset and size, every entry's local
/// header and data. (ZIPFoundation trusted these numbers: an offset past the end of the file
/// crashed it, and a truncated deflate stream made it loop for ever.)
///
/// Only what a .docx needs is accepted: one disk, no ZIP64, no encryption, stored or deflated
/// entries.
enum ZipLayout {
    /// One entry: where its data is and what the central directory says of it.
    struct Entry {
        var method: Int
        var compressedSize: Int
        var size: Int
        var crc32: UInt32
        var dataStart: Int
    }

    /// The entries by name, or why the archive is refused (in Vietnamese).
    static func entries(_ bytes: [UInt8]) -> Result<[String: Entry], ZipProblem> {
        var entries: [String: Entry] = [:]
        if let problem = walk(bytes, { name, entry in entries[name] = entries[name] ?? entry }) {
            return .failure(ZipProblem(reason: problem))
        }
        return .success(entries)
    }

    /// Why the archive is refused, in Vietnamese, or nil when its layout is sound.
    static func problem(_ bytes: [UInt8]) -> String? { walk(bytes) { _, _ in } }

    private static func walk(_ bytes: [UInt8], _ found: (String, Entry) -> Void) -> String? {
        let count = bytes.count
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }

        // The end record: 22 bytes and a comment of up to 65,535 bytes, found from the end.
        guard count >= 22 else { return "quá ngắn để là tệp ZIP (\(count) byte)" }
        var end = -1
        var at = count - 22
        let lowest = max(0, count - 22 - 65_535)
        while at >= lowest {
            if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x05, bytes[at + 3] == 0x06,
               at + 22 + u16(at + 20) <= count {
                end = at
                break
            }
            at -= 1
        }
        guard end >= 0 else { return "không có bản ghi kết thúc thư mục ZIP (tệp bị cắt?)" }
        let disk = u16(end + 4), directoryDisk = u16(end + 6)
        let entriesHere = u16(end + 8), entries = u16(end + 10)
        let directorySize = u32(end + 12), directoryOffset = u32(end + 16)
        if entries == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            return "tệp ZIP64 (trên 4 GB hoặc trên 65.535 mục): Word không ghi kiểu này"
        }
        guard disk == 0, directoryDisk == 0, entriesHere == entries else { return "tệp ZIP nhiều phần (nhiều đĩa)" }
        guard directoryOffset <= end, directorySize <= end - directoryOffset else {
            return "thư mục ZIP trỏ ra ngoài tệp (vị trí \(directoryOffset), \(directorySize) byte, tệp \(count) byte)"
        }
        // The central directory: every entry inside it, every local header and its data inside
        // the part of the file before the directory.
        var record = directoryOffset
        let directoryEnd = directoryOffset + directorySize
        for index in 0..<entries {
            guard record + 46 <= directoryEnd, u32(record) == 0x0201_4B50 else {
                return "mục \(index + 1) của thư mục ZIP hỏng"
            }
            let flags = u16(record + 8), method = u16(record + 10)
            let compressed = u32(record + 20), uncompressed = u32(record + 24)
            let nameLength = u16(record + 28), extraLength = u16(record + 30), commentLength = u16(record + 32)
            let diskStart = u16(record + 34), localOffset = u32(record + 42)
            let next = record + 46 + nameLength + extraLength + commentLength
            guard next <= directoryEnd else { return "mục \(index + 1) của thư mục ZIP vượt ra ngoài thư mục" }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
                return "tệp ZIP64 (trên 4 GB hoặc trên 65.535 mục): Word không ghi kiểu này"
            }
            guard diskStart == 0 else { return "tệp ZIP nhiều phần (nhiều đĩa)" }
            guard flags & 1 == 0 else { return "tệp ZIP có mục mã hoá (cần mật khẩu)" }
            guard method == 0 || method == 8 else { return "mục ZIP nén theo kiểu \(method), chỉ đọc được kiểu lưu thẳng (0) và deflate (8)" }
            guard method != 0 || compressed == uncompressed else { return "mục ZIP lưu thẳng có hai kích thước khác nhau" }
            guard localOffset <= directoryOffset, directoryOffset - localOffset >= 30, u32(localOffset) == 0x0403_4B50 else {
                return "mục \(index + 1) của thư mục ZIP trỏ tới đầu mục không có (vị trí \(localOffset))"
            }
            let dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28)
            guard dataStart <= directoryOffset, compressed <= directoryOffset - dataStart else {
                return "dữ liệu của mục \(index + 1) vượt ra ngoài tệp ZIP"
            }
            let name = String(decoding: bytes[record + 46..<record + 46 + nameLength], as: UTF8.self)
            found(name, Entry(method: method, compressedSize: compressed, size: uncompressed,
                              crc32: UInt32(u32(record + 16)), dataStart: dataStart))
            record = next
        }
        return nil
    }
}

/// Why an archive was refused.
struct ZipProblem: Error {
    var reason: String
}
