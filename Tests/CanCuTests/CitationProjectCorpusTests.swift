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

/// The citation expectations of corpus/README.md for the project's sample documents.
@Suite("Citations of the project corpus (corpus/README.md)")
struct CitationProjectCorpusTests {
    func extract(_ name: String) throws -> (citations: [Citation], relations: [Relation]) {
        let url = SharedCorpus.projectCorpus.appendingPathComponent(name)
        let source = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        return CitationExtractor.builtIn.extract(Normalizer.standard.normalize(source))
    }

    func selfTypes(_ r: (citations: [Citation], relations: [Relation]), _ symbol: String) -> Set<Relation.RelationType> {
        Set(r.relations.filter { $0.from == nil && r.citations[$0.to].symbol == symbol }.map(\.type))
    }

    @Test func decisionPublishingInternalProcedures() throws {
        let r = try extract("quyet-dinh-cong-bo-tthc-noi-bo.txt")
        let basis = r.relations.filter { $0.type == .basis && $0.from == nil }.map { r.citations[$0.to] }
        #expect(basis.map { $0.symbol ?? $0.name ?? "" } == [
            "Luật Tổ chức chính quyền địa phương",
            "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
            "63/2010/NĐ-CP", "48/2013/NĐ-CP", "92/2017/NĐ-CP", "02/2017/TT-VPCP", "1085/QĐ-TTg", "45/KH-UBND"])
        #expect(basis.map(\.issued) == ["2015-06-19", "2019-11-22", "2010-06-08", "2013-05-14", "2017-08-07", "2017-10-31", "2022-09-15", "2023-01-20"])
        let short = r.citations.filter { $0.kind == .short }
        #expect(short.count == 1 && short[0].resolvesTo.map { r.citations[$0].symbol } == "45/KH-UBND")
        let symbols = Set(r.citations.compactMap(\.symbol))
        #expect(!symbols.contains("6828/VPCP-KSTT"))
        #expect(!symbols.contains("1234/QĐ-UBND"))
        #expect(!symbols.contains("06/VPCP/KSTT"))
        let pins = r.citations.filter { $0.symbol == "61/2018/NĐ-CP" }.flatMap(\.pinpoints)
        #expect(pins.map(\.point) == ["a", "b", "c"])
        #expect(r.relations.contains { $0.type == .amends && $0.from.map { r.citations[$0].symbol } == "107/2021/NĐ-CP" && r.citations[$0.to].symbol == "61/2018/NĐ-CP" })
    }

    @Test func planImplementingDecision1085() throws {
        let r = try extract("ke-hoach-thuc-hien-1085.txt")
        #expect(selfTypes(r, "1085/QĐ-TTg") == [.implements])
        #expect(selfTypes(r, "6828/VPCP-KSTT") == [.implements])
        #expect(r.citations.first { $0.symbol == "6828/VPCP-KSTT" }?.type == "Công văn")
        #expect(r.citations.first { $0.symbol == "18-NQ/TW" }?.tags == ["party"])
        let partial = r.citations.filter { $0.kind == .partial }
        #expect(partial.map(\.year) == [2020, 2021])
        let short = r.citations.filter { $0.kind == .short }
        #expect(short.count == 1 && short[0].resolvesTo.map { r.citations[$0].symbol } == "131/NQ-CP")
        #expect(!r.citations.contains { $0.symbol == "45/KH-UBND" })
        #expect(r.citations.first { $0.symbol == "01/2023/TT-VPCP" }?.issued == "2023-04-05")
    }

    @Test func decreeWithHistoryAndActs() throws {
        let r = try extract("nghi-dinh-mau.txt")
        #expect(r.citations.first { $0.symbol == "63/2025/QH15" }?.name == "Luật Tổ chức Chính phủ")
        #expect(selfTypes(r, "64/2025/QH15") == [.basis])
        #expect(selfTypes(r, "61/2018/NĐ-CP").contains(.basis))
        #expect(selfTypes(r, "63/2010/NĐ-CP").contains(.amends))
        #expect(selfTypes(r, "63/2010/NĐ-CP").contains(.repeals))
        #expect(!selfTypes(r, "48/2013/NĐ-CP").contains(.amends))
        #expect(selfTypes(r, "05/2014/TT-BTP") == [.repeals])
        #expect(selfTypes(r, "45/2016/QĐ-TTg") == [.replaces])
        #expect(selfTypes(r, "01/2018/TT-VPCP") == [.expires])
        #expect(r.citations.first { $0.symbol == "09/2019/NĐ-CP" }?.issued == "2019-01-25")
        let history = r.relations.filter { $0.from != nil }.map { "\(r.citations[$0.from!].symbol ?? "")>\(r.citations[$0.to].symbol ?? "")" }
        for edge in ["87/2025/QH15>64/2025/QH15", "107/2021/NĐ-CP>61/2018/NĐ-CP", "48/2013/NĐ-CP>63/2010/NĐ-CP", "92/2017/NĐ-CP>63/2010/NĐ-CP"] {
            #expect(history.contains(edge))
        }
        let ranged = r.citations.first { $0.pinpoints.count == 6 }
        #expect(ranged?.pinpoints.map(\.article) == ["5", "6", "7", "8", "9", "10"])
    }

    @Test func officialLetterWithNoise() throws {
        let r = try extract("cong-van-huong-dan.txt")
        let expected: [(String, String, Relation.RelationType?)] = [
            ("1927/VPCP-KSTT", "2024-03-25", .implements), ("104/QĐ-TTg", "2024-01-25", .implements),
            ("118/2025/NĐ-CP", "2025-06-09", .basis), ("202/2025/QH15", "2025-06-12", .refers),
            ("1234/QĐ-UBND", "2023-03-28", .refers), ("45/KH-UBND", "2023-01-20", .extends),
            ("1085/QĐ-TTg", "2022-09-15", nil), ("131/NQ-CP", "2022-10-06", nil), ("942/QĐ-TTg", "2021-06-15", nil),
            ("42/2022/NĐ-CP", "2022-06-24", nil), ("45/2020/NĐ-CP", "2020-04-08", nil), ("01/2023/TT-VPCP", "2023-04-05", nil),
            ("1320/UBND-KSTT", "2026-04-20", .corrects),
        ]
        #expect(r.citations.map(\.symbol) == expected.map(\.0))
        #expect(r.citations.map { $0.issued?.iso } == expected.map(\.1))
        for (symbol, _, type) in expected {
            if let type { #expect(selfTypes(r, symbol) == [type]) } else { #expect(!selfTypes(r, symbol).contains(.basis)) }
        }
    }

    @Test func procedureRecords() throws {
        let url = SharedCorpus.projectCorpus.appendingPathComponent("thu-tuc-hanh-chinh.jsonl")
        var basis: [String: [String]] = [:]
        for record in SharedCorpus.jsonLines(url) {
            guard let code = record["ma_thu_tuc"] as? String, let field = record["can_cu_phap_ly"] as? String else { continue }
            basis[code] = CitationExtractor.builtIn.citations(inField: field).map { $0.symbol ?? "name:\($0.name ?? "")" }
        }
        #expect(Set(basis["1.004222"] ?? []).isSuperset(of: ["68/2020/QH14", "62/2021/NĐ-CP", "55/2021/TT-BCA", "66/2023/TT-BCA", "75/2022/TT-BTC"]))
        #expect(Set(basis["1.001193"] ?? []).isSuperset(of: ["name:Luật Hộ tịch", "61/2018/NĐ-CP", "107/2021/NĐ-CP", "45/2020/NĐ-CP"]))
        #expect((basis["1.001193"] ?? []).filter { $0 == "107/2021/NĐ-CP" }.count == 1)
        #expect(Set(basis["1.003677"] ?? []).isSuperset(of: ["68/2020/QH14", "55/2021/TT-BCA", "56/2021/TT-BCA", "57/2021/TT-BCA", "66/2023/TT-BCA"]))
        #expect(Set(basis["1.999301"] ?? []) == ["31/2024/QH15", "118/2025/NĐ-CP"])
        #expect(Set(basis["1.999401"] ?? []) == ["45/2019/QH14", "45/2020/NĐ-CP"])
        #expect(!(basis.values.joined().contains { $0.hasPrefix("202068") }))
    }
}
