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

@Suite("Graph builder and filters")
struct GraphBuilderTests {
    let graph = GraphFixture.graph()

    func has(_ from: String, _ to: String, _ kind: GraphEdge.Kind, in graph: CitationGraph) -> Bool {
        graph.edgeTriples.contains { $0.from == from && $0.to == to && $0.kind == kind }
    }

    @Test func documentsByCanonicalSymbolWithRegistryAttributes() throws {
        let node = try #require(graph.node("63/2010/NĐ-CP"))
        #expect(node.kind == .document)
        #expect(node.type == "Nghị định")
        #expect(node.issuer == "CP")
        #expect(node.year == 2010)
        #expect(node.issued == "2010-06-08")
        #expect(node.status == "in_force")
        #expect(node.label == "Về kiểm soát thủ tục hành chính")
        // The input documents themselves, with their headers.
        let decree = try #require(graph.node("999/2026/NĐ-CP"))
        #expect(decree.issued == "2026-05-15" && decree.status == nil)
        #expect(graph.node("1085/QĐ-TTg")?.status == "expired")
    }

    @Test func nameCitationsMergeWithRegistryOrCorpusSymbol() {
        // "Luật Đất đai" 2024 is 31/2024/QH15 in the registry.
        #expect(graph.node("Luật Đất đai (2024)") == nil)
        #expect(graph.node("31/2024/QH15")?.label == "Luật Đất đai")
        #expect(has("999/2026/NĐ-CP", "31/2024/QH15", .refers, in: graph))
        // The 2015 law is not in the registry: one node by name and year.
        #expect(graph.node("Luật Tổ chức chính quyền địa phương (2015)")?.year == 2015)
        // The letter cites the plan by its title; the corpus (the plan's header) knows its symbol.
        #expect(has("1500/UBND-KSTT", "45/KH-UBND", .extends, in: graph))
        // "Nghị quyết số 01 năm 2020, năm 2021": two registry documents sharing a year-less symbol.
        #expect(graph.node("01/NQ-CP (2020)")?.status == "expired")
        #expect(has("45/KH-UBND", "01/NQ-CP (2021)", .refers, in: graph))
    }

    @Test("a name without a year: the registry's version in force when the citing text was written")
    func bareNamesByDate() {
        func document(_ symbol: String, issued: String?) -> DocumentFacts {
            DocumentFacts(path: symbol, document: DocumentHeader(symbol: symbol, type: "Thông tư", issued: issued.flatMap(LegalDate.init(iso:))),
                       citations: [GraphFixture.cite(nil, "Bộ luật", name: "Bộ luật Lao động", kind: .name),
                                   GraphFixture.cite(nil, "Luật", name: "Luật Thanh tra", kind: .name)],
                       relations: [GraphFixture.rel(nil, 0, .refers), GraphFixture.rel(nil, 1, .refers)])
        }
        var builder = GraphBuilder(lexicon: .builtIn)
        builder.add(document("01/2022/TT-BLĐTBXH", issued: "2022-01-14"))
        builder.add(document("09/2016/TT-BLĐTBXH", issued: "2016-06-01"))
        let graph = builder.build()
        // Bộ luật Lao động: 10/2012/QH13 until 2021, then 45/2019/QH14.
        #expect(has("01/2022/TT-BLĐTBXH", "45/2019/QH14", .refers, in: graph))
        #expect(has("09/2016/TT-BLĐTBXH", "10/2012/QH13", .refers, in: graph))
        // The registry knows only the 2025 Luật Thanh tra: a 2016 or 2022 text meant an earlier one.
        #expect(!graph.edgeTriples.contains { $0.to == "84/2025/QH15" })
        #expect(has("01/2022/TT-BLĐTBXH", "Luật Thanh tra", .refers, in: graph))
    }

    @Test func backReferencesFollowResolvesTo() {
        #expect(has("999/2026/NĐ-CP", "63/2010/NĐ-CP", .refers, in: graph))
        #expect(!graph.nodes.contains { $0.id.contains("nêu trên") || $0.id.isEmpty })
    }

    @Test func relationsHistoryGovernsAndPublishes() {
        #expect(has("87/2025/QH15", "64/2025/QH15", .amends, in: graph))
        #expect(has("107/2021/NĐ-CP", "61/2018/NĐ-CP", .amends, in: graph))
        #expect(has("999/2026/NĐ-CP", "63/2010/NĐ-CP", .amends, in: graph))
        #expect(has("999/2026/NĐ-CP", "45/2016/QĐ-TTg", .replaces, in: graph))
        #expect(has("999/2026/NĐ-CP", "01/2018/TT-VPCP", .expires, in: graph))
        #expect(has("999/2026/NĐ-CP", "05/2014/TT-BTP", .repeals, in: graph))
        #expect(has("1500/UBND-KSTT", "1320/UBND-KSTT", .corrects, in: graph))
        #expect(has("2.999101", "63/2010/NĐ-CP", .governs, in: graph))
        #expect(has("2.999102", "1085/QĐ-TTg", .governs, in: graph))
        #expect(has("1234/QĐ-UBND", "2.999101", .publishes, in: graph))
        #expect(graph.node("2.999101")?.kind == .procedure)
    }

