import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
/// How many of the documents a review's documents cite have a known status, and where that
/// knowledge comes from (`review` and `analyze` print it): the registry of the dictionaries, a
/// table imported with `cancu registry import` (records marked `I`), or what the reviewed or
/// indexed documents themselves say. Each cited document counts once, by symbol key; a document's
/// citations of itself do not count.
public struct StatusCoverage: Sendable {
    /// Where a cited document's status comes from.
    public enum Source: String, Sendable, CaseIterable {
        case registry, imported, documents, unknown
    }

    private var byKey: [String: Source] = [:]

    public init() {}

    /// The number of distinct cited documents.
    public var total: Int { byKey.count }

    /// The cited documents whose status comes from `source`.
    public func count(_ source: Source) -> Int { byKey.values.filter { $0 == source }.count }

    /// The cited documents with a known status.
    public var known: Int { total - count(.unknown) }

    /// Counts the documents `document` cites by symbol (or by a name the registry resolves).
    public mutating func add(_ document: DocumentFacts, reviewer: Reviewer, facts: any FactStore) {
        let own = document.review.ownSymbol.map(Registry.key)
        let written = document.review.written?.iso
        for citation in document.citations where citation.kind != .short {
            guard let symbol = reviewer.symbol(of: citation, written: written) else { continue }
            let key = Registry.key(symbol)
            guard key != own, byKey[key] == nil || byKey[key] == .unknown else { continue }
            byKey[key] = Self.source(of: symbol, year: citation.year ?? citation.issued?.year, reviewer: reviewer, facts: facts)
        }
    }

    static func source(of symbol: String, year: Int?, reviewer: Reviewer, facts: any FactStore) -> Source {
        if let record = reviewer.registry.record(symbol: symbol, year: year),
           record.status != .unknown || !record.replacedBy.isEmpty || !record.repealedBy.isEmpty || record.expiredOn != nil {
            return record.confidence == "I" ? .imported : .registry
        }
        let stating: Set<DocumentFact.Kind> = [.replacedBy, .repealedBy, .expired, .termEnd, .amendedBy, .effective]
        if facts.facts(about: symbol).contains(where: { stating.contains($0.kind) }) { return .documents }
        return .unknown
    }
}
