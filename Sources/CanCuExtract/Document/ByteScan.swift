import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Byte-level helpers shared by the header, structure and procedure scanners (normalised UTF-8).
enum ByteScan {
    /// True when `bytes[range]` starts with `prefix`.
    @inline(__always)
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ prefix: [UInt8]) -> Bool {
        guard range.count >= prefix.count else { return false }
        var i = 0
        while i < prefix.count {
            if bytes[range.lowerBound + i] != prefix[i] { return false }
            i += 1
        }
        return true
    }

    /// The first offset of `needle` inside `bytes[range]`, or nil.
    static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: [UInt8]) -> Int? {
        guard let first = needle.first, range.count >= needle.count else { return nil }
        var i = range.lowerBound
        let last = range.upperBound - needle.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inline(__always) static func isASCIILower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func isASCIIUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isRoman(_ b: UInt8) -> Bool {
        b == 0x49 || b == 0x56 || b == 0x58 || b == 0x4C || b == 0x43 || b == 0x44 || b == 0x4D
    }

    /// Skips spaces and tabs from `i` up to `end`.
    @inline(__always)
    static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var j = i
        while j < end, isSpace(bytes[j]) { j += 1 }
        return j
    }

    /// Leading decimal digits from `i` (at most `limit`); returns the end offset.
    @inline(__always)
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, limit: Int = 12) -> Int {
        var j = i
        while j < end, j - i < limit, isDigit(bytes[j]) { j += 1 }
        return j
    }

    /// True when the line has letters and none of them is a lower-case letter (Vietnamese too).
    static func isUpperCaseLine(_ text: String) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.properties.isLowercase { return false }
            letters += 1
        }
        return letters > 0
    }

    /// The value of a Roman numeral (I…MMM), or nil.
    static func romanValue(_ text: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]
        var total = 0, previous = 0
        for ch in text.reversed() {
            guard let v = values[ch] else { return nil }
            if v < previous { total -= v } else { total += v; previous = v }
        }
        return text.isEmpty ? nil : total
    }
}
