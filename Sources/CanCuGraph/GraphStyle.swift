import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// The look shared by the drawn formats (DOT, Mermaid): colours by status, line styles by relation,
/// and the short text shown in a node.
enum GraphStyle {
    /// Fill colour of a node by its status (procedures have their own).
    static func fill(_ node: GraphNode) -> String { fill(className: className(node)) }

    /// Graphviz `style` and `color` of an edge by its relation.
    static func edge(_ kind: GraphEdge.Kind) -> (style: String, color: String) {
        switch kind {
        case .basis: ("solid", "#1f77b4")
        case .implements: ("dashed", "#2ca02c")
        case .amends: ("bold", "#ff7f0e")
        case .replaces: ("bold", "#d62728")
        case .repeals: ("bold,dashed", "#d62728")
        case .expires: ("dotted", "#7f7f7f")
        case .corrects: ("dashed", "#9467bd")
        case .suspends: ("dotted", "#8c564b")
        case .extends: ("dashed", "#17becf")
        case .consolidates: ("bold", "#bcbd22")
        case .publishes: ("solid", "#e377c2")
        case .refers: ("dotted", "#aaaaaa")
        case .governs: ("solid", "#555555")
        }
    }

    /// The class of a node for Mermaid (its status, or `procedure`).
    static func className(_ node: GraphNode) -> String {
        if node.kind == .procedure { return "procedure" }
        return node.status ?? "unlisted"
    }

    /// The statuses a Mermaid chart declares classes for.
    static let classNames = ["expired", "in_force", "partly_expired", "procedure", "unknown", "unlisted"]

    /// Fill colour of a Mermaid class.
    static func fill(className: String) -> String {
        switch className {
        case "procedure": "#deebf7"
        case "in_force": "#c7e9c0"
        case "expired": "#fcbba1"
        case "partly_expired": "#fdd0a2"
        case "unknown": "#eeeeee"
        default: "#ffffff"
        }
    }

    /// The label drawn in a node: the id, then the title cut to about `limit` characters at a word
    /// boundary (the full title stays in GraphML, JSON and CSV).
    static func caption(_ node: GraphNode, limit: Int = 60) -> String {
        guard let label = node.label, !label.isEmpty, label != node.id else { return node.id }
        var short = label
        if label.count > limit {
            let cut = label.prefix(limit)
            let end = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
            short = String(end) + "…"
        }
        return node.id + "\n" + short
    }
}
