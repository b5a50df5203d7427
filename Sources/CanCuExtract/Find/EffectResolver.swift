import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Reads the effect clauses of a document about itself ("Nghị định này có hiệu lực thi hành kể
/// từ ngày 01 tháng 7 năm 2025", "… có hiệu lực kể từ ngày ký", "… có hiệu lực sau 45 ngày kể
/// từ ngày ký") into its effective date, and the parts that take effect on other dates
/// ("khoản 2 Điều 5 Nghị định này có hiệu lực từ ngày …") into notes for people.
/// Clauses about cited documents ("Luật số … có hiệu lực …") are not its own and are skipped.
struct EffectResolver: Sendable {
    /// The document's effective date (ISO) and notes on parts with other dates.
    struct Effect: Sendable {
        var effective: String?
        var notes: [String] = []
    }

    static let hieuLuc = Array("hiệu lực".utf8)
    static let unitWords: Set<Substring> = ["khoan", "dieu", "diem", "chuong", "muc", "phan", "phu"]

    /// `dates` are the found dates with their values (nil when the year is unknown); `issued` the header date.
    func resolve(_ p: TemporalScan.Buffer, dates: [(range: Range<Int>, numerals: Int, date: LegalDate?)], issued: LegalDate?) -> Effect {
        var effect = Effect()
        var wholeFound = false
        var exceptions: [String] = []
        var i = 0
        let n = p.count
        let pattern = Self.hieuLuc
        // Look for the rare last byte of "ự" (index 10 of the pattern), then check the whole pattern.
        let anchor = 10
        i = anchor
        while i < n {
            i = ByteSearch.next(0xB1, p, from: i)
            guard i < n else { break }
            guard TemporalScan.hasPrefix(p, at: i - anchor, pattern) else { i += 1; continue }
            let at = i - anchor
            i = at + pattern.count
            guard let co = TemporalScan.wordBefore(p, at), TemporalScan.fold(p, co) == "co" else { continue }
            // The subject: from the clause start to "có".
            let subjectRange = clauseStart(p, before: co.lowerBound)..<co.lowerBound
            let subjectText = Self.trimmingSpaces(TemporalScan.collapseSpaces(p[subjectRange]))
            let subject = Folding.fold(subjectText)
            let words = subject.split(separator: " ")
            guard !words.isEmpty, !words.contains("ngay"), !words.contains("so"),
                  !subject.contains("/") else { continue }
            // A part: "khoản 2 Điều 5 …", "Điều 5 …", "điểm a …" (a unit word and its number or letter).
            let isPart = words.count >= 2 && Self.unitWords.contains(words[0]) && words[1].count <= 5
                && !Self.unitWords.contains(words[1])
            guard isPart || words.contains("nay") else { continue }
            // What follows: "thi hành", "kể từ ngày ký", "từ ngày <date>", "sau N ngày kể từ ngày ký".
            guard let (when, whenEnd) = date(p, after: i, dates: dates, issued: issued) else { continue }
            if isPart {
                if let when { effect.notes.append("\(subjectText) có hiệu lực từ \(when.iso)") }
            } else if !wholeFound {
                wholeFound = true
                effect.effective = when?.iso
                if let e = exception(p, from: whenEnd) { exceptions.append(e) }
            }
        }
        if let effective = effect.effective, !exceptions.isEmpty || !effect.notes.isEmpty {
            let except = exceptions.isEmpty ? "" : ", trừ \(exceptions.joined(separator: "; "))"
            effect.notes.insert("Văn bản có hiệu lực từ \(effective)\(except)", at: 0)
        }
        return effect
    }

    /// `text` without white space at either end (tabs and Unicode space separators, as Foundation's `whitespaces`).
    static func trimmingSpaces(_ text: String) -> String {
        func isSpace(_ c: Unicode.Scalar) -> Bool {
            c.value < 0x80 ? c == " " || c == "\t" : c.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return text }
        var a = scalars.startIndex, b = scalars.endIndex
        while a < b, isSpace(scalars[a]) { a = scalars.index(after: a) }
        while b > a, isSpace(scalars[scalars.index(before: b)]) { b = scalars.index(before: b) }
        return String(scalars[a..<b])
    }

    /// After the last boundary (. ; : , "trừ", "riêng") at most 160 bytes back.
    private func clauseStart(_ p: TemporalScan.Buffer, before i: Int) -> Int {
        var k = i
        while k > 0, i - k < 160 {
            let b = p[k - 1]
            if b == 0x3B || b == 0x3A || b == 0x2C || b == 0x28 || b == 0x29 { return k }
            if b == 0x2E, k < p.count, TemporalScan.isSpace(p[k]) { return k }
            if b == 0x0A, k < p.count, TemporalScan.isDigit(p[k]) || TemporalScan.isUpperStart(p, k) { return k }
            if TemporalScan.isSpace(b), let w = TemporalScan.wordAfter(p, k) {
                let f = TemporalScan.fold(p, w)
                if f == "tru" || f == "rieng" { return TemporalScan.skipSpaces(p, from: w.upperBound) }
            }
            k -= 1
        }
        return k
    }

    /// The date an effect phrase gives, and where the phrase ends. `.some(nil)` when the
    /// phrase is an effect phrase whose date is unknown (no issue date, "kể từ ngày công bố").
    private func date(_ p: TemporalScan.Buffer, after i: Int, dates: [(range: Range<Int>, numerals: Int, date: LegalDate?)],
                      issued: LegalDate?) -> (LegalDate?, Int)? {
        let end = min(p.count, i + 120)
        let folded = TemporalScan.fold(p, i..<end)
        var t = Substring(folded)
        func drop(_ word: String) -> Bool {
            let s = t.drop(while: { $0 == " " || $0 == "\n" })
            guard s.hasPrefix(word), s.dropFirst(word.count).first.map({ !$0.isLetter && !$0.isNumber }) ?? true else { return false }
            t = s.dropFirst(word.count)
            return true
        }
        _ = drop("thi hanh") || drop("ap dung")
        var days = 0
        if drop("sau") {
            let s = t.drop(while: { $0 == " " })
            let digits = s.prefix(while: { $0.isNumber })
            guard let v = Int(digits), v < 10_000 else { return nil }
            days = v
            t = s.dropFirst(digits.count)
            guard drop("ngay") else { return nil }
            t = t.drop(while: { $0 == " " || $0 == "," })
        }
        _ = drop("ke")
        guard drop("tu") else { return nil }
        let afterTu = t
        if drop("ngay"), drop("ky") {
            _ = drop("ban hanh")
            return (days > 0 ? issued?.adding(days: days) : issued, i)
        }
        t = afterTu
        // The first date whose numerals start within the next 40 bytes.
        let k = TemporalScan.lowerBound(dates, i + 1) { $0.numerals }
        for d in dates[k...].prefix(1) where d.numerals < i + 40 {
            guard let date = d.date else { return (nil, d.range.upperBound) }
            return (days > 0 ? date.adding(days: days) : date, d.range.upperBound)
        }
        return (nil, i)
    }

    /// ", trừ khoản 2 Điều 5 …" right after the effective date: the excepted part.
    private func exception(_ p: TemporalScan.Buffer, from i: Int) -> String? {
        var k = TemporalScan.skipSpaces(p, from: i)
        if k < p.count, p[k] == 0x2C { k = TemporalScan.skipSpaces(p, from: k + 1) }
        guard let w = TemporalScan.wordAfter(p, k), TemporalScan.fold(p, w) == "tru" else { return nil }
        var e = w.upperBound
        while e < p.count, e - w.upperBound < 160, p[e] != 0x2E, p[e] != 0x3B, p[e] != 0x2C {
            if TemporalScan.hasPrefix(p, at: e, Array(" có hiệu lực".utf8)) { break }
            e += 1
        }
        let text = TemporalScan.collapseSpaces(p[TemporalScan.skipSpaces(p, from: w.upperBound)..<e])
        return text.isEmpty ? nil : text
    }
}
