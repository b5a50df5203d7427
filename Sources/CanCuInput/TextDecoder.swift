import CanCuModel
import CanCuText
import CanCuLexicon
/// Decodes the bytes of a text file: UTF-8 with or without a byte-order mark, or UTF-16 with one.
///
/// Invalid UTF-8 is never fatal: each maximal invalid sequence becomes U+FFFD and a warning that
/// names its byte offset. Binary input (a NUL byte in the first block, without a UTF-16 BOM) is
/// refused.
///
/// ```swift
/// let decoded = try TextDecoder.decode(bytes, path: "a.txt")
/// decoded.text       // the source text every offset points into
/// decoded.warnings   // e.g. [invalid_utf8 at byte 12]
/// ```
package enum TextDecoder {
    /// The size of the block inspected for NUL bytes.
    public static let binaryProbeSize = 8192
    /// At most this many invalid-sequence warnings are listed one by one; the rest are counted.
    public static let maxListedWarnings = 20

    /// The decoded text and what the decoder had to repair.
    public struct Decoded: Sendable {
        public var text: String
        public var encoding: String
        public var warnings: [Diagnostic]
    }

    public static func decode(_ bytes: [UInt8], path: String) throws(InputError) -> Decoded {
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
            return decodeUTF16(bytes, from: 2, bigEndian: false)
        }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
            return decodeUTF16(bytes, from: 2, bigEndian: true)
        }
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let probeEnd = min(bytes.count, start + binaryProbeSize)
        if bytes[start..<probeEnd].contains(0) {
            throw InputError(
                path: path, code: "binary",
                message: "tệp nhị phân, không phải văn bản (có byte NUL trong \(binaryProbeSize) byte đầu); bỏ qua")
        }
        return decodeUTF8(bytes, from: start)
    }

    static func decodeUTF8(_ bytes: [UInt8], from start: Int) -> Decoded {
        let body = bytes[start...]
        // Valid input (the common case): the standard library's vectorised validation.
        if let text = String(validating: body, as: UTF8.self) {
            return Decoded(text: text, encoding: start == 3 ? "utf-8-bom" : "utf-8", warnings: [])
        }
        var repaired: [UInt8] = []
        var offsets: [Int] = []
        var index = start
        var validFrom = start
        let end = bytes.count
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length = UTF8Validation.sequenceLength(bytes, at: index, end: end)
            if length > 0 { index += length; continue }
            // Invalid: replace the maximal invalid subpart (at least one byte).
            if offsets.isEmpty { repaired.reserveCapacity(bytes.count) }
            repaired.append(contentsOf: bytes[validFrom..<index])
            repaired.append(contentsOf: [0xEF, 0xBF, 0xBD])
            offsets.append(index)
            index += max(1, UTF8Validation.invalidPrefixLength(bytes, at: index, end: end))
            validFrom = index
        }
        if offsets.isEmpty {
            return Decoded(text: String(decoding: body, as: UTF8.self), encoding: start == 3 ? "utf-8-bom" : "utf-8", warnings: [])
        }
        repaired.append(contentsOf: bytes[validFrom..<end])
        return Decoded(
            text: String(decoding: repaired, as: UTF8.self), encoding: "utf-8",
            warnings: invalidWarnings(offsets, unit: "UTF-8"))
    }

    static func decodeUTF16(_ bytes: [UInt8], from start: Int, bigEndian: Bool) -> Decoded {
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var index = start
        while index + 1 < bytes.count {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            index += 2
        }
        var offsets: [Int] = []
        var i = 0
        while i < units.count {
            let u = units[i]
            if UTF16.isLeadSurrogate(u) {
                if i + 1 < units.count && UTF16.isTrailSurrogate(units[i + 1]) { i += 2; continue }
                offsets.append(start + 2 * i)
            } else if UTF16.isTrailSurrogate(u) {
                offsets.append(start + 2 * i)
            }
            i += 1
        }
        var warnings = invalidWarnings(offsets, unit: "UTF-16")
        if (bytes.count - start) % 2 == 1 {
            warnings.append(Diagnostic(code: "truncated_utf16", message: "byte lẻ cuối tệp UTF-16 (byte \(bytes.count - 1)) đã bị bỏ"))
        }
        return Decoded(text: String(decoding: units, as: UTF16.self), encoding: bigEndian ? "utf-16be" : "utf-16le", warnings: warnings)
    }

    static func invalidWarnings(_ offsets: [Int], unit: String) -> [Diagnostic] {
        var warnings = offsets.prefix(maxListedWarnings).map {
            Diagnostic(code: "invalid_\(unit == "UTF-8" ? "utf8" : "utf16")",
                       message: "chuỗi byte không hợp lệ \(unit) tại byte \($0), đã thay bằng U+FFFD")
        }
        if offsets.count > maxListedWarnings {
            warnings.append(Diagnostic(
                code: "invalid_\(unit == "UTF-8" ? "utf8" : "utf16")",
                message: "và \(offsets.count - maxListedWarnings) chuỗi byte không hợp lệ khác, đều đã thay bằng U+FFFD"))
        }
        return warnings
    }
}

/// Byte-level UTF-8 validation (Unicode's "maximal subpart" rule for replacements).
enum UTF8Validation {
    /// The length of the valid sequence starting at `index` (2...4), or 0 if it is invalid.
    @inline(__always)
    static func sequenceLength(_ bytes: [UInt8], at index: Int, end: Int) -> Int {
        let lead = bytes[index]
        @inline(__always) func cont(_ i: Int) -> Bool { i < end && bytes[i] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF:
            return cont(index + 1) ? 2 : 0
        case 0xE0:
            return index + 1 < end && (0xA0...0xBF).contains(bytes[index + 1]) && cont(index + 2) ? 3 : 0
        case 0xED:
            return index + 1 < end && (0x80...0x9F).contains(bytes[index + 1]) && cont(index + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(index + 1) && cont(index + 2) ? 3 : 0
        case 0xF0:
            return index + 1 < end && (0x90...0xBF).contains(bytes[index + 1]) && cont(index + 2) && cont(index + 3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(index + 1) && cont(index + 2) && cont(index + 3) ? 4 : 0
        case 0xF4:
            return index + 1 < end && (0x80...0x8F).contains(bytes[index + 1]) && cont(index + 2) && cont(index + 3) ? 4 : 0
        default:
            return 0
        }
    }

    /// How many bytes at `index` form one maximal invalid subpart (a truncated valid prefix).
    static func invalidPrefixLength(_ bytes: [UInt8], at index: Int, end: Int) -> Int {
        let lead = bytes[index]
        var needed: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: needed = 1
        case 0xE0: needed = 2; secondRange = 0xA0...0xBF
        case 0xED: needed = 2; secondRange = 0x80...0x9F
        case 0xE1...0xEC, 0xEE...0xEF: needed = 2
        case 0xF0: needed = 3; secondRange = 0x90...0xBF
        case 0xF1...0xF3: needed = 3
        case 0xF4: needed = 3; secondRange = 0x80...0x8F
        default: return 1
        }
        var length = 1
        while needed > 0 && index + length < end {
            let b = bytes[index + length]
            let ok = length == 1 ? secondRange.contains(b) : (b & 0xC0 == 0x80)
            if !ok { break }
            length += 1
            needed -= 1
        }
        return length
    }
}
