import Foundation
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

/// Every citation form, noise case and non-citation of legal-conventions §1 and issue 3.
@Suite("Citation extractor: forms, noise, non-citations, relations")
struct CitationExtractorTests {
    let extractor = CitationExtractor.builtIn

    func run(_ s: String) -> (citations: [Citation], relations: [Relation]) {
        extractor.extract(Normalizer.standard.normalize(s))
    }

    func symbols(_ s: String) -> [String?] { run(s).citations.map(\.symbol) }

    func relation(_ r: (citations: [Citation], relations: [Relation]), _ symbol: String) -> [Relation.RelationType] {
        guard let i = r.citations.firstIndex(where: { $0.symbol == symbol }) else { return [] }
        return r.relations.filter { $0.to == i && $0.from == nil }.map(\.type)
    }

    @Test func fullCitationWithDateIssuerAndSpan() {
        let text = "Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ;"
        let (citations, relations) = run(text)
        #expect(citations.count == 1)
        let c = citations[0]
        #expect(c.symbol == "09/2019/NĐ-CP")
        #expect(c.type == "Nghị định")
        #expect(c.number == "09")
        #expect(c.year == 2019)
        #expect(c.issuers == ["CP"])
        #expect(c.issued == "2019-01-24")
        #expect(c.kind == .full)
        #expect(c.text == "Nghị định số 09/2019/NĐ-CP")
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[c.source])) == c.text)
        #expect(relations.map(\.type) == [.basis])
    }

    @Test func yearlessSymbolsTakeTheYearOfTheDate() {
        let c = run("Quyết định số 942/QĐ-TTg ngày 15 tháng 6 năm 2021 của Thủ tướng").citations[0]
        #expect(c.symbol == "942/QĐ-TTg")
        #expect(c.year == 2021)
        #expect(c.issued == "2021-06-15")
    }

    @Test func lawsAndResolutionsOfTheNationalAssembly() {
        let r = run("Luật số 64/2025/QH15; Nghị quyết số 190/2025/QH15; Pháp lệnh số 01/2012/UBTVQH13; Nghị quyết số 956/2020/UBTVQH14")
        #expect(r.citations.map(\.symbol) == ["64/2025/QH15", "190/2025/QH15", "01/2012/UBTVQH13", "956/2020/UBTVQH14"])
        #expect(r.citations.map(\.type) == ["Luật", "Nghị quyết", "Pháp lệnh", "Nghị quyết"])
        #expect(r.citations[0].issuers == ["QH"])
    }

    @Test func jointLocalLettersAndParty() {
        let r = run("""
            Thông tư liên tịch số 163/2013/TTLT-BTC-BNV; Nghị quyết liên tịch số 403/2017/NQLT-UBTVQH14-ĐCTUBTWMTTQVN;
            Quyết định số 12/2013/QĐ-UBND; Nghị quyết số 18/2025/NQ-HĐND; Quyết định số 02/2026/QĐ-CTUBND;
            Công văn số 6828/VPCP-KSTT; Nghị quyết số 18-NQ/TW ngày 25/10/2017
            """)
        #expect(r.citations.map(\.symbol) == ["163/2013/TTLT-BTC-BNV", "403/2017/NQLT-UBTVQH14-ĐCTUBTWMTTQVN", "12/2013/QĐ-UBND",
                                              "18/2025/NQ-HĐND", "02/2026/QĐ-CTUBND", "6828/VPCP-KSTT", "18-NQ/TW"])
        #expect(r.citations[0].issuers == ["BTC", "BNV"])
        #expect(r.citations[5].type == "Công văn")
        #expect(r.citations[6].tags == ["party"])
        #expect(r.citations[6].type == "Nghị quyết")
    }

    @Test func citationsByName() {
        let r = run("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; theo Bộ luật Lao động, Luật Đất đai năm 2024 và Hiến pháp năm 2013.")
        let names = r.citations.filter { $0.kind == .name }
        #expect(names.map(\.name) == ["Luật Tổ chức Chính phủ", "Bộ luật Lao động", "Luật Đất đai", "Hiến pháp"])
        #expect(names.map(\.year) == [2015, nil, 2024, 2013])
        #expect(names[0].issued == "2015-06-19")
        #expect(names.allSatisfy { $0.symbol == nil })
    }

    @Test func partialCitationsAndBackReferences() {
        let r = run("Nghị quyết số 131/NQ-CP ngày 06/10/2022; Nghị quyết số 01 năm 2020, năm 2021 của Chính phủ. Nghị quyết nêu trên yêu cầu; Thông tư số 01/2023/TT-VPCP. Thông tư số 01 nói trên quy định.")
        let c = r.citations
        let partial = c.filter { $0.kind == .partial }
        #expect(partial.map(\.year) == [2020, 2021])
        #expect(partial.allSatisfy { $0.number == "01" && $0.symbol == nil && $0.type == "Nghị quyết" })
        let short = c.filter { $0.kind == .short }
        #expect(short.count == 2)
        #expect(short.first?.resolvesTo.map { c[$0].symbol } == "131/NQ-CP")
        #expect(short.last?.resolvesTo.map { c[$0].symbol } == "01/2023/TT-VPCP")
    }

    @Test func selfReferencesAreNotCitations() {
        #expect(run("Nghị định này có hiệu lực. Điều này, khoản 2 Điều này và khoản 2 Điều 5 Nghị định này; Thông tư này; Quyết định này.").citations.isEmpty)
    }

    @Test func pinpointListsAndRanges() {
        let r = run("Bãi bỏ các điểm a, b và c khoản 1 Điều 3 Nghị định số 63/2010/NĐ-CP; từ Điều 5 đến Điều 7 Thông tư số 05/2014/TT-BTP; khoản 4 và khoản 5 Điều 70, Điều 7 Luật số 64/2025/QH15")
        let c = r.citations
        #expect(c[0].pinpoints == [Pinpoint(article: "3", clause: "1", point: "a"), Pinpoint(article: "3", clause: "1", point: "b"), Pinpoint(article: "3", clause: "1", point: "c")])
        #expect(c[1].pinpoints.map(\.article) == ["5", "6", "7"])
        #expect(c[2].pinpoints == [Pinpoint(article: "70", clause: "4"), Pinpoint(article: "70", clause: "5"), Pinpoint(article: "7")])
        #expect(relation(r, "63/2010/NĐ-CP") == [.repeals])
        #expect(run("điểm a và điểm b khoản 2 Điều 3 của Nghị định số 09/2019/NĐ-CP").citations[0].pinpoints.count == 2)
        #expect(run("Chương V Thông tư số 02/2017/TT-VPCP").citations[0].pinpoints == [Pinpoint(chapter: "V")])
    }

    @Test func realWorldNoise() {
        #expect(symbols("Nghị định số 42/2022/ND-CP; 45/2020/NÐ-CP; 942/QĐ–TTg; 942/QĐ - TTg; 19/2016 /TT-NHNN; 131/NQCP; 07/2011/QĐ-UBND.")
                == ["42/2022/NĐ-CP", "45/2020/NĐ-CP", "942/QĐ-TTg", "942/QĐ-TTg", "19/2016/TT-NHNN", "131/NQ-CP", "07/2011/QĐ-UBND"])
        #expect(symbols("Thông tư số 06/2022/TT-B\u{0422}\u{0421} ngày") == ["06/2022/TT-BTC"])
        #expect(symbols("Nghị định số 68/2026/NĐ-\nCP ngày 05 tháng 3 năm 2026") == ["68/2026/NĐ-CP"])
        #expect(symbols("các Nghị quyết 140/NQ-CP2 và 66-NQ/TW1; 12-\nCTr/BCĐ3") == ["140/NQ-CP", "66-NQ/TW", "12-CTr/BCĐ"])
    }

    @Test func citationBrokenByARunningHeader() {
        let text = """
            một phần: Quyết định số 1229/QĐ-

            Tập hệ thống hóa VBQPPL còn hiệu lực
            80
            CÔNG BÁO/Số 1059 + 1060/Ngày 25-9-2024
            BLĐTBXH của Bộ Lao động Thương binh và Xã hội
            """
        let c = run(text).citations
        #expect(c.map(\.symbol) == ["1229/QĐ-BLĐTBXH"])
    }

    @Test func gluedTableCells() {
        let f = extractor.citations(inField:
            "Tên văn bản pháp lýMã văn bảnLuật Cư trú năm 202068/2020/QH14Nghị định 08/2022/NĐ-CP08/2022/NĐ-CPThông tư 16/2024/TT-BCA quy định16/2024/TT-BCAThông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an; Luật Đất đai số 31/2024/QH1531/2024/QH15; giai đoạn 2026 - 2030182/2025/NQ-HĐND; ngày 29/6/202443/2024/QH15; Luật Hộ tịch năm 2014")
        #expect(f.map(\.symbol) == ["68/2020/QH14", "08/2022/NĐ-CP", "16/2024/TT-BCA", "53/2025/TT-BCA", "31/2024/QH15", "182/2025/NQ-HĐND", "43/2024/QH15", nil])
        #expect(f[0].name == "Luật Cư trú")
        #expect(f[0].year == 2020)
        #expect(f[3].issued == "2025-07-01")
        #expect(f[7].kind == .name && f[7].name == "Luật Hộ tịch" && f[7].year == 2014)
        #expect(extractor.citations(inField: "…NĐ-CPLUẬT BẢO VỆ; 38/2023/TT-BTCSỬA ĐỔI; Luật Doanh nghiệp 202076/2025/QH15").compactMap(\.symbol) == ["38/2023/TT-BTC", "76/2025/QH15"])
    }

    @Test func notCitations() {
        let text = """
            Số: 1500/UBND-KSTT
            Mẫu số 01/TTHC; Biểu số 06/VPCP/KSTT; TCVN 14423:2026; QCVN 01:2026/BXD; ngày 24/01/2019; tỷ lệ 1/2;
            mã 1.004222; Điện thoại 0912.345.678; https://vbpl.vn/?Keyword=31/2015/N%C4%90-CP; tờ khai 01/TCKT.
            (Kèm theo Công văn số 1500/UBND-KSTT ngày 12/5/2026)
            Nơi nhận:
            - Văn phòng Chính phủ (Công văn số 6828/VPCP-KSTT);
            - Lưu: VT.
            """
        #expect(run(text).citations.isEmpty)
        #expect(run("Nơi nhận:\n- Như trên;\nPHỤ LỤC\nQuyết định số 1085/QĐ-TTg").citations.map(\.symbol) == ["1085/QĐ-TTg"])
    }

    @Test func relationsFromCues() {
        let r = run("""
            Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính; Nghị định số 92/2017/NĐ-CP
            ngày 07/8/2017 của Chính phủ;
            Thực hiện Quyết định số 1085/QĐ-TTg ngày 15/9/2022;
            Nghị định này thay thế Quyết định số 45/2016/QĐ-TTg ngày 19/10/2016.
            Thông tư số 01/2018/TT-VPCP hướng dẫn thi hành Nghị định số 61/2018/NĐ-CP hết hiệu lực kể từ ngày Nghị định này có hiệu lực.
            Sửa đổi, bổ sung khoản 2 Điều 5 Nghị định số 48/2013/NĐ-CP như sau:
            Đính chính Công văn số 1320/UBND-KSTT ngày 20/4/2026.
            theo Nghị định số 09/2019/NĐ-CP.
            """)
        #expect(relation(r, "63/2010/NĐ-CP") == [.basis])
        #expect(relation(r, "92/2017/NĐ-CP") == [.basis])
        #expect(relation(r, "1085/QĐ-TTg") == [.implements])
        #expect(relation(r, "45/2016/QĐ-TTg") == [.replaces])
        #expect(relation(r, "01/2018/TT-VPCP") == [.expires])
        #expect(relation(r, "61/2018/NĐ-CP") == [.refers])
        #expect(relation(r, "48/2013/NĐ-CP") == [.amends])
        #expect(relation(r, "1320/UBND-KSTT") == [.corrects])
        #expect(relation(r, "09/2019/NĐ-CP") == [.refers])
        #expect(Set(r.relations.map(\.to)) == Set(r.citations.indices))
    }

    @Test func historyStatements() {
        let r = run("Sửa đổi, bổ sung Luật Xây dựng số 50/2014/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 03/2016/QH14, Luật số 35/2018/QH14 và Luật số 55/2024/QH15 như sau:")
        let index = { (s: String) in r.citations.firstIndex { $0.symbol == s }! }
        #expect(relation(r, "50/2014/QH13") == [.amends])
        for s in ["03/2016/QH14", "35/2018/QH14", "55/2024/QH15"] {
            #expect(r.relations.contains { $0.from == index(s) && $0.to == index("50/2014/QH13") && $0.type == .amends })
            #expect(relation(r, s) == [.refers])
        }
        let h = run("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15;")
        #expect(h.relations.contains { $0.from == 1 && $0.to == 0 && $0.type == .amends })
        #expect(h.citations[0].name == "Luật Ban hành văn bản quy phạm pháp luật")
    }
}
