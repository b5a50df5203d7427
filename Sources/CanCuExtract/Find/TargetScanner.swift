import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Finds the quantified goals of plans and programmes: a percentage ("100%", "10%/năm") or a
/// count after a verb ("hoàn thành 05 đề án") in a sentence that states a goal (cues of
/// `dictionaries/target-cues.tsv`, matched in lower case with diacritics: "đạt" is not "đất"), with its comparator, subject, deadline and period.
struct TargetScanner: Sendable {
    /// A deadline date or a period already found in the text.
    struct Dated: Sendable {
        var range: Range<Int>
        var value: String
    }

    private var sentenceCues: [[UInt8]] = []
    /// Phrases of a sentence whose figures are no goals (a report of results, "so với cùng kỳ"; a
    /// legal threshold, "tỷ lệ tổn thương cơ thể"), and those that make it set a goal all the same
    /// ("phấn đấu").
    private var reportCues: [[UInt8]] = []
    private var goalCues: [[UInt8]] = []
    /// Document types whose texts set rules, not goals (`rule_type`: "nghị định", "bộ luật"): their
    /// figures are targets only in a sentence with a goal phrase.
    private var ruleTypes: Set<String> = []
    private var vetoes: [[UInt8]] = []
    private var atLeastBefore: [[String]] = [], atLeastAfter: [String] = []
    private var atMostBefore: [[String]] = [], atMostAfter: [String] = []
    private var countVerbs: [[UInt8]] = []
    /// Comparators of two words or more ("tối thiểu", "ít nhất", "không quá") before a count.
    private var countComparators: [[UInt8]] = []
    private var countUnits: [[UInt8]] = []
    /// "xuống còn" before a count of a duration ("03 ngày làm việc"): a target of at most that count.
    private var reduceVerbs: [[UInt8]] = []
    private var reduceUnits: [[UInt8]] = []
    /// Money amounts a goal verb sets ("đạt tối thiểu 55 tỷ USD/năm"): the units, and the verbs that
    /// must stand before the amount (a comparator between them is allowed).
    private var moneyUnits: [[UInt8]] = []
    private var moneyVerbs: [[UInt8]] = []
    /// Verbs that count only when they open the sentence ("Có 05 doanh nghiệp …").
    private var countOpeners: [[UInt8]] = []
    /// Words of a heading over a report of results ("1. Những kết quả nổi bật"): the figures below it
    /// are achieved, not set, unless their sentence states a goal.
    private var reportHeadings: [[UInt8]] = []
    /// Words of a heading that dates the goals listed under it ("a) Đến năm 2030", "b) Tầm nhìn đến
    /// 2045"): the year after them is the deadline of a goal that gives none of its own.
    private var headingDeadlines: [[UInt8]] = []
    /// Words before a value that state a fact ("là").
    private var statementLeads: [String] = []
    /// First bytes of the count units (256 entries), and whether one starts with a non-ASCII byte.
    private var unitFirstBytes = [Bool](repeating: false, count: 256)
    private var unitStartsNonASCII = false
    /// Subject stops, each split into its words.
    private var subjectStops: [[String]] = []
    private var subjectLeads: [[String]] = []
    private var subjectDrops: [[String]] = []

    init(lexicon: Lexicon) {
        for row in lexicon.rows("target-cues.tsv") {
            let cue = row["cue"].lowercased()
            guard !cue.isEmpty else { continue }
            let words = cue.split(separator: " ").map(String.init)
            let after = row["position"] == "after"
            switch row["role"] {
            case "cue": sentenceCues.append(Array(cue.utf8))
            case "veto": vetoes.append(Array(cue.utf8))
            case "not_goal": reportCues.append(Array(cue.utf8))
            case "goal": goalCues.append(Array(cue.utf8))
            case "rule_type": ruleTypes.insert(cue)
            case "at_least": if after { atLeastAfter.append(cue) } else { atLeastBefore.append(words) }
            case "at_most": if after { atMostAfter.append(cue) } else { atMostBefore.append(words) }
            case "count_verb": countVerbs.append(Array(cue.utf8))
            case "count_unit": countUnits.append(Array(cue.utf8))
            case "reduce_verb": reduceVerbs.append(Array(cue.utf8))
            case "reduce_unit": reduceUnits.append(Array(cue.utf8))
            case "money_unit": moneyUnits.append(Array(cue.utf8))
            case "money_verb": moneyVerbs.append(Array(cue.utf8))
            case "count_opener": countOpeners.append(Array(cue.utf8))
            case "report_heading": reportHeadings.append(Array(cue.utf8))
            case "heading_deadline": headingDeadlines.append(Array(cue.utf8))
            case "statement_lead": statementLeads.append(cue)
            case "subject_stop": subjectStops.append(cue.split(separator: " ").map(String.init))
            case "subject_lead": subjectLeads.append(words)
            case "subject_drop": subjectDrops.append(words)
            default: continue
            }
        }
        // A count right after "tối thiểu", "ít nhất", "tối đa" is a counted target as after a count verb.
        countComparators = (atLeastBefore + atMostBefore).filter { $0.count >= 2 }.map { Array($0.joined(separator: " ").utf8) }
        atLeastBefore.sort { $0.count > $1.count }
        atMostBefore.sort { $0.count > $1.count }
        countUnits.sort { $0.count > $1.count }
        reduceUnits.sort { $0.count > $1.count }
        moneyUnits.sort { $0.count > $1.count }
        for unit in countUnits + reduceUnits + moneyUnits {
            guard let first = unit.first else { continue }
            unitFirstBytes[Int(first)] = true
            if first >= 0x80 { unitStartsNonASCII = true }
        }
    }

