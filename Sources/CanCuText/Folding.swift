import CanCuModel
import Foundation

/// The search key of a text: lower case, no diacritics, `đ` → `d` ("Nghị định" → "nghi dinh").
///
/// A byte-level table lookup over UTF-8 (hundreds of MB/s), not a transliterator. Use it for
/// full-text search and for matching words with or without diacritics.
///
/// ```swift
/// Folding.fold("Cấp đổi thẻ Căn cước")   // "cap doi the can cuoc"
/// ```
public enum Folding {
    /// Folded forms of U+0080..<U+0250 and U+1E00..<U+1F00, as UTF-8 (often one ASCII byte), in
    /// a flat table of 4 bytes per scalar: the length (0xFF when the fold is longer than 3 bytes),
    /// then the bytes.
    private static let latin: [UInt8] = table(0x80..<0x250)
    private static let latinExtendedAdditional: [UInt8] = table(0x1E00..<0x1F00)

    private static func table(_ range: Range<UInt32>) -> [UInt8] {
        var table: [UInt8] = []
        for value in range {
            let folded = foldSlow(value)
            if folded.count > 3 { table += [0xFF, 0, 0, 0]; continue }
            table += [UInt8(folded.count)] + folded + [UInt8](repeating: 0, count: 3 - folded.count)
        }
        return table
    }
    private static let asciiLower: [UInt8] = (0..<128).map { b in (0x41...0x5A).contains(b) ? UInt8(b + 32) : UInt8(b) }

