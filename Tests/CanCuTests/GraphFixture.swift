import CanCu

/// Extractions shaped like the project's sample documents (corpus/README.md), built by hand so the
/// graph tests do not depend on the citation stage.
enum GraphFixture {
    static func cite(_ symbol: String?, _ type: String? = nil, year: Int? = nil, name: String? = nil, number: String? = nil,
                     kind: Citation.Kind = .full, resolvesTo: Int? = nil, issuers: [String] = []) -> Citation {
        Citation(source: 0..<1, range: 0..<1, text: symbol ?? name ?? "", symbol: symbol, type: type, number: number,
                 year: year, issuers: issuers, name: name, kind: kind, resolvesTo: resolvesTo)
    }

    static func rel(_ from: Int?, _ to: Int, _ type: Relation.RelationType) -> Relation {
        Relation(from: from, to: to, type: type, source: 0..<1)
    }

    /// corpus/nghi-dinh-mau.txt.
    static let decree = DocumentFacts(
        path: "corpus/nghi-dinh-mau.txt",
        document: DocumentHeader(symbol: "999/2026/NĐ-CP", type: "Nghị định", issuer: "CHÍNH PHỦ", issued: "2026-05-15",
                                 title: "Sửa đổi, bổ sung một số điều của Nghị định số 63/2010/NĐ-CP"),
        citations: [
            cite("64/2025/QH15", "Luật", year: 2025), cite("87/2025/QH15", "Luật", year: 2025),
            cite("61/2018/NĐ-CP", "Nghị định", year: 2018, issuers: ["CP"]), cite("107/2021/NĐ-CP", "Nghị định", year: 2021),
            cite("63/2010/NĐ-CP", "Nghị định", year: 2010), cite("48/2013/NĐ-CP", "Nghị định", year: 2013),
            cite("92/2017/NĐ-CP", "Nghị định", year: 2017), cite("45/2016/QĐ-TTg", "Quyết định", year: 2016),
            cite("01/2018/TT-VPCP", "Thông tư", year: 2018), cite("05/2014/TT-BTP", "Thông tư", year: 2014),
            cite(nil, "Luật", year: 2024, name: "Luật Đất đai", kind: .name),
            cite(nil, "Nghị định", kind: .short, resolvesTo: 4),
        ],
        relations: [
            rel(nil, 0, .basis), rel(1, 0, .amends), rel(nil, 1, .basis), rel(nil, 2, .basis), rel(3, 2, .amends),
            rel(nil, 4, .amends), rel(5, 4, .amends), rel(6, 4, .amends), rel(nil, 7, .replaces), rel(nil, 8, .expires),
            rel(nil, 9, .repeals), rel(nil, 10, .refers), rel(nil, 11, .refers),
        ])

    /// corpus/quyet-dinh-cong-bo-tthc-noi-bo.txt.
    static let publishing = DocumentFacts(
        path: "corpus/quyet-dinh-cong-bo-tthc-noi-bo.txt",
        document: DocumentHeader(symbol: "1234/QĐ-UBND", type: "Quyết định", issuer: "UBND tỉnh Bắc Kạn", issued: "2023-03-28",
                                 title: "Về việc công bố Danh mục thủ tục hành chính nội bộ"),
        citations: [
            cite("63/2010/NĐ-CP", "Nghị định", year: 2010), cite("48/2013/NĐ-CP", "Nghị định", year: 2013),
            cite("92/2017/NĐ-CP", "Nghị định", year: 2017), cite("02/2017/TT-VPCP", "Thông tư", year: 2017),
            cite("1085/QĐ-TTg", "Quyết định"), cite("45/KH-UBND", "Kế hoạch", year: 2023, issuers: ["UBND"]),
            cite(nil, "Luật", year: 2015, name: "Luật Tổ chức chính quyền địa phương", kind: .name),
            cite("09/2019/NĐ-CP", "Nghị định", year: 2019),
        ],
        relations: (0...6).map { rel(nil, $0, .basis) } + [rel(nil, 7, .refers)])

