import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import GRDB

/// `cancu review --db`: the review of every indexed document, from the facts the index stores
/// (`IndexFacts`), without reading the files again. What the documents say about each other is
/// learned once from the whole index, then each document is reviewed in path order by the same
/// `Reviewer` rules as `cancu review PATH`.
///
/// ```swift
/// let review = IndexReview(index: try DocumentIndex.openForReading(path: "cancu.sqlite"), reviewer: Reviewer(lexicon: .builtIn))
/// let facts = try review.learnFacts()
/// try review.review(asOf: "2026-01-15", facts: facts) { document, findings in print(document.path, findings.count) }
/// ```
public struct IndexReview: Sendable {
    public let index: DocumentIndex
    public let reviewer: Reviewer

    public init(index: DocumentIndex, reviewer: Reviewer) {
        self.index = index
        self.reviewer = reviewer
    }

    /// The facts every indexed document states (its own dates and term, the documents it replaces,
    /// repeals, ends or amends), learned by `FactLearner`, in path order as `cancu review PATH`
    /// learns them (the first fact of a kind is its evidence).
    public func learnFacts() throws(IndexError) -> LearnedFacts {
        try index.read { db in
            var facts = LearnedFacts()
            try IndexFacts.forEachFile(db) { analysis in
                for document in analysis.documents { facts.add(FactLearner.learn(from: document)) }
            }
            return facts
        }
    }

    /// Reviews every indexed document in path order, calling `body` with its facts and findings.
    public func review(asOf: String, facts: any FactStore,
                       _ body: (DocumentFacts, [Finding]) throws -> Void) throws(IndexError) {
        try index.read { db in
            try IndexFacts.forEachFile(db) { analysis in
                for document in analysis.documents {
                    try body(document, reviewer.review(document, asOf: asOf, facts: facts))
                }
            }
        }
    }

    /// The facts the index holds about one document: those stated by the documents with its
    /// symbol and by the documents acting on it.
    static func facts(about symbol: String, db: Database) throws -> LearnedFacts {
        let key = Registry.key(symbol)
        var facts = LearnedFacts()
        // Its own dates and term.
        for id in try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM documents WHERE own_key = ? ORDER BY id"), arguments: [key]) {
            guard var document = try IndexFacts.document(id: id, db: db) else { continue }
            document.citations = []
            document.relations = []
            facts.add(FactLearner.learn(from: document).filter { Registry.key($0.symbol) == key })
        }
        // What other documents do to it.
        let acting = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT r.document_id FROM citations c JOIN relations r ON r.document_id = c.document_id AND r.to_citation = c.position
            WHERE c.symbol_key = ? AND r.type IN ('replaces', 'repeals', 'expires', 'amends')
            """), arguments: [key]).sorted()
        for id in acting {
            guard let document = try IndexFacts.document(id: id, db: db) else { continue }
            facts.add(FactLearner.learn(from: document).filter { Registry.key($0.symbol) == key && $0.kind != .issued
                && $0.kind != .effective && $0.kind != .termEnd })
        }
        return facts
    }
}
