import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Finds the dates and periods of normalised UTF-8 text in one pass over its digit runs:
/// "24/01/2019", "7/3/2019", "24-01-2019", "24.01.2019", "ngày 24 tháng 01 năm 2019",
/// "tháng 6/2021", "tháng 6 năm 2021", "năm 2025", ISO "2022-11-14 09:31:01", "ngày 01/7" (year
/// left to the caller), periods "2021-2025", "từ năm 2021 đến năm 2025", "định hướng đến năm 2030",
/// "quý II năm 2023". Impossible dates, document symbols ("09/2019/NĐ-CP"), fractions, versions,
/// phone numbers and procedure codes ("1.004222") are skipped.
struct DateScanner: Sendable {
    /// A date found in the text, before roles are given.
    struct Found: Sendable {
        /// Bytes of the date as shown ("24/01/2019", "ngày 24 tháng 01 năm 2019", "tháng 6/2021", "năm 2025").
        var range: Range<Int>
        /// Where its first numeral starts: the text before it is the cue window.
        var numerals: Int
        /// Nil when the year is left to the context ("ngày 01/7").
        var date: LegalDate?
        var day: Int
        var month: Int
        /// "ngày" stands right before the numerals (or opens the long form).
        var afterNgay: Bool
    }

    /// A period found in the text.
    struct FoundPeriod: Sendable {
        var range: Range<Int>
        var from: String?
        var to: String?
    }

    let periodEnds: [[UInt8]]

    static let ngay = TemporalScan.variants("ngày")
    static let thang = TemporalScan.variants("tháng")
    static let nam = TemporalScan.variants("năm")
    static let quy = TemporalScan.variants("quý")
    static let tu = TemporalScan.variants("từ")
    static let den = TemporalScan.variants("đến")
    static let so = TemporalScan.variants("số")
    static let romans: [[UInt8]] = ["I", "II", "III", "IV"].map { Array($0.utf8) }

    init(cues: DateCues) {
        periodEnds = cues.periodEnds
    }

    /// Scans the whole text; `isCitationYear` says whether a "năm YYYY" is the year of a cited
    /// document ("Luật Cư trú năm 2020") rather than a date.
    func scan(_ p: TemporalScan.Buffer, isCitationYear: (Int) -> Bool) -> (dates: [Found], periods: [FoundPeriod]) {
        var dates: [Found] = []
        var periods: [FoundPeriod] = []
        var lastCitationYearEnd = -100
        let n = p.count
        var i = 0
        while i < n {
            i = ByteSearch.nextDigit(p, from: i)
            guard i < n else { break }
            let s = i
            guard let (a, e) = TemporalScan.number(p, at: s) else { i += 1; continue }
            i = e
            let length = e - s
            let prev: UInt8 = s > 0 ? p[s - 1] : 0x20
            // Glued to a word or inside a number/symbol ("QH14", "1.004222", "/2019/").
            if TemporalScan.isWordByte(prev) && prev < 0x80 { continue }
            if prev == 0x2E || prev == 0x2C || prev == 0x3A || prev == 0x2D {
                if s >= 2 && TemporalScan.isDigit(p[s - 2]) { continue }
            }
            if length == 4 {
                if prev == 0x2F {
                    if let q = quarter(p, yearStart: s, yearEnd: e, year: a, slash: true) { periods.append(q) }
                    continue
                }
                if let d = iso(p, s) { dates.append(d); i = d.range.upperBound; continue }
                if let q = quarter(p, yearStart: s, yearEnd: e, year: a, slash: false) { periods.append(q); continue }
                if let r = yearRange(p, s, e, a) { periods.append(r); i = r.range.upperBound; continue }
                if let w = TemporalScan.wordBefore(p, s), TemporalScan.equals(p, w, Self.nam) {
                    guard let yearDate = DateReader.year(p, at: s, .text)?.date else { continue }
                    if let r = fromToYears(p, namWord: w, e, a) { periods.append(r); i = r.range.upperBound; continue }
                    if let r = periodEnd(p, leadEnd: w.lowerBound, s, e, a) { periods.append(r); continue }
                    if isCitationYear(w.lowerBound) || continuesCitationYears(p, lastCitationYearEnd, w.lowerBound) {
                        lastCitationYearEnd = e
                        continue
                    }
                    dates.append(Found(range: w.lowerBound..<e, numerals: s, date: yearDate, day: 0, month: 0, afterNgay: false))
                    continue
                }
                if LegalDate.plausibleYears.contains(a), !gluedAfter(p, e),
                   let r = periodEnd(p, leadEnd: s, s, e, a) { periods.append(r) }
                continue
            }
            guard length <= 2, prev != 0x2F else { continue }
            if let d = numeric(p, s, e) {
                if let d { dates.append(d); i = d.range.upperBound }
                continue
            }
            let before = TemporalScan.wordBefore(p, s)
            if let w = before, TemporalScan.equals(p, w, Self.ngay), let d = long(p, ngayWord: w, s, e) {
                dates.append(d); i = d.range.upperBound; continue
            }
            if let w = before, TemporalScan.equals(p, w, Self.thang), let d = monthForm(p, thangWord: w, s) {
                dates.append(d); i = d.range.upperBound; continue
            }
        }
        return (dates, periods)
    }

