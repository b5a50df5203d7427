import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// Writes a citation graph as a Mermaid flowchart: node ids `n0`, `n1`, … (by sorted order), the
/// text in double quotes with Mermaid entity codes for what would break it (`#quot;`, `#35;`,
/// `#amp;`, `#lt;`, `#gt;`, `#96;`; a line break as `<br/>`), a class per status, arrows by
/// relation (`-->` basis and the like, `==>` amendments and repeals, `-.->` other mentions).
enum GraphMermaidWriter {
    static func write(_ graph: CitationGraph, fenced: Bool, to sink: inout GraphSink) {
        if fenced { sink.write("```mermaid\n") }
        sink.write("flowchart LR\n")
        for name in GraphStyle.classNames {
            sink.write("    classDef \(name) fill:\(GraphStyle.fill(className: name)),stroke:#555555\n")
        }
        for (i, node) in graph.nodes.enumerated() {
            sink.write("    n")
            sink.number(i)
            sink.write(node.kind == .procedure ? "([\"" : "[\"")
            text(GraphStyle.caption(node), to: &sink)
            sink.write(node.kind == .procedure ? "\"]):::" : "\"]:::")
            sink.write(GraphStyle.className(node))
            sink.byte(0x0A)
            sink.flushIfFull()
        }
        for edge in graph.edges {
            sink.write("    n")
            sink.number(edge.from)
            sink.write(arrow(edge.kind))
            sink.write("|")
            sink.write(edge.kind.rawValue)
            sink.write("| n")
            sink.number(edge.to)
            sink.byte(0x0A)
            sink.flushIfFull()
        }
        if fenced { sink.write("```\n") }
    }

    /// The arrow of a relation.
    static func arrow(_ kind: GraphEdge.Kind) -> String {
        switch kind {
        case .amends, .replaces, .repeals, .expires, .suspends, .consolidates: " ==>"
        case .refers, .corrects, .extends: " -.->"
        case .basis, .implements, .publishes, .governs: " -->"
        }
    }

    /// Text inside a quoted Mermaid label.
    static func text(_ value: String, to sink: inout GraphSink) {
        for b in value.utf8 {
            switch b {
            case 0x22: sink.write("#quot;")
            case 0x23: sink.write("#35;")
            case 0x26: sink.write("#amp;")
            case 0x3C: sink.write("#lt;")
            case 0x3E: sink.write("#gt;")
            case 0x60: sink.write("#96;")
            case 0x0A: sink.write("<br/>")
            case 0x0D: break
            case 0..<0x20: sink.byte(0x20)
            default: sink.byte(b)
            }
        }
    }
}
