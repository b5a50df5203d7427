import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// Writes a citation graph as Graphviz DOT: documents as boxes filled by status, procedures as
/// ellipses, edges styled and labelled by relation. Every id and label is a quoted string.
enum GraphDOTWriter {
    static func write(_ graph: CitationGraph, to sink: inout GraphSink) {
        sink.write("digraph cancu {\n")
        sink.write("  graph [rankdir=LR, charset=\"UTF-8\", fontname=\"DejaVu Sans\"];\n")
        sink.write("  node [shape=box, style=\"rounded,filled\", fontname=\"DejaVu Sans\", fontsize=10];\n")
        sink.write("  edge [fontname=\"DejaVu Sans\", fontsize=8];\n")
        for node in graph.nodes {
            sink.write("  ")
            quoted(node.id, to: &sink)
            sink.write(" [label=")
            quoted(GraphStyle.caption(node), to: &sink)
            if node.kind == .procedure { sink.write(", shape=ellipse") }
            sink.write(", fillcolor=\"")
            sink.write(GraphStyle.fill(node))
            sink.write("\"")
            if let label = node.label, !label.isEmpty {
                sink.write(", tooltip=")
                quoted(label, to: &sink)
            }
            sink.write("];\n")
            sink.flushIfFull()
        }
        for edge in graph.edges {
            let style = GraphStyle.edge(edge.kind)
            sink.write("  ")
            quoted(graph.nodes[edge.from].id, to: &sink)
            sink.write(" -> ")
            quoted(graph.nodes[edge.to].id, to: &sink)
            sink.write(" [label=\"")
            sink.write(edge.kind.rawValue)
            sink.write("\", style=\"")
            sink.write(style.style)
            sink.write("\", color=\"")
            sink.write(style.color)
            sink.write(edge.kind == .governs ? "\", arrowhead=empty];\n" : "\"];\n")
            sink.flushIfFull()
        }
        sink.write("}\n")
    }

    /// A DOT double-quoted string: `"` and `\` escaped, a line break as `\n`, and `&` written
    /// `&amp;` so that Graphviz does not read the text as an entity reference.
    static func quoted(_ text: String, to sink: inout GraphSink) {
        sink.byte(0x22)
        // Graphviz copies labels into SVG: what XML 1.0 forbids is left out here already.
        for b in OutputSafety.xmlCharacters(text).utf8 {
            switch b {
            case 0x22: sink.byte(0x5C); sink.byte(0x22)
            case 0x5C: sink.byte(0x5C); sink.byte(0x5C)
            case 0x0A: sink.byte(0x5C); sink.byte(0x6E)
            case 0x0D: break
            case 0x26: sink.write("&amp;")
            case 0..<0x20: sink.byte(0x20)
            default: sink.byte(b)
            }
        }
        sink.byte(0x22)
    }
}