    /// corpus/ke-hoach-thuc-hien-1085.txt.
    static let plan = DocumentFacts(
        path: "corpus/ke-hoach-thuc-hien-1085.txt",
        document: DocumentHeader(symbol: "45/KH-UBND", type: "Kế hoạch", issuer: "UBND tỉnh Bắc Kạn", issued: "2023-01-20",
                                 title: "Rà soát, đơn giản hóa thủ tục hành chính nội bộ tỉnh Bắc Kạn giai đoạn 2022 - 2025"),
        citations: [
            cite("1085/QĐ-TTg", "Quyết định", year: 2022), cite("6828/VPCP-KSTT", "Công văn", year: 2022),
            cite(nil, "Nghị quyết", year: 2020, number: "01", kind: .partial),
            cite(nil, "Nghị quyết", year: 2021, number: "01", kind: .partial),
            cite("131/NQ-CP", "Nghị quyết", year: 2022), cite("01/2023/TT-VPCP", "Thông tư", year: 2023),
        ],
        relations: [rel(nil, 0, .implements), rel(nil, 1, .implements), rel(nil, 2, .refers), rel(nil, 3, .refers),
                    rel(nil, 4, .refers), rel(nil, 5, .refers)])

    /// corpus/cong-van-huong-dan.txt: cites the plan by its name (the corpus knows its symbol).
    static let letter = DocumentFacts(
        path: "corpus/cong-van-huong-dan.txt",
        document: DocumentHeader(symbol: "1500/UBND-KSTT", type: "Công văn", issuer: "UBND tỉnh Thái Nguyên", issued: "2026-05-12"),
        citations: [
            cite(nil, "Kế hoạch", year: 2023,
                 name: "Kế hoạch rà soát, đơn giản hóa thủ tục hành chính nội bộ tỉnh Bắc Kạn giai đoạn 2022 – 2025", kind: .name),
            cite("1320/UBND-KSTT", "Công văn", year: 2026),
        ],
        relations: [rel(nil, 0, .extends), rel(nil, 1, .corrects)])

    static let procedures = [
        Procedure(code: "2.999101", name: "Công bố danh mục thủ tục hành chính", publishedBy: "1234/QĐ-UBND",
                  basis: [cite("63/2010/NĐ-CP", "Nghị định"), cite("92/2017/NĐ-CP", "Nghị định"), cite("02/2017/TT-VPCP", "Thông tư")],
                  origin: .internalProcedure, sourcePath: "corpus/quyet-dinh-cong-bo-tthc-noi-bo.txt", source: 0..<1),
        Procedure(code: "2.999102", name: "Thông qua phương án đơn giản hóa thủ tục hành chính nội bộ", publishedBy: "1234/QĐ-UBND",
                  basis: [cite("1085/QĐ-TTg", "Quyết định"), cite("48/2013/NĐ-CP", "Nghị định"), cite("02/2017/TT-VPCP", "Thông tư")],
                  origin: .internalProcedure, sourcePath: "corpus/quyet-dinh-cong-bo-tthc-noi-bo.txt", source: 0..<1),
    ]

    /// The graph of the four documents and two procedures.
    static func graph(order: [DocumentFacts] = [decree, publishing, plan, letter]) -> CitationGraph {
        var builder = GraphBuilder(lexicon: .builtIn)
        for e in order { builder.add(e) }
        for p in procedures { builder.add(p) }
        return builder.build()
    }

    /// A label with everything the formats must escape, and Vietnamese.
    static let trickyLabel = "Quyết định \"đặc biệt\" & <mới> #1\nvề C:\\đường\\dẫn 'x'"

    /// A three-node graph, one node carrying `trickyLabel`.
    static let tricky = CitationGraph(
        nodes: [
            GraphNode(id: "1/2025/NĐ-CP", kind: .document, symbol: "1/2025/NĐ-CP", type: "Nghị định", issuer: "CP", year: 2025,
                      status: "in_force", label: trickyLabel),
            GraphNode(id: "Luật \"Đất\" đai, 2024 & <x>", kind: .document, year: 2024, label: "Luật Đất đai"),
            GraphNode(id: "1.000889", kind: .procedure, symbol: "1.000889", issuer: "Bộ Công an", label: "Cấp đổi thẻ căn cước"),
        ],
        edges: [("1/2025/NĐ-CP", "Luật \"Đất\" đai, 2024 & <x>", .implements), ("1.000889", "1/2025/NĐ-CP", .governs)])
}
