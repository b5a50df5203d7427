import GRDB

/// One answer of `cancu basis`: a procedure, how well it matches the query, and its legal basis.
public struct BasisMatch: Sendable {
    /// One document of the legal basis.
    public struct Entry: Sendable {
        public var facts: NodeFacts
        public var name: String?
        public var year: Int?
        public var pinpoints: [Pinpoint]
        /// The basis text as the record or annex wrote it.
        public var text: String
    }

    public var procedure: ProcedureInfo
    /// 1.0 for the code or the exact name; less for partial name matches.
    public var score: Double
    public var basis: [Entry]
}

extension IndexQueries {
    /// The procedures matching `query` (a code such as "1.000889", or words of the name with or
    /// without diacritics), best first, each with its legal basis.
    public func basis(_ query: String, limit: Int = 10) throws(IndexError) -> [BasisMatch] {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        let folded = Folding.fold(trimmed)
        let words = Self.words(folded)
        return try index.read { db in
            var scored: [(ProcedureInfo, Double, Double)] = []
            let byCode = try Row.fetchAll(db, sql: """
                SELECT p.*, f.path FROM procedures p JOIN files f ON f.id = p.file_id WHERE p.code = ? ORDER BY p.id
                """, arguments: [trimmed])
            scored = byCode.map { (ProcedureInfo(row: $0), 1.0, 0.0) }
            if scored.isEmpty, !words.isEmpty {
                for mode in [" ", " OR "] {
                    let match = words.map { "\"\($0)\"" }.joined(separator: mode)
                    let rows = try Row.fetchAll(db, sql: """
                        SELECT p.*, f.path, bm25(procedure_search) AS rank FROM procedure_search
                        JOIN procedures p ON p.id = procedure_search.rowid JOIN files f ON f.id = p.file_id
                        WHERE procedure_search MATCH ? ORDER BY rank LIMIT 200
                        """, arguments: [match])
                    scored = rows.compactMap { row in
                        let info = ProcedureInfo(row: row)
                        let name = Folding.fold(info.name)
                        let nameWords = Self.words(name)
                        // Any-word matches must still cover half of the query's words.
                        if mode != " " && Set(words).intersection(nameWords).count * 2 < Set(words).count { return nil }
                        return (info, name == folded ? 1.0 : Self.score(query: words, name: nameWords), row["rank"] as Double)
                    }
                    if !scored.isEmpty { break }
                }
            }
            scored.sort { a, b in
                if a.1 != b.1 { return a.1 > b.1 }
                if a.2 != b.2 { return a.2 < b.2 }
                return VietnameseCollator.shared.areInIncreasingOrder(a.0.name, b.0.name)
            }
            return try scored.prefix(limit).map { info, score, _ in
                BasisMatch(procedure: info, score: (score * 1000).rounded() / 1000, basis: try basisEntries(of: info.id, db: db))
            }
        }
    }

    /// The legal basis of one procedure, in the order it is written.
    func basisEntries(of procedureID: Int64, db: Database) throws -> [BasisMatch.Entry] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM procedure_basis WHERE procedure_id = ? ORDER BY position",
                                    arguments: [procedureID])
        var entries: [BasisMatch.Entry] = []
        var seen: [String: Int] = [:]
        for row in rows {
            let key = try node(row["target"], db: db)
            let pinpoints = PinpointCoding.decode(row["pinpoints"])
            if let i = seen[key] {
                // The same document written twice in one field: one entry, pinpoints merged.
                for p in pinpoints where !entries[i].pinpoints.contains(p) { entries[i].pinpoints.append(p) }
                continue
            }
            seen[key] = entries.count
            let facts = try describe(key: key, symbol: row["symbol"], type: row["type"], db: db)
            entries.append(BasisMatch.Entry(facts: facts, name: row["name"], year: row["year"], pinpoints: pinpoints, text: row["text"]))
        }
        return entries
    }

    /// The words of folded text (letters and digits, split on everything else).
    static func words(_ folded: String) -> [String] {
        folded.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Dice coefficient of the two word sets, times the share of query words found.
    static func score(query: [String], name: [String]) -> Double {
        let q = Set(query), n = Set(name)
        guard !q.isEmpty, !n.isEmpty else { return 0 }
        let common = Double(q.intersection(n).count)
        return (2 * common / Double(q.count + n.count)) * (common / Double(q.count))
    }
}
