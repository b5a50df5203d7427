import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// Writes a citation graph as GraphML: declared `<key>`s for every node and edge attribute
/// (Gephi reads `label` as the node label; yEd maps them with its Properties Mapper), directed
/// edges, XML-escaped text. An unknown value is left out rather than written empty.
enum GraphMLWriter {
    /// The node attributes, in order: key id, type.
    static let nodeKeys: [(name: String, type: String)] = [
        ("kind", "string"), ("symbol", "string"), ("type", "string"), ("issuer", "string"),
        ("year", "int"), ("issued", "string"), ("status", "string"), ("label", "string"),
    ]

    static func write(_ graph: CitationGraph, to sink: inout GraphSink) {
        sink.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """)
        for key in nodeKeys {
            sink.write("  <key id=\"\(key.name)\" for=\"node\" attr.name=\"\(key.name)\" attr.type=\"\(key.type)\"/>\n")
        }
        sink.write("  <key id=\"relation\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n")
        sink.write("  <graph id=\"cancu\" edgedefault=\"directed\">\n")
        for node in graph.nodes {
            sink.write("    <node id=\"")
            escaped(node.id, to: &sink)
            sink.write("\">")
            data("kind", node.kind.rawValue, to: &sink)
            data("symbol", node.symbol, to: &sink)
            data("type", node.type, to: &sink)
            data("issuer", node.issuer, to: &sink)
            data("year", node.year.map { String($0) }, to: &sink)
            data("issued", node.issued, to: &sink)
            data("status", node.status, to: &sink)
            data("label", node.label, to: &sink)
            sink.write("</node>\n")
            sink.flushIfFull()
        }
        for (i, edge) in graph.edges.enumerated() {
            sink.write("    <edge id=\"e")
            sink.number(i)
            sink.write("\" source=\"")
            escaped(graph.nodes[edge.from].id, to: &sink)
            sink.write("\" target=\"")
            escaped(graph.nodes[edge.to].id, to: &sink)
            sink.write("\"><data key=\"relation\">")
            sink.write(edge.kind.rawValue)
            sink.write("</data></edge>\n")
            sink.flushIfFull()
        }
        sink.write("  </graph>\n</graphml>\n")
    }

    private static func data(_ key: String, _ value: String?, to sink: inout GraphSink) {
        guard let value, !value.isEmpty else { return }
        sink.write("<data key=\"")
        sink.write(key)
        sink.write("\">")
        escaped(value, to: &sink)
        sink.write("</data>")
    }

    /// XML text safe in elements and attributes, without the characters XML 1.0 forbids
    /// (`OutputSafety.xml`).
    static func escaped(_ text: String, to sink: inout GraphSink) {
        sink.write(OutputSafety.xml(text))
    }
}
