import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
/// Finds the references of a document that are no longer right: cited documents replaced,
/// repealed, expired or amended; wrong issue dates; documents cited before they existed; bodies
/// merged, renamed or abolished in the 2025 reorganisation.
///
/// Every rule is a lookup in tables built once (`Registry`, `BodyScanner`), so a review costs about
/// one pass over the text. A finding says whether the reference was outdated already when the
/// document was written (as of its own issue date: `written`) or only now (as of `asOf`: `now`);
/// a reference that was right when written is never an error.
///
/// ```swift
/// let reviewer = Reviewer(lexicon: .builtIn)
/// let findings = reviewer.review(Extractor(lexicon: .builtIn).extract(document), asOf: "2026-01-15")
/// ```
public struct Reviewer: Sendable {
    public let registry: Registry
    /// The registry's documents by type, name and year, for citations by name ("Luật Bảo hiểm xã
    /// hội năm 2014"): one resolved so is reviewed as its symbol would be.
    package let names: DocumentNames
    /// The body changes by succession row and old body (a stored mention names its change so).
    private let changes: [String: BodyChange]
    /// Title phrases of catalogues of documents (`dictionaries/catalogue-titles.tsv`), lower case.
    private let catalogueCues: [String]
    /// Types whose later document of the same name replaces an earlier one (`rules.tsv`:
    /// successor_by_name_types), folded.
    private let renamedTypes: Set<String>

    public init(lexicon: Lexicon) {
        self.init(registry: Registry(lexicon: lexicon), changes: BodyChange.all(lexicon: lexicon),
                  catalogueCues: lexicon.rows("catalogue-titles.tsv").map { $0["cue"] }.filter { !$0.isEmpty },
                  successorTypes: lexicon.rules.list("successor_by_name_types"))
    }

    package init(registry: Registry, changes: [BodyChange], catalogueCues: [String] = [],
                 successorTypes: [String] = ["Luật", "Bộ luật", "Pháp lệnh"]) {
        self.registry = registry
        names = DocumentNames(registry: registry)
        self.catalogueCues = catalogueCues
        renamedTypes = Set(successorTypes.map { Folding.words($0) })
        var byOrigin: [String: BodyChange] = [:]
        for change in changes { byOrigin[Self.changeKey(change.origin, change.oldBody)] = byOrigin[Self.changeKey(change.origin, change.oldBody)] ?? change }
        self.changes = byOrigin
    }

    private static func changeKey(_ origin: String, _ oldBody: String) -> String { origin + "\u{1F}" + oldBody }

    /// The findings of one document, in reading order. `asOf` is today or the user's `--as-of`
    /// (ISO); `facts` holds what other documents say (learned in this run, or the index).
    public func review(_ document: DocumentFacts, asOf: String, facts: any FactStore = LearnedFacts()) -> [Finding] {
        let written = document.review.written?.iso
        var findings = documentFindings(document, written: written, asOf: asOf, facts: facts)
        if isCatalogue(document.document.title) {
            // A list of documents and their status: naming outdated ones is its purpose.
            for i in findings.indices where Self.statusCodes.contains(findings[i].code) {
                findings[i].severity = .info
            }
        }
        findings += bodyFindings(document, written: written, asOf: asOf)
        findings.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        return findings
    }

    private static let statusCodes: Set<Finding.Code> = [.docReplaced, .docRepealed, .docExpired, .docExpiredByTerm, .docAmended]

    /// True when the title says the document catalogues other documents' status.
    private func isCatalogue(_ title: String?) -> Bool {
        guard let title, !catalogueCues.isEmpty else { return false }
        let lower = title.lowercased()
        return catalogueCues.contains { lower.contains($0) }
    }

    // MARK: Documents

    private struct StatusEvent {
        var code: Finding.Code
        var date: String?
        var replacement: [String]
        var evidence: String
        var sentence: String?

        var change: Finding.StatusChange { Finding.StatusChange(code: code, date: date, replacement: replacement) }
    }

    /// The citing document, as the document rules see it.
    private struct Citing {
        var document: DocumentFacts
        /// Its own issue date (ISO), when known.
        var written: String?
        var asOf: String
        var facts: any FactStore
        /// The symbol of each citation: written, or the registry's for a name with its year.
        var symbols: [String?]
        var ownKey: String?
        /// The keys of every document cited.
        var citedKeys: Set<String>
        /// Citations the document acts on itself ("Nghị định này thay thế …", "bãi bỏ …"), and the
        /// keys of the documents they name (a consolidated text repeats them).
        var acted: Set<Int>
        var actedKeys: Set<String>

