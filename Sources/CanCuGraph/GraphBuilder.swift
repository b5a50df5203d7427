import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// Builds a `CitationGraph` from extracted documents and procedures.
///
/// Each document becomes one node: a citation with a symbol is keyed by its canonical symbol
/// (with the year when the registry lists the symbol in several years, "01/NQ-CP (2020)"); a
/// citation by name and year ("Luật Đất đai năm 2024") is merged with the symbol that the registry
/// (`dictionaries/documents.tsv`, by type, name and year: `DocumentNames`) or the corpus (a header's title, a citation giving both
/// name and symbol) knows, else keyed "Luật Đất đai (2024)". Back-references follow `resolvesTo`.
/// Attributes come first from the registry, then from the citations, then from the headers.
///
/// ```swift
/// var builder = GraphBuilder(lexicon: .builtIn)
/// for extraction in extractions { builder.add(extraction) }
/// let graph = builder.build()
/// ```
public struct GraphBuilder: Sendable {
    private let registry: GraphRegistry
    private var documents: [DocumentFacts] = []
    private var procedures: [Procedure] = []

    public init(lexicon: Lexicon = .builtIn) {
        registry = GraphRegistry(lexicon: lexicon)
    }

    /// Adds what one file holds: each document with the procedures it publishes, or procedure records.
    public mutating func add(_ analysis: FileAnalysis) {
        for document in analysis.documents {
            add(document)
            for procedure in document.procedures { add(procedure) }
        }
        for procedure in analysis.records { add(procedure) }
    }

    /// Adds one document's extraction (only its header, citations and relations are kept).
    public mutating func add(_ extraction: DocumentFacts) {
        var kept = DocumentFacts(path: extraction.path, document: extraction.document,
                              citations: extraction.citations, relations: extraction.relations)
        for i in kept.citations.indices { kept.citations[i].pinpoints = [] }
        documents.append(kept)
    }

    /// Adds a procedure: a node with `governs` edges to its legal basis and a `publishes` edge from
    /// its publishing decision.
    public mutating func add(_ procedure: Procedure) {
        procedures.append(procedure)
    }

    /// The graph of everything added.
    public func build() -> CitationGraph {
        let names = corpusNames()
        let shared = sharedLocalSymbols()
        var nodes: [String: GraphNode] = [:]
        var edges: [(from: String, to: String, kind: GraphEdge.Kind)] = []

        func upsert(_ id: String, entry: DocumentRecord?, _ candidate: GraphNode) {
            if nodes[id] == nil {
                var node = GraphNode(id: id, kind: candidate.kind)
                if let entry {
                    node.fill(from: GraphNode(id: id, kind: .document, symbol: entry.symbol, type: entry.type,
                                              issuer: entry.issuers.isEmpty ? nil : entry.issuers.joined(separator: "-"),
                                              year: entry.year, issued: entry.issued, status: entry.status.rawValue,
                                              label: entry.title))
                }
                nodes[id] = node
            }
            nodes[id]?.fill(from: candidate)
        }

        func addCitations(_ citations: [Citation], writtenOn written: String?, province: String?) -> [String] {
            var ids = [String](repeating: "", count: citations.count)
            for (i, citation) in citations.enumerated() {
                let target = resolved(i, in: citations)
                // A back-reference that names nothing found is not a document of its own.
                if citations[target].kind == .short { continue }
                // A law named inside an amending law's title is the version the amending law changed: the
                // one in force on the amending law's date, older than it.
                var written = written
                var olderThan: Int?
                if citations[target].tags.contains("in_title"), let owner = citations[..<target].lastIndex(where: {
                    $0.source.lowerBound <= citations[target].source.lowerBound && citations[target].source.upperBound <= $0.source.upperBound
                }) {
                    if let issued = citations[owner].issued { written = issued.iso } else if let year = citations[owner].year { written = "\(year)-01-01" }
                    olderThan = citations[owner].issued?.year ?? citations[owner].year
                }
                let key = self.key(for: citations[target], names: names, writtenOn: written,
                                   province: citations[target].target.flatMap(DocumentKey.province(ofKey:)) ?? province, shared: shared,
                                   olderThan: olderThan)
                ids[i] = key.id
                upsert(key.id, entry: key.entry, Self.node(key.id, citation: citations[target], entry: key.entry))
                if target != i { upsert(key.id, entry: key.entry, Self.node(key.id, citation: citation, entry: nil)) }
            }
            return ids
        }

        var selfIDs: [(id: String, entry: DocumentRecord?)] = []
        for extraction in documents {
            let me = selfKey(extraction, shared: shared)
            selfIDs.append(me)
            let ids = addCitations(extraction.citations, writtenOn: extraction.document.issued?.iso,
                                   province: DocumentKey.province(of: extraction.document))
            for relation in extraction.relations where ids.indices.contains(relation.to) {
                let from: String
                if let f = relation.from {
                    guard ids.indices.contains(f) else { continue }
                    from = ids[f]
                } else {
                    from = me.id
                }
                let to = ids[relation.to]
                if !from.isEmpty, !to.isEmpty, from != to { edges.append((from, to, GraphEdge.Kind(relation.type))) }
            }
        }
        for procedure in procedures {
            let id = procedure.code.flatMap { $0.isEmpty ? nil : $0 } ?? procedure.name
            upsert(id, entry: nil, GraphNode(id: id, kind: .procedure, symbol: procedure.code,
                                            issuer: procedure.agency, label: procedure.name))
            for basis in Set(addCitations(procedure.basis, writtenOn: nil, province: DocumentKey.province(in: procedure.agency))).sorted() where !basis.isEmpty && basis != id {
                edges.append((id, basis, .governs))
            }
            if let publisher = procedure.publishedBy, !publisher.isEmpty {
                let entry = GraphRegistry.pick(registry.records(symbol: publisher), year: nil)
                let publisherID = entry.map(registry.nodeID) ?? publisher
                upsert(publisherID, entry: entry, GraphNode(id: publisherID, kind: .document, symbol: publisher,
                                                           year: Registry.year(of: publisher)))
                edges.append((publisherID, id, .publishes))
            }
        }
        // Headers last: what a document says of itself fills what registry and citations left.
        for (extraction, me) in zip(documents, selfIDs) {
            let header = extraction.document
            upsert(me.id, entry: me.entry, GraphNode(
                id: me.id, kind: .document, symbol: header.symbol, type: header.type, issuer: header.issuer,
                year: header.issued?.year, issued: header.issued?.iso, label: header.title))
        }
        return CitationGraph(nodes: Array(nodes.values), edges: edges)
    }

