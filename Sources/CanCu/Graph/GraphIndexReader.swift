import Foundation
import GRDB

/// Builds the citation graph from an index (`cancu graph --db`) instead of re-reading the files:
/// each indexed document comes back as its header, citations (in order, with their back-references)
/// and relations, each procedure with its legal basis and publishing decision, and they go through
/// the same `GraphBuilder` as the files do. Node ids, attributes (status from the registry, names
/// merged with symbols) and edges are therefore those of `cancu graph` on the indexed files.
///
/// What the index does not store is recovered: a citation's issuers (read again in its text by the
/// citation stage, once per distinct symbol) and, for a procedure's basis, the number of a partial
/// citation as written (read again in its text, else the digits of its stored key, "01" → "1") and
/// the citation a back-reference names (the first earlier basis citation with the same key).
///
/// ```swift
/// let index = try DocumentIndex.openForReading(path: "cancu.sqlite")
/// let graph = try GraphIndexReader(lexicon: .builtIn).graph(of: index)
/// ```
public struct GraphIndexReader: Sendable {
    let lexicon: Lexicon
    let citations: CitationExtractor

    public init(lexicon: Lexicon = .builtIn) {
        self.lexicon = lexicon
        citations = CitationExtractor.shared(for: lexicon)
    }

    /// The graph of everything in the index.
    public func graph(of index: DocumentIndex) throws(IndexError) -> CitationGraph {
        var builder = GraphBuilder(lexicon: lexicon)
        try add(index, to: &builder)
        return builder.build()
    }

    /// Adds the documents and procedures of the index to `builder`.
    public func add(_ index: DocumentIndex, to builder: inout GraphBuilder) throws(IndexError) {
        let (documents, procedures) = try index.read { db in (try readDocuments(db), try readProcedures(db)) }
        var issuers: [String: [String]] = [:]
        for var extraction in documents {
            for i in extraction.citations.indices { fillIssuers(&extraction.citations[i], cache: &issuers) }
            builder.add(extraction)
        }
        for var procedure in procedures {
            for i in procedure.basis.indices { fillIssuers(&procedure.basis[i], cache: &issuers) }
            builder.add(procedure)
        }
    }

