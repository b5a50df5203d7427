import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// Selects part of a citation graph: a neighbourhood (`--around`), relation types, document
/// type, issuer and date, with or without procedures.
///
/// Order: document filters (type, issuer, since, until) and `--no-procedures` drop nodes, the
/// relation filter drops edges, then the neighbourhood is walked over what is left. Procedures
/// are not documents: the document filters keep them, but drop a procedure left without edges.
///
/// ```swift
/// var filter = GraphFilter()
/// filter.around = ["63/2010/NĐ-CP"]; filter.depth = 1; filter.direction = .in
/// let part = try filter.apply(to: graph)
/// ```
public struct GraphFilter: Sendable {
    /// Which edges the neighbourhood follows.
    public enum Direction: String, Sendable, CaseIterable {
        /// Edges pointing at the node (what cites it).
        case `in`
        /// Edges leaving the node (what it cites).
        case out
        case both
    }

    /// A filter that cannot be applied (e.g. `--around` names no node).
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Nodes to start the neighbourhood from (ids or symbols, with or without diacritics).
    public var around: [String] = []
    public var depth: Int = 1
    public var direction: Direction = .both
    /// Relation types to keep; nil keeps all.
    public var relations: Set<GraphEdge.Kind>?
    /// Document types to keep ("Nghị định", "nghi dinh"); empty keeps all.
    public var types: [String] = []
    /// Issuers to keep, matched as whole words ("CP", "BTC", "UBND tỉnh Bắc Kạn").
    public var issuers: [String] = []
    /// Earliest and latest issue date or year, as ISO prefixes ("2020", "2020-06", "2020-06-01").
    public var since: String?
    public var until: String?
    public var includeProcedures = true

    public init() {}

    /// True when the filter keeps everything.
    public var isEmpty: Bool {
        around.isEmpty && relations == nil && types.isEmpty && issuers.isEmpty && since == nil && until == nil
            && includeProcedures
    }

    /// The selected subgraph.
    public func apply(to graph: CitationGraph) throws(Failure) -> CitationGraph {
        let documentFilter = !types.isEmpty || !issuers.isEmpty || since != nil || until != nil
        let typeKeys = Set(types.map(GraphNames.key))
        var result = graph.subgraph(nodes: { i in
            let node = graph.nodes[i]
            if node.kind == .procedure { return includeProcedures }
            if !typeKeys.isEmpty && !typeKeys.contains(GraphNames.key(node.type ?? "")) { return false }
            if !issuers.isEmpty {
                guard let issuer = node.issuer, issuers.contains(where: { GraphNames.containsWords(issuer, $0) }) else { return false }
            }
            if since != nil || until != nil {
                guard let date = node.date else { return false }
                if let since, Self.compare(date, since) < 0 { return false }
                if let until, Self.compare(date, until) > 0 { return false }
            }
            return true
        }, edges: { relations?.contains($0.kind) ?? true })
        if documentFilter || relations != nil {
            // Drop what the filters left without edges: procedures always, documents when only
            // edges were filtered (a relation filter asks for the documents it connects).
            var degree = [Int](repeating: 0, count: result.nodes.count)
            for edge in result.edges { degree[edge.from] += 1; degree[edge.to] += 1 }
            let snapshot = result
            result = snapshot.subgraph(nodes: { i in
                degree[i] > 0 || (snapshot.nodes[i].kind == .document && relations == nil)
            })
        }
        guard !around.isEmpty else { return result }
        return try neighbourhood(of: result)
    }

    /// The nodes within `depth` edges of the `around` nodes, in `direction`, and the edges among them.
    private func neighbourhood(of graph: CitationGraph) throws(Failure) -> CitationGraph {
        var seeds: [Int] = []
        for query in around {
            let found = Self.find(query, in: graph)
            if found.isEmpty {
                throw Failure(description: "không có văn bản hay thủ tục '\(query)' trong đồ thị (sau khi lọc)")
            }
            seeds += found
        }
        var outgoing = [[Int]](repeating: [], count: graph.nodes.count)
        var incoming = [[Int]](repeating: [], count: graph.nodes.count)
        for edge in graph.edges {
            outgoing[edge.from].append(edge.to)
            incoming[edge.to].append(edge.from)
        }
        var distance = [Int](repeating: -1, count: graph.nodes.count)
        var frontier = seeds
        for s in seeds { distance[s] = 0 }
        var level = 0
        while !frontier.isEmpty && level < depth {
            level += 1
            var next: [Int] = []
            for n in frontier {
                let neighbours = (direction == .in ? [] : outgoing[n]) + (direction == .out ? [] : incoming[n])
                for m in neighbours where distance[m] < 0 {
                    distance[m] = level
                    next.append(m)
                }
            }
            frontier = next
        }
        // The ego network: the nodes reached and every edge among them.
        return graph.subgraph(nodes: { distance[$0] >= 0 })
    }

    /// The nodes a query names: the exact id, else ids or symbols equal once folded, else ids of
    /// the form "SYMBOL (year)".
    static func find(_ query: String, in graph: CitationGraph) -> [Int] {
        if let i = graph.index(of: query) { return [i] }
        let key = GraphNames.key(query)
        var found: [Int] = []
        for (i, node) in graph.nodes.enumerated() {
            let idKey = GraphNames.key(node.id)
            if idKey == key || node.symbol.map({ GraphNames.key($0) == key }) == true || idKey.hasPrefix(key + " ") && node.id.hasSuffix(")") {
                found.append(i)
            }
        }
        return found
    }

    /// Compares a date with a bound on their common ISO prefix ("2020" equals "2020-06-01").
    static func compare(_ date: String, _ bound: String) -> Int {
        let n = min(date.utf8.count, bound.utf8.count)
        let a = date.utf8.prefix(n), b = bound.utf8.prefix(n)
        if a.elementsEqual(b) { return 0 }
        return a.lexicographicallyPrecedes(b) ? -1 : 1
    }
}
