/// Turns what a document says into facts about documents: its own issue and effective dates and
/// term ("giai đoạn 2022-2025" in its title → it expires by term), and the replacements, repeals,
/// declared expiries and amendments it makes (the citation stage's `replaces`, `repeals`, `expires`
/// and `amends` relations), each with the words as evidence.
public enum FactLearner {
    /// The facts one document states.
    public static func learn(from extraction: Extraction, text: NormalizedText) -> [DocumentFact] {
        let path = extraction.source
        let own = extraction.document.symbol ?? HeaderScan.ownSymbol(text)
        let issued = extraction.document.issued ?? HeaderScan.issueDate(text)
        let effective = extraction.document.effective ?? HeaderScan.effectiveDate(text, issued: issued)
        var facts: [DocumentFact] = []
        if let own {
            if let issued {
                facts.append(DocumentFact(symbol: own, kind: .issued, value: issued, date: nil, evidence: path, sentence: "Số: \(own)"))
            }
            if let effective {
                facts.append(DocumentFact(symbol: own, kind: .effective, value: effective, date: nil, evidence: path, sentence: "có hiệu lực từ \(effective)"))
            }
            if let end = HeaderScan.termEnd(title: extraction.document.title, text: extraction.document.title == nil ? text : nil) {
                facts.append(DocumentFact(symbol: own, kind: .termEnd, value: String(end), date: nil, evidence: path,
                                          sentence: extraction.document.title ?? "giai đoạn … - \(end)"))
            }
        }
        let citations = extraction.citations
        for relation in extraction.relations {
            let wholeKind: DocumentFact.Kind
            switch relation.type {
            case .replaces: wholeKind = .replacedBy
            case .repeals: wholeKind = .repealedBy
            case .expires: wholeKind = .expired
            case .amends: wholeKind = .amendedBy
            default: continue
            }
            guard relation.to < citations.count, let target = citations[relation.to].symbol else { continue }
            // Repealing, replacing or ending only some units ("Bãi bỏ điểm a khoản 1 Điều 3 …") changes
            // the document in part: it stays in force, amended.
            var kind = wholeKind
            if kind != .amendedBy, !citations[relation.to].pinpoints.isEmpty { kind = .amendedBy }
            let actor: String?
            if let from = relation.from {
                guard from < citations.count else { continue }
                actor = citations[from].symbol
            } else {
                actor = own
            }
            if let actor, Registry.key(actor) == Registry.key(target) { continue }
            facts.append(DocumentFact(symbol: target, kind: kind, value: actor,
                                      date: relation.from == nil ? (effective ?? issued) : nil,
                                      evidence: path, sentence: slice(text.source, relation.source)))
        }
        return facts
    }

    /// The source text of a scalar range, at most 300 scalars.
    static func slice(_ source: String, _ range: Range<Int>) -> String {
        let scalars = source.unicodeScalars
        guard range.lowerBound >= 0,
              let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound, limitedBy: scalars.endIndex) else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start...].prefix(min(range.count, 300)))
        return String(view)
    }
}