    /// The byte after a year is not part of a longer token ("2019/", "20191", "2019-3").
    private func gluedAfter(_ p: TemporalScan.Buffer, _ e: Int) -> Bool {
        guard e < p.count else { return false }
        let b = p[e]
        if TemporalScan.isDigit(b) || b == 0x2F { return true }
        if (b == 0x2D || b == 0x2E) && e + 1 < p.count && TemporalScan.isDigit(p[e + 1]) { return true }
        return false
    }

    /// "năm 2020, năm 2021" after a citation year: the list goes on.
    private func continuesCitationYears(_ p: TemporalScan.Buffer, _ lastEnd: Int, _ namStart: Int) -> Bool {
        guard lastEnd >= 0, namStart > lastEnd, namStart - lastEnd <= 6 else { return false }
        for k in lastEnd..<namStart where !(p[k] == 0x2C || TemporalScan.isSpace(p[k]) || p[k] == 0x76 || p[k] == 0xC3 || p[k] == 0xA0) {
            return false
        }
        return true
    }

    /// "2022-11-14" (`DateReader.iso`) with an optional time "09:31:01".
    private func iso(_ p: TemporalScan.Buffer, _ s: Int) -> Found? {
        guard let (date, e3) = DateReader.iso(p, at: s) else { return nil }
        var end = e3
        if end + 6 <= p.count, p[end] == 0x20 || p[end] == 0x54,
           let (_, h) = TemporalScan.number(p, at: end + 1), h - end == 3, h < p.count, p[h] == 0x3A,
           let (_, mi) = TemporalScan.number(p, at: h + 1), mi - h == 3 {
            end = mi
            if end < p.count, p[end] == 0x3A, let (_, se) = TemporalScan.number(p, at: end + 1), se - end == 3 { end = se }
        }
        return Found(range: s..<end, numerals: s, date: date, day: date.day ?? 0, month: date.month ?? 0, afterNgay: false)
    }

    /// "24/01/2019", "7-3-2019", "24.01.2019" (`DateReader.day`), and after "ngày" "01/7" (year to
    /// infer) or "01/7 năm 2019". Returns `.some(nil)` for a d/m/y that is no date (consumed), nil
    /// when the form does not apply.
    private func numeric(_ p: TemporalScan.Buffer, _ s: Int, _ e: Int) -> Found?? {
        guard e + 1 < p.count, DateReader.isSeparator(p[e]), let (m, e2) = DateReader.small(p, e + 1),
              let r = DateReader.day(p, at: s, .text), let d = r.day else { return nil }
        let sep = p[e]
        let afterNgay = TemporalScan.wordBefore(p, s).map { TemporalScan.equals(p, $0, Self.ngay) } ?? false
        if e2 + 1 < p.count, p[e2] == sep, TemporalScan.isDigit(p[e2 + 1]) {
            // A third part: a year, or no date ("24/01/20191", "24/01/2019/", "31/02/2019").
            guard let date = r.date else { return .some(nil) }
            return Found(range: s..<r.end, numerals: s, date: date, day: d, month: m, afterNgay: afterNgay)
        }
        // "ngày 01/7": no year written, or "năm 2019" after it.
        guard afterNgay, sep != 0x2E, !gluedAfter(p, e2), (1...12).contains(m), (1...31).contains(d) else { return nil }
        if e2 < p.count, p[e2] == sep { return nil }
        if r.yearByWord {
            guard let date = r.date else { return .some(nil) }
            return Found(range: s..<r.end, numerals: s, date: date, day: d, month: m, afterNgay: true)
        }
        return Found(range: s..<e2, numerals: s, date: nil, day: d, month: m, afterNgay: true)
    }

    /// "ngày 24 tháng 01 năm 2019" (and "ngày 24 tháng 01" with the year left to the context):
    /// `DateReader.day`'s long form from the day's numeral at `s` (ending at `e`).
    private func long(_ p: TemporalScan.Buffer, ngayWord: Range<Int>, _ s: Int, _ e: Int) -> Found? {
        guard e == p.count || !DateReader.isSeparator(p[e]),
              let r = DateReader.day(p, at: s, .text), let d = r.day, let m = r.month else { return nil }
        if r.year != nil {
            guard let date = r.date else { return nil }
            return Found(range: ngayWord.lowerBound..<r.end, numerals: s, date: date, day: d, month: m, afterNgay: true)
        }
        let me = r.end
        guard (1...12).contains(m), (1...31).contains(d), !gluedAfter(p, me) else { return nil }
        if me < p.count, p[me] == 0x2F { return nil }
        return Found(range: ngayWord.lowerBound..<me, numerals: s, date: nil, day: d, month: m, afterNgay: true)
    }