    // MARK: Keys

    /// The citation a back-reference names (following `resolvesTo`, at most a few steps).
    private func resolved(_ index: Int, in citations: [Citation]) -> Int {
        var current = index
        for _ in 0..<8 {
            guard citations[current].kind == .short, let next = citations[current].resolvesTo,
                  citations.indices.contains(next), next != current else { break }
            current = next
        }
        return current
    }

    /// The keys of the local year-less symbols that documents of two or more provinces issue or
    /// cite (the province of a citation as the index keys it, else its document's or procedure's).
    private func sharedLocalSymbols() -> Set<String> {
        var provinces: [String: Set<String>] = [:]
        func note(_ symbol: String?, _ province: String?) {
            guard let symbol, let province, Registry.year(of: symbol) == nil, DocumentKey.isLocal(symbol) else { return }
            provinces[Registry.key(symbol), default: []].insert(province)
        }
        for document in documents {
            let province = DocumentKey.province(of: document.document)
            note(document.document.symbol, province)
            for citation in document.citations { note(citation.symbol, citation.target.flatMap(DocumentKey.province(ofKey:)) ?? province) }
        }
        for procedure in procedures {
            let province = DocumentKey.province(in: procedure.agency)
            for citation in procedure.basis { note(citation.symbol, citation.target.flatMap(DocumentKey.province(ofKey:)) ?? province) }
        }
        return Set(provinces.filter { $0.value.count > 1 }.keys)
    }

    /// Name keys the corpus itself ties to a symbol: headers (title, type + title) and citations
    /// giving both a name and a symbol.
    private func corpusNames() -> [String: [CorpusName]] {
        var names: [String: [CorpusName]] = [:]
        func note(_ name: String, symbol: String, year: Int?) {
            let key = GraphNames.key(name)
            guard !key.isEmpty else { return }
            let entry = CorpusName(symbol: symbol, year: year)
            if !(names[key]?.contains { $0.symbol == symbol && $0.year == year } ?? false) {
                names[key, default: []].append(entry)
            }
        }
        for extraction in documents {
            let header = extraction.document
            if let symbol = header.symbol, let title = header.title {
                let year = Registry.year(of: symbol) ?? header.issued?.year
                note(title, symbol: symbol, year: year)
                if let type = header.type { note(type + " " + title, symbol: symbol, year: year) }
            }
            for citation in extraction.citations {
                if let symbol = citation.symbol, let name = citation.name {
                    note(name, symbol: symbol, year: citation.year)
                }
            }
        }
        return names
    }

