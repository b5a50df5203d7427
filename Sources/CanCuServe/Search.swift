import CanCu
import Foundation

/// The one search box: a procedure (code, or words of its name with or without diacritics) or a
/// document (symbol, a pasted citation, or words of its name or title), ranked; weak matches are
/// dropped so that "không tìm thấy" is said when nothing matches well.
package struct Search: Sendable {
    /// A procedure found, with how well it matched (1 for its code or exact name).
    package struct ProcedureHit: Sendable {
        package var procedure: ProcedureInfo
        package var score: Double
    }

    /// A document found: by symbol (1), by a citation's name tied to a symbol (0.9), or by words
    /// of its title (0.6).
    package struct DocumentHit: Sendable {
        package var symbol: String?
        package var id: Int64?
        package var type: String?
        package var title: String?
        package var issued: String?
        package var status: String
        package var flags: [String]
        package var score: Double
        package var facts: NodeFacts?
    }

    package var query: String
    package var procedures: [ProcedureHit] = []
    package var documents: [DocumentHit] = []
    package var isEmpty: Bool { procedures.isEmpty && documents.isEmpty }

    /// The lowest score of a procedure found by words that is still shown.
    static let minimumScore = 0.5

    package static func run(_ query: String, queries: IndexQueries, analyzer: FileAnalyzer, limit: Int = 10) throws(IndexError) -> Search {
        let text = query.trimmingCharacters(in: .whitespacesAndNewlines)
        var result = Search(query: text)
        guard !text.isEmpty else { return result }
        // Documents: every symbol the text cites (a pasted citation, or a symbol typed alone),
        // and names tied to a symbol by the registry.
        var symbols: [(String, Double)] = []
        let source = SourceDocument(path: "-", text: text, byteCount: text.utf8.count)
        for citation in analyzer.analyze(source).documents.first?.citations ?? [] {
            if let symbol = citation.symbol {
                symbols.append((symbol, 1))
            } else if let target = citation.target, let key = try? queries.nodeKey(target),
                      let symbol = DocumentKey.symbolPart(ofKey: key) {
                symbols.append((symbol, 0.9))
            }
        }
        if symbols.isEmpty, text.contains("/"), !text.contains(" ") { symbols.append((queries.canonicalSymbol(text), 1)) }
        var seen = Set<String>()
        for (symbol, score) in symbols where seen.insert(Registry.key(symbol)).inserted {
            guard let report = try queries.show(symbol) else { continue }
            let first = report.documents.first
            result.documents.append(DocumentHit(symbol: report.symbol, id: first?.id, type: report.facts.type,
                                                title: report.facts.title, issued: first?.issued ?? report.facts.issued,
                                                status: report.facts.status, flags: report.facts.flags, score: score, facts: report.facts))
        }
        // Procedures: by code, else by words of the name.
        for match in try queries.basis(text, limit: limit, withBasis: false) where match.score >= minimumScore {
            result.procedures.append(ProcedureHit(procedure: match.procedure, score: match.score))
        }
        // Documents by words of their title, when the text is not a citation; titles sharing only
        // half of the words are looked for only when no procedure matched.
        if symbols.isEmpty {
            for info in try queries.searchDocuments(text, limit: limit, loose: result.procedures.isEmpty) {
                let known = info.symbol.map(Registry.key).map { seen.insert($0).inserted } ?? true
                guard known else { continue }
                result.documents.append(DocumentHit(symbol: info.symbol, id: info.id, type: info.type, title: info.title,
                                                    issued: info.issued, status: "unknown", flags: [], score: 0.6, facts: nil))
            }
        }
        result.documents.sort { $0.score > $1.score }
        return result
    }

    /// The JSON of `GET /api/v1/search`: one object, `query`, then `procedures` and `documents`
    /// best first.
    package func writeJSON(to json: inout JSONWriter) {
        json.object { json in
            json.field("query", query)
            json.arrayField("procedures") { json in
                for hit in procedures {
                    json.object { json in
                        json.field("code", hit.procedure.code)
                        json.field("name", hit.procedure.name)
                        json.field("agency", hit.procedure.agency)
                        json.field("score", hit.score)
                    }
                }
            }
            json.arrayField("documents") { json in
                for hit in documents {
                    json.object { json in
                        json.field("symbol", hit.symbol)
                        json.field("type", hit.type)
                        json.field("title", hit.title)
                        json.field("issued", hit.issued)
                        json.field("status", hit.status)
                        json.field("flags", strings: hit.flags)
                        json.field("indexed", hit.id != nil)
                        json.field("score", hit.score)
                    }
                }
            }
        }
        json.newline()
    }
}
