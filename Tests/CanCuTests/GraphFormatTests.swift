import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CanCu
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuLexicon
@testable import CanCuInput
@testable import CanCuExtract
@testable import CanCuReview
@testable import CanCuIndex
@testable import CanCuGraph
@testable import CanCuViews
@testable import CanCuBenchmarks

/// Collects elements, attributes and text of an XML document with Foundation's XMLParser.
final class XMLCollector: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var text: String }
    var elements: [Element] = []
    private var stack: [Int] = []
    var error: Error?

    static func parse(_ bytes: [UInt8]) -> XMLCollector {
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = collector
        if !parser.parse() { collector.error = parser.parserError ?? NSError(domain: "xml", code: 1) }
        return collector
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        stack.append(elements.count)
        elements.append(Element(name: name, attributes: attributes, text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = stack.last { elements[i].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func named(_ name: String) -> [Element] { elements.filter { $0.name == name } }
}

/// RFC 4180 records of a CSV text (quoted fields may hold commas, quotes and line breaks).
func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = [], record: [String] = [], field: [UInt8] = []
    var quoted = false, i = 0
    let b = Array(text.utf8)
    func endField() { record.append(String(decoding: field, as: UTF8.self)); field = [] }
    while i < b.count {
        let c = b[i]
        if quoted {
            if c == 0x22 {
                if i + 1 < b.count && b[i + 1] == 0x22 { field.append(0x22); i += 1 } else { quoted = false }
            } else { field.append(c) }
        } else if c == 0x22 { quoted = true
        } else if c == 0x2C { endField()
        } else if c == 0x0A { endField(); records.append(record); record = []
        } else { field.append(c) }
        i += 1
    }
    if !field.isEmpty || !record.isEmpty { endField(); records.append(record) }
    return records
}

@Suite("Graph export formats")
struct GraphFormatTests {
    let tricky = GraphFixture.tricky
    let corpus = GraphFixture.graph()

    @Test func dotRendersWithGraphvizAndKeepsLabels() throws {
        guard ExternalTool(command: "dot", package: "graphviz").executable != nil else {
            print("SKIP: Graphviz 'dot' is not installed; DOT rendering test not run (apt-get install graphviz)")
            return
        }
        for graph in [tricky, corpus] {
            let svg = try GraphExport.render(graph, as: "svg", timeout: 60)
            let xml = XMLCollector.parse(svg)
            #expect(xml.error == nil)
            let groups = xml.named("g").map { $0.attributes["class"] ?? "" }
            #expect(groups.filter { $0 == "node" }.count == graph.nodes.count)
            #expect(groups.filter { $0 == "edge" }.count == graph.edges.count)
            // Each node's title is its id, as written.
            let titles = Set(xml.named("title").map(\.text))
            for node in graph.nodes { #expect(titles.contains(node.id), "\(node.id)") }
        }
        let texts = XMLCollector.parse(try GraphExport.render(tricky, as: "svg")).named("text").map(\.text)
        // The label's two lines, quotes, &, <, # and backslashes intact.
        for line in GraphFixture.trickyLabel.split(separator: "\n") {
            #expect(texts.contains(String(line)), "\(line) not in \(texts)")
        }
        #expect(texts.contains("Luật \"Đất\" đai, 2024 & <x>"))
    }

    @Test func dotStylesByStatusAndRelation() {
        let dot = String(decoding: GraphExport.bytes(corpus, format: .dot), as: UTF8.self)
        #expect(dot.hasPrefix("digraph cancu {"))
        #expect(dot.contains("\"63/2010/NĐ-CP\" [label=\"63/2010/NĐ-CP\\nVề kiểm soát thủ tục hành chính\", fillcolor=\"#c7e9c0\""))
        #expect(dot.contains("\"999/2026/NĐ-CP\" -> \"05/2014/TT-BTP\" [label=\"repeals\", style=\"bold,dashed\""))
        #expect(dot.contains("\"2.999101\" [label=") && dot.contains("shape=ellipse"))
    }

    @Test func graphMLIsWellFormedWithDeclaredKeys() throws {
        for graph in [tricky, corpus] {
            let xml = XMLCollector.parse(GraphExport.bytes(graph, format: .graphml))
            #expect(xml.error == nil)
            let keys = xml.named("key")
            let declared = Set(keys.map { $0.attributes["id"] ?? "" })
            #expect(declared == ["kind", "symbol", "type", "issuer", "year", "issued", "status", "label", "relation"])
            #expect(keys.allSatisfy { $0.attributes["attr.name"] != nil && $0.attributes["attr.type"] != nil })
            #expect(xml.named("data").allSatisfy { declared.contains($0.attributes["key"] ?? "") })
            #expect(xml.named("graph").first?.attributes["edgedefault"] == "directed")
            let nodes = xml.named("node"), edges = xml.named("edge")
            #expect(nodes.map { $0.attributes["id"] ?? "" } == graph.nodes.map(\.id))
            #expect(edges.count == graph.edges.count)
            let ids = Set(nodes.compactMap { $0.attributes["id"] })
            #expect(edges.allSatisfy { ids.contains($0.attributes["source"] ?? "") && ids.contains($0.attributes["target"] ?? "") })
        }
        let xml = XMLCollector.parse(GraphExport.bytes(tricky, format: .graphml))
        let labels = xml.named("data").filter { $0.attributes["key"] == "label" }.map(\.text)
        #expect(labels.contains(GraphFixture.trickyLabel))
        #expect(xml.named("node").contains { $0.attributes["id"] == "Luật \"Đất\" đai, 2024 & <x>" })
        #expect(xml.named("data").filter { $0.attributes["key"] == "relation" }.map(\.text) == ["governs", "implements"])
    }

    @Test func jsonHasTheContractShape() throws {
        let object = try JSONSerialization.jsonObject(with: Data(GraphExport.bytes(corpus, format: .json))) as? [String: Any]
        let nodes = try #require(object?["nodes"] as? [[String: Any]])
        let edges = try #require(object?["edges"] as? [[String: Any]])
        #expect(nodes.count == corpus.nodes.count && edges.count == corpus.edges.count)
        for node in nodes {
            for key in ["id", "kind", "symbol", "type", "issuer", "year", "status", "label"] { #expect(node[key] != nil, "\(key)") }
        }
        let n63 = try #require(nodes.first { $0["id"] as? String == "63/2010/NĐ-CP" })
        #expect(n63["status"] as? String == "in_force" && n63["year"] as? Int == 2010 && n63["kind"] as? String == "document")
        #expect(edges.contains { $0["from"] as? String == "2.999101" && $0["to"] as? String == "63/2010/NĐ-CP" && $0["type"] as? String == "governs" })
        #expect(Set(edges.map { Set($0.keys) }) == [["from", "to", "type"]])

        let bytes = GraphExport.bytes(tricky, format: .json)
        #expect(bytes.filter { $0 == 0x0A }.count == 1)  // one JSON line
        let trickyJSON = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        let labels = (trickyJSON?["nodes"] as? [[String: Any]])?.compactMap { $0["label"] as? String } ?? []
        #expect(labels.contains(GraphFixture.trickyLabel))
    }

    @Test func csvParsesBackInBothDialectsAndFiles() throws {
        let text = String(decoding: GraphExport.bytes(tricky, format: .csv), as: UTF8.self)
        let records = parseCSV(text)
        let blank = try #require(records.firstIndex { $0 == [""] })
        let nodeRows = Array(records[..<blank]), edgeRows = Array(records[(blank + 1)...])
        #expect(nodeRows.first == ["Id", "Label", "kind", "symbol", "type", "issuer", "year", "status", "issued"])
        #expect(nodeRows.count == tricky.nodes.count + 1 && nodeRows.allSatisfy { $0.count == 9 })
        #expect(nodeRows.contains { $0[1] == GraphFixture.trickyLabel && $0[6] == "2025" && $0[7] == "in_force" })
        #expect(edgeRows.first == ["Source", "Target", "Type", "Label"])
        #expect(edgeRows.dropFirst().map { $0[0] + "→" + $0[1] + ":" + $0[3] }
                == ["1.000889→1/2025/NĐ-CP:governs", "1/2025/NĐ-CP→Luật \"Đất\" đai, 2024 & <x>:implements"])
        #expect(edgeRows.dropFirst().allSatisfy { $0[2] == "Directed" })

        let neo = parseCSV(String(decoding: GraphExport.bytes(tricky, format: .csv, options: GraphExportOptions(csvDialect: .neo4j, edgesOnly: true)), as: UTF8.self))
        #expect(neo.first == [":START_ID", ":END_ID", ":TYPE"])
        #expect(neo.dropFirst().map { $0[2] } == ["GOVERNS", "IMPLEMENTS"])

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try GraphExport.write(corpus, to: folder.appendingPathComponent("graph.csv").path)
        #expect(written.map { ($0 as NSString).lastPathComponent } == ["graph-nodes.csv", "graph-edges.csv"])
        let nodesFile = parseCSV(try String(contentsOfFile: written[0], encoding: .utf8))
        let edgesFile = parseCSV(try String(contentsOfFile: written[1], encoding: .utf8))
        #expect(nodesFile.count == corpus.nodes.count + 1 && edgesFile.count == corpus.edges.count + 1)
        #expect(nodesFile.dropFirst().map { $0[0] } == corpus.nodes.map(\.id))
    }

    @Test func mermaidFlowchartStructure() throws {
        let text = String(decoding: GraphExport.bytes(tricky, format: .mermaid), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "flowchart LR")
        var declared: [String: String] = [:]
        var edges: [(String, String, String)] = []
        for line in lines.dropFirst() where !line.hasPrefix("    classDef ") {
            let body = line.dropFirst(4)
            if let arrow = [" -->|", " ==>|", " -.->|"].first(where: { body.contains($0) }) {
                let parts = body.components(separatedBy: arrow)
                let rest = parts[1].split(separator: "|", maxSplits: 1)
                edges.append((parts[0], String(rest[0]), String(rest[1]).trimmingCharacters(in: .whitespaces)))
                continue
            }
            // nID["text"]:::class or nID(["text"]):::class, no raw quote inside.
            let id = String(body.prefix { $0 != "[" && $0 != "(" })
            let open = body.hasPrefix(id + "([\"") ? "([\"" : "[\""
            let close = open == "([\"" ? "\"]):::" : "\"]:::"
            #expect(body.hasPrefix(id + open) && body.contains(close), "\(line)")
            let inner = body.dropFirst(id.count + open.count).components(separatedBy: close)[0]
            #expect(!inner.contains("\""))
            declared[id] = inner
        }
        #expect(declared.count == tricky.nodes.count)
        #expect(edges.count == tricky.edges.count && edges.allSatisfy { declared[$0.0] != nil && declared[$0.2] != nil })
        #expect(Set(edges.map(\.1)) == ["implements", "governs"])
        func decode(_ s: String) -> String {
            s.replacingOccurrences(of: "<br/>", with: "\n").replacingOccurrences(of: "#quot;", with: "\"")
                .replacingOccurrences(of: "#lt;", with: "<").replacingOccurrences(of: "#gt;", with: ">")
                .replacingOccurrences(of: "#35;", with: "#").replacingOccurrences(of: "#96;", with: "`")
                .replacingOccurrences(of: "#amp;", with: "&")
        }
        #expect(declared.values.map(decode).contains("1/2025/NĐ-CP\n" + GraphFixture.trickyLabel))
        let fenced = String(decoding: GraphExport.bytes(tricky, format: .mermaid, options: GraphExportOptions(markdownFence: true)), as: UTF8.self)
        #expect(fenced.hasPrefix("```mermaid\nflowchart LR\n") && fenced.hasSuffix("```\n"))
    }

    @Test func formatFromExtension() {
        #expect(GraphFormat(path: "a/graph.gv") == .dot && GraphFormat(path: "x.GRAPHML") == .graphml)
        #expect(GraphFormat(path: "g.json") == .json && GraphFormat(path: "g.csv") == .csv)
        #expect(GraphFormat(path: "g.mmd") == .mermaid && GraphFormat(path: "README.md") == .mermaid)
        #expect(GraphFormat(path: "graph") == nil && GraphFormat(path: "dir.v2/graph") == nil && GraphFormat(path: "g.svg") == nil)
    }

    @Test func generatedGraphExportsValidly() throws {
        let graph = GraphGenerator(nodes: 2_000, edges: 10_000).generate()
        #expect(graph.nodes.count == 2_000 && graph.edges.count > 9_900)
        let object = try JSONSerialization.jsonObject(with: Data(GraphExport.bytes(graph, format: .json))) as? [String: Any]
        #expect((object?["edges"] as? [Any])?.count == graph.edges.count)
        let xml = XMLCollector.parse(GraphExport.bytes(graph, format: .graphml))
        #expect(xml.error == nil && xml.named("edge").count == graph.edges.count)
        #expect(GraphExport.bytes(graph, format: .dot) == GraphExport.bytes(GraphGenerator(nodes: 2_000, edges: 10_000).generate(), format: .dot))
    }
}