        /// True when the document acts on the cited one: naming it is right whatever its status.
        func acts(on cited: Cited) -> Bool { acted.contains(cited.index) || actedKeys.contains(cited.key) }
    }

    /// One citation under review, with what is known of the document it cites.
    private struct Cited {
        var path: String
        var index: Int
        var citation: Citation
        var symbol: String
        var key: String
        var record: DocumentRecord?
        var learned: [DocumentFact]
        var label: Finding.DocumentLabel

        var learnedIssued: DocumentFact? { learned.first { $0.kind == .issued } }

        func finding(_ code: Finding.Code, _ severity: Finding.Severity, _ detail: Finding.Detail,
                     note: Finding.NoteDetail? = nil, replacement: String? = nil, evidence: String,
                     asOf: Finding.AsOf, changed: String? = nil, expected: String? = nil) -> Finding {
            Finding(source: path, range: citation.source, text: citation.text, symbol: symbol, code: code,
                    severity: severity, message: FindingMessage.text(detail), replacement: replacement,
                    evidence: evidence, asOf: asOf, changed: changed, expected: expected,
                    note: note.map(FindingMessage.text))
        }
    }

    private func documentFindings(_ document: DocumentFacts, written: String?, asOf: String,
                                  facts: any FactStore) -> [Finding] {
        let citing = citing(document, written: written, asOf: asOf, facts: facts)
        var reportedOnce = Set<String>()
        var findings: [Finding] = []
        for index in document.citations.indices {
            guard let cited = cited(index, in: citing) else {
                if citing.symbols[index] == nil, let finding = sameNameLater(index, citing) { findings.append(finding) }
                continue
            }
            findings += citationFindings(cited, citing, reportedOnce: &reportedOnce)
        }
        return findings
    }

    /// A law, code or ordinance cited by name and a year the registry has no document of, when the
    /// registry has the same name issued later and in effect by the document's date (outdated when
    /// written) or by `asOf`: replaced, by that document or an earlier one the registry misses.
    private func sameNameLater(_ index: Int, _ citing: Citing) -> Finding? {
        let citation = citing.document.citations[index]
        guard citation.kind == .name, let name = citation.name, let type = citation.type, renamedTypes.contains(Folding.words(type)),
              let year = citation.year ?? citation.issued?.year,
              let next = names.successor(type: type, name: name, year: year),
              let date = next.effective ?? next.issued else { return nil }
        if citing.acted.contains(index) { return nil }
        // "Luật An toàn, vệ sinh lao động ngày 25 tháng 6 năm 2014": the later law's own day and
        // month (25/6/2015) with a wrong year is a wrong date, not an older law.
        if let stated = citation.issued?.iso, stated.count == 10, let known = next.issued, known.count == 10,
           stated.suffix(6) == known.suffix(6), stated != known {
            return Finding(source: citing.document.path, range: citation.source, text: citation.text, symbol: next.symbol,
                           code: .dateMismatch, severity: .warning,
                           message: FindingMessage.text(.dateMismatch(.name(name, year: nil, symbol: next.symbol), known: known,
                                                                      stated: stated, knownFrom: nil)),
                           evidence: next.origin, asOf: .written, expected: known)
        }
        let severity: Finding.Severity
        let when: Finding.AsOf
        let timing: Finding.StatusTiming
        if let written = citing.written, Self.certainly(written, onOrAfter: date) {
            (severity, when, timing) = (.error, .written, .outdatedWhenWritten(written: written))
        } else if Self.certainly(citing.asOf, onOrAfter: date) {
            (severity, when) = (.warning, .now)
            timing = citing.written.map { .inForceWhenWritten(written: $0) } ?? .undated(asOf: citing.asOf)
        } else {
            return nil
        }
        let change = Finding.StatusChange(code: .docReplaced, date: date, replacement: [next.symbol])
        return Finding(source: citing.document.path, range: citation.source, text: citation.text, symbol: nil, code: .docReplaced,
                       severity: severity, message: FindingMessage.text(.status(.nameOnly(name, year: year), change, timing)),
                       replacement: next.symbol, evidence: next.origin, asOf: when, changed: date,
                       note: FindingMessage.text(.sameNameLater(successor: next.symbol, year: year, origin: next.origin)))
    }