    private static func foldSlow(_ value: UInt32) -> [UInt8] {
        guard let scalar = Unicode.Scalar(value) else { return [] }
        if value == 0x110 || value == 0x111 || value == 0xD0 || value == 0xF0 { return [0x64] }  // Đ đ Ð ð → d
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !(0x300...0x36F).contains($0.value) }
        return Array(String(String.UnicodeScalarView(decomposed)).lowercased().utf8)
    }

    /// The folded key of `text`.
    public static func fold(_ text: String) -> String {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { fold(bytes: $0) } ?? fold(bytes: Array(text.utf8))
    }

    /// The folded key of UTF-8 bytes.
    public static func fold(bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { fold(bytes: $0) }
    }

    package static func fold(bytes p: UnsafeBufferPointer<UInt8>) -> String {
        let latin = Self.latin, extended = Self.latinExtendedAdditional, lower = Self.asciiLower
        return latin.withUnsafeBufferPointer { latin in
            extended.withUnsafeBufferPointer { extended in
                lower.withUnsafeBufferPointer { lower in
                    fold(p, latin: latin, extended: extended, lower: lower)
                }
            }
        }
    }

    private static func fold(_ p: UnsafeBufferPointer<UInt8>, latin: UnsafeBufferPointer<UInt8>,
                             extended: UnsafeBufferPointer<UInt8>, lower: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: p.count) { out in
            var o = 0
            var i = 0
            let n = p.count
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    out[o] = lower[Int(b)]
                    o += 1
                    i += 1
                    continue
                }
                let (c, length) = decodeScalar(p, i)
                var table: UnsafeBufferPointer<UInt8>? = nil
                var e = 0
                if c < 0x250 { table = latin; e = Int(c - 0x80) * 4 }
                else if c >= 0x1E00 && c < 0x1F00 { table = extended; e = Int(c - 0x1E00) * 4 }
                if c >= 0x300 && c <= 0x36F {
                    // A combining mark of decomposed input: dropped.
                } else if let table, Int(table[e]) <= length {
                    let count = Int(table[e])
                    for k in 0..<count { out[o] = table[e + 1 + k]; o += 1 }
                } else if table != nil {
                    for k in 0..<length { out[o] = p[i + k]; o += 1 }
                } else {
                    // Other scripts: lower case when it does not grow, else as is.
                    let lowered = Array(String(Unicode.Scalar(c) ?? "\u{FFFD}").lowercased().utf8)
                    if lowered.count <= length {
                        for byte in lowered { out[o] = byte; o += 1 }
                    } else {
                        for k in 0..<length { out[o] = p[i + k]; o += 1 }
                    }
                }
                i += length
            }
            return o
        }
    }

    /// The folded words of `text` joined by single spaces, for comparing names: ASCII letters and
    /// digits and every other non-ASCII scalar are kept (and `/` when `keepingSlash`, for symbols);
    /// ASCII punctuation, white space and general punctuation (U+2000–U+206F: dashes, quotes,
    /// ellipsis) separate words ("Luật  Đất đai," → "luat dat dai").
    public static func words(_ text: String, keepingSlash: Bool = false) -> String {
        let folded = Array(fold(text).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(folded.count)
        var pendingSpace = false
        var i = 0
        while i < folded.count {
            let b = folded[i]
            if b == 0xE2, i + 2 < folded.count, folded[i + 1] == 0x80 || folded[i + 1] == 0x81 {
                pendingSpace = true
                i += 3
                continue
            }
            if (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 || (keepingSlash && b == 0x2F) {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(b)
            } else {
                pendingSpace = true
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Lower-casing of UTF-8 bytes that keeps every byte offset: a scalar is replaced by its lower
/// case only when both have the same UTF-8 length, which holds for every Vietnamese letter
/// (À/à, Đ/đ, Ư/ư, Ạ/ạ, …); diacritics are kept ("tử" is not "từ"). Scanners match lower-cased
/// phrases against it and report the offsets as offsets of the original bytes. The one table of
/// lower case (review's scans, the date and target scanners).
package enum LowerCase {
    /// Lower case of U+0000..<U+0250 (two-byte scalars: the identity where the lower case would
    /// change the UTF-8 length).
    private static let latin: [UInt32] = (0..<0x250).map { lower(UInt32($0), min: 0x80, max: 0x7FF) }
    /// Lower case of U+1E00..<U+1F00 (Latin Extended Additional: Vietnamese letters with two marks).
    private static let latinExtendedAdditional: [UInt32] = (0x1E00..<0x1F00).map { lower(UInt32($0), min: 0x800, max: 0xFFFF) }

    private static func lower(_ value: UInt32, min: UInt32, max: UInt32) -> UInt32 {
        guard let s = Unicode.Scalar(value) else { return value }
        let lower = s.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let l = lower.first, l.value >= min, l.value <= max else { return value }
        return l.value
    }

    /// The lower-cased copy of `bytes`, of the same length.
    package static func bytes(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { self.bytes($0, 0..<$0.count) }
    }

    /// Lower-case UTF-8 bytes of a range, narrowed to whole scalars: a table lookup for ASCII,
    /// Latin-1, Latin Extended-A/B and Latin Extended Additional (Vietnamese).
    package static func bytes(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var lo = max(0, range.lowerBound)
        var hi = min(p.count, range.upperBound)
        while lo < hi, p[lo] & 0xC0 == 0x80 { lo += 1 }
        while hi > lo, hi < p.count, p[hi] & 0xC0 == 0x80 { hi -= 1 }
        guard lo < hi else { return [] }
        return [UInt8](unsafeUninitializedCapacity: hi - lo) { out, count in
            latin.withUnsafeBufferPointer { two in
                latinExtendedAdditional.withUnsafeBufferPointer { additional in
                    var i = lo
                    while i < hi {
                        let b = p[i]
                        if b < 0x80 {
                            out[i - lo] = b >= 0x41 && b <= 0x5A ? b + 32 : b
                            i += 1
                        } else if b & 0xE0 == 0xC0, i + 1 < hi {
                            let c = Int(b & 0x1F) << 6 | Int(p[i + 1] & 0x3F)
                            let l = c < 0x250 ? two[c] : UInt32(c)
                            out[i - lo] = UInt8(0xC0 | (l >> 6)); out[i - lo + 1] = UInt8(0x80 | (l & 0x3F))
                            i += 2
                        } else if b & 0xF0 == 0xE0, i + 2 < hi {
                            let c = Int(b & 0x0F) << 12 | Int(p[i + 1] & 0x3F) << 6 | Int(p[i + 2] & 0x3F)
                            let l = c >= 0x1E00 && c < 0x1F00 ? additional[c - 0x1E00] : UInt32(c)
                            out[i - lo] = UInt8(0xE0 | (l >> 12)); out[i - lo + 1] = UInt8(0x80 | ((l >> 6) & 0x3F))
                            out[i - lo + 2] = UInt8(0x80 | (l & 0x3F))
                            i += 3
                        } else {
                            out[i - lo] = b
                            i += 1
                        }
                    }
                }
            }
            count = hi - lo
        }
    }
}
