import GRDB

/// `cancu review --db`: the review of every indexed document, computed from the stored rows
/// (documents, citations, relations, body mentions) without reading the files again. What the
/// documents say about each other is learned once from the whole index, then each document is
/// reviewed in path order by the same `Reviewer` rules as `cancu review PATH`.
///
/// ```swift
/// let review = IndexReview(index: try DocumentIndex.openForReading(path: "cancu.sqlite"), reviewer: Reviewer(lexicon: .builtIn))
/// let facts = try review.learnFacts()
/// try review.review(asOf: "2026-01-15", facts: facts) { document, findings in print(document.source, findings.count) }
/// ```
public struct IndexReview: Sendable {
    public let index: DocumentIndex
    public let reviewer: Reviewer

    public init(index: DocumentIndex, reviewer: Reviewer) {
        self.index = index
        self.reviewer = reviewer
    }

    /// The facts every indexed document states (its own dates and term, the documents it replaces,
    /// repeals, ends or amends), learned by `FactLearner` from the stored review data.
    public func learnFacts() throws(IndexError) -> LearnedFacts {
        try index.read { db in
            var facts = LearnedFacts()
            let acting = try Set(Int64.fetchAll(db, sql: """
                SELECT DISTINCT document_id FROM relations WHERE type IN ('replaces', 'repeals', 'expires', 'amends')
                """))
            // In path order, as `cancu review PATH` learns them (the first fact of a kind is its evidence).
            let rows = try Row.fetchCursor(db, sql: "SELECT d.*, f.path FROM documents d JOIN files f ON f.id = d.file_id ORDER BY f.path, d.id")
            while let row = try rows.next() {
                let id: Int64 = row["id"]
                // Only a document with acting relations needs its citations to state facts about others.
                let document = acting.contains(id) ? try Self.document(row, db: db) : Self.header(row)
                facts.add(FactLearner.learn(from: document))
            }
            return facts
        }
    }

    /// Reviews every indexed document in path order, calling `body` with its review data and findings.
    public func review(asOf: String, facts: any FactStore,
                       _ body: (ReviewDocument, [Finding]) throws -> Void) throws(IndexError) {
        try index.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT d.*, f.path FROM documents d JOIN files f ON f.id = d.file_id ORDER BY f.path, d.id
                """)
            while let row = try rows.next() {
                let document = try Self.document(row, db: db)
                try body(document, reviewer.review(document, asOf: asOf, facts: facts))
            }
        }
    }

    /// The facts the index holds about one document: those stated by the documents with its
    /// symbol and by the documents acting on it.
    static func facts(about symbol: String, db: Database) throws -> LearnedFacts {
        let key = Registry.key(symbol)
        var facts = LearnedFacts()
        let select = "SELECT d.*, f.path FROM documents d JOIN files f ON f.id = d.file_id"
        // Its own dates and term: the header row is enough.
        for row in try Row.fetchAll(db.cachedStatement(sql: select + " WHERE d.own_key = ? ORDER BY d.id"), arguments: [key]) {
            facts.add(FactLearner.learn(from: header(row)).filter { Registry.key($0.symbol) == key })
        }
        // What other documents do to it: their citations and relations are read.
        let acting = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT r.document_id FROM citations c JOIN relations r ON r.document_id = c.document_id AND r.to_citation = c.position
            WHERE c.symbol_key = ? AND r.type IN ('replaces', 'repeals', 'expires', 'amends')
            """), arguments: [key]).sorted()
        for id in acting {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: select + " WHERE d.id = ?"), arguments: [id]) else { continue }
            facts.add(FactLearner.learn(from: try document(row, db: db)).filter { Registry.key($0.symbol) == key && $0.kind != .issued
                && $0.kind != .effective && $0.kind != .termEnd })
        }
        return facts
    }

    // MARK: Rows

    /// A document row's own review data, without citations, relations or bodies.
    static func header(_ row: Row) -> ReviewDocument {
        let extras = ReviewDocument.Extras(ownSymbol: row["own_symbol"], written: row["written"], effective: row["stated_effective"],
                                           termEnd: row["term_end"])
        return ReviewDocument(source: QueryView.displayPath(row["path"]), title: row["title"], citations: [], relations: [], extras: extras)
    }

    /// A document row's full review data (its citations, relations and body mentions are read).
    static func document(_ row: Row, db: Database) throws -> ReviewDocument {
        var document = header(row)
        let id: Int64 = row["id"]
        let citations = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT start, "end", text, symbol, type, number, year, issued, name, pinpoints, kind, resolves_to, line
            FROM citations WHERE document_id = ? ORDER BY position
            """), arguments: [id])
        while let c = try citations.next() {
            let start: Int = c["start"], end: Int = c["end"]
            let kind = Citation.Kind(rawValue: c["kind"]) ?? .full
            document.citations.append(Citation(
                source: start..<max(start, end), range: 0..<0, text: c["text"], symbol: c["symbol"], type: c["type"], number: c["number"],
                year: c["year"], issued: c["issued"], name: c["name"], pinpoints: PinpointCoding.decode(c["pinpoints"]), kind: kind,
                resolvesTo: c["resolves_to"]))
            document.extras.citationLines.append(c["line"] ?? 1)
        }
        let relations = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT from_citation, to_citation, type, start, "end", sentence FROM relations WHERE document_id = ? ORDER BY id
            """), arguments: [id])
        while let r = try relations.next() {
            guard let type = Relation.RelationType(rawValue: r["type"]) else { continue }
            let start: Int = r["start"], end: Int = r["end"]
            if let sentence: String = r["sentence"] { document.extras.sentences[document.relations.count] = sentence }
            document.relations.append(Relation(from: r["from_citation"], to: r["to_citation"], type: type, source: start..<max(start, end)))
        }
        let bodies = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT start, "end", line, text, origin, old_body, severity FROM body_mentions WHERE document_id = ? ORDER BY start, id
            """), arguments: [id])
        while let b = try bodies.next() {
            let start: Int = b["start"], end: Int = b["end"]
            document.extras.bodies.append(ReviewDocument.BodyMention(
                range: start..<max(start, end), text: b["text"], line: b["line"], origin: b["origin"], oldBody: b["old_body"],
                severity: Finding.Severity(rawValue: b["severity"]) ?? .warning))
        }
        return document
    }
}
