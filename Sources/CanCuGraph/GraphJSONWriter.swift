import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// Writes a citation graph as the output contract's JSON object, on one line:
/// `{"nodes": [{"id", "kind", "symbol", "type", "issuer", "year", "status", "label", "issued"}],
/// "edges": [{"from", "to", "type"}]}`.
enum GraphJSONWriter {
    static func write(_ graph: CitationGraph, to sink: inout GraphSink) {
        var json = JSONWriter()
        sink.write("{\"nodes\":[")
        for (i, node) in graph.nodes.enumerated() {
            if i > 0 { sink.byte(0x2C) }
            json.reset()
            json.object { json in
                json.field("id", node.id)
                json.field("kind", node.kind.rawValue)
                json.field("symbol", node.symbol)
                json.field("type", node.type)
                json.field("issuer", node.issuer)
                json.field("year", node.year)
                json.field("status", node.status)
                json.field("label", node.label)
                json.field("issued", node.issued)
            }
            append(json.bytes, to: &sink)
        }
        sink.write("],\"edges\":[")
        for (i, edge) in graph.edges.enumerated() {
            if i > 0 { sink.byte(0x2C) }
            json.reset()
            json.object { json in
                json.field("from", graph.nodes[edge.from].id)
                json.field("to", graph.nodes[edge.to].id)
                json.field("type", edge.kind.rawValue)
            }
            append(json.bytes, to: &sink)
        }
        sink.write("]}\n")
    }

    private static func append(_ bytes: [UInt8], to sink: inout GraphSink) {
        sink.write(bytes: bytes)
    }
}
