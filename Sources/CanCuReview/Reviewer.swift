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

    public init(lexicon: Lexicon) {
        self.init(registry: Registry(lexicon: lexicon), changes: BodyChange.all(lexicon: lexicon),
                  catalogueCues: lexicon.rows("catalogue-titles.tsv").map { $0["cue"] }.filter { !$0.isEmpty })
    }

    package init(registry: Registry, changes: [BodyChange], catalogueCues: [String] = []) {
        self.registry = registry
        names = DocumentNames(registry: registry)
        self.catalogueCues = catalogueCues
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
    }

    private func documentFindings(_ document: DocumentFacts, written: String?, asOf: String,
                                  facts: any FactStore) -> [Finding] {
        let citations = document.citations
        // The symbol of each citation: written, or the registry's for a name with its year.
        let symbols = citations.map { $0.symbol ?? names.resolve($0)?.symbol }
        let ownKey = document.review.ownSymbol.map(Registry.key)
        // Citations the document acts on itself ("Nghị định này thay thế …", "bãi bỏ …"): naming them
        // is right whatever their status.
        var acted = Set<Int>()
        // Also every other mention of a document it acts on (a consolidated text repeats them).
        var actedKeys = Set<String>()
        for relation in document.relations where relation.from == nil {
            switch relation.type {
            case .basis, .implements, .refers, .publishes: continue
            default:
                acted.insert(relation.to)
                if relation.to < citations.count, let symbol = symbols[relation.to] { actedKeys.insert(Registry.key(symbol)) }
            }
        }
        let citedKeys = Set(symbols.compactMap { $0.map(Registry.key) })
        var reportedOnce = Set<String>()
        var findings: [Finding] = []

        for (index, citation) in citations.enumerated() {
            guard let symbol = symbols[index], citation.kind != .short else { continue }
            let key = Registry.key(symbol)
            if key == ownKey { continue }
            let year = citation.year ?? citation.issued?.year
            let record = registry.record(symbol: symbol, year: year)
            let learned = facts.facts(about: symbol)
            // How the message names the document: "Nghị định 61/2018/NĐ-CP", or for a name resolved
            // by the registry the name as cited and the symbol ("Luật Bảo hiểm xã hội năm 2014 (58/2014/QH13)").
            let label: String
            if citation.symbol == nil, let name = citation.name, let year {
                label = "\(name) năm \(year) (\(symbol))"
            } else {
                label = "\(citation.type ?? record?.type ?? "Văn bản") \(symbol)"
            }
            func finding(_ code: Finding.Code, _ severity: Finding.Severity, _ message: String, replacement: String? = nil,
                         evidence: String, asOf when: Finding.AsOf, changed: String? = nil, expected: String? = nil,
                         note: String? = nil) -> Finding {
                Finding(source: document.path, range: citation.source, text: citation.text, symbol: symbol, code: code,
                        severity: severity, message: message, replacement: replacement, evidence: evidence, asOf: when,
                        changed: changed, expected: expected, note: note)
            }

            // Cited before it existed.
            let learnedIssued = learned.first { $0.kind == .issued }
            if let written {
                let known = record?.issued ?? learnedIssued?.value ?? citation.issued?.iso
                let symbolYear = Registry.year(of: symbol)
                if let known, known.count == 10, Self.certainly(known, after: written) {
                    findings.append(finding(.docNotYetIssued, .error,
                        "\(label) ban hành ngày \(known), sau ngày của văn bản này (\(written))",
                        evidence: record?.origin ?? learnedIssued?.evidence ?? "trích dẫn", asOf: .written, changed: known))
                    continue
                } else if let symbolYear, let writtenYear = Int(written.prefix(4)), symbolYear > writtenYear {
                    findings.append(finding(.docNotYetIssued, .error,
                        "\(label) mang năm \(symbolYear), sau năm của văn bản này (\(written))",
                        evidence: "ký hiệu văn bản", asOf: .written))
                    continue
                }
            }

            // The stated issue date differs from the known one.
            if let stated = citation.issued?.iso, stated.count == 10 {
                if let record, let known = record.issued, known != stated {
                    let doubtful = record.isUncertain || record.note.contains("differ")
                    var note: String? = nil
                    if let other = learnedIssued?.value, other != known {
                        note = "\(learnedIssued!.evidence) ghi ngày ban hành \(other), khác \(record.origin)"
                    }
                    findings.append(finding(.dateMismatch, doubtful ? .info : .warning,
                        "\(label) ban hành ngày \(known), văn bản ghi \(stated)",
                        evidence: record.origin, asOf: .written, expected: known, note: note))
                } else if record?.issued == nil, let other = learnedIssued, let known = other.value, known != stated {
                    findings.append(finding(.dateMismatch, .warning,
                        "\(label) ban hành ngày \(known) (theo \(other.evidence)), văn bản ghi \(stated)",
                        evidence: other.evidence, asOf: .written, expected: known))
                }
            }

            if acted.contains(index) || actedKeys.contains(key) { continue }

            // Status: replaced, repealed, expired, expired by term.
            let fromRegistry = record.flatMap(statusEvent(of:))
            let fromFacts = statusEvent(of: learned, symbol: symbol)
            if let event = fromRegistry ?? fromFacts {
                if event.replacement.contains(where: { Registry.key($0) == ownKey }) { continue }
                var note: String? = nil
                if let a = fromRegistry, let b = fromFacts,
                   a.code != b.code || Set(a.replacement.map(Registry.key)) != Set(b.replacement.map(Registry.key)) || (a.date != nil && b.date != nil && a.date != b.date) {
                    note = "\(b.evidence) ghi: \(describe(b)); \(a.evidence) ghi: \(describe(a))"
                } else if fromRegistry == nil, let record, record.status == .inForce {
                    note = "\(record.origin) ghi còn hiệu lực (tính đến \(record.statusAsOf ?? "?")), \(event.evidence) ghi: \(describe(event))"
                }
                let replacement = event.replacement.isEmpty ? nil : event.replacement.joined(separator: ", ")
                let byTerm = event.code == .docExpiredByTerm
                var message = "\(label) " + describe(event)
                let severity: Finding.Severity
                let when: Finding.AsOf
                if let date = event.date {
                    if let written, Self.certainly(written, onOrAfter: date) {
                        severity = byTerm ? .warning : .error
                        when = .written
                        message += "; văn bản này ban hành ngày \(written), khi đó đã lỗi thời"
                    } else if Self.certainly(asOf, onOrAfter: date) {
                        severity = byTerm ? .info : .warning
                        when = .now
                        message += written.map { "; văn bản này ban hành ngày \($0), khi đó còn hiệu lực" } ?? " (tính đến \(asOf))"
                    } else {
                        continue
                    }
                } else {
                    severity = .warning
                    when = .now
                    message += " (không rõ từ ngày nào; tính đến \(asOf))"
                }
                findings.append(finding(event.code, severity, message, replacement: replacement, evidence: event.evidence,
                                        asOf: when, changed: event.date, note: note))
                continue
            }

            // Amended (once per document; not when the amendments are cited too).
            var amenders = record?.amendedBy ?? []
            for fact in learned where fact.kind == .amendedBy {
                if let value = fact.value, !amenders.contains(where: { Registry.key($0) == Registry.key(value) }) { amenders.append(value) }
            }
            amenders = amenders.filter { amender in
                guard !citedKeys.contains(Registry.key(amender)) else { return false }
                let effective = registry.record(symbol: amender)?.effective ?? registry.record(symbol: amender)?.issued
                return effective.map { Self.certainly(asOf, onOrAfter: $0) } ?? true
            }
            if !amenders.isEmpty || record?.status == .partlyExpired {
                guard reportedOnce.insert("amended " + key).inserted else { continue }
                let dates = amenders.compactMap { registry.record(symbol: $0)?.effective }
                let when: Finding.AsOf = (written.map { w in dates.contains { Self.certainly(w, onOrAfter: $0) } } ?? false) ? .written : .now
                var message = "\(label)"
                if !amenders.isEmpty { message += " đã được sửa đổi, bổ sung bởi \(amenders.joined(separator: ", "))" }
                if record?.status == .partlyExpired {
                    message += (amenders.isEmpty ? "" : ";") + " hết hiệu lực một phần (tính đến \(record?.statusAsOf ?? "?"))"
                }
                let evidence = record?.origin ?? learned.first { $0.kind == .amendedBy }?.evidence ?? ""
                findings.append(finding(.docAmended, .info, message, evidence: evidence, asOf: when))
                continue
            }

            if record == nil && learned.isEmpty, reportedOnce.insert("unknown " + key).inserted {
                findings.append(finding(.unknownDocument, .info,
                    "\(label) không có trong danh mục văn bản đã biết; chưa kiểm tra được hiệu lực",
                    evidence: "dictionaries/documents.tsv", asOf: .now))
            }
        }
        return findings
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
        var amenders = record?.amendedBy ?? []
        for fact in learned where fact.kind == .amendedBy {
            if let value = fact.value, !amenders.contains(where: { Registry.key($0) == Registry.key(value) }) { amenders.append(value) }
        }
        amenders = amenders.filter { amender in
            let effective = registry.record(symbol: amender)?.effective ?? registry.record(symbol: amender)?.issued
            return effective.map { Self.certainly(asOf, onOrAfter: $0) } ?? true
        }
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

    private func describe(_ event: StatusEvent) -> String {
        let from = event.date.map { " từ \($0)" } ?? ""
        switch event.code {
        case .docReplaced:
            let by = event.replacement.isEmpty ? "" : ", thay thế bởi \(event.replacement.joined(separator: ", "))"
            return "hết hiệu lực\(from)\(by)"
        case .docRepealed: return "bị bãi bỏ\(from)"
        case .docExpiredByTerm: return "hết thời hạn áp dụng (hết giai đoạn)\(from)"
        default: return "hết hiệu lực\(from)"
        }
    }

    // MARK: Bodies

    private func bodyFindings(_ document: DocumentFacts, written: String?, asOf: String) -> [Finding] {
        let date = written ?? asOf
        var findings: [Finding] = []
        var reportedOnce = Set<String>()
        for match in document.review.bodies {
            guard let change = changes[Self.changeKey(match.origin, match.oldBody)] else { continue }
            let code: Finding.Code
            let verb: String
            switch change.event {
            case .merged, .moved:
                code = .issuerMerged
                verb = "đã hợp nhất vào \(change.successors.joined(separator: ", "))"
            case .renamed, .converted:
                code = .issuerRenamed
                verb = "đã đổi thành \(change.successors.joined(separator: ", "))"
            case .abolished:
                code = .issuerAbolished
                verb = "không còn tổ chức (chuyển giao cho \(change.successors.joined(separator: " hoặc ")))"
            }
            let basis = change.basis.map { " theo \($0)" } ?? ""
            var message = "\(change.oldBody) \(verb) từ \(change.effective)\(basis)"
            let severity: Finding.Severity
            let when: Finding.AsOf
            if let written, Self.certainly(written, onOrAfter: change.effective) {
                severity = match.severity
                when = .written
                message += "; văn bản này ban hành ngày \(written)"
            } else if written == nil, Self.certainly(asOf, onOrAfter: change.effective) {
                // Undated (a compilation, a web page): outdated now, but whether it already was when
                // written cannot be told. Once per body per document, as a warning at most.
                guard reportedOnce.insert(change.origin + change.oldBody).inserted else { continue }
                severity = min(match.severity, .warning)
                when = .now
                message += "; văn bản không ghi ngày ban hành (tính đến \(asOf))"
            } else if Self.certainly(asOf, onOrAfter: change.effective) {
                // Right when written: say it once per document, for people updating it.
                guard reportedOnce.insert(change.origin + change.oldBody).inserted else { continue }
                severity = .info
                when = .now
                message += "; văn bản này ban hành ngày \(date), trước thay đổi"
            } else {
                continue
            }
            findings.append(Finding(source: document.path, range: match.range, text: match.text, code: code, severity: severity,
                                    message: message, replacement: change.successors.first, evidence: change.origin,
                                    asOf: when, changed: change.effective))
        }
        return findings
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