    /// The files `cancu analyze` writes the graph into, next to the index: the index's name
    /// without its extension plus `.graph.graphml` (opens in Gephi and yEd) and `.graph.json` (the
    /// contract's shape): "out/cancu.sqlite" → "out/cancu.graph.graphml", "out/cancu.graph.json".
    public static func graphPaths(besideIndex path: String) -> [String] {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        let folder = String(path.dropLast(name.count))
        // "cancu.sqlite" → "cancu"; a name without an extension (or a dot file) is kept whole.
        let stem = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : String(name[..<$0]) } ?? name
        return [folder + stem + ".graph.graphml", folder + stem + ".graph.json"]
    }

    // MARK: Rows

    private func readDocuments(_ db: Database) throws -> [Extraction] {
        var extractions: [Extraction] = []
        var byID: [Int64: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT d.id, d.symbol, d.type, d.issuer, d.issued, d.effective, d.place, d.title, f.path
            FROM documents d JOIN files f ON f.id = d.file_id ORDER BY f.path, d.id
            """)
        while let row = try rows.next() {
            let header = DocumentHeader(symbol: row["symbol"], type: row["type"], issuer: row["issuer"], issued: row["issued"],
                                        place: row["place"], title: row["title"], effective: row["effective"])
            byID[row["id"]] = extractions.count
            extractions.append(Extraction(source: Self.displayPath(row["path"]), document: header))
        }
        let citationRows = try Row.fetchCursor(db, sql: """
            SELECT document_id, symbol, name, type, year, number, issued, kind, resolves_to, start, "end", text
            FROM citations ORDER BY document_id, position
            """)
        while let row = try citationRows.next() {
            guard let i = byID[row["document_id"]] else { continue }
            let start: Int = row["start"], end: Int = row["end"]
            let kind = Citation.Kind(rawValue: row["kind"]) ?? .full
            extractions[i].citations.append(Citation(
                source: start..<max(start, end), range: start..<max(start, end), text: row["text"], symbol: row["symbol"],
                type: row["type"], number: row["number"], year: row["year"], issued: row["issued"], name: row["name"],
                kind: kind, resolvesTo: row["resolves_to"]))
        }
        let relationRows = try Row.fetchCursor(db, sql: """
            SELECT document_id, from_citation, to_citation, type, start, "end" FROM relations ORDER BY document_id, id
            """)
        while let row = try relationRows.next() {
            guard let i = byID[row["document_id"]], let type = Relation.RelationType(rawValue: row["type"]) else { continue }
            let start: Int = row["start"], end: Int = row["end"]
            extractions[i].relations.append(Relation(from: row["from_citation"], to: row["to_citation"], type: type,
                                                     source: start..<max(start, end)))
        }
        return extractions
    }

    private func readProcedures(_ db: Database) throws -> [Procedure] {
        var procedures: [Procedure] = []
        var byID: [Int64: Int] = [:]
        var keys: [[String]] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT p.id, p.code, p.name, p.agency, p.field, p.level, p.published_by, p.origin, p.start, p."end", f.path
            FROM procedures p JOIN files f ON f.id = p.file_id ORDER BY f.path, p.id
            """)
        while let row = try rows.next() {
            let start: Int = row["start"], end: Int = row["end"]
            byID[row["id"]] = procedures.count
            procedures.append(Procedure(
                code: row["code"], name: row["name"], agency: row["agency"], field: row["field"], level: row["level"],
                publishedBy: row["published_by"], origin: Procedure.Origin(rawValue: row["origin"]) ?? .record,
                sourcePath: Self.displayPath(row["path"]), source: start..<max(start, end)))
            keys.append([])
        }
        let basisRows = try Row.fetchCursor(db, sql: """
            SELECT procedure_id, target, symbol, name, type, year, issued, kind, text
            FROM procedure_basis ORDER BY procedure_id, position
            """)
        while let row = try basisRows.next() {
            guard let i = byID[row["procedure_id"]] else { continue }
            let target: String = row["target"]
            let kind = Citation.Kind(rawValue: row["kind"]) ?? .full
            var citation = Citation(source: 0..<0, range: 0..<0, text: row["text"], symbol: row["symbol"], type: row["type"],
                                    year: row["year"], issued: row["issued"], name: row["name"], kind: kind)
            if kind == .partial { citation.number = number(of: citation, key: target) }
            if kind == .short {
                citation.resolvesTo = zip(keys[i].indices, keys[i]).first { j, key in
                    key == target && procedures[i].basis[j].kind != .short
                }?.0
            }
            procedures[i].basis.append(citation)
            keys[i].append(target)
        }
        return procedures
    }

    // MARK: Recovered fields

    /// The issuers the citation stage reads in a citation's symbol ("09/2019/NĐ-CP" → ["CP"]).
    private func fillIssuers(_ citation: inout Citation, cache: inout [String: [String]]) {
        guard let symbol = citation.symbol, !symbol.isEmpty else { return }
        if let known = cache[symbol] {
            citation.issuers = known
            return
        }
        // The stored text, else (a citation broken by a page footer, which the document scan
        // blanks) the symbol after its type word.
        let texts = [citation.text, (citation.type.map { $0 + " số " } ?? "") + symbol]
        let found = texts.lazy.compactMap { text in self.citations.citations(inField: text).first { $0.symbol == symbol } }
            .first?.issuers ?? []
        cache[symbol] = found
        citation.issuers = found
    }

    /// The number of a partial citation of a procedure's basis, as written ("01"): read again in
    /// its text by the citation stage when that agrees with its stored key, else the key's digits.
    private func number(of citation: Citation, key: String) -> String? {
        guard let digits = Self.number(ofPartialKey: key) else { return nil }
        let written = citations.citations(inField: citation.text).first { found in
            found.kind == .partial && (found.year == citation.year || citation.year == nil)
                && found.number.map { String($0.drop { $0 == "0" }) } == digits
        }?.number
        return written ?? digits
    }

    /// The number in a partial citation's key ("p:nghi quyet 1|2020" → "1").
    static func number(ofPartialKey key: String) -> String? {
        guard key.hasPrefix("p:"), let bar = key.lastIndex(of: "|") else { return nil }
        let head = key[..<bar]
        guard let space = head.lastIndex(of: " ") else { return nil }
        let digits = head[head.index(after: space)...]
        return digits.isEmpty ? nil : String(digits)
    }

    /// A stored (absolute) path as the user would type it: relative to the working folder when
    /// the file lies inside it.
    static func displayPath(_ path: String) -> String {
        let folder = FileManager.default.currentDirectoryPath
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
