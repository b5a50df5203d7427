import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// The small date forms that follow a citation: "ngày 24/01/2019", "ngày 8-4-2025",
/// "ngày 24.01.2019", "ngày 24 tháng 01 năm 2019", and "năm 2024" (a year). Reads `ScanText.lower`.
enum CitedDate {
    /// A date read at `i` of lower-case bytes ("ngày …" must start at `i`): ISO value and end offset.
    static func date(_ l: [UInt8], at i: Int) -> (iso: String, year: Int, end: Int)? {
        guard let k0 = word(l, "ngày", at: i) else { return nil }
        var k = skip(l, k0)
        guard let (d, k1) = number(l, k, maxDigits: 2) else { return nil }
        k = skip(l, k1)
        var month: Int, year: Int, end: Int
        if k < l.count, l[k] == 0x2F || l[k] == 0x2D || l[k] == 0x2E {
            let separator = l[k]
            k = skip(l, k + 1)
            guard let (m, k2) = number(l, k, maxDigits: 2) else { return nil }
            k = skip(l, k2)
            guard k < l.count, l[k] == separator else { return nil }
            k = skip(l, k + 1)
            guard let (y, k3) = number(l, k, maxDigits: 4, exact: true) else { return nil }
            month = m; year = y; end = k3
        } else if let k2 = word(l, "tháng", at: k) {
            guard let (m, k3) = number(l, skip(l, k2), maxDigits: 2) else { return nil }
            guard let k4 = word(l, "năm", at: skip(l, k3)) else { return nil }
            guard let (y, k5) = number(l, skip(l, k4), maxDigits: 4, exact: true) else { return nil }
            month = m; year = y; end = k5
        } else {
            return nil
        }
        guard d >= 1 && d <= 31 && month >= 1 && month <= 12 && year >= 1900 && year <= 2100 else { return nil }
        let iso = String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (d < 10 ? "0" : "") + String(d)
        return (iso, year, end)
    }

    /// "năm 2024" at `i` (also a bare four-digit year when `bare`): the year and end offset.
    static func year(_ l: [UInt8], at i: Int, bare: Bool = false) -> (year: Int, end: Int)? {
        var k = i
        if let k1 = word(l, "năm", at: i) { k = skip(l, k1) } else if !bare { return nil }
        guard let (y, end) = number(l, k, maxDigits: 4, exact: true), y >= 1945 && y <= 2100 else { return nil }
        return (y, end)
    }

    /// Skips spaces.
    static func skip(_ l: [UInt8], _ i: Int) -> Int {
        var k = i
        while k < l.count && l[k] == 0x20 { k += 1 }
        return k
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
