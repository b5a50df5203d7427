import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// The dates, periods and targets stage of the pipeline: scans the normalised bytes for dates and
/// periods, gives each date its role, infers missing years, reads the document's own effect
/// clause, and finds the quantified targets with their deadlines.
///
/// ```swift
/// var result = DocumentFacts(source: "ke-hoach.txt")
/// TemporalExtractor(lexicon: .builtIn).extract(text, into: &result)
/// result.dates.map(\.value)   // ["2023-01-20", "2022-09-15", …]
/// ```
package struct TemporalExtractor: Sendable {
    let cues: DateCues
    let scanner: DateScanner
    let classifier: DateRoleClassifier
    let targets: TargetScanner

    /// Reads `date-cues.tsv` and `target-cues.tsv` from the dictionaries.
    public init(lexicon: Lexicon = .builtIn) {
        cues = DateCues(lexicon: lexicon)
        scanner = DateScanner(cues: cues)
        classifier = DateRoleClassifier(cues: cues, rules: lexicon.rules)
        targets = TargetScanner(lexicon: lexicon)
    }

    /// Fills `dates`, `periods`, `targets`, `document.effective` and `effectNotes` of `result`.
    public func extract(_ text: NormalizedText, into result: inout DocumentFacts) {
        let pending = dated(text, into: &result)
        targets(pending, text, into: &result)
    }

    /// What the targets step needs from the dates step.
    package struct PendingTargets: Sendable {
        let lines: LineIndex
        let deadlines: [TargetScanner.Dated]
        let spans: [TargetScanner.Dated]
    }

    /// The first step of `extract`: fills `dates`, `periods`, `document.effective` and
    /// `effectNotes` of `result`; `targets(_:_:into:)` then fills `targets`.
    package func dated(_ text: NormalizedText, into result: inout DocumentFacts) -> PendingTargets {
        text.bytes.withUnsafeBufferPointer { p in
            dated(p, text, into: &result)
        }
    }

    /// The second step of `extract`: fills `targets` of `result` (whose `document.type` it reads).
    package func targets(_ pending: PendingTargets, _ text: NormalizedText, into result: inout DocumentFacts) {
        var cursor = text.cursor()
        let found = text.bytes.withUnsafeBufferPointer { p in
            targets.scan(p, lines: pending.lines, deadlines: pending.deadlines, periods: pending.spans,
                         ruleText: targets.setsRules(type: result.document.type)) { range, value, unit, comparator, subject, deadline, period in
                Target(source: cursor.sourceRange(ofBytes: range), range: range, text: text.sourceText(ofBytes: range), value: value,
                       unit: unit, comparator: comparator, subject: subject, deadline: deadline.flatMap(LegalDate.init(iso:)), period: period)
            }
        }
        result.targets = found
    }

    private func dated(_ p: TemporalScan.Buffer, _ text: NormalizedText, into result: inout DocumentFacts) -> PendingTargets {
        let (found, foundPeriods) = scanner.scan(p, isCitationYear: { isCitationYear(p, namStart: $0) })
        var dates = found
        let lines = LineIndex(bytes: p)
        let header = classifier.headerDate(p, dates, lines: lines)
        let issued = header.flatMap { dates[$0].date }
        inferYears(&dates, headerYear: issued?.year)
        // Roles.
        var roles: [DateMention.Role] = []
        var previousEnd = 0
        let columns = dates.isEmpty ? [] : classifier.columnHeaders(p)
        for (k, d) in dates.enumerated() {
            roles.append(k == header ? .issued : classifier.role(p, d, previousEnd: previousEnd, columns: columns, lines: lines))
            previousEnd = d.range.upperBound
        }
        // A document dated by its adoption line: that date is its own ("… thông qua ngày …"), as the header reader says.
        if header == nil, let own = result.document.issued, !cues.adoptions.isEmpty {
            for (k, d) in dates.enumerated() where d.date == own && roles[k] != .issued {
                let ends = DateCues.Ends(TemporalScan.lowerBytes(p, max(0, d.numerals - 40)..<d.numerals)[...])
                if cues.adoptions.contains(where: ends.match) { roles[k] = .issued }
            }
        }
        // A deadline already past when the document was written is told, not set; a cell of a deadline
        // column ("Thời gian hoàn thành": "Tháng 3/2026" in a plan of April 2026) is set all the same.
        if let issued = issued ?? result.document.issued {
            for (k, d) in dates.enumerated() where roles[k] == .deadline {
                if let date = d.date, date.isBefore(issued), !classifier.isTableCell(p, d, columns: columns, lines: lines) { roles[k] = .mention }
            }
        }
        // "từ ngày 20-7-1954 đến 30-4-1975": a period; its ends are mentions unless they have a stronger role.
        var periods = foundPeriods
        if dates.count > 1 {
            for k in 0..<(dates.count - 1) {
                let a = dates[k], b = dates[k + 1]
                guard let from = a.date, let to = b.date, from.day != nil, to.day != nil, from.isBefore(to), roles[k] != .issued,
                      b.numerals - a.range.upperBound <= 24 else { continue }
                let between = TemporalScan.collapseSpaces(TemporalScan.lower(p, a.range.upperBound..<b.numerals)).trimmingCharacters(in: .whitespaces)
                guard between == "đến" || between == "đến ngày" || between == "đến hết ngày" else { continue }
                let lead = DateRoleClassifier.clause(TemporalScan.lowerBytes(p, max(0, a.numerals - 20)..<a.numerals)[...], commas: false)
                guard DateCues.windowEnds(lead, with: Array("từ".utf8)), let tu = tuStart(p, a) else { continue }
                periods.append(DateScanner.FoundPeriod(range: tu..<b.range.upperBound, from: from.iso, to: to.iso))
                if roles[k + 1] == .deadline { roles[k + 1] = .mention }
            }
            periods.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        var cursor = text.cursor()
        // A date form whose parts make no real date (31/02) has no value: it is not a date.
        result.dates = dates.enumerated().compactMap { k, d in
            guard let value = d.date else { return nil }
            return DateMention(source: cursor.sourceRange(ofBytes: d.range), range: d.range, text: text.sourceText(ofBytes: d.range),
                               value: value, role: roles[k])
        }
        result.periods = periods.map {
            Period(source: cursor.sourceRange(ofBytes: $0.range), range: $0.range, text: text.sourceText(ofBytes: $0.range),
                   from: $0.from.flatMap(LegalDate.init(iso:)), to: $0.to.flatMap(LegalDate.init(iso:)))
        }
        // The document's own effect clause.
        let effect = EffectResolver().resolve(p, dates: dates.map { ($0.range, $0.numerals, $0.date) }, issued: issued)
        result.document.effective = effect.effective.flatMap(LegalDate.init(iso:))
        result.effectNotes = effect.notes
        // Targets.
        let deadlines = dates.enumerated().compactMap { k, d in
            roles[k] == .deadline ? d.date.map { TargetScanner.Dated(range: d.range, value: $0.iso) } : nil
        }
        let spans = periods.compactMap { q -> TargetScanner.Dated? in
            guard let from = q.from, let to = q.to else { return nil }
            return TargetScanner.Dated(range: q.range, value: "\(from)-\(to)")
        }
        return PendingTargets(lines: lines, deadlines: deadlines, spans: spans)
    }

    /// Where "từ" opens a range before date `d`.
    private func tuStart(_ p: TemporalScan.Buffer, _ d: DateScanner.Found) -> Int? {
        var k = d.range.lowerBound
        for _ in 0..<2 {
            guard let w = TemporalScan.wordBefore(p, k) else { return nil }
            if TemporalScan.equals(p, w, DateScanner.tu) { return w.lowerBound }
            k = w.lowerBound
        }
        return nil
    }

    /// "năm 2020" is the year of a cited document: after "số 01" or after a capitalised type
    /// word in the same clause ("Luật Cư trú năm 2020", "Nghị quyết số 01 năm 2020").
    private func isCitationYear(_ p: TemporalScan.Buffer, namStart: Int) -> Bool {
        let end = TemporalScan.skipSpacesBack(p, from: namStart)
        var s = end
        while s > 0, TemporalScan.isDigit(p[s - 1]) { s -= 1 }
        if s < end, let w = TemporalScan.wordBefore(p, s), TemporalScan.equals(p, w, DateScanner.so) { return true }
        var k = namStart
        // Stop at a comma: "Đến hết năm", "trong năm" after a clause are dates.
        while k > max(0, namStart - 80), p[k - 1] != 0x2C { k -= 1 }
        return classifier.anchorBefore(p, from: k, to: namStart)
    }

    /// Fills the year of "ngày 01/7": the nearest full date in the 300 bytes before, else the header's year, else any earlier date.
    private func inferYears(_ dates: inout [DateScanner.Found], headerYear: Int?) {
        var lastYear: (year: Int, end: Int)?
        var keep: [DateScanner.Found] = []
        for var d in dates {
            if d.date == nil {
                var year: Int?
                if let l = lastYear, d.range.lowerBound - l.end <= 300 { year = l.year }
                else if let headerYear { year = headerYear }
                else { year = lastYear?.year }
                guard let year, let date = LegalDate(year: year, month: d.month, day: d.day) else { continue }
                d.date = date
            } else if let date = d.date, date.day != nil {
                lastYear = (date.year, d.range.upperBound)
            }
            keep.append(d)
        }
        dates = keep
    }
}
