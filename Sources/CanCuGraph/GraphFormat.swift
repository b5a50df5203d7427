import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// The export formats of `cancu graph`.
public enum GraphFormat: String, Sendable, CaseIterable {
    /// Graphviz DOT (`dot -Tsvg`).
    case dot
    /// GraphML (Gephi, yEd, NetworkX).
    case graphml
    /// The output contract's `{"nodes": […], "edges": […]}`.
    case json
    /// Nodes then edges, as Gephi's and Neo4j's importers read them.
    case csv
    /// A Mermaid flowchart (Markdown).
    case mermaid

    /// The format of a file name's extension (`.dot .gv .graphml .json .csv .mmd .md`), or nil.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "dot", "gv": self = .dot
        case "graphml", "xml": self = .graphml
        case "json": self = .json
        case "csv": self = .csv
        case "mmd", "mermaid", "md", "markdown": self = .mermaid
        default: return nil
        }
    }

    /// True when a file name asks for Mermaid inside a Markdown code fence (`.md`).
    public static func isMarkdown(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }
}
