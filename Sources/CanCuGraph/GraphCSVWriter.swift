import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// Writes a citation graph as CSV (RFC 4180: a field with a comma, a quote or a line break is
/// quoted, quotes doubled; CRLF-free, UTF-8, with a byte order mark only when asked). A cell that a
/// spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) is neutralised with a
/// leading apostrophe (`OutputSafety.csvCell`), in every dialect and in both tables alike, so
/// that edges still name their nodes.
///
/// Gephi dialect: nodes `Id,Label,kind,symbol,type,issuer,year,status,issued`, edges
/// `Source,Target,Type,Label` (Type `Directed`, Label the relation). Neo4j dialect (for
/// `neo4j-admin database import`): nodes `id:ID,…,year:int,…,:LABEL` (`Document`, `Procedure`),
/// edges `:START_ID,:END_ID,:TYPE` (`BASIS`, `AMENDS`, …).
enum GraphCSVWriter {
    /// The node table.
    static func writeNodes(_ graph: CitationGraph, dialect: GraphExportOptions.CSVDialect, byteOrderMark: Bool = false,
                           to sink: inout GraphSink) {
        if byteOrderMark { sink.write(bytes: OutputSafety.utf8BOM) }
        switch dialect {
        case .gephi: sink.write("Id,Label,kind,symbol,type,issuer,year,status,issued\n")
        case .neo4j: sink.write("id:ID,label,kind,symbol,type,issuer,year:int,status,issued,:LABEL\n")
        }
        for node in graph.nodes {
            field(node.id, to: &sink); sink.byte(0x2C)
            field(node.label, to: &sink); sink.byte(0x2C)
            field(node.kind.rawValue, to: &sink); sink.byte(0x2C)
            field(node.symbol, to: &sink); sink.byte(0x2C)
            field(node.type, to: &sink); sink.byte(0x2C)
            field(node.issuer, to: &sink); sink.byte(0x2C)
            if let year = node.year { sink.number(year) }
            sink.byte(0x2C)
            field(node.status, to: &sink); sink.byte(0x2C)
            field(node.issued, to: &sink)
            if dialect == .neo4j {
                sink.write(node.kind == .document ? ",Document" : ",Procedure")
            }
            sink.byte(0x0A)
            sink.flushIfFull()
        }
    }

    /// The edge table.
    static func writeEdges(_ graph: CitationGraph, dialect: GraphExportOptions.CSVDialect, byteOrderMark: Bool = false,
                           to sink: inout GraphSink) {
        if byteOrderMark { sink.write(bytes: OutputSafety.utf8BOM) }
        switch dialect {
        case .gephi: sink.write("Source,Target,Type,Label\n")
        case .neo4j: sink.write(":START_ID,:END_ID,:TYPE\n")
        }
        for edge in graph.edges {
            field(graph.nodes[edge.from].id, to: &sink); sink.byte(0x2C)
            field(graph.nodes[edge.to].id, to: &sink); sink.byte(0x2C)
            switch dialect {
            case .gephi: sink.write("Directed,"); sink.write(edge.kind.rawValue)
            case .neo4j: sink.write(edge.kind.rawValue.uppercased())
            }
            sink.byte(0x0A)
            sink.flushIfFull()
        }
    }

    /// Both tables in one stream: nodes, an empty line, edges (or the edges alone).
    static func write(_ graph: CitationGraph, options: GraphExportOptions, to sink: inout GraphSink) {
        if !options.edgesOnly {
            writeNodes(graph, dialect: options.csvDialect, byteOrderMark: options.byteOrderMark, to: &sink)
            sink.byte(0x0A)
        }
        writeEdges(graph, dialect: options.csvDialect, byteOrderMark: options.byteOrderMark && options.edgesOnly, to: &sink)
    }

    /// One field, neutralised when it would start a formula, then quoted when it holds a comma, a
    /// quote, a line break or leading/trailing space.
    static func field(_ value: String?, to sink: inout GraphSink) {
        guard let raw = value, !raw.isEmpty else { return }
        let value = OutputSafety.csvCell(raw)
        var needsQuotes = false
        for b in value.utf8 where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        if !needsQuotes, let first = value.utf8.first, let last = value.utf8.last, first == 0x20 || last == 0x20 {
            needsQuotes = true
        }
        guard needsQuotes else { sink.write(value); return }
        sink.byte(0x22)
        for b in value.utf8 {
            if b == 0x22 { sink.byte(0x22) }
            sink.byte(b)
        }
        sink.byte(0x22)
    }
}