    /// The findings of one citation: not yet issued, else a date mismatch and then the first of
    /// status, amended and unknown that applies.
    private func citationFindings(_ cited: Cited, _ citing: Citing, reportedOnce: inout Set<String>) -> [Finding] {
        if let notYetIssued = notYetIssued(cited, citing) { return [notYetIssued] }
        var findings = [dateMismatch(cited, citing)].compactMap { $0 }
        if citing.acts(on: cited) { return findings }
        let fromRegistry = cited.record.flatMap(statusEvent(of:))
        let fromFacts = statusEvent(of: cited.learned, symbol: cited.symbol)
        if let event = fromRegistry ?? fromFacts {
            let note = statusNote(cited.record, registry: fromRegistry, facts: fromFacts)
            findings += [status(cited, event, note: note, citing)].compactMap { $0 }
        } else if let amended = amended(cited, citing, reportedOnce: &reportedOnce) {
            findings.append(amended)
        } else if let unknown = unknown(cited, reportedOnce: &reportedOnce) {
            findings.append(unknown)
        }
        return findings
    }

    private func citing(_ document: DocumentFacts, written: String?, asOf: String, facts: any FactStore) -> Citing {
        let citations = document.citations
        let symbols = citations.map { symbol(of: $0, written: written) }
        var acted = Set<Int>()
        var actedKeys = Set<String>()
        for relation in document.relations where relation.from == nil {
            switch relation.type {
            case .basis, .implements, .refers, .publishes: continue
            default:
                acted.insert(relation.to)
                if relation.to < citations.count, let symbol = symbols[relation.to] { actedKeys.insert(Registry.key(symbol)) }
            }
        }
        return Citing(document: document, written: written, asOf: asOf, facts: facts, symbols: symbols,
                      ownKey: document.review.ownSymbol.map(Registry.key),
                      citedKeys: Set(symbols.compactMap { $0.map(Registry.key) }), acted: acted, actedKeys: actedKeys)
    }

    /// The symbol of the document a citation names: written, else the registry's for its name and
    /// year, else (a name without a year in a dated document) the registry's version of that name
    /// in force on the document's date `written`.
    package func symbol(of citation: Citation, written: String?) -> String? {
        if let symbol = citation.symbol { return symbol }
        if let match = names.resolve(citation) { return match.symbol }
        guard citation.kind == .name, let written, citation.year == nil, citation.issued == nil,
              let name = citation.name, !name.isEmpty else { return nil }
        return names.resolve(type: citation.type, name: name, writtenOn: written)?.symbol
    }

    /// The citation at `index` with its registry row and learned facts; nil for a short citation,
    /// one without a symbol, or one of the document itself.
    private func cited(_ index: Int, in citing: Citing) -> Cited? {
        let citation = citing.document.citations[index]
        guard let symbol = citing.symbols[index], citation.kind != .short else { return nil }
        let key = Registry.key(symbol)
        if key == citing.ownKey { return nil }
        let year = citation.year ?? citation.issued?.year
        let record = registry.record(symbol: symbol, year: year)
        let label: Finding.DocumentLabel
        if citation.symbol == nil, let name = citation.name {
            label = .name(name, year: year, symbol: symbol)
        } else {
            label = .symbol(symbol, type: citation.type ?? record?.type)
        }
        var learned = citing.facts.facts(about: symbol)
        if LocalSymbols.isLocalYearless(symbol) {
            // "45/KH-UBND" of another province is another document: only its own province's facts.
            let target = citation.target?.split(separator: "|", omittingEmptySubsequences: false)
            let province = target.flatMap { $0.count >= 3 && !$0[2].isEmpty ? String($0[2]) : nil }
                ?? citing.document.review.citationProvinces?[index] ?? LocalSymbols.province(of: citing.document.document)
            if let province { learned = learned.filter { $0.province == nil || $0.province == province } }
        }
        return Cited(path: citing.document.path, index: index, citation: citation, symbol: symbol, key: key,
                     record: record, learned: learned, label: label)
    }

