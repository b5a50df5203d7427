import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// The citation graph: documents and procedures, and the typed edges between them.
///
/// Nodes are sorted by id (UTF-8 byte order) and edges by (from, to, kind), without duplicates,
/// so that every export of the same graph is byte-for-byte the same.
///
/// ```swift
/// var builder = GraphBuilder(lexicon: .builtIn)
/// builder.add(extraction)
/// let graph = builder.build()
/// graph.node("09/2019/NĐ-CP")?.status   // "in_force"
/// ```
public struct CitationGraph: Sendable {
    /// The nodes, sorted by id.
    public let nodes: [GraphNode]
    /// The edges, sorted, with `from` and `to` indexing `nodes`.
    public let edges: [GraphEdge]

    /// A graph from nodes (ids unique; a later duplicate fills the first one's missing attributes)
    /// and edges by node id (edges naming an unknown node are dropped; self-loops are kept).
    public init(nodes: [GraphNode], edges: [(from: String, to: String, kind: GraphEdge.Kind)]) {
        var sorted = nodes.sorted { Self.precedes($0.id, $1.id) }
        var unique: [GraphNode] = []
        unique.reserveCapacity(sorted.count)
        for node in sorted {
            if let last = unique.last, last.id == node.id {
                unique[unique.count - 1].fill(from: node)
            } else {
                unique.append(node)
            }
        }
        sorted = []
        var index: [String: Int] = [:]
        index.reserveCapacity(unique.count)
        for (i, node) in unique.enumerated() { index[node.id] = i }
        var resolved: [GraphEdge] = []
        resolved.reserveCapacity(edges.count)
        for edge in edges {
            guard let from = index[edge.from], let to = index[edge.to] else { continue }
            resolved.append(GraphEdge(from: from, to: to, kind: edge.kind))
        }
        self.init(sortedNodes: unique, edges: resolved)
    }

    /// A graph from nodes already sorted by id and unique, and edges indexing them (sorted and
    /// deduplicated here).
    public init(sortedNodes: [GraphNode], edges: [GraphEdge]) {
        nodes = sortedNodes
        var edges = edges
        edges.sort()
        var write = 0
        for read in edges.indices where read == 0 || edges[read] != edges[write - 1] {
            edges[write] = edges[read]
            write += 1
        }
        edges.removeLast(edges.count - write)
        self.edges = edges
    }

    /// The empty graph.
    public static let empty = CitationGraph(sortedNodes: [], edges: [])

    /// The order of node ids: UTF-8 bytes (stable across platforms and locales).
    public static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The index of the node with this id (binary search).
    public func index(of id: String) -> Int? {
        var low = 0, high = nodes.count
        while low < high {
            let mid = (low + high) / 2
            if Self.precedes(nodes[mid].id, id) { low = mid + 1 } else { high = mid }
        }
        return low < nodes.count && nodes[low].id == id ? low : nil
    }

    /// The node with this id.
    public func node(_ id: String) -> GraphNode? { index(of: id).map { nodes[$0] } }

    /// The edges as (from id, to id, kind), in order.
    public var edgeTriples: [(from: String, to: String, kind: GraphEdge.Kind)] {
        edges.map { (nodes[$0.from].id, nodes[$0.to].id, $0.kind) }
    }

    /// The subgraph of the nodes whose index `keep` accepts and the edges `keepEdge` accepts
    /// between them (indices are renumbered).
    public func subgraph(nodes keep: (Int) -> Bool, edges keepEdge: (GraphEdge) -> Bool = { _ in true }) -> CitationGraph {
        var newIndex = [Int](repeating: -1, count: nodes.count)
        var kept: [GraphNode] = []
        for i in nodes.indices where keep(i) {
            newIndex[i] = kept.count
            kept.append(nodes[i])
        }
        var keptEdges: [GraphEdge] = []
        for edge in edges where newIndex[edge.from] >= 0 && newIndex[edge.to] >= 0 && keepEdge(edge) {
            keptEdges.append(GraphEdge(from: newIndex[edge.from], to: newIndex[edge.to], kind: edge.kind))
        }
        return CitationGraph(sortedNodes: kept, edges: keptEdges)
    }
}