    /// "tháng 6/2021", "tháng 6 năm 2021" (`DateReader.month`).
    private func monthForm(_ p: TemporalScan.Buffer, thangWord: Range<Int>, _ s: Int) -> Found? {
        guard let r = DateReader.month(p, at: s, .text), let m = r.month, let date = r.date else { return nil }
        return Found(range: thangWord.lowerBound..<r.end, numerals: s, date: date, day: 0, month: m, afterNgay: false)
    }

    /// "quý II năm 2023", "Quý II/2023", "quý 2 năm 2023": the months of the quarter.
    private func quarter(_ p: TemporalScan.Buffer, yearStart s: Int, yearEnd e: Int, year: Int, slash: Bool) -> FoundPeriod? {
        guard LegalDate.plausibleYears.contains(year), !gluedAfter(p, e) else { return nil }
        var k: Int
        if slash {
            k = s - 1
        } else {
            guard let w = TemporalScan.wordBefore(p, s), TemporalScan.equals(p, w, Self.nam) else { return nil }
            k = TemporalScan.skipSpacesBack(p, from: w.lowerBound)
        }
        var q = 0
        var start = k
        while start > 0, k - start < 3, p[start - 1] == 0x49 || p[start - 1] == 0x56 { start -= 1 }
        if start < k {
            guard let r = Self.romans.firstIndex(where: { $0.count == k - start && TemporalScan.hasPrefix(p, at: start, $0) }) else { return nil }
            q = r + 1
        } else if k > 0, TemporalScan.isDigit(p[k - 1]), k < 2 || !TemporalScan.isDigit(p[k - 2]) {
            start = k - 1
            q = Int(p[k - 1] - 0x30)
        }
        guard (1...4).contains(q), let w = TemporalScan.wordBefore(p, start), TemporalScan.equals(p, w, Self.quy),
              let from = LegalDate(year: year, month: q * 3 - 2), let to = LegalDate(year: year, month: q * 3) else { return nil }
        return FoundPeriod(range: w.lowerBound..<e, from: from.iso, to: to.iso)
    }

    /// "2021-2025", "2019 - 2020" (dashes are normalised to '-'): plausible, increasing years.
    private func yearRange(_ p: TemporalScan.Buffer, _ s: Int, _ e: Int, _ a: Int) -> FoundPeriod? {
        var j = e
        while j < p.count, j - e < 3, p[j] == 0x20 { j += 1 }
        guard j < p.count, p[j] == 0x2D else { return nil }
        j += 1
        while j < p.count, j - e < 7, p[j] == 0x20 { j += 1 }
        guard let (b, e2) = TemporalScan.number(p, at: j), e2 - j == 4, !gluedAfter(p, e2),
              LegalDate.plausibleYears.contains(a), LegalDate.plausibleYears.contains(b), a < b else { return nil }
        if s > 0, p[s - 1] == 0x2D || p[s - 1] == 0x2F { return nil }
        return FoundPeriod(range: s..<e2, from: String(a), to: String(b))
    }

    /// "từ năm 2021 đến năm 2025" / "từ năm 2021 đến 2025".
    private func fromToYears(_ p: TemporalScan.Buffer, namWord: Range<Int>, _ e: Int, _ a: Int) -> FoundPeriod? {
        guard let t = TemporalScan.wordBefore(p, namWord.lowerBound), TemporalScan.equals(p, t, Self.tu),
              let d = TemporalScan.wordAfter(p, e), TemporalScan.equals(p, d, Self.den) else { return nil }
        var ys = TemporalScan.skipSpaces(p, from: d.upperBound)
        if let w = TemporalScan.wordAfter(p, d.upperBound), TemporalScan.equals(p, w, Self.nam) { ys = TemporalScan.skipSpaces(p, from: w.upperBound) }
        guard let (b, ye) = TemporalScan.number(p, at: ys), ye - ys == 4, !gluedAfter(p, ye), a < b,
              LegalDate.plausibleYears.contains(b) else { return nil }
        return FoundPeriod(range: t.lowerBound..<ye, from: String(a), to: String(b))
    }

    /// "định hướng đến năm 2030", "tầm nhìn đến năm 2045", "định hướng đến 2025": an end only.
    private func periodEnd(_ p: TemporalScan.Buffer, leadEnd: Int, _ s: Int, _ e: Int, _ a: Int) -> FoundPeriod? {
        let windowStart = max(0, leadEnd - 40)
        let t = DateCues.trimEnd(TemporalScan.lowerBytes(p, windowStart..<leadEnd)[...])
        guard let cue = periodEnds.first(where: { DateCues.endsWithWord(t, $0) }) else { return nil }
        // Walk back as many words as the cue has.
        var start = leadEnd
        for _ in 0..<cue.split(separator: 0x20).count {
            guard let w = TemporalScan.wordBefore(p, start) else { break }
            start = w.lowerBound
        }
        return FoundPeriod(range: start..<e, from: nil, to: String(a))
    }
}