    /// Cited before it existed: its known issue day, or the year in its symbol, is after the
    /// document's own date.
    private func notYetIssued(_ cited: Cited, _ citing: Citing) -> Finding? {
        guard let written = citing.written else { return nil }
        let learnedIssued = cited.learnedIssued
        if let known = cited.record?.issued ?? learnedIssued?.value ?? cited.citation.issued?.iso,
           known.count == 10, Self.certainly(known, after: written) {
            return cited.finding(.docNotYetIssued, .error, .notYetIssued(cited.label, issued: known, written: written),
                                 evidence: cited.record?.origin ?? learnedIssued?.evidence ?? "trích dẫn",
                                 asOf: .written, changed: known)
        }
        if let year = Registry.year(of: cited.symbol), let writtenYear = Int(written.prefix(4)), year > writtenYear {
            return cited.finding(.docNotYetIssued, .error, .notYetIssuedByYear(cited.label, year: year, written: written),
                                 evidence: "ký hiệu văn bản", asOf: .written)
        }
        return nil
    }

    /// The stated issue date differs from the registry's, or (without one) from what a document says.
    private func dateMismatch(_ cited: Cited, _ citing: Citing) -> Finding? {
        guard let stated = cited.citation.issued?.iso, stated.count == 10 else { return nil }
        let learnedIssued = cited.learnedIssued
        if let record = cited.record, let known = record.issued {
            guard known != stated else { return nil }
            let doubtful = record.isUncertain || record.note.contains("differ")
            var note: Finding.NoteDetail? = nil
            if let learnedIssued, let other = learnedIssued.value, other != known {
                note = .otherIssueDate(evidence: learnedIssued.evidence, date: other, origin: record.origin)
            }
            return cited.finding(.dateMismatch, doubtful ? .info : .warning,
                                 .dateMismatch(cited.label, known: known, stated: stated, knownFrom: nil),
                                 note: note, evidence: record.origin, asOf: .written, expected: known)
        }
        guard let learnedIssued, let known = learnedIssued.value, known != stated else { return nil }
        return cited.finding(.dateMismatch, .warning,
                             .dateMismatch(cited.label, known: known, stated: stated, knownFrom: learnedIssued.evidence),
                             evidence: learnedIssued.evidence, asOf: .written, expected: known)
    }

    /// Replaced, repealed, expired or expired by term: an error when it already was on the
    /// document's date, a warning when only now, nothing before the change.
    private func status(_ cited: Cited, _ event: StatusEvent, note: Finding.NoteDetail?, _ citing: Citing) -> Finding? {
        // Replaced by the document itself.
        if event.replacement.contains(where: { Registry.key($0) == citing.ownKey }) { return nil }
        let byTerm = event.code == .docExpiredByTerm
        let severity: Finding.Severity
        let when: Finding.AsOf
        let timing: Finding.StatusTiming
        if let date = event.date {
            if let written = citing.written, Self.certainly(written, onOrAfter: date) {
                (severity, when, timing) = (byTerm ? .warning : .error, .written, .outdatedWhenWritten(written: written))
            } else if Self.certainly(citing.asOf, onOrAfter: date) {
                (severity, when) = (byTerm ? .info : .warning, .now)
                timing = citing.written.map { .inForceWhenWritten(written: $0) } ?? .undated(asOf: citing.asOf)
            } else {
                return nil
            }
        } else {
            (severity, when, timing) = (.warning, .now, .unknownDate(asOf: citing.asOf))
        }
        let replacement = event.replacement.isEmpty ? nil : event.replacement.joined(separator: ", ")
        return cited.finding(event.code, severity, .status(cited.label, event.change, timing), note: note,
                             replacement: replacement, evidence: event.evidence, asOf: when, changed: event.date)
    }

    /// A note when the registry and the documents disagree on a status, or the registry says in
    /// force and a document says otherwise.
    private func statusNote(_ record: DocumentRecord?, registry: StatusEvent?, facts: StatusEvent?) -> Finding.NoteDetail? {
        if let registry, let facts,
           registry.code != facts.code
            || Set(registry.replacement.map(Registry.key)) != Set(facts.replacement.map(Registry.key))
            || (registry.date != nil && facts.date != nil && registry.date != facts.date) {
            return .statusDiffers(facts: facts.change, factsEvidence: facts.evidence,
                                  registry: registry.change, origin: registry.evidence)
        }
        if registry == nil, let facts, let record, record.status == .inForce {
            return .registryInForce(origin: record.origin, statusAsOf: record.statusAsOf, change: facts.change,
                                    evidence: facts.evidence)
        }
        if registry == nil, let facts, let record, record.status == .partlyExpired || !record.amendedBy.isEmpty {
            return .registryInPart(origin: record.origin, statusAsOf: record.statusAsOf, change: facts.change,
                                   evidence: facts.evidence)
        }
        return nil
    }

