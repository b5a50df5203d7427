import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
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
    /// without diacritics), best first, each with its legal basis (or, with `withBasis: false`,
    /// an empty `basis`, for a caller that lists procedures only).
    public func basis(_ query: String, limit: Int = 10, withBasis: Bool = true) throws(IndexError) -> [BasisMatch] {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        let folded = Folding.fold(trimmed)
        let words = Self.words(folded)
        return try index.read { db in
            var scored: [(id: Int64, score: Double, name: String)] = []
            let byCode = try Row.fetchAll(try db.cachedStatement(sql: "SELECT id, folded_name FROM procedures WHERE code = ? ORDER BY id"),
                                          arguments: [trimmed])
            scored = byCode.map { ($0["id"], 1.0, $0["folded_name"]) }
            if scored.isEmpty, !words.isEmpty {
                // The words as a phrase first (selective, and what a name query usually is), then
                // all words anywhere, then any half of them. Candidates come in index order (ranking
                // thousands of loose matches by bm25 costs tens of ms on a large index) and the word
                // score orders them; the exact name is always a candidate.
                let exact = try Row.fetchAll(try db.cachedStatement(sql: "SELECT id, folded_name FROM procedures WHERE folded_name = ? LIMIT 50"),
                                             arguments: [folded])
                for mode in ["phrase", "all", "half"] {
                    let match: String
                    switch mode {
                    case "phrase": match = "\"" + words.joined(separator: " ") + "\""
                    case "all": match = words.map { "\"\($0)\"" }.joined(separator: " ")
                    default: match = Self.halfMatch(Array(Set(words)).sorted())
                    }
                    let rows = try Row.fetchAll(try db.cachedStatement(sql: """
                        SELECT rowid AS id, folded_name FROM procedure_search WHERE procedure_search MATCH ? LIMIT 500
                        """), arguments: [match])
                    var seen = Set<Int64>()
                    scored = (exact + rows).compactMap { row in
                        let id: Int64 = row["id"]
                        guard seen.insert(id).inserted else { return nil }
                        let name: String = row["folded_name"]
                        let nameWords = Self.words(name)
                        // Any-word matches must still cover half of the query's words.
                        if mode == "half" && Set(words).intersection(nameWords).count * 2 < Set(words).count { return nil }
                        let score = name == folded ? 1.0 : Self.score(query: words, name: nameWords)
                        // A name that lacks some of the words is a match only when it is close
                        // ("ho chieu" is not "hộ kinh doanh"): else the answer is "không tìm thấy".
                        if mode == "half" && score < basisMinScore { return nil }
                        return (id, score, name)
                    }
                    if !scored.isEmpty { break }
                }
            }
            scored.sort { a, b in
                if a.score != b.score { return a.score > b.score }
                if a.name.count != b.name.count { return a.name.count < b.name.count }
                return a.id < b.id
            }
            return try scored.prefix(limit).compactMap { id, score, _ -> BasisMatch? in
                guard let row = try Row.fetchOne(try db.cachedStatement(sql: """
                    SELECT p.*, f.path FROM procedures p JOIN files f ON f.id = p.file_id WHERE p.id = ?
                    """), arguments: [id]) else { return nil }
                return BasisMatch(procedure: ProcedureInfo(row: row), score: (score * 1000).rounded() / 1000,
                                  basis: withBasis ? try basisEntries(of: id, db: db) : [])
            }
        }
    }

    /// `match` with its legal basis filled in (for a match found with `withBasis: false`).
    public func withBasis(_ match: BasisMatch) throws(IndexError) -> BasisMatch {
        var match = match
        match.basis = try index.read { db in try basisEntries(of: match.procedure.id, db: db) }
        return match
    }

    /// The legal basis of one procedure, in the order it is written.
    func basisEntries(of procedureID: Int64, db: Database) throws -> [BasisMatch.Entry] {
        let rows = try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM procedure_basis WHERE procedure_id = ? ORDER BY position"),
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
            var facts = try describe(key: key, symbol: row["symbol"], type: row["type"], db: db)
            // Neither the index nor the registry has a title: the record's row may give one.
            if facts.title == nil { facts.title = row["title"] }
            entries.append(BasisMatch.Entry(facts: facts, name: row["name"], year: row["year"], pinpoints: pinpoints, text: row["text"]))
        }
        return entries
    }

    /// An FTS5 expression matching any `ceil(n/2)` of the words (at most 8 words are used).
    static func halfMatch(_ words: [String]) -> String {
        let words = Array(words.prefix(8))
        let k = (words.count + 1) / 2
        var groups: [String] = []
        func choose(_ start: Int, _ picked: [String]) {
            if picked.count == k { groups.append("(" + picked.map { "\"\($0)\"" }.joined(separator: " AND ") + ")"); return }
            guard start < words.count else { return }
            for i in start..<words.count { choose(i + 1, picked + [words[i]]) }
        }
        choose(0, [])
        return groups.joined(separator: " OR ")
    }

    /// The words of folded text (letters and digits, split on ASCII punctuation and spaces).
    static func words(_ folded: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for b in folded.utf8 {
            let lower = b | 0x20
            let isLetter = lower >= 0x61 && lower <= 0x7A
            let isDigit = b >= 0x30 && b <= 0x39
            if b >= 0x80 || isLetter || isDigit { current.append(b) } else if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// Dice coefficient of the two word sets, times the share of query words found.
    static func score(query: [String], name: [String]) -> Double {
        let q = Set(query), n = Set(name)
        guard !q.isEmpty, !n.isEmpty else { return 0 }
        let common = Double(q.intersection(n).count)
        return (2 * common / Double(q.count + n.count)) * (common / Double(q.count))
    }
}
