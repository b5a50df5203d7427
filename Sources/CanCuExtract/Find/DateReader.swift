import CanCuModel

/// The one reader of the date forms of Vietnamese legal text, over normalised UTF-8 bytes:
///
/// - a day: "24 tháng 01 năm 2019", "24/01/2019", "24-01-2019", "24.01.2019", "24/01 năm 2019",
///   each with an optional "ngày" before it;
/// - a month: "tháng 6/2021", "tháng 6 năm 2021";
/// - a year: "năm 2025";
/// - ISO: "2022-11-14";
/// - a header's written date whose day or month was left blank ("ngày   tháng   năm 2022").
///
/// It decides what a date is: days and months of one or two digits, a year of four (not part of a
/// longer number or symbol: "2019/", "2019-3"), and `LegalDate`'s rules (no 31/02, plausible
/// years). The words are matched in lower case, Capitalised and UPPER CASE. What may stand between
/// the parts is the caller's `Spacing`; what must come before the date (a cue, a role) and where it
/// is looked for stay with the callers (`CitedDate`, `DateScanner`, `HeaderParser`).
/// No call allocates.
package enum DateReader {
    package typealias Buffer = UnsafeBufferPointer<UInt8>

    /// What may separate the parts of a date (and whether a year may run into what follows).
    package struct Spacing: Sendable {
        /// Tabs count as space.
        package var tabs: Bool
        /// Line breaks (LF, CR) count as space: hard-wrapped Gazette text.
        package var lineBreaks: Bool
        /// At most this many bytes of space between two parts.
        package var most: Int
        /// The least space between a word and the numeral after it (0 reads "tháng01").
        package var beforeNumeral: Int
        /// The least space between a numeral and the word after it (0 reads "24tháng").
        package var afterNumeral: Int
        /// Spaces may stand around '/', '-' and '.' ("24 / 01 / 2019").
        package var aroundSeparators: Bool
        /// A year is its first four digits even when more of a number or symbol follows unspaced
        /// (table cells glued by extraction: "năm 202068/2020/QH14").
        package var gluedYear = false

        /// Running text (the temporal stage): spaces, tabs and line breaks, at most 12 bytes; a
        /// word may follow a numeral unspaced ("24tháng"), a numeral needs a space after a word.
        package static let text = Spacing(tabs: true, lineBreaks: true, most: 12, beforeNumeral: 1, afterNumeral: 0, aroundSeparators: false)
        /// The date after a citation, on its lower-case scan text: spaces only, any number, none
        /// needed ("ngày24/01/2019"), also around separators; a year may run into the next cell.
        package static let citation = Spacing(tabs: false, lineBreaks: false, most: .max, beforeNumeral: 0, afterNumeral: 0, aroundSeparators: true, gluedYear: true)
        /// A header line: spaces and tabs, at least one between words and numerals.
        package static let line = Spacing(tabs: true, lineBreaks: false, most: .max, beforeNumeral: 1, afterNumeral: 1, aroundSeparators: false)
    }

    /// The parts of a date form as written, before `LegalDate`'s rules.
    package struct Reading: Sendable, Equatable {
        package var day: Int?
        package var month: Int?
        /// Nil when no year is written after the day and month ("ngày 01/7"): the caller may
        /// take it from the context or not.
        package var year: Int?
        /// The end of the reading (after the year, else after the month).
        package var end: Int
        /// The year follows a numeric day and month with "năm" ("24/01 năm 2019").
        package var yearByWord = false

        /// The date, when a year is written and the parts make a real date.
        package var date: LegalDate? {
            guard let year else { return nil }
            return LegalDate(year: year, month: month, day: day)
        }
    }

    static let ngay = variants("ngày")
    static let thang = variants("tháng")
    static let nam = variants("năm")

    // MARK: Dates

    /// The date at `i`: "ngày" and a day form, "tháng" and a month form, "năm" and a year, or a
    /// day form from its numeral ("24/01/2019", "24 tháng 01 năm 2019"). Nil when no form is
    /// written there with its year, or the date is impossible.
    package static func date(_ p: Buffer, at i: Int, _ spacing: Spacing) -> (date: LegalDate, end: Int)? {
        guard i < p.count else { return nil }
        let reading: Reading?
        if isDigit(p[i]) {
            reading = day(p, at: i, spacing)
        } else if let k = cue(p, i, ngay, spacing) {
            reading = day(p, at: k, spacing)
        } else if let k = cue(p, i, thang, spacing) {
            reading = month(p, at: k, spacing)
        } else if let k = cue(p, i, nam, spacing) {
            reading = year(p, at: k, spacing)
        } else {
            return nil
        }
        guard let reading, let date = reading.date else { return nil }
        return (date, reading.end)
    }

    /// The date of a header's date cell from right after its "ngày": the long form ("30 tháng 12
    /// năm 2022"), whose day or month may be left blank ("ngày   tháng 3 năm 2022" → 2022-03,
    /// "ngày   tháng   năm 2022" → 2022; a day without its month is dropped). Numeric forms are
    /// not a date cell's ("…, ngày 26/5/2022" is running text).
    package static func writtenDate(_ p: Buffer, at i: Int, _ spacing: Spacing) -> (date: LegalDate, end: Int)? {
        var k = skip(p, i, spacing)
        var dayValue: Int?
        if k < p.count, isDigit(p[k]) {
            guard k - i >= spacing.beforeNumeral, let (d, e) = small(p, k) else { return nil }
            dayValue = d
            k = e
        }
        guard let monthStart = word(p, k, thang, spacing, afterNumeral: dayValue != nil) else { return nil }
        k = monthStart
        var monthValue: Int?
        if k < p.count, isDigit(p[k]) {
            guard let (m, e) = small(p, k) else { return nil }
            monthValue = m
            k = e
        }
        guard let yearStart = word(p, k, nam, spacing, afterNumeral: monthValue != nil),
              let (y, end) = year4(p, yearStart, spacing) else { return nil }
        guard let date = LegalDate(year: y, month: monthValue, day: monthValue == nil ? nil : dayValue) else { return nil }
        return (date, end)
    }

    // MARK: Forms

    /// A day form from the day's numeral at `i`: "24/01/2019", "24-01-2019", "24.01.2019",
    /// "24/01 năm 2019", "24 tháng 01 năm 2019"; without a year ("24/01", "24 tháng 01") the
    /// reading has none and ends after the month.
    package static func day(_ p: Buffer, at i: Int, _ spacing: Spacing) -> Reading? {
        guard let (d, e) = small(p, i) else { return nil }
        var k = e
        if spacing.aroundSeparators { k = skip(p, k, spacing) }
        if k < p.count, isSeparator(p[k]) {
            let separator = p[k]
            k += 1
            if spacing.aroundSeparators { k = skip(p, k, spacing) }
            guard let (m, me) = small(p, k) else { return nil }
            k = me
            if spacing.aroundSeparators { k = skip(p, k, spacing) }
            if k < p.count, p[k] == separator {
                k += 1
                if spacing.aroundSeparators { k = skip(p, k, spacing) }
                if let (y, ye) = year4(p, k, spacing) { return Reading(day: d, month: m, year: y, end: ye) }
                return Reading(day: d, month: m, year: nil, end: me)
            }
            if separator != 0x2E, let (y, ye) = yearAfter(p, me, spacing) {
                return Reading(day: d, month: m, year: y, end: ye, yearByWord: true)
            }
            return Reading(day: d, month: m, year: nil, end: me)
        }
        guard let ms = word(p, e, thang, spacing, afterNumeral: true), let (m, me) = small(p, ms) else { return nil }
        if let (y, ye) = yearAfter(p, me, spacing) { return Reading(day: d, month: m, year: y, end: ye) }
        return Reading(day: d, month: m, year: nil, end: me)
    }

    /// A month form from the month's numeral at `i`: "6/2021", "6 năm 2021".
    package static func month(_ p: Buffer, at i: Int, _ spacing: Spacing) -> Reading? {
        guard let (m, e) = small(p, i) else { return nil }
        if e < p.count, p[e] == 0x2F {
            guard let (y, ye) = year4(p, e + 1, spacing) else { return nil }
            return Reading(month: m, year: y, end: ye)
        }
        guard let (y, ye) = yearAfter(p, e, spacing) else { return nil }
        return Reading(month: m, year: y, end: ye)
    }

    /// A year from its numeral at `i`: four digits.
    package static func year(_ p: Buffer, at i: Int, _ spacing: Spacing) -> Reading? {
        guard let (y, e) = year4(p, i, spacing) else { return nil }
        return Reading(year: y, end: e)
    }

    /// ISO "2022-11-14" from the year's numeral at `i` (a time after it is the caller's).
    package static func iso(_ p: Buffer, at i: Int) -> (date: LegalDate, end: Int)? {
        guard let (y, e) = digits(p, i), e - i == 4, e < p.count, p[e] == 0x2D,
              let (m, e2) = digits(p, e + 1), e2 - e == 3, e2 < p.count, p[e2] == 0x2D,
              let (d, e3) = digits(p, e2 + 1), e3 - e2 == 3, !glued(p, e3),
              let date = LegalDate(year: y, month: m, day: d) else { return nil }
        return (date, e3)
    }

    // MARK: Parts

    /// " năm 2019" after a numeral ending at `i`: the year and its end.
    static func yearAfter(_ p: Buffer, _ i: Int, _ spacing: Spacing) -> (Int, Int)? {
        guard let k = word(p, i, nam, spacing, afterNumeral: true) else { return nil }
        return year4(p, k, spacing)
    }

    /// The cue word (one of `variants`) at `i` and the space after it: where its numeral starts.
    static func cue(_ p: Buffer, _ i: Int, _ variants: [[UInt8]], _ spacing: Spacing) -> Int? {
        guard let e = match(p, i, variants) else { return nil }
        let k = skip(p, e, spacing)
        guard k - e >= spacing.beforeNumeral, k < p.count, isDigit(p[k]) else { return nil }
        return k
    }

    /// The word (one of `variants`) after the space from `i`, and the space after it: where the
    /// next part starts. `afterNumeral`: a numeral ends at `i` (else the word follows a blank).
    static func word(_ p: Buffer, _ i: Int, _ variants: [[UInt8]], _ spacing: Spacing, afterNumeral: Bool) -> Int? {
        let k = skip(p, i, spacing)
        guard !afterNumeral || k - i >= spacing.afterNumeral, let e = match(p, k, variants) else { return nil }
        let next = skip(p, e, spacing)
        guard next - e >= spacing.beforeNumeral else { return nil }
        if next == e, next < p.count, isWordByte(p[next]) { return nil }
        return next
    }

    /// The end of one of `variants` standing at `i`.
    @inline(__always) static func match(_ p: Buffer, _ i: Int, _ variants: [[UInt8]]) -> Int? {
        for v in variants where i + v.count <= p.count {
            var k = 0
            while k < v.count, p[i + k] == v[k] { k += 1 }
            if k == v.count { return i + k }
        }
        return nil
    }

    /// The index after the space from `i` (at most `spacing.most` bytes).
    @inline(__always) static func skip(_ p: Buffer, _ i: Int, _ spacing: Spacing) -> Int {
        var k = i
        while k < p.count, k - i < spacing.most {
            let b = p[k]
            guard b == 0x20 || (spacing.tabs && b == 0x09) || (spacing.lineBreaks && (b == 0x0A || b == 0x0D)) else { break }
            k += 1
        }
        return k
    }

    /// The value and end of the digit run at `i` (at most 9 digits counted).
    @inline(__always) static func digits(_ p: Buffer, _ i: Int) -> (Int, Int)? {
        var k = i, v = 0
        while k < p.count, isDigit(p[k]) {
            if k - i < 9 { v = v * 10 + Int(p[k] &- 0x30) }
            k += 1
        }
        return k > i ? (v, k) : nil
    }

    /// A day or a month: one or two digits.
    @inline(__always) static func small(_ p: Buffer, _ i: Int) -> (Int, Int)? {
        guard let (v, e) = digits(p, i), e - i <= 2 else { return nil }
        return (v, e)
    }

    /// A year: four digits, not glued to more of a number or symbol (unless `spacing.gluedYear`).
    @inline(__always) static func year4(_ p: Buffer, _ i: Int, _ spacing: Spacing) -> (Int, Int)? {
        if spacing.gluedYear {
            guard i + 4 <= p.count, isDigit(p[i]), isDigit(p[i + 1]), isDigit(p[i + 2]), isDigit(p[i + 3]) else { return nil }
            return ((Int(p[i]) - 0x30) * 1000 + (Int(p[i + 1]) - 0x30) * 100 + (Int(p[i + 2]) - 0x30) * 10 + Int(p[i + 3]) - 0x30, i + 4)
        }
        guard let (v, e) = digits(p, i), e - i == 4, !glued(p, e) else { return nil }
        return (v, e)
    }

    /// The byte at `e` continues a longer token: a digit, '/', or '-' '.' before a digit ("2019/",
    /// "2019-3", "2019.1").
    @inline(__always) package static func glued(_ p: Buffer, _ e: Int) -> Bool {
        guard e < p.count else { return false }
        let b = p[e]
        if isDigit(b) || b == 0x2F { return true }
        return (b == 0x2D || b == 0x2E) && e + 1 < p.count && isDigit(p[e + 1])
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isSeparator(_ b: UInt8) -> Bool { b == 0x2F || b == 0x2D || b == 0x2E }
    /// An ASCII letter or any byte of a non-ASCII scalar.
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b >= 0x80 }

    /// The UTF-8 of a word in lower case, Capitalised and UPPER CASE.
    static func variants(_ word: String) -> [[UInt8]] {
        let capitalised = word.prefix(1).uppercased() + word.dropFirst()
        return [Array(word.utf8), Array(capitalised.utf8), Array(word.uppercased().utf8)]
    }
}
