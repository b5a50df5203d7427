import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Small byte-level helpers shared by the date, period and target scanners: character classes,
/// numbers, words before and after a position, and folded windows of normalised UTF-8 text.
enum TemporalScan {
    package typealias Buffer = UnsafeBufferPointer<UInt8>

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    /// A byte of a word: an ASCII letter or any byte of a non-ASCII scalar (Vietnamese letters).
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { isASCIILetter(b) || b >= 0x80 }

    /// The index of the first element whose key is >= `key` in an array sorted by key.
    static func lowerBound<T>(_ array: [T], _ key: Int, by keyOf: (T) -> Int) -> Int {
        var lo = 0, hi = array.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keyOf(array[mid]) < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The elements whose key lies in `range`, for an array sorted by key.
    static func slice<T>(_ array: [T], in range: Range<Int>, by keyOf: (T) -> Int) -> ArraySlice<T> {
        let a = lowerBound(array, range.lowerBound, by: keyOf)
        let b = lowerBound(array, range.upperBound, by: keyOf)
        return array[a..<max(a, b)]
    }

    /// The value and end of the digit run starting at `i` (nil when none; at most 9 digits read).
    static func number(_ p: Buffer, at i: Int) -> (value: Int, end: Int)? {
        var j = i
        var v = 0
        while j < p.count, isDigit(p[j]) {
            if j - i < 9 { v = v * 10 + Int(p[j] - 0x30) }
            j += 1
        }
        return j > i ? (v, j) : nil
    }

    /// The index after spaces from `i` (newlines included: Gazette text is hard-wrapped), at most `limit` bytes.
    static func skipSpaces(_ p: Buffer, from i: Int, limit: Int = 12) -> Int {
        var j = i
        while j < p.count, j - i < limit, isSpace(p[j]) { j += 1 }
        return j
    }

    /// The index of the first non-space byte going back from `i` (exclusive), at most `limit` bytes.
    static func skipSpacesBack(_ p: Buffer, from i: Int, limit: Int = 12) -> Int {
        var j = i
        while j > 0, i - j < limit, isSpace(p[j - 1]) { j -= 1 }
        return j
    }

    /// The word (letters only) ending right before `i` after skipping spaces back.
    static func wordBefore(_ p: Buffer, _ i: Int) -> Range<Int>? {
        let end = skipSpacesBack(p, from: i)
        var start = end
        while start > 0, end - start < 24, isWordByte(p[start - 1]) { start -= 1 }
        return start < end ? start..<end : nil
    }

    /// The word starting at `i` after skipping spaces.
    static func wordAfter(_ p: Buffer, _ i: Int) -> Range<Int>? {
        let start = skipSpaces(p, from: i)
        var end = start
        while end < p.count, end - start < 24, isWordByte(p[end]) { end += 1 }
        return start < end ? start..<end : nil
    }

    /// Whether the bytes of `range` equal one of `variants`.
    static func equals(_ p: Buffer, _ range: Range<Int>, _ variants: [[UInt8]]) -> Bool {
        for v in variants where v.count == range.count {
            var k = 0
            while k < v.count, p[range.lowerBound + k] == v[k] { k += 1 }
            if k == v.count { return true }
        }
        return false
    }

    /// Whether the bytes at `i` start with `pattern`.
    static func hasPrefix(_ p: Buffer, at i: Int, _ pattern: [UInt8]) -> Bool {
        guard i >= 0, i + pattern.count <= p.count else { return false }
        for k in 0..<pattern.count where p[i + k] != pattern[k] { return false }
        return true
    }

    /// The folded text (lower case, no diacritics) of a byte range.
    /// The range is first narrowed to whole scalars (a window may start or end inside one).
    static func fold(_ p: Buffer, _ range: Range<Int>) -> String {
        var lo = max(0, range.lowerBound)
        var hi = min(p.count, range.upperBound)
        while lo < hi, p[lo] & 0xC0 == 0x80 { lo += 1 }
        while hi > lo, hi < p.count, p[hi] & 0xC0 == 0x80 { hi -= 1 }
        guard lo < hi else { return "" }
        return Folding.fold(bytes: Buffer(rebasing: p[lo..<hi]))
    }

    /// The lower-case text (diacritics kept: "tử" is not "từ") of a byte range, narrowed to whole scalars.
    static func lower(_ p: Buffer, _ range: Range<Int>) -> String {
        String(decoding: lowerBytes(p, range), as: UTF8.self)
    }

    /// Lower-case UTF-8 bytes of a range, narrowed to whole scalars (`LowerCase`).
    static func lowerBytes(_ p: Buffer, _ range: Range<Int>) -> [UInt8] {
        LowerCase.bytes(p, range)
    }

    /// Whether the scalar starting at `i` is an upper-case letter.
    static func isUpperStart(_ p: Buffer, _ i: Int) -> Bool {
        guard i < p.count else { return false }
        let b = p[i]
        if b < 0x80 { return b >= 0x41 && b <= 0x5A }
        var value: UInt32
        var length: Int
        if b & 0xE0 == 0xC0 { value = UInt32(b & 0x1F); length = 2 }
        else if b & 0xF0 == 0xE0 { value = UInt32(b & 0x0F); length = 3 }
        else { return false }
        guard i + length <= p.count else { return false }
        for k in 1..<length { value = value << 6 | UInt32(p[i + k] & 0x3F) }
        if value < 0x250 { return upperTwo[Int(value)] }
        if value >= 0x1E00 && value < 0x1F00 { return upperAdditional[Int(value) - 0x1E00] }
        return Unicode.Scalar(value)?.properties.isUppercase ?? false
    }

    /// `isUppercase` of U+0000..<U+0250 and of U+1E00..<U+1F00, looked up (the same answers).
    private static let upperTwo: [Bool] = (0..<0x250).map { Unicode.Scalar(UInt32($0))?.properties.isUppercase ?? false }
    private static let upperAdditional: [Bool] = (0x1E00..<0x1F00).map { Unicode.Scalar(UInt32($0))?.properties.isUppercase ?? false }


    /// The UTF-8 variants (lower, Capitalised, UPPER) of a word.
    static func variants(_ word: String) -> [[UInt8]] {
        let capitalised = word.prefix(1).uppercased() + word.dropFirst()
        return [Array(word.utf8), Array(capitalised.utf8), Array(word.uppercased().utf8)]
    }

    /// Whether `text` ends with `suffix` at a word boundary.
    static func endsWithWord(_ text: Substring, _ suffix: String) -> Bool {
        guard text.hasSuffix(suffix) else { return false }
        let before = text.dropLast(suffix.count)
        guard let last = before.last else { return true }
        return !(last.isLetter || last.isNumber)
    }

    /// Trailing spaces and punctuation removed.
    static func trimEnd(_ text: Substring) -> Substring {
        var t = text
        while let last = t.last, last == " " || last == "\n" || last == "\t" || last == ":" || last == "," { t = t.dropLast() }
        return t
    }

    /// `text` without the byte-level spaces of line wraps: runs of white space become one space.
    static func collapseSpaces(_ text: String) -> String {
        var text = text
        return text.withUTF8 { collapseSpaces($0[...]) }
    }

    /// The text of `bytes` (whole scalars of valid UTF-8) with runs of white space (space, tab,
    /// line breaks) made one space and none at either end.
    static func collapseSpaces(_ bytes: Slice<Buffer>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var space = false
        for b in bytes {
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { space = true; continue }
            if space, !out.isEmpty { out.append(0x20) }
            space = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
