import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import GRDB

/// The answer of `cancu show`: what the index and the registry know of one document.
public struct DocumentReport: Sendable {
    /// One citation of the document, with its relation types.
    public struct Cited: Sendable {
        public var facts: NodeFacts
        public var name: String?
        public var year: Int?
        public var kind: String
        public var relations: [String]
        public var pinpoints: [Pinpoint]
        public var start: Int
        public var end: Int
        public var text: String
    }

    /// The canonical symbol asked for.
    public var symbol: String
    /// The node facts (type, title, status, flags, registry row).
    public var facts: NodeFacts
    /// The indexed documents with this symbol (a year-less symbol may have several).
    public var documents: [DocumentInfo]
    /// What the (first) indexed document cites.
    public var citations: [Cited]
    /// Documents and procedures citing it.
    public var citedBy: [CitingItem]
    /// The procedures whose legal basis it is.
    public var procedures: [CitingItem] { citedBy.filter { $0.procedure != nil } }
}

extension IndexQueries {
    /// What the index knows of `symbol`, or nil when neither the index nor the registry knows it.
    public func show(_ symbol: String) throws(IndexError) -> DocumentReport? {
        let canonical = canonicalSymbol(symbol)
        let symbolKey = Registry.key(canonical)
        return try index.read { db -> DocumentReport? in
            let documents = try Row.fetchAll(try db.cachedStatement(sql: """
                SELECT d.*, f.path FROM documents d JOIN files f ON f.id = d.file_id WHERE d.symbol_key = ? ORDER BY d.issued, d.id
                """), arguments: [symbolKey]).map(DocumentInfo.init(row:))
            let citedBy = try citing(symbolKey: symbolKey, db: db)
            let record = known.records(symbol: canonical).first
            guard !documents.isEmpty || !citedBy.isEmpty || record != nil else { return nil }
            let key = documents.first?.key ?? citedBy.first?.key ?? record.map {
                DocumentKey.key(symbol: $0.symbol, year: $0.year)
            } ?? symbolKey
            var facts = try describe(key: key, symbol: documents.first?.symbol ?? record?.symbol ?? canonical, type: nil, db: db)
            if facts.registry == nil, let record {
                facts.status = record.status.rawValue
                facts.registry = record
            }
            var cited: [DocumentReport.Cited] = []
            if let document = documents.first {
                let rows = try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM citations WHERE document_id = ? ORDER BY position"),
                                            arguments: [document.id])
                var relations: [Int: [String]] = [:]
                for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT to_citation, type FROM relations WHERE document_id = ? AND from_citation IS NULL"),
                                            arguments: [document.id]) {
                    let to: Int = row["to_citation"]
                    let type: String = row["type"]
                    if !(relations[to]?.contains(type) ?? false) { relations[to, default: []].append(type) }
                }
                for row in rows {
                    let position: Int = row["position"]
                    let target = try node(row["target"], db: db)
                    cited.append(DocumentReport.Cited(
                        facts: try describe(key: target, symbol: row["symbol"], type: row["type"], db: db),
                        name: row["name"], year: row["year"], kind: row["kind"], relations: relations[position] ?? [],
                        pinpoints: PinpointCoding.decode(row["pinpoints"]), start: row["start"], end: row["end"], text: row["text"]))
                }
            }
            // The symbol as the index or the registry writes it, not as typed ("61/2018/nđ-cp").
            let shown = documents.first?.symbol ?? record?.symbol ?? canonical
            return DocumentReport(symbol: shown, facts: facts, documents: documents, citations: cited, citedBy: citedBy)
        }
    }
}
