import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import GRDB

/// The summary `cancu analyze` prints: what is in the index, the most cited documents and every
/// procedure with its legal basis.
public struct IndexSummary: Sendable {
    /// A cited document and how many documents and procedures cite it.
    public struct MostCited: Sendable {
        public var facts: NodeFacts
        /// The name it is cited by, for a document cited without a symbol ("Hiến pháp").
        public var name: String?
        public var year: Int?
        public var citingDocuments: Int
        public var citingProcedures: Int
    }

    /// Row counts (`files`, `documents`, `citations`, `relations`, `procedures`, …).
    public var counts: [String: Int]
    /// Indexed documents per type, most first.
    public var documentsByType: [(type: String, count: Int)]
    /// Relations per type, most first.
    public var relationsByType: [(type: String, count: Int)]
    public var mostCited: [MostCited]
    /// Procedures with their basis (at most the requested number).
    public var procedures: [BasisMatch]
}

extension IndexQueries {
    /// The summary, with the `top` most cited documents and at most `procedureLimit` procedures.
    public func summary(top: Int = 10, procedureLimit: Int = 200) throws(IndexError) -> IndexSummary {
        let counts = try index.counts()
        return try index.read { db in
            let byType = try Row.fetchAll(db, sql: """
                SELECT COALESCE(type, '') AS type, COUNT(*) AS n FROM documents GROUP BY 1 ORDER BY n DESC, type
                """).map { (type: $0["type"] as String, count: $0["n"] as Int) }
            let relations = try Row.fetchAll(db, sql: "SELECT type, COUNT(*) AS n FROM relations GROUP BY type ORDER BY n DESC, type")
                .map { (type: $0["type"] as String, count: $0["n"] as Int) }
            var documentCounts: [String: Set<Int64>] = [:]
            var procedureCounts: [String: Set<Int64>] = [:]
            var sample: [String: (symbol: String?, type: String?, name: String?, year: Int?)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT c.target, c.document_id, c.symbol, c.type, c.name, c.year FROM citations c JOIN documents d ON d.id = c.document_id
                WHERE c.kind != 'short' AND (d.key IS NOT c.target)
                """) {
                let key = try node(row["target"], db: db)
                documentCounts[key, default: []].insert(row["document_id"])
                if sample[key]?.symbol == nil { sample[key] = (row["symbol"], row["type"], row["name"], row["year"]) }
            }
            for row in try Row.fetchAll(db, sql: "SELECT target, procedure_id, symbol, type, name, year FROM procedure_basis") {
                let key = try node(row["target"], db: db)
                procedureCounts[key, default: []].insert(row["procedure_id"])
                if sample[key]?.symbol == nil { sample[key] = (row["symbol"], row["type"], row["name"], row["year"]) }
            }
            let keys = Set(documentCounts.keys).union(procedureCounts.keys).filter { !$0.hasPrefix("?:") }
            let ranked = keys.map { key in
                (key, documentCounts[key]?.count ?? 0, procedureCounts[key]?.count ?? 0)
            }.sorted { a, b in
                let ta = a.1 + a.2, tb = b.1 + b.2
                if ta != tb { return ta > tb }
                return a.0 < b.0
            }
            let mostCited = try ranked.prefix(top).map { key, documents, procedures in
                IndexSummary.MostCited(facts: try describe(key: key, symbol: sample[key]?.symbol, type: sample[key]?.type, db: db),
                                       name: sample[key]?.name, year: sample[key]?.year,
                                       citingDocuments: documents, citingProcedures: procedures)
            }
            let procedureRows = try Row.fetchAll(db, sql: """
                SELECT p.*, f.path FROM procedures p JOIN files f ON f.id = p.file_id ORDER BY f.path, p.start LIMIT ?
                """, arguments: [procedureLimit])
            let procedures = try procedureRows.map { row -> BasisMatch in
                let info = ProcedureInfo(row: row)
                return BasisMatch(procedure: info, score: 1, basis: try basisEntries(of: info.id, db: db))
            }
            return IndexSummary(counts: counts, documentsByType: byType, relationsByType: relations, mostCited: mostCited,
                                procedures: procedures)
        }
    }
}
