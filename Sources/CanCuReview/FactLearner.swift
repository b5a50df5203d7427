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

    /// The facts one document states (its own dates and term, and what it does to others), each
    /// with its evidence as `FILE:LINE` of the clause that says it (the file alone for facts stored
    /// by a version that kept no lines).
    public static func learn(from document: DocumentFacts) -> [DocumentFact] {
        let path = document.path
        let extras = document.review
        func at(_ line: Int?) -> String { line.map { "\(path):\($0)" } ?? path }
        // A local year-less symbol names one document per province: the facts say which.
        let province = LocalSymbols.province(of: document.document)
        func provinceOf(_ symbol: String, key: String? = nil, citation: Int? = nil) -> String? {
            guard LocalSymbols.isLocalYearless(symbol) else { return nil }
            if let citation, let stated = extras.citationProvinces?[citation] { return stated }
            if let key {
                let parts = key.split(separator: "|", omittingEmptySubsequences: false)
                if parts.count >= 3, !parts[2].isEmpty { return String(parts[2]) }
            }
            return province
        }
        let own = extras.ownSymbol
        let issued = extras.written?.iso
        let effective = extras.effective?.iso
        var facts: [DocumentFact] = []
        if let own {
            if let issued {
                facts.append(DocumentFact(symbol: own, kind: .issued, value: issued, date: nil, evidence: at(extras.symbolLine), sentence: "Số: \(own)",
                                          province: provinceOf(own)))
            }
            if let effective {
                facts.append(DocumentFact(symbol: own, kind: .effective, value: effective, date: nil, evidence: at(extras.effectiveLine),
                                          sentence: "có hiệu lực từ \(effective)", province: provinceOf(own)))
            }
            if let end = extras.termEnd {
                facts.append(DocumentFact(symbol: own, kind: .termEnd, value: String(end), date: nil, evidence: at(extras.symbolLine),
                                          sentence: document.document.title ?? "giai đoạn … - \(end)", province: provinceOf(own)))
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
            let sentence = extras.sentences[index] ?? ""
            if kind != .amendedBy, !citations[relation.to].pinpoints.isEmpty || Self.partial(sentence, before: citations[relation.to].text) {
                kind = .amendedBy
            }
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
                                      evidence: at(extras.relationLines?[index]), sentence: sentence,
                                      province: provinceOf(target, key: citations[relation.to].target, citation: relation.to)))
        }
        return facts
    }

    /// Folded words of `dictionaries/partial-change-words.tsv`, each padded with spaces.
    static let partialWords: [String] = Lexicon.builtIn.rows("partial-change-words.tsv").map { " " + Folding.words($0["word"]) + " " }
        .filter { $0.count > 2 }
    /// Folded acting verbs: the part of a clause after the last one says what is changed.
    static let actingVerbs = [" thay the ", " bai bo ", " het hieu luc ", " cham dut hieu luc ", " ngung hieu luc "]

    /// True when the clause `sentence` changes only part of the document cited as `cited`:
    /// between its last acting verb and the citation stand words of a part ("một số biểu mẫu tại
    /// Phụ lục ban hành kèm theo").
    static func partial(_ sentence: String, before cited: String) -> Bool {
        guard !sentence.isEmpty else { return false }
        let head = cited.isEmpty ? sentence : sentence.range(of: cited).map { String(sentence[..<$0.lowerBound]) } ?? sentence
        var folded = " " + Folding.words(head) + " "
        if let verb = actingVerbs.compactMap({ folded.range(of: $0, options: .backwards) }).max(by: { $0.lowerBound < $1.lowerBound }) {
            folded = String(folded[verb.upperBound...])
            folded = " " + folded
        } else {
            return false
        }
        return partialWords.contains { folded.contains($0) }
    }
}