    /// A name the corpus ties to a symbol (a header's title, a citation giving both).
    private struct CorpusName: SymbolAndYear {
        var symbol: String
        var year: Int?
    }

    /// The node id of the input document itself.
    private func selfKey(_ extraction: DocumentFacts, shared: Set<String>) -> (id: String, entry: DocumentRecord?) {
        let header = extraction.document
        if let symbol = header.symbol, !symbol.isEmpty {
            let year = Registry.year(of: symbol) ?? header.issued?.year
            return local(symbolKey(symbol, year: year), symbol: symbol, year: year, province: DocumentKey.province(of: header),
                         shared: shared)
        }
        return (extraction.path, nil)
    }

    /// A local body's year-less symbol the registry does not know, found in documents of several
    /// provinces (`shared`), is a node per province and year: "45/KH-UBND (2023, bac kan)", as the
    /// index keys it ("45/KH-UBND|2023|bac kan"). Found in one province only, it keeps its plain id.
    private func local(_ key: (id: String, entry: DocumentRecord?), symbol: String, year: Int?,
                       province: String?, shared: Set<String>) -> (id: String, entry: DocumentRecord?) {
        guard key.entry == nil, let province, shared.contains(Registry.key(symbol)), Registry.year(of: symbol) == nil,
              DocumentKey.isLocal(symbol) else { return key }
        return ("\(symbol) (\(year.map { String($0) + ", " } ?? "")\(province))", nil)
    }


    private func symbolKey(_ symbol: String, year: Int?) -> (id: String, entry: DocumentRecord?) {
        let candidates = registry.records(symbol: symbol)
        if candidates.count > 1 {
            if let entry = GraphRegistry.pick(candidates, year: year) { return (registry.nodeID(entry), entry) }
            return (year.map { "\(symbol) (\($0))" } ?? symbol, nil)
        }
        return (symbol, candidates.first)
    }

    /// The node id of a cited document, and its registry row when known. A name without a year in
    /// a text of known date (`written`) is the registry's version then in force, as in the index
    /// (`DocumentNames.resolve(type:name:writtenOn:)`); in an undated text, the registry's only
    /// document of that name.
    private func key(for citation: Citation, names: [String: [CorpusName]],
                     writtenOn written: String?, province: String?, shared: Set<String>,
                     olderThan: Int? = nil) -> (id: String, entry: DocumentRecord?) {
        let year = citation.year ?? citation.issued?.year
        if let symbol = citation.symbol, !symbol.isEmpty {
            return local(symbolKey(symbol, year: year), symbol: symbol, year: year, province: province, shared: shared)
        }
        if let name = citation.name, !name.isEmpty {
            let key = GraphNames.key(name)
            if let year {
                if let match = registry.names.resolve(type: citation.type, name: name, year: year) {
                    return symbolKey(match.symbol, year: match.year)
                }
            } else if let written {
                if let match = registry.names.resolve(type: citation.type, name: name, writtenOn: written) {
                    return symbolKey(match.symbol, year: match.year)
                }
            } else if let entry = GraphRegistry.pick(registry.byName[key], year: nil) {
                return (registry.nodeID(entry), entry)
            }
            if let known = GraphRegistry.pick(names[key], year: year), olderThan.map({ (known.year ?? Int.max) < $0 }) ?? true {
                return local(symbolKey(known.symbol, year: known.year ?? year), symbol: known.symbol, year: known.year ?? year,
                             province: province, shared: shared)
            }
            return (year.map { "\(name) (\($0))" } ?? name, nil)
        }
        if let type = citation.type, let number = citation.number, !number.isEmpty {
            let key = GraphNames.key(type) + " " + number
            if year != nil, let entry = GraphRegistry.pick(registry.byTypeNumber[key], year: year) {
                return (registry.nodeID(entry), entry)
            }
            return ("\(type) \(number)" + (year.map { " (\($0))" } ?? ""), nil)
        }
        let text = citation.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return (year.map { "\(text) (\($0))" } ?? text, nil)
    }

    /// The attributes a citation gives its node.
    private static func node(_ id: String, citation: Citation, entry: DocumentRecord?) -> GraphNode {
        GraphNode(id: id, kind: .document, symbol: citation.symbol ?? entry?.symbol, type: citation.type,
                  issuer: citation.issuers.isEmpty ? nil : citation.issuers.joined(separator: "-"),
                  year: citation.year ?? citation.issued?.year,
                  issued: citation.issued?.iso, label: citation.name)
    }
}
