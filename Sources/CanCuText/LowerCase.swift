/// Lower-casing of UTF-8 bytes that keeps every byte offset: a scalar is replaced by its lower
/// case only when both have the same UTF-8 length, which holds for every Vietnamese letter
/// (À/à, Đ/đ, Ư/ư, Ạ/ạ, …). Scanners match lower-cased phrases against it and report the offsets
/// as offsets of the original bytes.
package enum LowerCase {
    /// Lower-case forms of U+0080..<U+0250 and U+1E00..<U+1F00 (the scalar itself when its lower case
    /// has another length).
    private static let latin: [UInt32] = (0x80..<0x250).map { lower(UInt32($0)) }
    private static let latinExtendedAdditional: [UInt32] = (0x1E00..<0x1F00).map { lower(UInt32($0)) }

    private static func lower(_ value: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(value) else { return value }
        let lowered = String(scalar).lowercased().unicodeScalars
        guard lowered.count == 1, let l = lowered.first, String(l).utf8.count == String(scalar).utf8.count else { return value }
        return l.value
    }

    /// The lower-cased copy of `bytes`, of the same length.
    package static func bytes(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        out.withUnsafeMutableBufferPointer { p in
            let n = p.count
            var i = 0
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    if b >= 0x41 && b <= 0x5A { p[i] = b + 32 }
                    i += 1
                } else if b & 0xE0 == 0xC0, i + 1 < n {
                    let c = UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
                    if c >= 0x80 && c < 0x250 {
                        let l = latin[Int(c) - 0x80]
                        if l != c { p[i] = UInt8(0xC0 | (l >> 6)); p[i + 1] = UInt8(0x80 | (l & 0x3F)) }
                    }
                    i += 2
                } else if b & 0xF0 == 0xE0, i + 2 < n {
                    let c = UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
                    if c >= 0x1E00 && c < 0x1F00 {
                        let l = latinExtendedAdditional[Int(c) - 0x1E00]
                        if l != c {
                            p[i] = UInt8(0xE0 | (l >> 12)); p[i + 1] = UInt8(0x80 | ((l >> 6) & 0x3F)); p[i + 2] = UInt8(0x80 | (l & 0x3F))
                        }
                    }
                    i += 3
                } else {
                    i += 1
                }
            }
        }
        return out
    }
}
