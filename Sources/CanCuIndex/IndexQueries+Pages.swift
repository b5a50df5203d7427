import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import GRDB

/// One indexed document as the web app's document page and `cancu annotate` show it: its row, its
/// stored facts (citations with their targets, relations) and its text.
package struct StoredDocument: Sendable {
    package var info: DocumentInfo
    package var facts: DocumentFacts
    package var text: String
}

extension IndexQueries {
    /// What the index and the registry know of the document each citation names (one read for
    /// all; a target asked twice is described once).
    package func citationFacts(_ citations: [Citation]) throws(IndexError) -> [NodeFacts] {
        try index.read { db in
            var cache: [String: NodeFacts] = [:]
            return try citations.map { citation in
                let key = try citation.target.map { try node($0, db: db) } ?? DocumentKey.key(of: citation) ?? "n:" + citation.text
                if let known = cache[key] { return known }
                let facts = try describe(key: key, symbol: citation.symbol, type: citation.type, db: db)
                cache[key] = facts
                return facts
            }
        }
    }

    /// The node key of an indexed document or of a citation target, as the pages link to it: a
    /// stored name key becomes the symbol key it is tied to.
    package func nodeKey(_ target: String) throws(IndexError) -> String {
        try index.read { db in try node(target, db: db) }
    }

    /// The indexed documents with this symbol (a year-less symbol may have several), in issue order.
    package func documents(symbol: String) throws(IndexError) -> [DocumentInfo] {
        let symbolKey = Registry.key(canonicalSymbol(symbol))
        return try index.read { db in
            try Row.fetchAll(try db.cachedStatement(sql: """
                SELECT d.*, f.path FROM documents d JOIN files f ON f.id = d.file_id WHERE d.symbol_key = ? ORDER BY d.issued, d.id
                """), arguments: [symbolKey]).map(DocumentInfo.init(row:))
        }
    }

    /// One indexed document by its row id, with its stored facts and text; nil when absent.
    package func storedDocument(id: Int64) throws(IndexError) -> StoredDocument? {
        try index.read { db -> StoredDocument? in
            guard let info = try Row.fetchOne(try db.cachedStatement(sql: """
                SELECT d.*, f.path FROM documents d JOIN files f ON f.id = d.file_id WHERE d.id = ?
                """), arguments: [id]).map(DocumentInfo.init(row:)),
                  let facts = try IndexFacts.document(id: id, db: db) else { return nil }
            let text = try String.fetchOne(try db.cachedStatement(sql: "SELECT text FROM document_texts WHERE document_id = ?"), arguments: [id]) ?? ""
            return StoredDocument(info: info, facts: facts, text: text)
        }
    }

    /// Indexed documents whose title contains the words of `query` (with or without
    /// diacritics), all words first, then (when `loose`) any half of them; at most `limit`.
    /// The half match is the costly one (thousands of titles share three common words), so a
    /// caller that already has good answers asks without it.
    package func searchDocuments(_ query: String, limit: Int = 10, loose: Bool = true) throws(IndexError) -> [DocumentInfo] {
        let words = Self.words(Folding.fold(query.trimmingCharacters(in: .whitespacesAndNewlines)))
        guard !words.isEmpty else { return [] }
        return try index.read { db in
            var found: [DocumentInfo] = []
            var seen = Set<Int64>()
            let all = words.map { "\"\($0)\"" }.joined(separator: " ")
            for match in loose ? [all, Self.halfMatch(Array(Set(words)).sorted())] : [all] {
                let rows = try Row.fetchAll(try db.cachedStatement(sql: """
                    SELECT d.*, f.path FROM document_search s JOIN documents d ON d.id = s.rowid JOIN files f ON f.id = d.file_id
                    WHERE document_search MATCH ? ORDER BY bm25(document_search) LIMIT ?
                    """), arguments: [match, limit])
                for row in rows {
                    let info = DocumentInfo(row: row)
                    if seen.insert(info.id).inserted { found.append(info) }
                }
                if found.count >= limit || !found.isEmpty { break }
            }
            return Array(found.prefix(limit))
        }
    }
}
