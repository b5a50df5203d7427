import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import GRDB

/// Questions people ask the index: which regulations govern a procedure (`basis`), who cites a
/// document (`citedBy`), what the index knows of one document (`show`), and the summary of
/// `cancu analyze` (`summary`). Status and titles the index lacks come from the registry.
///
/// ```swift
/// let queries = IndexQueries(index: try DocumentIndex.openForReading(path: "cancu.sqlite"), lexicon: .builtIn)
/// try queries.basis("cap doi the can cuoc").first?.procedure.code   // "1.000889"
/// ```
public struct IndexQueries: Sendable {
    public let index: DocumentIndex
    let known: KnownDocuments
    let symbols: SymbolQuery
    /// Judges each document's status for its flags (the review codes that apply to it).
    let reviewer: Reviewer
    /// The date the flags are judged by (ISO; today unless `--as-of`).
    public let asOf: String
    /// The least score of a procedure that shares only some of a query's words (`rules.tsv`:
    /// basis_min_score); below it, no match.
    let basisMinScore: Double

    public init(index: DocumentIndex, lexicon: Lexicon, asOf: String? = nil) {
        self.index = index
        known = KnownDocuments(lexicon: lexicon)
        symbols = SymbolQuery(lexicon: lexicon)
        reviewer = Reviewer(lexicon: lexicon)
        self.asOf = asOf ?? Reviewer.today()
        basisMinScore = Double(lexicon.rules.values["basis_min_score"] ?? "") ?? 0.3
    }

    /// The canonical form of a symbol typed by a user ("ND-CP" → "NĐ-CP", spaces removed). A
    /// shorthand without the issuer ("NĐ 61/2018", "Nghị định 61/2018") becomes the full symbol
    /// when exactly one indexed, cited or registry document has that type, number and year.
    public func canonicalSymbol(_ symbol: String) -> String {
        if let short = symbols.shorthand(symbol), let full = resolve(short) { return full }
        return symbols.canonical(symbol)
    }

    /// The one symbol of the index (documents and citations) and the registry with this type,
    /// number and year; nil when there is none or more than one.
    func resolve(_ short: (type: String, number: Int, year: Int)) -> String? {
        func matches(_ symbol: String, type: String?) -> Bool {
            let parts = symbol.split(separator: "/")
            return type == short.type && parts.count >= 3 && Int(parts[0]) == short.number && Int(parts[1]) == short.year
        }
        var found: [String: String] = [:]
        for record in known.registry.records where matches(record.symbol, type: record.type) {
            found[Registry.key(record.symbol)] = found[Registry.key(record.symbol)] ?? record.symbol
        }
        let pattern = "%/\(short.year)/%"
        let indexed = (try? index.read { db in
            try Row.fetchAll(try db.cachedStatement(sql: """
                SELECT symbol, type FROM documents WHERE symbol LIKE ?1
                UNION SELECT symbol, type FROM citations WHERE symbol LIKE ?1
                """), arguments: [pattern]).map { (symbol: $0["symbol"] as String, type: $0["type"] as String?) }
        }) ?? []
        for row in indexed where matches(row.symbol, type: row.type) {
            found[Registry.key(row.symbol)] = found[Registry.key(row.symbol)] ?? row.symbol
        }
        return found.count == 1 ? found.values.first : nil
    }

    /// The node a stored target key stands for: a name tied to a symbol by an indexed file or the
    /// registry becomes that symbol's key.
    func node(_ target: String, db: Database) throws -> String {
        guard target.hasPrefix("n:") else { return target }
        if let key = try String.fetchOne(try db.cachedStatement(sql: "SELECT key FROM aliases WHERE alias = ? LIMIT 1"), arguments: [target]) {
            return key
        }
        return known.key(forNameKey: target) ?? target
    }

    /// An indexed document of a node key, if one is in the index.
    func indexedDocument(key: String, db: Database) throws -> DocumentInfo? {
        let row = try Row.fetchOne(try db.cachedStatement(sql: """
            SELECT d.*, f.path FROM documents d JOIN files f ON f.id = d.file_id WHERE d.key = ? ORDER BY d.id LIMIT 1
            """), arguments: [key])
        return row.map(DocumentInfo.init(row:))
    }

