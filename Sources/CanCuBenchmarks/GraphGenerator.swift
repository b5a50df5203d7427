import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import CanCuGraph
/// A synthetic citation graph of a given size, the same for the same seed (for benchmarks and
/// scale tests): documents with Vietnamese titles, statuses and years, some procedures, and edges
/// of every relation type, newer documents pointing at older ones.
package struct GraphGenerator: Sendable {
    public var nodeCount: Int
    public var edgeCount: Int
    public var seed: UInt64

    public init(nodes: Int, edges: Int, seed: UInt64 = 2026) {
        nodeCount = max(0, nodes); edgeCount = max(0, edges); self.seed = seed
    }

    private static let types: [(name: String, abbreviation: String, issuer: String)] = [
        ("Nghị định", "NĐ", "CP"), ("Thông tư", "TT", "BTC"), ("Quyết định", "QĐ", "TTg"),
        ("Luật", "", "QH"), ("Nghị quyết", "NQ", "HĐND"), ("Thông tư liên tịch", "TTLT", "BNV-BTC"),
    ]
    private static let statuses: [String?] = ["in_force", "expired", "partly_expired", "unknown", nil]
    private static let subjects = [
        "Quy định chi tiết một số điều của Luật Đất đai", "Về công tác văn thư",
        "Hướng dẫn thủ tục hành chính \"một cửa\" & liên thông", "Sửa đổi, bổ sung chế độ báo cáo",
        "Kiểm soát thủ tục hành chính <nội bộ>", "Phê duyệt Đề án 06 về dữ liệu dân cư",
    ]

    /// The graph.
    public func generate() -> CitationGraph {
        var rng = SplitMix64(seed: seed)
        let procedureCount = nodeCount / 10
        var nodes: [GraphNode] = []
        nodes.reserveCapacity(nodeCount)
        for i in 0..<nodeCount {
            if i < procedureCount {
                nodes.append(GraphNode(id: "1.\(String(100_000 + i))", kind: .procedure, symbol: "1.\(String(100_000 + i))",
                                       issuer: "Bộ Công an", label: "Cấp đổi thẻ căn cước số \(i)"))
                continue
            }
            let type = Self.types[Int(rng.next() % UInt64(Self.types.count))]
            let year = 1990 + Int(rng.next() % 37)
            let month = 1 + Int(rng.next() % 12), day = 1 + Int(rng.next() % 28)
            let symbol = type.abbreviation.isEmpty
                ? "\(i)/\(year)/\(type.issuer)\(year > 2021 ? "15" : "14")"
                : "\(i)/\(year)/\(type.abbreviation)-\(type.issuer)"
            let issued = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            nodes.append(GraphNode(
                id: symbol, kind: .document, symbol: symbol, type: type.name, issuer: type.issuer, year: year,
                issued: issued, status: Self.statuses[Int(rng.next() % UInt64(Self.statuses.count))],
                label: Self.subjects[Int(rng.next() % UInt64(Self.subjects.count))]))
        }
        nodes.sort { CitationGraph.precedes($0.id, $1.id) }
        var edges: [GraphEdge] = []
        edges.reserveCapacity(edgeCount)
        let kinds = GraphEdge.Kind.allCases
        guard nodes.count > 1 else { return CitationGraph(sortedNodes: nodes, edges: []) }
        while edges.count < edgeCount {
            let from = Int(rng.next() % UInt64(nodes.count))
            let to = Int(rng.next() % UInt64(nodes.count))
            if from == to { continue }
            let kind = nodes[from].kind == .procedure ? GraphEdge.Kind.governs : kinds[Int(rng.next() % UInt64(kinds.count - 1))]
            edges.append(GraphEdge(from: from, to: to, kind: kind))
        }
        return CitationGraph(sortedNodes: nodes, edges: edges)
    }

    /// A small, fast, seedable generator (Steele, Lea, Flood 2014).
    struct SplitMix64 {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