    @Test func sortedUniqueAndIndependentOfInputOrder() {
        let ids = graph.nodes.map(\.id)
        #expect(ids == ids.sorted { CitationGraph.precedes($0, $1) })
        #expect(Set(ids).count == ids.count)
        #expect(graph.edges == graph.edges.sorted())
        #expect(Set(graph.edges).count == graph.edges.count)
        let shuffled = GraphFixture.graph(order: [GraphFixture.letter, GraphFixture.plan, GraphFixture.decree, GraphFixture.publishing])
        for format in GraphFormat.allCases {
            #expect(GraphExport.bytes(graph, format: format) == GraphExport.bytes(shuffled, format: format), "\(format)")
        }
    }

    @Test func aroundIncomingNeighbourhoodOf63of2010() throws {
        var filter = GraphFilter()
        filter.around = ["63/2010/NĐ-CP"]
        filter.direction = .in
        let part = try filter.apply(to: graph)
        #expect(Set(part.nodes.map(\.id)) == ["63/2010/NĐ-CP", "999/2026/NĐ-CP", "48/2013/NĐ-CP", "92/2017/NĐ-CP",
                                              "1234/QĐ-UBND", "2.999101"])
        #expect(has("1234/QĐ-UBND", "2.999101", .publishes, in: part))
        #expect(has("48/2013/NĐ-CP", "63/2010/NĐ-CP", .amends, in: part))
    }

    @Test func aroundWithoutDiacriticsDepthAndDirection() throws {
        var filter = GraphFilter()
        filter.around = ["1085/qd-ttg"]
        filter.direction = .in
        #expect(Set(try filter.apply(to: graph).nodes.map(\.id)) == ["1085/QĐ-TTg", "1234/QĐ-UBND", "45/KH-UBND", "2.999102"])
        filter.depth = 2
        // Second ring: what cites the plan and the publishing decision.
        #expect(Set(try filter.apply(to: graph).nodes.map(\.id)) == ["1085/QĐ-TTg", "1234/QĐ-UBND", "45/KH-UBND", "2.999102",
                                                                      "1500/UBND-KSTT"])
        filter.around = ["999/2026/NĐ-CP"]
        filter.direction = .out
        filter.depth = 2
        let out = Set(try filter.apply(to: graph).nodes.map(\.id))
        #expect(out.contains("64/2025/QH15") && out.contains("31/2024/QH15") && !out.contains("107/2021/NĐ-CP"))
        filter.direction = .both
        #expect(Set(try filter.apply(to: graph).nodes.map(\.id)).contains("107/2021/NĐ-CP"))
        filter.depth = 0
        #expect(try filter.apply(to: graph).nodes.map(\.id) == ["999/2026/NĐ-CP"])
        filter.around = ["không có/2020/X"]
        #expect(throws: GraphFilter.Failure.self) { try filter.apply(to: graph) }
    }

    @Test func relationTypeIssuerDateAndProcedureFilters() throws {
        var filter = GraphFilter()
        filter.relations = [.amends]
        let amends = try filter.apply(to: graph)
        #expect(amends.edges.allSatisfy { $0.kind == .amends })
        #expect(Set(amends.nodes.map(\.id)) == ["87/2025/QH15", "64/2025/QH15", "107/2021/NĐ-CP", "61/2018/NĐ-CP",
                                                 "999/2026/NĐ-CP", "63/2010/NĐ-CP", "48/2013/NĐ-CP", "92/2017/NĐ-CP"])
        #expect(amends.edges.count == 5)

        filter = GraphFilter()
        filter.types = ["nghi dinh"]
        filter.since = "2013"
        filter.until = "2021-12-31"
        let decrees = try filter.apply(to: graph)
        #expect(Set(decrees.nodes.filter { $0.kind == .document }.map(\.id)) ==
                ["48/2013/NĐ-CP", "92/2017/NĐ-CP", "61/2018/NĐ-CP", "107/2021/NĐ-CP", "09/2019/NĐ-CP"])
        #expect(decrees.nodes.contains { $0.id == "2.999101" })  // governs 92/2017, kept

        filter = GraphFilter()
        filter.issuers = ["TTg"]
        filter.includeProcedures = false
        let ttg = try filter.apply(to: graph)
        #expect(Set(ttg.nodes.map(\.id)) == ["1085/QĐ-TTg", "45/2016/QĐ-TTg"])
        #expect(!GraphNames.containsWords("VPCP", "CP") && GraphNames.containsWords("UBND tỉnh Bắc Kạn", "Bắc Kạn"))
    }
}