    /// What the index and the registry know of a node: type, title, status and flags. The title
    /// falls back to one a procedure record's legal-basis row gives.
    func describe(key: String, symbol: String?, type: String?, db: Database) throws -> NodeFacts {
        var facts = NodeFacts(key: key, symbol: symbol, type: type)
        if let document = try indexedDocument(key: key, db: db) {
            facts.indexed = true
            facts.symbol = facts.symbol ?? document.symbol
            facts.title = document.title
            facts.type = facts.type ?? document.type
            facts.issued = document.issued
            facts.source = document.path
        }
        if let record = known.record(key: key) {
            facts.symbol = facts.symbol ?? record.symbol
            facts.type = facts.type ?? record.type
            facts.title = facts.title ?? record.title
            facts.issued = facts.issued ?? record.issued
            facts.status = record.status.rawValue
            facts.registry = record
            if !record.replacedBy.isEmpty { facts.flags.append("replaced") }
            if !record.repealedBy.isEmpty { facts.flags.append("repealed") }
            if !record.amendedBy.isEmpty { facts.flags.append("amended") }
        }
        if facts.title == nil {
            // Neither the index nor the registry: a procedure record's legal-basis row may name it.
            facts.title = try String.fetchOne(try db.cachedStatement(sql: "SELECT title FROM procedure_basis WHERE target = ? AND title IS NOT NULL LIMIT 1"),
                                              arguments: [key])
        }
        if let symbol = facts.symbol ?? DocumentKey.symbolPart(ofKey: key) {
            let learned = try IndexReview.facts(about: symbol, db: db)
            facts.review = reviewer.status(of: symbol, year: facts.issued.flatMap { Int($0.prefix(4)) }, asOf: asOf, facts: learned)
            for status in facts.review where !facts.flags.contains(status.code.rawValue) { facts.flags.append(status.code.rawValue) }
        }
        if !facts.indexed { facts.flags.append("not_indexed") }
        if DocumentKey.symbolPart(ofKey: key) == nil { facts.flags.append("no_symbol") }
        return facts
    }
}

/// What the index and the registry know of one document node.
public struct NodeFacts: Sendable {
    public var key: String
    public var symbol: String?
    public var type: String?
    public var title: String?
    public var issued: String?
    /// `in_force`, `expired`, `partly_expired` or `unknown`.
    public var status = "unknown"
    /// `replaced`, `repealed`, `amended` (registry), `not_indexed` (only cited), `no_symbol`, and
    /// the review codes that apply as of the query's date (`doc_replaced`, `doc_amended`, …).
    public var flags: [String] = []
    /// The review codes that apply to the document as of the query's date, with replacements and evidence.
    public var review: [Reviewer.Status] = []
    /// True when the document itself is in the index.
    public var indexed = false
    /// The indexed file, when it is.
    public var source: String?
    /// The registry row, when there is one.
    public var registry: DocumentRecord?
}

/// One indexed document's metadata.
public struct DocumentInfo: Sendable {
    public var id: Int64
    public var key: String
    public var symbol: String?
    public var type: String?
    public var issuer: String?
    public var issued: String?
    public var effective: String?
    public var place: String?
    public var title: String?
    /// The file it was read from.
    public var path: String

    init(row: Row) {
        id = row["id"]; key = row["key"]; symbol = row["symbol"]; type = row["type"]; issuer = row["issuer"]
        issued = row["issued"]; effective = row["effective"]; place = row["place"]; title = row["title"]; path = row["path"]
    }
}

/// A procedure as the queries show it.
public struct ProcedureInfo: Sendable {
    public var id: Int64
    public var code: String?
    public var name: String
    public var agency: String?
    public var field: String?
    public var level: String?
    public var publishedBy: String?
    /// `record`, `decision` or `internal`.
    public var origin: String
    /// The file it was read from, and its span there.
    public var path: String
    public var start: Int
    public var end: Int

    init(row: Row) {
        id = row["id"]; code = row["code"]; name = row["name"]; agency = row["agency"]; field = row["field"]
        level = row["level"]; publishedBy = row["published_by"]; origin = row["origin"]; path = row["path"]
        start = row["start"]; end = row["end"]
    }
}

extension IndexQueries {
    /// Every indexed document, in file order.
    public func documents() throws(IndexError) -> [DocumentInfo] {
        try index.read { db in
            try Row.fetchAll(try db.cachedStatement(sql: "SELECT d.*, f.path FROM documents d JOIN files f ON f.id = d.file_id ORDER BY f.path, d.id"))
                .map(DocumentInfo.init(row:))
        }
    }
}