    /// Amended (once per document; not when the amendments are cited too), or partly expired.
    private func amended(_ cited: Cited, _ citing: Citing, reportedOnce: inout Set<String>) -> Finding? {
        let amenders = amenders(cited.record, cited.learned, asOf: citing.asOf, except: citing.citedKeys)
        let partlyExpired = cited.record?.status == .partlyExpired
        guard !amenders.isEmpty || partlyExpired, reportedOnce.insert("amended " + cited.key).inserted else { return nil }
        let dates = amenders.compactMap { registry.record(symbol: $0)?.effective }
        let already = citing.written.map { written in dates.contains { Self.certainly(written, onOrAfter: $0) } } ?? false
        let evidence = cited.record?.origin ?? cited.learned.first { $0.kind == .amendedBy }?.evidence ?? ""
        return cited.finding(.docAmended, .info, .amended(cited.label, amenders: amenders, partlyExpired: partlyExpired,
                                                          statusAsOf: cited.record?.statusAsOf),
                             evidence: evidence, asOf: already ? .written : .now)
    }

    /// Neither in the registry nor in what documents say (once per document).
    private func unknown(_ cited: Cited, reportedOnce: inout Set<String>) -> Finding? {
        guard cited.record == nil, cited.learned.isEmpty, reportedOnce.insert("unknown " + cited.key).inserted else { return nil }
        return cited.finding(.unknownDocument, .info, .unknownDocument(cited.label),
                             evidence: "dictionaries/documents.tsv", asOf: .now)
    }

    /// The amendments of a document (registry row and learned facts) in effect by `asOf`, except
    /// those whose keys are in `excluded`.
    private func amenders(_ record: DocumentRecord?, _ learned: [DocumentFact], asOf: String,
                          except excluded: Set<String> = []) -> [String] {
        var amenders = record?.amendedBy ?? []
        for fact in learned where fact.kind == .amendedBy {
            if let value = fact.value, !amenders.contains(where: { Registry.key($0) == Registry.key(value) }) { amenders.append(value) }
        }
        return amenders.filter { amender in
            guard !excluded.contains(Registry.key(amender)) else { return false }
            let effective = registry.record(symbol: amender)?.effective ?? registry.record(symbol: amender)?.issued
            return effective.map { Self.certainly(asOf, onOrAfter: $0) } ?? true
        }
    }

    /// A review code that applies to a document itself as of a date (`cancu basis` and `show`
    /// list them as flags): replaced, repealed, expired, expired by term, or amended.
    public struct Status: Sendable, Hashable {
        public var code: Finding.Code
        /// The replacing documents or amendments, when known.
        public var replacement: [String]
        /// The date the change took effect, when known.
        public var changed: String?
        public var evidence: String
    }

    /// The codes that apply to the document `symbol` as of `asOf`, by the same registry rows and
    /// learned facts the citation rules use.
    public func status(of symbol: String, year: Int? = nil, asOf: String, facts: any FactStore = LearnedFacts()) -> [Status] {
        let record = registry.record(symbol: symbol, year: year ?? Registry.year(of: symbol))
        let learned = facts.facts(about: symbol)
        if let event = record.flatMap(statusEvent(of:)) ?? statusEvent(of: learned, symbol: symbol) {
            if let date = event.date, !Self.certainly(asOf, onOrAfter: date) { return [] }
            return [Status(code: event.code, replacement: event.replacement, changed: event.date, evidence: event.evidence)]
        }
        let amenders = amenders(record, learned, asOf: asOf)
        guard !amenders.isEmpty || record?.status == .partlyExpired else { return [] }
        let evidence = record?.origin ?? learned.first { $0.kind == .amendedBy }?.evidence ?? ""
        return [Status(code: .docAmended, replacement: amenders, changed: nil, evidence: evidence)]
    }