    private struct Candidate {
        var value: Double
        var valueRange: Range<Int>
        var unitEnd: Int
        var unit: String
        var counted: Bool
        /// A count a quantity is brought down to ("xuống còn 03 ngày làm việc").
        var reduced = false
    }

    /// Whether a document of this type (the header's "Nghị định", "Bộ luật") sets rules, not goals.
    func setsRules(type: String?) -> Bool {
        guard let type else { return false }
        return ruleTypes.contains(type.lowercased())
    }

    /// The targets of the text. `deadlines` are the deadline dates, `periods` the periods (ISO "from-to").
    /// In a text that sets rules (`ruleText`), only a sentence with a goal phrase has targets.
    func scan(_ p: TemporalScan.Buffer, lines: LineIndex, deadlines: [Dated], periods: [Dated], ruleText: Bool = false,
              makeTarget: (Range<Int>, Double, String, Target.Comparator, String?, String?, String?) -> Target) -> [Target] {
        let candidates = findCandidates(p)
        var targets: [Target] = []
        var lastSentence: (range: Range<Int>, cued: Bool)?
        var lastReport: (range: Range<Int>, reports: Bool)?
        var headings = HeadingMemo()
        for (k, c) in candidates.enumerated() {
            let sentence = sentenceBounds(p, c.valueRange.lowerBound)
            // A sentence reporting results ("tăng 24,2% so với cùng kỳ") or a legal threshold sets no
            // target unless it also states a goal.
            // The sentence as punctuation ends it: a wrapped line starting with a capital or a number
            // ("USD, tăng 19,7%", "9,8% so với cùng kỳ") goes on the same sentence here.
            let reported = punctuatedSentence(p, c.valueRange.lowerBound)
            let reports: Bool
            if let last = lastReport, last.range == reported { reports = last.reports } else {
                reports = TemporalScan.lowerBytes(p, reported).withUnsafeBufferPointer { w in
                    let goal = goalCues.contains { Self.containsWord(w, $0) }
                    return !goal && (ruleText || reportCues.contains { Self.containsWord(w, $0) }
                        || underReportHeading(p, reported.lowerBound, lines: lines, memo: &headings))
                }
                lastReport = (reported, reports)
            }
            if reports { continue }
            let clause = clauseBounds(p, c.valueRange.lowerBound, within: sentence)
            let governing = governingLine(p, c.valueRange.lowerBound, lines: lines)
            let inClause = TemporalScan.slice(deadlines, in: clause) { $0.range.lowerBound }
            if inClause.isEmpty && governing == nil {
                // Candidates of one sentence share its cue test.
                let cued: Bool
                if let last = lastSentence, last.range == sentence { cued = last.cued } else {
                    cued = TemporalScan.lowerBytes(p, sentence).withUnsafeBufferPointer { w in
                        sentenceCues.contains { Self.containsWord(w, $0) }
                    }
                    lastSentence = (sentence, cued)
                }
                guard cued else { continue }
            }
            let beforeWords = words(p, max(clause.lowerBound, c.valueRange.lowerBound - 60)..<c.valueRange.lowerBound)
            let beforeLower = TemporalScan.lowerBytes(p, max(clause.lowerBound, c.valueRange.lowerBound - 60)..<c.valueRange.lowerBound)
            if !c.counted, beforeLower.withUnsafeBufferPointer({ w in vetoes.contains { Self.containsWord(w, $0) } }) { continue }
            // "tỷ lệ … là 2,5%": a stated figure, unless the sentence sets a goal or the value has a deadline.
            if !c.counted, inClause.isEmpty, governing == nil, let lead = beforeWords.last, statementLeads.contains(lead.lower),
               !TemporalScan.lowerBytes(p, sentence).withUnsafeBufferPointer({ w in goalCues.contains { Self.containsWord(w, $0) } }) { continue }
            // Comparator.
            var comparator = Target.Comparator.exactly
            if endsWith(beforeWords, atLeastBefore) > 0 { comparator = .atLeast }
            else if endsWith(beforeWords, atMostBefore) > 0 { comparator = .atMost }
            var afterStart = c.unitEnd
            let afterLower = Self.trimmedLower(p, c.unitEnd..<min(clause.upperBound, c.unitEnd + 20))
            if let cue = atLeastAfter.first(where: { afterLower.starts(with: $0.utf8) }) {
                comparator = .atLeast; afterStart = skipWords(p, c.unitEnd, cue.split(separator: " ").count)
            } else if let cue = atMostAfter.first(where: { afterLower.starts(with: $0.utf8) }) {
                comparator = .atMost; afterStart = skipWords(p, c.unitEnd, cue.split(separator: " ").count)
            }
            // Subject: after the value, else before it.
            let nextValue = k + 1 < candidates.count ? candidates[k + 1].valueRange.lowerBound : Int.max
            var subjectRange = subjectAfter(p, from: afterStart, to: min(clause.upperBound, nextValue), deadlines: deadlines)
            var textStart = c.valueRange.lowerBound
            if c.reduced {
                subjectRange = nil
            } else if c.counted {
                let unitStart = TemporalScan.skipSpaces(p, from: c.valueRange.upperBound)
                subjectRange = unitStart..<max(subjectRange?.upperBound ?? c.unitEnd, c.unitEnd)
            }
            if subjectRange == nil {
                var ws = words(p, clauseStartBeforeComma(p, c.valueRange.lowerBound, clause.lowerBound)..<c.valueRange.lowerBound)
                var stripped = true
                while stripped, !ws.isEmpty {
                    stripped = false
                    for list in [atLeastBefore, atMostBefore, subjectLeads] {
                        let m = endsWith(ws, list)
                        if m > 0 { ws.removeLast(m); stripped = true }
                    }
                }
                // "Phấn đấu giảm thời gian …": every opening word that is no subject.
                var dropped = true
                while dropped {
                    dropped = false
                    for cue in subjectDrops where cue.count < ws.count && zip(ws.prefix(cue.count), cue).allSatisfy({ $0.lower == $1 }) {
                        ws.removeFirst(cue.count)
                        dropped = true
                        break
                    }
                }
                // "giảm thời gian … từ 15 ngày xuống còn 03 ngày": the starting value is no part of the subject.
                if c.reduced, let from = ws.indices.last(where: { j in
                    ws[j].lower == "từ" && j + 1 < ws.count && ws[j + 1].lower.first?.isNumber == true
                }), from > 0 {
                    ws.removeLast(ws.count - from)
                }
                if let first = ws.first, let last = ws.last { subjectRange = first.range.lowerBound..<last.range.upperBound }
            } else {
                textStart = beforeWords.count >= 1 && comparator != .exactly ? comparatorStart(beforeWords) : textStart
            }
            if let s = subjectRange, s.lowerBound < textStart { textStart = s.lowerBound }
            let textEnd = max(c.unitEnd, subjectRange?.upperBound ?? 0)
            // Deadline: after the value in its clause (before the next value), else before it in the clause, else the governing line.
            let deadline = inClause.first(where: { $0.range.lowerBound >= c.unitEnd && $0.range.lowerBound < nextValue })
                ?? inClause.last(where: { $0.range.upperBound <= c.valueRange.lowerBound })
                ?? governing.flatMap { g in TemporalScan.slice(deadlines, in: g) { $0.range.lowerBound }.first }
                ?? rowDeadline(p, after: c.unitEnd, lines: lines, deadlines: deadlines)
                ?? headingDeadline(p, c.valueRange.lowerBound, lines: lines)
            let period = TemporalScan.slice(periods, in: sentence) { $0.range.lowerBound }.first
                ?? governing.flatMap { g in TemporalScan.slice(periods, in: g) { $0.range.lowerBound }.first }
            let subject = subjectRange.map { TemporalScan.collapseSpaces(p[$0]) }
            targets.append(makeTarget(textStart..<textEnd, c.value, c.unit, comparator,
                                      subject.flatMap { $0.isEmpty ? nil : $0 }, deadline?.value, period?.value))
        }
        return targets
    }

