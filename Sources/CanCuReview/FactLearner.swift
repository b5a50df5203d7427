import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
/// Turns what a document says into facts about documents: its own issue and effective dates and
/// term ("giai đoạn 2022-2025" in its title → it expires by term), and the replacements, repeals,
/// declared expiries and amendments it makes (the citation stage's `replaces`, `repeals`, `expires`
/// and `amends` relations), each with the words as evidence.
public enum FactLearner {
    /// True for the relation types that change the cited document (and so state a fact about it).
    public static func acts(_ type: Relation.RelationType) -> Bool { Relation.acts(type) }

    /// The facts one document states (its own dates and term, and what it does to others).
    public static func learn(from document: DocumentFacts) -> [DocumentFact] {
        let path = document.path
        let extras = document.review
        let own = extras.ownSymbol
        let issued = extras.written?.iso
        let effective = extras.effective?.iso
        var facts: [DocumentFact] = []
        if let own {
            if let issued {
                facts.append(DocumentFact(symbol: own, kind: .issued, value: issued, date: nil, evidence: path, sentence: "Số: \(own)"))
            }
            if let effective {
                facts.append(DocumentFact(symbol: own, kind: .effective, value: effective, date: nil, evidence: path, sentence: "có hiệu lực từ \(effective)"))
            }
            if let end = extras.termEnd {
                facts.append(DocumentFact(symbol: own, kind: .termEnd, value: String(end), date: nil, evidence: path,
                                          sentence: document.document.title ?? "giai đoạn … - \(end)"))
            }
        }
        let citations = document.citations
        for (index, relation) in document.relations.enumerated() {
            let wholeKind: DocumentFact.Kind
            switch relation.type {
            case .replaces: wholeKind = .replacedBy
            case .repeals: wholeKind = .repealedBy
            case .expires: wholeKind = .expired
            case .amends: wholeKind = .amendedBy
            default: continue
            }
            guard relation.to >= 0, relation.to < citations.count, let target = citations[relation.to].symbol else { continue }
            // Repealing, replacing or ending only some units ("Bãi bỏ điểm a khoản 1 Điều 3 …") changes
            // the document in part: it stays in force, amended.
            var kind = wholeKind
            if kind != .amendedBy, !citations[relation.to].pinpoints.isEmpty { kind = .amendedBy }
            let actor: String?
            if let from = relation.from {
                guard from >= 0, from < citations.count else { continue }
                actor = citations[from].symbol
            } else {
                actor = own
            }
            if let actor, Registry.key(actor) == Registry.key(target) { continue }
            facts.append(DocumentFact(symbol: target, kind: kind, value: actor,
                                      date: relation.from == nil ? (effective ?? issued) : nil,
                                      evidence: path, sentence: extras.sentences[index] ?? ""))
        }
        return facts
    }
}