    private func statusEvent(of record: DocumentRecord) -> StatusEvent? {
        func dateOf(_ others: [String]) -> String? {
            record.expiredOn ?? others.first.flatMap { registry.record(symbol: $0)?.effective }
        }
        if !record.replacedBy.isEmpty {
            return StatusEvent(code: .docReplaced, date: dateOf(record.replacedBy), replacement: record.replacedBy, evidence: record.origin)
        }
        if !record.repealedBy.isEmpty {
            return StatusEvent(code: .docRepealed, date: dateOf(record.repealedBy), replacement: [], evidence: record.origin)
        }
        if record.status == .expired {
            if let end = record.termEnd, record.expiredOn == nil {
                return StatusEvent(code: .docExpiredByTerm, date: "\(end + 1)-01-01", replacement: [], evidence: record.origin)
            }
            return StatusEvent(code: .docExpired, date: record.expiredOn, replacement: [], evidence: record.origin)
        }
        if let end = record.termEnd {
            // In force after its term (a later status says so): the term did not end it.
            if record.status == .inForce, let year = record.statusAsOf.flatMap({ Int($0.prefix(4)) }), year > end { return nil }
            return StatusEvent(code: .docExpiredByTerm, date: "\(end + 1)-01-01", replacement: [], evidence: record.origin)
        }
        return nil
    }

    private func statusEvent(of facts: [DocumentFact], symbol: String) -> StatusEvent? {
        let order: [(DocumentFact.Kind, Finding.Code)] = [(.replacedBy, .docReplaced), (.repealedBy, .docRepealed),
                                                          (.expired, .docExpired), (.termEnd, .docExpiredByTerm)]
        for (kind, code) in order {
            let matching = facts.filter { $0.kind == kind }
            guard let first = matching.first else { continue }
            if kind == .termEnd {
                guard let end = first.value.flatMap(Int.init) else { continue }
                return StatusEvent(code: code, date: "\(end + 1)-01-01", replacement: [], evidence: first.evidence, sentence: first.sentence)
            }
            let replacement = kind == .replacedBy ? matching.compactMap(\.value) : []
            let date = matching.compactMap(\.date).min()
                ?? first.value.flatMap { registry.record(symbol: $0)?.effective }
            return StatusEvent(code: code, date: date, replacement: replacement, evidence: first.evidence, sentence: first.sentence)
        }
        return nil
    }

    // MARK: Bodies

    private func bodyFindings(_ document: DocumentFacts, written: String?, asOf: String) -> [Finding] {
        var reportedOnce = Set<String>()
        return document.review.bodies.compactMap { match in
            guard let change = changes[Self.changeKey(match.origin, match.oldBody)] else { return nil }
            return bodyFinding(match, change, in: document.path, written: written, asOf: asOf, reportedOnce: &reportedOnce)
        }
    }

    /// A body named after its change: as the mention's severity when the document was written
    /// after it; once per body per document when only now.
    private func bodyFinding(_ match: ReviewFacts.BodyMention, _ change: BodyChange, in path: String, written: String?, asOf: String,
                             reportedOnce: inout Set<String>) -> Finding? {
        let severity: Finding.Severity
        let when: Finding.AsOf
        let timing: Finding.BodyTiming
        if let written, Self.certainly(written, onOrAfter: change.effective) {
            (severity, when, timing) = (match.severity, .written, .afterChange(written: written))
        } else if Self.certainly(asOf, onOrAfter: change.effective), reportedOnce.insert(change.origin + change.oldBody).inserted {
            if let written {
                // Right when written: said for people updating it.
                (severity, when, timing) = (.info, .now, .beforeChange(written: written))
            } else {
                // Undated (a compilation, a web page): outdated now, but whether it already was when
                // written cannot be told, so a warning at most.
                (severity, when, timing) = (min(match.severity, .warning), .now, .undated(asOf: asOf))
            }
        } else {
            return nil
        }
        return Finding(source: path, range: match.range, text: match.text, code: Self.code(of: change.event),
                       severity: severity, message: FindingMessage.text(.body(change, timing)),
                       replacement: change.successors.first, evidence: change.origin, asOf: when, changed: change.effective)
    }

    private static func code(of event: BodyChange.Event) -> Finding.Code {
        switch event {
        case .merged, .moved: .issuerMerged
        case .renamed, .converted: .issuerRenamed
        case .abolished: .issuerAbolished
        }
    }

    // MARK: Dates

    /// True when the date `a` is certainly after `b` (ISO strings of any precision, read as
    /// `LegalDate`s: "2022-01-10" is not after "2022", which may be any day of 2022).
    static func certainly(_ a: String, after b: String) -> Bool {
        guard let a = LegalDate(iso: a), let b = LegalDate(iso: b) else { return false }
        return a.isAfter(b)
    }

    /// True when the date `a` is certainly on or after `b`.
    static func certainly(_ a: String, onOrAfter b: String) -> Bool {
        guard let a = LegalDate(iso: a), let b = LegalDate(iso: b) else { return false }
        return a.isOnOrAfter(b)
    }
}
