import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// A typed edge of the citation graph between two nodes, by their index in `CitationGraph.nodes`.
public struct GraphEdge: Sendable, Hashable, Comparable {
    /// The relation types of the output contract, plus `governs` (procedure → its legal basis).
    public enum Kind: String, Sendable, Codable, CaseIterable, Comparable {
        case basis, implements, amends, replaces, repeals, expires, corrects, suspends, extends
        case consolidates, publishes, refers, governs

        /// The edge kind of an extracted relation.
        public init(_ type: Relation.RelationType) {
            // Every relation type has a case of the same name.
            self = Kind(rawValue: type.rawValue) ?? .refers
        }

        public static func < (a: Kind, b: Kind) -> Bool { a.order < b.order }

        /// Position in the declaration order (sorting edges by kind).
        var order: Int {
            switch self {
            case .basis: 0
            case .implements: 1
            case .amends: 2
            case .replaces: 3
            case .repeals: 4
            case .expires: 5
            case .corrects: 6
            case .suspends: 7
            case .extends: 8
            case .consolidates: 9
            case .publishes: 10
            case .refers: 11
            case .governs: 12
            }
        }
    }

    public var from: Int
    public var to: Int
    public var kind: Kind

    public init(from: Int, to: Int, kind: Kind) {
        self.from = from; self.to = to; self.kind = kind
    }

    public static func < (a: GraphEdge, b: GraphEdge) -> Bool {
        if a.from != b.from { return a.from < b.from }
        if a.to != b.to { return a.to < b.to }
        return a.kind < b.kind
    }
}
