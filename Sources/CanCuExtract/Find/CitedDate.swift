import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// The small date forms that follow a citation: "ngày 24/01/2019", "ngày 8-4-2025",
/// "ngày 24.01.2019", "ngày 24 tháng 01 năm 2019", and "năm 2024" (a year). Reads `ScanText.lower`;
/// the forms are `DateReader`'s, the cues ("ngày", "năm", a year from 1945) are this reader's.
enum CitedDate {
    /// The date at `i` of lower-case bytes, which must start with "ngày" ("ngày 24/01/2019", "ngày 24
    /// tháng 01 năm 2019"): its value and end offset (`DateReader`, spacing of the scan text).
    static func date(_ l: [UInt8], at i: Int) -> (date: LegalDate, end: Int)? {
        guard word(l, "ngày", at: i) != nil else { return nil }
        return l.withUnsafeBufferPointer { DateReader.date($0, at: i, .citation) }
    }

    /// "năm 2024" at `i` (also a bare four-digit year when `bare`): the year and end offset. A cited
    /// document's year is one of the state's (1945 on).
    static func year(_ l: [UInt8], at i: Int, bare: Bool = false) -> (year: Int, end: Int)? {
        if !bare, word(l, "năm", at: i) == nil { return nil }
        let found = l.withUnsafeBufferPointer { p in
            DateReader.year(p, at: DateReader.cue(p, i, DateReader.nam, .citation) ?? i, .citation)
        }
        guard let found, let date = found.date, date.year >= 1945 else { return nil }
        return (date.year, found.end)
    }

    /// Skips spaces.
    static func skip(_ l: [UInt8], _ i: Int) -> Int {
        var k = i
        while k < l.count && l[k] == 0x20 { k += 1 }
        return k
    }

    /// The end of `words` (lower-case bytes, one space between words) if they stand at `i`, the
    /// first byte of each before `end`, any run of spaces in `l` standing for a space; nil if not.
    static func spacedWords(_ l: [UInt8], _ words: [UInt8], at i: Int, before end: Int) -> Int? {
        var m = i
        for b in words {
            guard m < end else { return nil }
            if b == 0x20 {
                guard l[m] == 0x20 else { return nil }
                m = skip(l, m)
            } else {
                guard l[m] == b else { return nil }
                m += 1
            }
        }
        return m
    }

    /// The end of `w` if the word `w` (lower-case bytes) stands at `i`, followed by a non-letter.
    static func word(_ l: [UInt8], _ w: String, at i: Int) -> Int? {
        var k = i
        for b in w.utf8 {
            guard k < l.count, l[k] == b else { return nil }
            k += 1
        }
        if k < l.count, isLetterByte(l[k]) { return nil }
        return k
    }

    /// A number of at most `maxDigits` digits (exactly that many when `exact`) at `i`, not followed by a digit.
    static func number(_ l: [UInt8], _ i: Int, maxDigits: Int, exact: Bool = false) -> (Int, Int)? {
        var k = i, x = 0
        while k < l.count && l[k] &- 0x30 < 10 && k - i < maxDigits { x = x * 10 + Int(l[k] - 0x30); k += 1 }
        guard k > i, !exact || k - i == maxDigits else { return nil }
        if !exact && k < l.count && l[k] &- 0x30 < 10 { return nil }
        return (x, k)
    }

    /// ASCII letters and every byte of a non-ASCII scalar count as letters (punctuation U+2000… excepted by callers).
    @inline(__always) static func isLetterByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x80 && b != 0xE2)
    }
}
