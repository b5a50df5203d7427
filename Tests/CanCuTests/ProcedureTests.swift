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

@Suite("Procedures: records and publishing decisions")
struct ProcedureTests {
    static func scalarSlice(_ text: String, _ range: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[range]))
    }

    @Test("dichvucong.jsonl: 61 records, every code and name, basis text and line spans", .enabled(if: SharedCorpus.has("procedures/dichvucong.jsonl"), SharedCorpus.missing("procedures/dichvucong.jsonl")))
    func portalRecords() throws {
        let url = try SharedCorpus.require("procedures/dichvucong.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        let (procedures, warnings) = ProcedureRecordReader(lexicon: .builtIn).read(text, path: url.path)
        #expect(warnings.isEmpty)
        #expect(procedures.count == 61)
        let lines = text.split(separator: "\n").filter { !$0.isEmpty }
        for (procedure, line) in zip(procedures, lines) {
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            #expect(procedure.code == record["ma_thu_tuc"] as? String)
            #expect(procedure.name == (record["ten_thu_tuc"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(procedure.basisText == (record["can_cu_phap_ly"] as? String ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(procedure.origin == .record && procedure.basis.isEmpty)
            #expect(Self.scalarSlice(text, procedure.source) == String(line))
        }
        #expect(procedures.allSatisfy { $0.code?.count == 8 })
        let first = try #require(procedures.first { $0.code == "1.000889" })
        #expect(first.publishedBy == "5710/QĐ-BCA-C06" && first.level == "Cấp bộ")
    }

    @Test("the sample corpus records (5)")
    func sampleRecords() throws {
        let url = SharedCorpus.repositoryRoot.appendingPathComponent("corpus/thu-tuc-hanh-chinh.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        let (procedures, warnings) = ProcedureRecordReader(lexicon: .builtIn).read(text, path: "corpus/thu-tuc-hanh-chinh.jsonl")
        #expect(warnings.isEmpty && procedures.count == 5)
        #expect(procedures.map(\.code).contains("1.001193"))
        let labour = try #require(procedures.first { $0.code == "1.999401" })
        #expect(labour.agency == "Sở Lao động - Thương binh và Xã hội")
        #expect(labour.basisText.contains("45/2019/QH14"))
        #expect(procedures.allSatisfy { $0.aliases.isEmpty })
    }

    @Test("legacy codes (§6.5) in a record's ma_thu_tuc become aliases")
    func recordAliases() throws {
        let url = SharedCorpus.repositoryRoot.appendingPathComponent("corpus/thu-tuc-hanh-chinh.jsonl")
        let line = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").first { $0.contains("\"1.001193\"") }
        let record = String(try #require(line))
        let reader = ProcedureRecordReader(lexicon: .builtIn)
        // The same record as a provincial portal and an older export would write its code.
        let cases: [(String, String?, [String])] = [
            ("1.001193", "1.001193", []),
            ("1.001193; T-BKA-290103-TT", "1.001193", ["T-BKA-290103-TT"]),
            ("T-BKA-290103-TT", nil, ["T-BKA-290103-TT"]),
            ("BTP-263563", nil, ["BTP-263563"]),
            ("1.001193.000.00.00.H35", "1.001193", ["1.001193.000.00.00.H35"]),
            ("H15.50.05.13-261008-0975", "H15.50.05.13-261008-0975", []),
        ]
        for (value, code, aliases) in cases {
            let text = record.replacingOccurrences(of: "\"ma_thu_tuc\": \"1.001193\"", with: "\"ma_thu_tuc\": \"\(value)\"")
            let (procedures, warnings) = reader.read(text, path: "r.jsonl")
            #expect(warnings.isEmpty && procedures.count == 1)
            #expect(procedures.first?.code == code, "\(value)")
            #expect(procedures.first?.aliases == aliases, "\(value)")
        }
        #expect(ProcedureCode.legacy(in: "Nghị định số 09/2019/NĐ-CP; mẫu T-BPC-280421.") == ["T-BPC-280421"])
        #expect(ProcedureCode.legacy(in: "Quyết định 5710/QĐ-BCA-C06, QCVN 102:2016/BTTTT").isEmpty)
    }

    @Test("bad JSON lines are warnings, the good ones are read")
    func badLines() {
        let text = "{\"ma_thu_tuc\": \"1.000001\", \"ten_thu_tuc\": \"Thủ tục A\"}\n{not json\n\n[1,2]\n{\"ma_thu_tuc\": \"1.000002\"}\n{\"ten_thu_tuc\": \"Thủ tục B\", \"can_cu_phap_ly\": \"Luật số 1/2020/QH14\"}"
        let (procedures, warnings) = ProcedureRecordReader(lexicon: .builtIn).read(text, path: "x.jsonl")
        #expect(procedures.map(\.name) == ["Thủ tục A", "Thủ tục B"])
        #expect(warnings.count == 3)
        #expect(warnings.first?.message.contains("x.jsonl:2") == true)
        #expect(procedures[1].source == 120..<198 || Self.scalarSlice(text, procedures[1].source).hasPrefix("{\"ten_thu_tuc\""))
    }

    @Test("CSV (RFC 4180): quotes, escaped quotes, line breaks in cells, CRLF, a broken row")
    func csv() {
        let csv = "ma_thu_tuc,ten_thu_tuc,so_quyet_dinh,linh_vuc,co_quan_thuc_hien,cap_thuc_hien,can_cu_phap_ly\r\n"
            + "1.004222,Đăng ký thường trú,9354/QĐ-BCA-C06,\"Đăng ký, quản lý cư trú\",Công an cấp xã,Cấp xã,\"Luật Cư trú số 68/2020/QH14;\nNghị định số 62/2021/NĐ-CP\"\r\n"
            + "1.000889,\"Cấp đổi thẻ \"\"căn cước\"\"\",5710 / QĐ-BCA-C06,Cấp căn cước,Cục C06,Cấp bộ,Luật Căn cước số 26/2023/QH15\r\n"
            + "2.000001,\"Thủ tục hỏng,,,"
        let (procedures, warnings) = ProcedureRecordReader(lexicon: .builtIn).read(csv, path: "p.csv")
        #expect(procedures.count == 2)
        #expect(warnings.count == 1 && warnings[0].message.contains("p.csv:5"))
        let first = procedures[0]
        #expect(first.code == "1.004222" && first.field == "Đăng ký, quản lý cư trú" && first.agency == "Công an cấp xã" && first.level == "Cấp xã")
        #expect(first.basisText == "Luật Cư trú số 68/2020/QH14;\nNghị định số 62/2021/NĐ-CP")
        #expect(first.publishedBy == "9354/QĐ-BCA-C06")
        #expect(Self.scalarSlice(csv, first.source).hasPrefix("1.004222,") && Self.scalarSlice(csv, first.source).hasSuffix("62/2021/NĐ-CP\""))
        #expect(procedures[1].name == "Cấp đổi thẻ \"căn cước\"" && procedures[1].publishedBy == "5710/QĐ-BCA-C06")
    }

    @Test("the sample publishing decision: 3 internal procedures with code, agency, field and basis section")
    func decision() throws {
        let url = SharedCorpus.repositoryRoot.appendingPathComponent("corpus/quyet-dinh-cong-bo-tthc-noi-bo.txt")
        let text = Normalizer.standard.normalize(try String(contentsOf: url, encoding: .utf8))
        let header = HeaderParser(lexicon: .builtIn).parse(text)
        let procedures = ProcedureParser(lexicon: .builtIn).parse(text, header: header, path: "corpus/quyet-dinh-cong-bo-tthc-noi-bo.txt")
        try #require(procedures.count == 3)
        #expect(procedures.map(\.code) == ["2.999101", "2.999102", nil])
        // "(Mã số TTHC cũ: T-BKA-290103-TT)": the legacy code is an alias, not part of the name.
        #expect(procedures.map(\.aliases) == [[], [], ["T-BKA-290103-TT"]])
        #expect(!procedures[2].name.contains("T-BKA"))
        #expect(procedures[0].name == "Công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của các cơ quan hành chính nhà nước trên địa bàn tỉnh")
        #expect(procedures[1].name == "Thông qua phương án đơn giản hóa thủ tục hành chính nội bộ")
        #expect(procedures[2].name.hasPrefix("Báo cáo định kỳ tình hình, kết quả thực hiện kiểm soát thủ tục hành chính"))
        #expect(procedures.allSatisfy { $0.origin == .internalProcedure && $0.publishedBy == "1234/QĐ-UBND" })
        #expect(procedures.allSatisfy { $0.field == "kiểm soát thủ tục hành chính" })
        #expect(procedures[0].agency == "Văn phòng Ủy ban nhân dân tỉnh; Chủ tịch Ủy ban nhân dân tỉnh.")
        #expect(procedures[2].agency == "Văn phòng Ủy ban nhân dân tỉnh.")
        #expect(procedures[0].basisText.hasPrefix("- Điều 13, Điều 14 và Điều 15 Nghị định số 63/2010/NĐ-CP"))
        #expect(procedures[0].basisText.contains("02/2017/TT-VPCP") && !procedures[0].basisText.contains("Thủ tục"))
        #expect(procedures[2].basisText.split(separator: "\n").count == 4)
        #expect(procedures[2].basisText.hasPrefix("+ khoản 2 Điều 5 Nghị định số 09/2019/NĐ-CP"))
        for p in procedures {
            let range = try #require(p.basisRange)
            #expect(text.sourceText(ofBytes: range) == p.basisText)
        }
    }

    @Test("a decision without detailed content: procedures from the Danh mục table")
    func listOnly() {
        let source = "QUYẾT ĐỊNH\nCông bố thủ tục hành chính mới ban hành trong lĩnh vực hộ tịch\n\nPHỤ LỤC\nDANH MỤC THỦ TỤC HÀNH CHÍNH\nSTT\nTên thủ tục hành chính\nCăn cứ pháp lý\nCơ quan thực hiện\nA. THỦ TỤC HÀNH CHÍNH CẤP XÃ\n1\n1.001193\nĐăng ký khai sinh\n- Luật Hộ tịch năm 2014;\n- Nghị định số 123/2015/NĐ-CP.\nUBND cấp xã\n2\nĐăng ký kết hôn\n- Luật Hộ tịch năm 2014.\nUBND cấp xã\n"
        let text = Normalizer.standard.normalize(source)
        let header = DocumentHeader(symbol: "10/QĐ-UBND", title: "Công bố thủ tục hành chính mới ban hành trong lĩnh vực hộ tịch")
        let procedures = ProcedureParser(lexicon: .builtIn).parse(text, header: header, path: "x.txt")
        #expect(procedures.map(\.name) == ["Đăng ký khai sinh", "Đăng ký kết hôn"])
        #expect(procedures.map(\.code) == ["1.001193", nil])
        #expect(procedures.allSatisfy { $0.origin == .decision && $0.level == "Cấp xã" && $0.agency == "UBND cấp xã" && $0.field == "hộ tịch" })
        #expect(procedures.first?.basisText == "- Luật Hộ tịch năm 2014;\n- Nghị định số 123/2015/NĐ-CP.")
    }
}
