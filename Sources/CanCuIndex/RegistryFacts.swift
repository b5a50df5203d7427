import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview

/// What the registry alone (no index) knows of the document a citation names: type, title,
/// status and flags, as `IndexQueries` describes a node, for `cancu annotate` without `--db`.
package struct RegistryFacts: Sendable {
    let known: KnownDocuments
    let reviewer: Reviewer
    let asOf: String

    package init(lexicon: Lexicon, asOf: String? = nil) {
        known = KnownDocuments(lexicon: lexicon)
        reviewer = Reviewer(lexicon: lexicon)
        self.asOf = asOf ?? Reviewer.today()
    }

    /// The facts of each citation's document; `learned` are the facts the document itself states.
    package func describe(_ citations: [Citation], learned: LearnedFacts = LearnedFacts()) -> [NodeFacts] {
        citations.map { citation in
            let key = citation.target ?? DocumentKey.key(of: citation) ?? "n:" + citation.text
            let resolved = key.hasPrefix("n:") ? known.key(forNameKey: key) ?? key : key
            var facts = NodeFacts(key: resolved, symbol: citation.symbol, type: citation.type)
            if let record = known.record(key: resolved) {
                facts.symbol = facts.symbol ?? record.symbol
                facts.type = facts.type ?? record.type
                facts.title = record.title
                facts.issued = record.issued
                facts.status = record.status.rawValue
                facts.registry = record
                if !record.replacedBy.isEmpty { facts.flags.append("replaced") }
                if !record.repealedBy.isEmpty { facts.flags.append("repealed") }
                if !record.amendedBy.isEmpty { facts.flags.append("amended") }
            }
            if let symbol = facts.symbol ?? DocumentKey.symbolPart(ofKey: resolved) {
                facts.review = reviewer.status(of: symbol, year: facts.issued.flatMap { Int($0.prefix(4)) }, asOf: asOf, facts: learned)
                for status in facts.review where !facts.flags.contains(status.code.rawValue) { facts.flags.append(status.code.rawValue) }
            }
            facts.flags.append("not_indexed")
            return facts
        }
    }
}
