import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Gives each found date its role: `issued` (the header's "<Place>, ngày …" line), then the cues of
/// `dictionaries/date-cues.tsv` in file order (effective, deadline, mention overrides, table
/// columns), then `cited` by shape (a "ngày" date after a document symbol, a capitalised type word
/// in the same clause, or before "của <Name>"), else `mention`.
struct DateRoleClassifier: Sendable {
    let cues: DateCues
    /// How far into the text the header date may stand, a news item's date, and how far below a
    /// deadline column header a table cell is (`rules.tsv`: header_date_reach, news_date_reach, column_reach).
    let headerReach: Int
    let newsReach: Int
    let columnReach: Int

    init(cues: DateCues, rules: Rules) {
        self.cues = cues
        headerReach = rules.int("header_date_reach")
        newsReach = rules.int("news_date_reach")
        columnReach = rules.int("column_reach")
    }

    /// The index of the header's own date among `dates`, if any.
    func headerDate(_ p: TemporalScan.Buffer, _ dates: [DateScanner.Found], lines: LineIndex) -> Int? {
        for (k, d) in dates.enumerated() {
            guard d.range.lowerBound < headerReach else { break }
            if isPlaceDateLine(p, d, lines: lines) { return k }
        }
        // A news item: a date (and time) alone on one of its first lines.
        for (k, d) in dates.enumerated() {
            guard d.range.lowerBound < newsReach else { break }
            guard d.day > 0 else { continue }
            let ls = lines.start(of: d.range.lowerBound)
            let le = lines.end(of: d.range.upperBound)
            var s = ls, e = le
            while s < e, TemporalScan.isSpace(p[s]) { s += 1 }
            while e > s, TemporalScan.isSpace(p[e - 1]) { e -= 1 }
            if s == d.range.lowerBound, e == d.range.upperBound { return k }
        }
        return nil
    }

    /// "Hà Nội, ngày 30 tháng 12 năm 2022", "Tp. Hồ Chí Minh, ngày …", and the unsigned
    /// "Hà Nội, ngày      tháng     năm 2026" (year only).
    private func isPlaceDateLine(_ p: TemporalScan.Buffer, _ d: DateScanner.Found, lines: LineIndex) -> Bool {
        var segmentStart = lines.start(of: d.range.lowerBound)
        for k in segmentStart..<d.range.lowerBound where p[k] == 0x09 { segmentStart = k + 1 }
        while segmentStart < d.range.lowerBound, p[segmentStart] == 0x20 { segmentStart += 1 }
        guard TemporalScan.isUpperStart(p, segmentStart) else { return false }
        let segment = TemporalScan.fold(p, segmentStart..<d.numerals)
        guard let comma = segment.range(of: ", ngay") else { return false }
        let place = segment[..<comma.lowerBound]
        guard place.count >= 2, place.count <= 40, !place.contains(where: { $0.isNumber || $0 == "," }) else { return false }
        let rest = segment[comma.upperBound...].filter { $0 != " " && $0 != "." && $0 != "…" }
        return rest.isEmpty || (d.day == 0 && d.month == 0 && rest == "thangnam")
    }

    /// The role of a date that is not the header's. `columns` are the starts of the table column
    /// header lines of the text (see `columnHeaders`).
    func role(_ p: TemporalScan.Buffer, _ d: DateScanner.Found, previousEnd: Int, columns: [Int],
              lines: LineIndex) -> DateMention.Role {
        if isQuoted(p, d) { return .mention }
        let windowStart = max(0, max(previousEnd, d.numerals - 90))
        let raw = TemporalScan.lowerBytes(p, windowStart..<d.numerals)
        let clause = Self.clause(raw[...], commas: false)
        let near = Self.clause(clause, commas: true)
        let ends = DateCues.Ends(clause)
        // Cues read in place (no copy of each cue per date).
        let cued: DateMention.Role? = cues.roleCues.withUnsafeBufferPointer { roleCues in
            for k in roleCues.indices {
                switch roleCues[k].position {
                case .before:
                    if ends.match(roleCues[k].text) {
                        if roleCues[k].frame, opensClause(clause, roleCues[k].text), commaFollows(p, d.range.upperBound) { return .mention }
                        return roleCues[k].role
                    }
                case .near:
                    if let r = DateCues.find(roleCues[k].text, in: near), near.endIndex - r <= 90 { return roleCues[k].role }
                case .after:
                    if d.afterNgay, follows(p, d.range.upperBound, roleCues[k].text) { return roleCues[k].role }
                case .anchor, .column:
                    continue
                }
            }
            return nil
        }
        if let cued { return cued }
        if isTableCell(p, d, columns: columns, lines: lines) {
            // A cell of another column that gives a document's number and date ("Nghị quyết số 23/NQ-CP
            // ngày 07/02/2026" in a "Căn cứ" column beside the deadline column) cites it.
            if d.afterNgay, citesDocument(p, d, windowStart: windowStart, symbolOnly: true) { return .cited }
            return cues.columnRole
        }
        if d.afterNgay, citesDocument(p, d, windowStart: windowStart) { return .cited }
        return .mention
    }

    /// The clause starts with `cue` (after spaces, a bullet or a list number): "Trong tháng 6/2021".
    private func opensClause(_ clause: ArraySlice<UInt8>, _ cue: [UInt8]) -> Bool {
        var k = clause.startIndex
        while k < clause.endIndex, TemporalScan.isSpace(clause[k]) || clause[k] == 0x2D || clause[k] == 0x2B || clause[k] == 0x2A { k += 1 }
        guard clause.endIndex - k >= cue.count else { return false }
        return clause[k..<(k + cue.count)].elementsEqual(cue)
    }

    /// A comma right after the date ("Trong tháng 6/2021, …").
    private func commaFollows(_ p: TemporalScan.Buffer, _ end: Int) -> Bool {
        let k = TemporalScan.skipSpaces(p, from: end)
        return k < p.count && p[k] == 0x2C
    }

    /// The part of a lower-case UTF-8 window after its last clause boundary (; ! ? ( ) and
    /// sentence ends; a colon unless it ends the window; commas too when `commas`).
    static func clause(_ w: ArraySlice<UInt8>, commas: Bool) -> ArraySlice<UInt8> {
        // A trailing colon ("Thời hạn: 30/6/2023") is not a boundary.
        var end = w.endIndex
        while end > w.startIndex, w[end - 1] == 0x20 || w[end - 1] == 0x3A || w[end - 1] == 0x0A { end -= 1 }
        var k = end
        while k > w.startIndex {
            let c = w[k - 1]
            if c == 0x3B || c == 0x21 || c == 0x3F || c == 0x28 || c == 0x29 || c == 0x3A || (commas && c == 0x2C) { break }
            if c == 0x2E, k < w.endIndex, TemporalScan.isSpace(w[k]) { break }
            k -= 1
        }
        return w[k...]
    }

    /// The starts of short lines that are deadline column headers ("Thời gian hoàn thành").
    func columnHeaders(_ p: TemporalScan.Buffer) -> [Int] {
        guard !cues.columns.isEmpty else { return [] }
        let wanted = cues.columns.map { Array($0.utf8) }
        let longest = wanted.map(\.count).max() ?? 0
        var out: [Int] = []
        var ls = 0
        // The previous line when it is short and starts with 't': a header cell may wrap over two
        // lines ("Thời gian" / "hoàn thành" in a PDF table).
        var previous: [UInt8]? = nil
        while ls < p.count {
            let le = ByteSearch.next(0x0A, p, from: ls)
            var s = ls
            // A line whose text (after its indent) is longer than a header cell can be: the byte
            // `longest + 9` before its end is not indent. Such a line is passed over at once.
            if le - ls > longest + 8, p[le - longest - 9] != 0x20, p[le - longest - 9] != 0x09 {
                previous = nil
                ls = le + 1
                continue
            }
            while s < le, p[s] == 0x20 || p[s] == 0x09 { s += 1 }
            var short: [UInt8]? = nil
            // Only a line starting with 't' or following such a short line can match: others are
            // not lower-cased.
            if s < le, le - s <= longest + 8, p[s] | 0x20 == 0x74 || previous != nil {
                let lower = Array(DateCues.trimEnd(TemporalScan.lowerBytes(p, s..<le)[...]))
                if p[s] | 0x20 == 0x74, wanted.contains(lower) {   // 't' / 'T'
                    out.append(ls)
                } else if let previous, wanted.contains(previous + [0x20] + lower) {
                    out.append(ls)
                } else if p[s] | 0x20 == 0x74 {
                    short = lower
                }
            }
            previous = short
            ls = le + 1
        }
        return out
    }

    /// Inside quotation marks (“trước ngày 30/6/2026” quoted in a correction): a mention.
    private func isQuoted(_ p: TemporalScan.Buffer, _ d: DateScanner.Found) -> Bool {
        var k = d.range.lowerBound
        while k >= 3, d.range.lowerBound - k < 40, p[k - 1] != 0x0A {
            if p[k - 1] == 0x9C, p[k - 2] == 0x80, p[k - 3] == 0xE2 { return true }   // “
            if p[k - 1] == 0x9D, p[k - 2] == 0x80, p[k - 3] == 0xE2 { return false }  // ”
            k -= 1
        }
        return false
    }

    /// The cue word follows the date and a capitalised name follows it ("của Chính phủ").
    private func follows(_ p: TemporalScan.Buffer, _ end: Int, _ cue: [UInt8]) -> Bool {
        guard let w = TemporalScan.wordAfter(p, end), w.lowerBound - end <= 3, w.count == cue.count,
              TemporalScan.lowerBytes(p, w) == cue else { return false }
        let next = TemporalScan.skipSpaces(p, from: w.upperBound)
        return next > w.upperBound && TemporalScan.isUpperStart(p, next)
    }

    /// A date alone in a table cell under a deadline column ("Thời gian hoàn thành").
    func isTableCell(_ p: TemporalScan.Buffer, _ d: DateScanner.Found, columns: [Int], lines: LineIndex) -> Bool {
        guard let first = columns.first, first < d.range.lowerBound else { return false }
        let ls = lines.start(of: d.range.lowerBound)
        let le = lines.end(of: d.range.upperBound)
        guard le - ls <= d.range.count + 24 else { return false }
        // The nearest column header above, at most `columnReach` bytes up.
        guard let header = columns.last(where: { $0 < ls }) else { return false }
        return ls - header <= columnReach
    }

    /// A document symbol right before "ngày", or (unless `symbolOnly`) a capitalised type word earlier in the clause.
    private func citesDocument(_ p: TemporalScan.Buffer, _ d: DateScanner.Found, windowStart: Int, symbolOnly: Bool = false) -> Bool {
        guard let ngay = d.range.lowerBound < d.numerals ? d.range.lowerBound..<(d.range.lowerBound + 1) : TemporalScan.wordBefore(p, d.numerals) else { return false }
        // The token before "ngày".
        // Glued to the token before ("…/Ngày 10-8-2025" in a Gazette running header) is no citation.
        guard ngay.lowerBound > 0, TemporalScan.isSpace(p[ngay.lowerBound - 1]) else { return false }
        var end = TemporalScan.skipSpacesBack(p, from: ngay.lowerBound)
        if end > 0, p[end - 1] == 0x2C { end = TemporalScan.skipSpacesBack(p, from: end - 1) }
        var start = end
        while start > 0, end - start < 40, !TemporalScan.isSpace(p[start - 1]) { start -= 1 }
        // A symbol broken after its dash at a line end ("23/NQ-\nCP ngày 07/02/2026").
        let joined = TemporalScan.skipSpacesBack(p, from: start)
        if joined < start, joined > 0, p[joined - 1] == 0x2D {
            start = joined
            while start > 0, end - start < 60, !TemporalScan.isSpace(p[start - 1]) { start -= 1 }
        }
        var slash = false, digit = false
        for k in start..<end {
            if p[k] == 0x2F { slash = true } else if TemporalScan.isDigit(p[k]) { digit = true }
        }
        if slash && (digit || end - start >= 4) { return true }
        if symbolOnly { return false }
        return anchorBefore(p, from: max(windowStart, ngay.lowerBound - 200), to: ngay.lowerBound)
    }

    /// Whether a capitalised document type word ("Luật", "Nghị định") stands in `from..<to`
    /// within the same clause and is not followed by "này".
    func anchorBefore(_ p: TemporalScan.Buffer, from: Int, to: Int) -> Bool {
        var k = to
        while k >= from, k > 0 || k == from {
            let b: UInt8 = k > 0 ? p[k - 1] : 0x0A
            if b == 0x3B || b == 0x28 || b == 0x29 { return false }
            if b == 0x2E, k < to, TemporalScan.isSpace(p[k]) { return false }
            if TemporalScan.isSpace(b), k < to, TemporalScan.isUpperStart(p, k) {
                let lower = TemporalScan.lowerBytes(p, k..<min(to, k + 40))
                for a in cues.anchors where lower.starts(with: a) {
                    let rest = lower[a.count...]
                    guard rest.first.map(TemporalScan.isSpace) ?? true else { continue }
                    let nay = Array(" này".utf8)
                    if rest.starts(with: nay), rest.count == nay.count || !TemporalScan.isWordByte(rest[rest.startIndex + nay.count]) { return false }
                    return true
                }
            }
            if k == 0 { break }
            k -= 1
        }
        return false
    }
}