    /// `cue` occurs in `w` as whole words.
    static func containsWord(_ w: UnsafeBufferPointer<UInt8>, _ cue: [UInt8]) -> Bool {
        guard let first = cue.first, w.count >= cue.count else { return false }
        let count = cue.count
        return cue.withUnsafeBufferPointer { c in
            var i = 0
            let last = w.count - count
            while i <= last {
                i = ByteSearch.next(first, w, from: i)
                guard i <= last else { return false }
                if i == 0 || !TemporalScan.isWordByte(w[i - 1]) {
                    var m = 1
                    while m < count, w[i + m] == c[m] { m += 1 }
                    if m == count, i + count == w.count || !TemporalScan.isWordByte(w[i + count]) { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The lower-case bytes of `range` without leading white space (ASCII spaces and line breaks;
    /// the normalised text has no other spaces).
    private static func trimmedLower(_ p: TemporalScan.Buffer, _ range: Range<Int>) -> ArraySlice<UInt8> {
        let bytes = TemporalScan.lowerBytes(p, range)
        var s = 0
        while s < bytes.count, bytes[s] == 0x20 || (bytes[s] >= 0x09 && bytes[s] <= 0x0D) { s += 1 }
        return bytes[s...]
    }

    // MARK: Candidates

    private func findCandidates(_ p: TemporalScan.Buffer) -> [Candidate] {
        var out: [Candidate] = []
        var i = 0
        let n = p.count
        while i < n {
            i = ByteSearch.nextDigit(or: 0x25, p, from: i)
            guard i < n else { break }
            let b = p[i]
            if b == 0x25 {  // '%'
                if let c = percent(p, i) {
                    // "bình quân khoảng 51 - 52%": the lower end of a range is a value too.
                    if let low = rangeStart(p, before: c), out.last.map({ $0.valueRange.lowerBound != low.valueRange.lowerBound }) ?? true {
                        out.append(low)
                    }
                    out.append(c)
                }
                i += 1
                continue
            }
            if TemporalScan.isDigit(b), i == 0 || !(TemporalScan.isDigit(p[i - 1]) || p[i - 1] == 0x2E || p[i - 1] == 0x2C || p[i - 1] == 0x2F) {
                if let (v, e) = TemporalScan.number(p, at: i) {
                    // A count with thousands dots ("5.000 doanh nghiệp").
                    var value = v, end = e
                    while e - i <= 3, end + 4 <= n, p[end] == 0x2E,
                          TemporalScan.isDigit(p[end + 1]), TemporalScan.isDigit(p[end + 2]), TemporalScan.isDigit(p[end + 3]),
                          end + 4 == n || !TemporalScan.isDigit(p[end + 4]), value < 1_000_000_000 {
                        value = value * 1000 + Int(p[end + 1] - 0x30) * 100 + Int(p[end + 2] - 0x30) * 10 + Int(p[end + 3] - 0x30)
                        end += 4
                    }
                    if end - i <= 3 || end > e, end < n, p[end] == 0x20, let c = counted(p, i, end, value) { out.append(c) }
                    i = end
                    continue
                }
            }
            i += 1
        }
        return out
    }

    private func percent(_ p: TemporalScan.Buffer, _ at: Int) -> Candidate? {
        var e = at
        if e > 0, p[e - 1] == 0x20 { e -= 1 }
        var s = e
        while s > 0, TemporalScan.isDigit(p[s - 1]) || ((p[s - 1] == 0x2C || p[s - 1] == 0x2E) && s - 2 >= 0 && TemporalScan.isDigit(p[s - 2]) && TemporalScan.isDigit(p[s])) { s -= 1 }
        guard s < e, e - s <= 8 else { return nil }
        if s > 0, TemporalScan.isWordByte(p[s - 1]) && p[s - 1] < 0x80 || (s > 0 && p[s - 1] == 0x2F) { return nil }
        let digits = String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self).replacingOccurrences(of: ",", with: ".")
        guard let value = Double(digits) else { return nil }
        var unitEnd = at + 1
        var unit = "%"
        if unitEnd < p.count, p[unitEnd] == 0x2F, let w = TemporalScan.wordAfter(p, unitEnd + 1), w.lowerBound == unitEnd + 1 {
            unit += "/" + String(decoding: UnsafeBufferPointer(rebasing: p[w]), as: UTF8.self)
            unitEnd = w.upperBound
        }
        return Candidate(value: value, valueRange: s..<e, unitEnd: unitEnd, unit: unit, counted: false)
    }

    /// The lower end of a percentage range written "51 - 52%" or "51–52%" (a dash, no '%' of its own).
    private func rangeStart(_ p: TemporalScan.Buffer, before c: Candidate) -> Candidate? {
        var k = c.valueRange.lowerBound
        while k > 0, p[k - 1] == 0x20 { k -= 1 }
        if k > 0, p[k - 1] == 0x2D { k -= 1 }
        else if k >= 3, p[k - 3] == 0xE2, p[k - 2] == 0x80, p[k - 1] == 0x93 || p[k - 1] == 0x92 { k -= 3 }
        else { return nil }
        while k > 0, p[k - 1] == 0x20 { k -= 1 }
        let e = k
        var s = e
        while s > 0, TemporalScan.isDigit(p[s - 1]) || ((p[s - 1] == 0x2C || p[s - 1] == 0x2E) && s - 2 >= 0 && TemporalScan.isDigit(p[s - 2]) && TemporalScan.isDigit(p[s])) { s -= 1 }
        guard s < e, e - s <= 6 else { return nil }
        // Not part of a longer figure: "2026 - 2030", "01/4 - 30%".
        if s > 0, TemporalScan.isWordByte(p[s - 1]) || p[s - 1] == 0x2F || p[s - 1] == 0x2D || TemporalScan.isDigit(p[s - 1]) { return nil }
        let digits = String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self).replacingOccurrences(of: ",", with: ".")
        guard let value = Double(digits), value < c.value, value <= 100 else { return nil }
        return Candidate(value: value, valueRange: s..<e, unitEnd: e, unit: c.unit, counted: false)
    }

    /// Whether the nearest heading above `i` (a line opened by "1.", "I." or "a)", within 30,000
    /// bytes) heads a report of results (`report_heading` of target-cues.tsv).
    /// The last answer of `underReportHeading`: queries come in text order, so each walks back only to
    /// the line the previous one started from.
    private struct HeadingMemo {
        var line = -1
        var heading: Int?
        var result = false
    }

    private func underReportHeading(_ p: TemporalScan.Buffer, _ i: Int, lines: LineIndex, memo: inout HeadingMemo) -> Bool {
        guard !reportHeadings.isEmpty else { return false }
        let first = lines.start(of: i)
        var ls = first
        var found: (start: Int, result: Bool)?
        while ls >= 0, i - ls < 30_000 {
            if ls == memo.line {
                if let h = memo.heading, i - h < 30_000 { found = (h, memo.result) }
                break
            }
            let k = TemporalScan.skipSpaces(p, from: ls, limit: 8)
            if k < p.count, let textStart = headingText(p, k) {
                var e = textStart
                while e < p.count, p[e] != 0x0A, e - textStart < 80 { e += 1 }
                let heading = TemporalScan.lowerBytes(p, textStart..<e)
                found = (ls, heading.withUnsafeBufferPointer { w in reportHeadings.contains { Self.containsWord(w, $0) } })
                break
            }
            if ls == 0 { break }
            ls = lines.start(of: ls - 1)
        }
        memo = HeadingMemo(line: first, heading: found?.start, result: found?.result ?? false)
        return found?.result ?? false
    }

    /// The year of the nearest heading above `i` (within 3,000 bytes) when the heading is short and
    /// dates the goals under it ("a) Đến năm 2030", "b) Tầm nhìn đến 2045"): "2030".
    private func headingDeadline(_ p: TemporalScan.Buffer, _ i: Int, lines: LineIndex) -> Dated? {
        guard !headingDeadlines.isEmpty else { return nil }
        var ls = lines.start(of: i)
        while ls > 0, i - ls < 3_000 {
            let k = TemporalScan.skipSpaces(p, from: ls, limit: 8)
            if k < p.count, let textStart = headingText(p, k) {
                var e = textStart
                while e < p.count, p[e] != 0x0A { e += 1 }
                while e > textStart, TemporalScan.isSpace(p[e - 1]) || p[e - 1] == 0x3A { e -= 1 }
                guard e - textStart <= 40 else { return nil }
                let heading = TemporalScan.lowerBytes(p, textStart..<e)
                for cue in headingDeadlines where heading.starts(with: cue) || heading.count > cue.count && heading.withUnsafeBufferPointer({ Self.containsWord($0, cue) }) {
                    // The heading ends with the cue and a year.
                    guard let at = heading.indices.first(where: { heading[$0...].starts(with: cue) }) else { continue }
                    var y = at + cue.count
                    while y < heading.count, heading[y] == 0x20 { y += 1 }
                    guard y + 4 == heading.count, heading[y..<(y + 4)].allSatisfy(TemporalScan.isDigit) else { continue }
                    let value = String(decoding: heading[y..<(y + 4)], as: UTF8.self)
                    guard let year = Int(value), year >= 1945, year <= 2100 else { continue }
                    return Dated(range: (textStart + y)..<(textStart + y + 4), value: value)
                }
                return nil
            }
            ls = lines.start(of: ls - 1)
        }
        return nil
    }

    /// A deadline in a later cell of the value's table row: the value's line ends its cell, and within
    /// the next four lines (short cells, no bullet, no row number, no blank line) a line opens with a
    /// deadline ("Hoàn thành rà soát 100% TTHC nội bộ" / "Các sở, ban, ngành" / "Trước ngày 01/01/2025").
    private func rowDeadline(_ p: TemporalScan.Buffer, after end: Int, lines: LineIndex, deadlines: [Dated]) -> Dated? {
        var le = lines.end(of: end)
        // The value's cell ends at its line end: nothing but its subject, with no sentence end inside.
        for k in end..<le where p[k] == 0x2E && (k + 1 == le || TemporalScan.isSpace(p[k + 1])) { return nil }
        for _ in 0..<4 {
            let ls = le + 1
            guard ls < p.count else { return nil }
            le = lines.end(of: ls)
            let k = TemporalScan.skipSpaces(p, from: ls, limit: 8)
            guard k < le, le - k <= 60 else { return nil }
            let b = p[k]
            if b == 0x2D || b == 0x2B || b == 0x2A { return nil }
            var e = k
            while e < le, TemporalScan.isDigit(p[e]) { e += 1 }
            if e > k, e == le || TemporalScan.isSpace(p[e]) || p[e] == 0x2E { return nil }  // a row number
            if let d = TemporalScan.slice(deadlines, in: k..<le, by: { $0.range.lowerBound }).first {
                // The deadline opens its cell ("Trước ngày 01/01/2024", "01/01/2024").
                let words = TemporalScan.lowerBytes(p, k..<d.range.lowerBound).split(separator: 0x20)
                return words.count <= 2 ? d : nil
            }
        }
        return nil
    }

    /// Where the text of a heading starts when a heading marker ("1. ", "II. ", "a) ") opens the line at `k`.
    private func headingText(_ p: TemporalScan.Buffer, _ k: Int) -> Int? {
        var e = k
        while e < p.count, e - k < 3, TemporalScan.isDigit(p[e]) { e += 1 }
        if e == k { while e < p.count, e - k < 5, [0x49, 0x56, 0x58].contains(p[e]) { e += 1 } }
        if e > k, e + 1 < p.count, p[e] == 0x2E, p[e + 1] == 0x20 { return e + 2 }
        if e == k, k + 2 < p.count, p[k] >= 0x61, p[k] <= 0x7A, p[k + 1] == 0x29, p[k + 2] == 0x20 { return k + 3 }
        return nil
    }

    private func counted(_ p: TemporalScan.Buffer, _ s: Int, _ e: Int, _ v: Int) -> Candidate? {
        guard e + 1 < p.count, TemporalScan.isWordByte(p[e + 1]) else { return nil }
        // A unit must start with the word's first (lower-case) byte.
        let head = p[e + 1]
        guard head >= 0x80 ? unitStartsNonASCII : unitFirstBytes[Int(head >= 0x41 && head <= 0x5A ? head | 0x20 : head)] else { return nil }
        let ahead = TemporalScan.lowerBytes(p, (e + 1)..<min(p.count, e + 1 + 24))
        func unit(in units: [[UInt8]]) -> [UInt8]? {
            units.first { u in ahead.starts(with: u) && (ahead.count == u.count || !TemporalScan.isWordByte(ahead[u.count])) }
        }
        // Without a unit after the number there is no target: the words before it are not read.
        let countUnit = unit(in: countUnits)
        guard countUnit != nil || unit(in: reduceUnits) != nil || unit(in: moneyUnits) != nil else { return nil }
        let lead = DateCues.trimEnd(TemporalScan.lowerBytes(p, max(0, s - 30)..<s)[...])
        var reduced = false
        let found: [UInt8]
        if let u = countUnit, countVerbs.contains(where: { DateCues.endsWithWord(lead, $0) })
            || countComparators.contains(where: { DateCues.endsWithWord(lead, $0) }) || opensSentence(p, s, lead) {
            // "hoàn thành 05 đề án"; "lựa chọn tối thiểu 05 doanh nghiệp", "Có tối thiểu 10 doanh nghiệp"; "Có 05 doanh nghiệp".
            found = u
        } else if let u = unit(in: moneyUnits), moneyVerbs.contains(where: { verb in
            DateCues.endsWithWord(lead, verb) || countComparators.contains { DateCues.endsWithWord(lead, verb + [0x20] + $0) }
                || (atLeastBefore + atMostBefore).contains { DateCues.endsWithWord(lead, verb + [0x20] + Array($0.joined(separator: " ").utf8)) }
        }) {
            // "đạt 20 triệu USD/năm", "đạt tối thiểu 55 tỷ USD/năm"; not "với giá trị mỗi thương vụ từ 01 triệu USD".
            found = u
        } else if let u = unit(in: reduceUnits), reduceVerbs.contains(where: { DateCues.endsWithWord(lead, $0) }) {
            found = u
            reduced = true
        } else {
            return nil
        }
        let unit = found
        var unitEnd = e + 1
        for _ in unit.split(separator: 0x20) {
            guard let w = TemporalScan.wordAfter(p, unitEnd) else { break }
            unitEnd = w.upperBound
        }
        let unitText = TemporalScan.collapseSpaces(p[(e + 1)..<unitEnd])
        return Candidate(value: Double(v), valueRange: s..<e, unitEnd: unitEnd, unit: unitText, counted: true, reduced: reduced)
    }

    /// The count at `s` follows a count opener ("Có") that opens its sentence: after a line break, a
    /// bullet, or the end of the sentence before.
    private func opensSentence(_ p: TemporalScan.Buffer, _ s: Int, _ lead: ArraySlice<UInt8>) -> Bool {
        guard let verb = countOpeners.first(where: { DateCues.endsWithWord(lead, $0) }) else { return false }
        var k = s
        while k > 0, TemporalScan.isSpace(p[k - 1]) { k -= 1 }
        k -= verb.count
        guard k >= 0 else { return false }
        while k > 0, p[k - 1] == 0x20 || p[k - 1] == 0x09 { k -= 1 }
        guard k > 0 else { return true }
        let b = p[k - 1]
        return b == 0x0A || b == 0x2D || b == 0x2B || b == 0x2E || b == 0x3B || b == 0x3A
    }

    // MARK: Text structure

    /// A sentence: to ". ", "!", "?", or a new line that opens a bullet, a number or a capital, at most 600 bytes each way.
    private func sentenceBounds(_ p: TemporalScan.Buffer, _ i: Int) -> Range<Int> {
        var s = i
        while s > 0, i - s < 600 {
            let b = p[s - 1]
            if b == 0x21 || b == 0x3F { break }
            if b == 0x2E, s < p.count, TemporalScan.isSpace(p[s]) { break }
            if b == 0x0A, opensLine(p, s), !wrapsFigure(p, s - 1) { break }
            s -= 1
        }
        var e = i
        while e < p.count, e - i < 600 {
            let b = p[e]
            if b == 0x21 || b == 0x3F { break }
            if b == 0x2E, e + 1 >= p.count || TemporalScan.isSpace(p[e + 1]) { break }
            if b == 0x0A, opensLine(p, e + 1), !wrapsFigure(p, e) { break }
            e += 1
        }
        return s..<e
    }

    /// The sentence around `i` as its punctuation ends it (`.`, `!`, `?`, or a blank line), line
    /// wraps ignored; at most 600 bytes each way.
    private func punctuatedSentence(_ p: TemporalScan.Buffer, _ i: Int) -> Range<Int> {
        func ends(_ k: Int) -> Bool {
            let b = p[k]
            if b == 0x21 || b == 0x3F { return true }
            if b == 0x2E { return k + 1 >= p.count || TemporalScan.isSpace(p[k + 1]) }
            return b == 0x0A && k + 1 < p.count && p[k + 1] == 0x0A
        }
        var s = i
        while s > 0, i - s < 600, !ends(s - 1) { s -= 1 }
        var e = i
        while e < p.count, e - i < 600, !ends(e) { e += 1 }
        return s..<e
    }

    /// The line break at `k` only wraps a sentence before a figure: the line before ends with a comma
    /// and the next one starts with a number ("…, nghề kinh doanh có điều kiện,\n100% các điều kiện …").
    private func wrapsFigure(_ p: TemporalScan.Buffer, _ k: Int) -> Bool {
        var a = k
        while a > 0, p[a - 1] == 0x20 || p[a - 1] == 0x09 || p[a - 1] == 0x0D { a -= 1 }
        guard a > 0, p[a - 1] == 0x2C else { return false }
        let m = TemporalScan.skipSpaces(p, from: k + 1, limit: 8)
        guard m < p.count, TemporalScan.isDigit(p[m]) else { return false }
        // Not a numbered item ("2. ", "3) ").
        var e = m
        while e < p.count, TemporalScan.isDigit(p[e]) { e += 1 }
        return e < p.count && p[e] != 0x2E && p[e] != 0x29
    }

    /// A line that starts a new unit: a bullet, a number, "a)", or a capital letter.
    private func opensLine(_ p: TemporalScan.Buffer, _ i: Int) -> Bool {
        let k = TemporalScan.skipSpaces(p, from: i, limit: 8)
        guard k < p.count else { return true }
        let b = p[k]
        return b == 0x2D || b == 0x2B || b == 0x2A || b == 0x0A || TemporalScan.isDigit(b) || TemporalScan.isUpperStart(p, k)
            || (k + 1 < p.count && p[k + 1] == 0x29)
    }

    private func clauseBounds(_ p: TemporalScan.Buffer, _ i: Int, within s: Range<Int>) -> Range<Int> {
        var a = i
        while a > s.lowerBound, p[a - 1] != 0x3B, p[a - 1] != 0x3A { a -= 1 }
        var b = i
        while b < s.upperBound, p[b] != 0x3B, p[b] != 0x3A { b += 1 }
        return a..<b
    }

    /// The start after the last comma before `i` in the clause (a subject written before the value).
    private func clauseStartBeforeComma(_ p: TemporalScan.Buffer, _ i: Int, _ lower: Int) -> Int {
        var a = i
        while a > lower, p[a - 1] != 0x2C, p[a - 1] != 0x29 { a -= 1 }
        return a
    }

    /// The line that governs a list holding `i`: the first line above the list's bullets that ends with ':'.
    private func governingLine(_ p: TemporalScan.Buffer, _ i: Int, lines: LineIndex) -> Range<Int>? {
        var ls = lines.start(of: i)
        guard isBullet(p, ls) else { return nil }
        var steps = 0
        while ls > 0, steps < 40 {
            let prevStart = lines.start(of: ls - 1)
            if !isBullet(p, prevStart) {
                var end = ls - 1
                while end > prevStart, TemporalScan.isSpace(p[end - 1]) { end -= 1 }
                return end > prevStart && p[end - 1] == 0x3A ? prevStart..<end : nil
            }
            ls = prevStart
            steps += 1
        }
        return nil
    }

    private func isBullet(_ p: TemporalScan.Buffer, _ ls: Int) -> Bool {
        let k = TemporalScan.skipSpaces(p, from: ls, limit: 8)
        guard k < p.count else { return false }
        let b = p[k]
        if b == 0x2D || b == 0x2B || b == 0x2A { return true }
        if TemporalScan.hasPrefix(p, at: k, [0xE2, 0x80, 0xA2]) { return true }  // •
        return k + 1 < p.count && p[k + 1] == 0x29 && TemporalScan.isASCIILetter(b)
    }

    // MARK: Words

    private struct Word {
        var range: Range<Int>
        var lower: String
    }

    private func words(_ p: TemporalScan.Buffer, _ r: Range<Int>) -> [Word] {
        var out: [Word] = []
        guard r.lowerBound < r.upperBound else { return out }
        // The range lowered once (narrowed to whole scalars like each word would be: words
        // inside it start and end at spaces), then sliced per word.
        var lo = max(0, r.lowerBound)
        while lo < r.upperBound, p[lo] & 0xC0 == 0x80 { lo += 1 }
        let lowered = TemporalScan.lowerBytes(p, r)
        let hi = lo + lowered.count
        var i = r.lowerBound
        while i < r.upperBound {
            while i < r.upperBound, TemporalScan.isSpace(p[i]) { i += 1 }
            let s = i
            while i < r.upperBound, !TemporalScan.isSpace(p[i]) { i += 1 }
            guard s < i else { continue }
            let a = max(s, lo), b = min(i, hi)
            let lower = a < b ? String(decoding: lowered[(a - lo)..<(b - lo)], as: UTF8.self) : ""
            out.append(Word(range: s..<i, lower: lower))
        }
        return out
    }

    /// How many trailing words of `ws` match the longest cue of `list` (0 when none).
    private func endsWith(_ ws: [Word], _ list: [[String]]) -> Int {
        for cue in list where cue.count <= ws.count {
            if zip(ws.suffix(cue.count), cue).allSatisfy({ $0.lower == $1 }) { return cue.count }
        }
        return 0
    }

    private func comparatorStart(_ ws: [Word]) -> Int {
        let m = max(endsWith(ws, atLeastBefore), endsWith(ws, atMostBefore))
        return ws[ws.count - max(m, 1)].range.lowerBound
    }

    private func skipWords(_ p: TemporalScan.Buffer, _ i: Int, _ count: Int) -> Int {
        var e = i
        for _ in 0..<count { if let w = TemporalScan.wordAfter(p, e) { e = w.upperBound } }
        return e
    }

    /// `word` without punctuation at either end (Unicode P* categories, as Foundation's
    /// `punctuationCharacters`); words that start and end with a letter or digit are returned as is.
    static func trimmingPunctuation(_ word: String) -> String {
        let scalars = word.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return word }
        if !isPunctuation(first) && !isPunctuation(last) { return word }
        var a = scalars.startIndex, b = scalars.endIndex
        while a < b, isPunctuation(scalars[a]) { a = scalars.index(after: a) }
        while b > a, isPunctuation(scalars[scalars.index(before: b)]) { b = scalars.index(before: b) }
        return String(scalars[a..<b])
    }

    private static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            let b = UInt8(c.value)
            return (b >= 0x21 && b <= 0x2F && b != 0x24 && b != 0x2B) || b == 0x3A || b == 0x3B || b == 0x3F || b == 0x40
                || (b >= 0x5B && b <= 0x5D) || b == 0x5F || b == 0x7B || b == 0x7D
        }
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// The subject written after the value: up to a stop word, a date, the next value or the clause end.
    private func subjectAfter(_ p: TemporalScan.Buffer, from: Int, to: Int, deadlines: [Dated]) -> Range<Int>? {
        let ws = words(p, from..<min(to, from + 240))
        let near = TemporalScan.slice(deadlines, in: max(0, from - 64)..<(from + 240)) { $0.range.lowerBound }
        var last: Word?
        var first: Word?
        for (k, w) in ws.enumerated() {
            let f = Self.trimmingPunctuation(w.lower)
            if subjectStops.contains(where: { parts in
                k + parts.count <= ws.count && zip(ws[k..<(k + parts.count)], parts).allSatisfy { $0.lower == $1 }
            }) { break }
            if near.contains(where: { $0.range.contains(w.range.lowerBound) }) { break }
            if w.lower.hasPrefix("(") || (f.first?.isNumber ?? true) { break }
            if f == "và", k + 1 < ws.count, ws[k + 1].lower.first?.isNumber == true { break }
            if first == nil { first = w }
            last = w
            if w.lower.hasSuffix(",") || w.lower.hasSuffix(".") {
                if k + 1 < ws.count, ws[k + 1].lower.first?.isNumber == true { break }
            }
        }
        guard let first, var last else { return nil }
        // A trailing connector before the next value ("20% TTHC nội bộ và 20% chi phí").
        while last.range.lowerBound > first.range.lowerBound, ["và", "hoặc", "với"].contains(last.lower),
              let k = ws.firstIndex(where: { $0.range == last.range }), k > 0 {
            last = ws[k - 1]
        }
        var end = last.range.upperBound
        while end > first.range.lowerBound, p[end - 1] == 0x2C || p[end - 1] == 0x2E || p[end - 1] == 0x3B { end -= 1 }
        return end - first.range.lowerBound >= 2 ? first.range.lowerBound..<end : nil
    }
}
