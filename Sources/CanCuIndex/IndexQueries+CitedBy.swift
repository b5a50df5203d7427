import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import GRDB

/// One answer of `cancu cited-by`: a document or a procedure that cites the queried symbol.
public struct CitingItem: Sendable {
    /// Where a citation is in the citing document.
    public struct Mention: Sendable {
        public var start: Int
        public var end: Int
        public var text: String
    }

    /// The citing document (nil for a procedure).
    public var document: DocumentInfo?
    /// The citing procedure (nil for a document).
    public var procedure: ProcedureInfo?
    /// The node key cited (a year-less symbol may name documents of several years).
    public var key: String
    /// The relation types of the citing document to it (`governs` for a procedure's basis).
    public var relations: [String]
    public var pinpoints: [Pinpoint]
    public var mentions: [Mention]
}

extension IndexQueries {
    /// The documents and procedures citing `symbol` (normalised like citations), documents
    /// first, each group in Vietnamese order.
    public func citedBy(_ symbol: String) throws(IndexError) -> [CitingItem] {
        let canonical = canonicalSymbol(symbol)
        return try index.read { db in try citing(symbolKey: Registry.key(canonical), db: db) }
    }

    func citing(symbolKey: String, db: Database) throws -> [CitingItem] {
        let aliasSQL = "SELECT alias FROM aliases WHERE symbol_key = :sk"
        let citationRows = try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT c.document_id, c.position, c.target, c.pinpoints, c.start, c."end", c.text
            FROM citations c
            WHERE c.symbol_key = :sk OR c.target IN (\(aliasSQL))
            ORDER BY c.document_id, c.position
            """), arguments: ["sk": symbolKey])
        var documents: [Int64: CitingItem] = [:]
        var order: [Int64] = []
        for row in citationRows {
            let documentID: Int64 = row["document_id"]
            if documents[documentID] == nil {
                guard let info = try Row.fetchOne(try db.cachedStatement(sql: """
                    SELECT d.*, f.path FROM documents d JOIN files f ON f.id = d.file_id WHERE d.id = ?
                    """), arguments: [documentID]).map(DocumentInfo.init(row:)) else { continue }
                if info.symbol.map(Registry.key) == symbolKey { continue }   // its own number
                documents[documentID] = CitingItem(document: info, procedure: nil, key: try node(row["target"], db: db),
                                                   relations: [], pinpoints: [], mentions: [])
                order.append(documentID)
            }
            guard var item = documents[documentID] else { continue }
            let position: Int = row["position"]
            // Only the document's own relations: "Nghị định X được sửa đổi bởi Nghị định Y" in
            // its text is an edge of Y (from_citation), not of the citing document.
            let types = try String.fetchAll(try db.cachedStatement(sql: """
                SELECT DISTINCT type FROM relations WHERE document_id = ? AND to_citation = ? AND from_citation IS NULL ORDER BY type
                """), arguments: [documentID, position])
            for t in types where !item.relations.contains(t) { item.relations.append(t) }
            for p in PinpointCoding.decode(row["pinpoints"]) where !item.pinpoints.contains(p) { item.pinpoints.append(p) }
            item.mentions.append(CitingItem.Mention(start: row["start"], end: row["end"], text: row["text"]))
            documents[documentID] = item
        }
        var items = VietnameseCollator.shared.sorted(order.compactMap { documents[$0] }) {
            ($0.document?.symbol ?? "") + " " + ($0.document?.path ?? "")
        }
        let basisRows = try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT b.procedure_id, b.target, b.pinpoints, b.text, p.*, f.path FROM procedure_basis b
            JOIN procedures p ON p.id = b.procedure_id JOIN files f ON f.id = p.file_id
            WHERE b.symbol_key = :sk OR b.target IN (\(aliasSQL))
            ORDER BY b.procedure_id, b.position
            """), arguments: ["sk": symbolKey])
        var procedures: [Int64: CitingItem] = [:]
        var procedureOrder: [Int64] = []
        for row in basisRows {
            let id: Int64 = row["procedure_id"]
            if procedures[id] == nil {
                var info = ProcedureInfo(row: row)
                info.id = id
                procedures[id] = CitingItem(document: nil, procedure: info, key: try node(row["target"], db: db),
                                            relations: ["governs"], pinpoints: [], mentions: [])
                procedureOrder.append(id)
            }
            for p in PinpointCoding.decode(row["pinpoints"]) where !(procedures[id]?.pinpoints.contains(p) ?? true) {
                procedures[id]?.pinpoints.append(p)
            }
            procedures[id]?.mentions.append(CitingItem.Mention(start: row["start"], end: row["end"], text: row["text"]))
        }
        items += VietnameseCollator.shared.sorted(procedureOrder.compactMap { procedures[$0] }) {
            ($0.procedure?.code ?? "") + " " + ($0.procedure?.name ?? "")
        }
        return items
    }
}
