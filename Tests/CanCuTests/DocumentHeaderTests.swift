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

/// Header fields of every Gazette document of `../shared/corpus/congbao` and of the sample corpus.
@Suite("Document header")
struct DocumentHeaderTests {
    /// "111/2022/NĐ-CP" → "111-2022-nd-cp", the form of the Gazette file names.
    static func slug(_ s: String) -> String {
        Folding.fold(s).map { $0 == "/" || $0 == " " ? "-" : $0 }.map(String.init).joined()
    }

    @Test("every congbao document: symbol and type as its file name says; place, date, issuer and title", .enabled(if: SharedCorpus.has("congbao/metadata.jsonl"), SharedCorpus.missing("congbao/metadata.jsonl")))
    func congbao() throws {
        let dir = try SharedCorpus.require("congbao")
        let metadata = try String(contentsOf: dir.appendingPathComponent("metadata.jsonl"), encoding: .utf8)
        let parser = HeaderParser(lexicon: .builtIn)
        var checked = 0
        for line in metadata.split(separator: "\n") {
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let file = record["file"] as? String ?? ""
            let typeSlug = record["doc_type_slug"] as? String ?? ""
            let stem = file.replacingOccurrences(of: ".txt", with: "")
            // "<type>-so-<symbol>-<id>"
            let afterSo = stem.components(separatedBy: "-so-").dropFirst().joined(separator: "-so-")
            let symbolSlug = afterSo.split(separator: "-").dropLast().joined(separator: "-")
            let raw = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            let header = parser.parse(Normalizer.standard.normalize(raw))
            print("\(file): \(header.symbol ?? "-") | \(header.type ?? "-") | \(header.issuer ?? "-") | \(header.place ?? "-") | \(header.issued?.iso ?? "-") | \(header.title ?? "-")")
            #expect(header.symbol.map(Self.slug) == symbolSlug, "\(file): symbol \(header.symbol ?? "nil")")
            #expect(header.type.map(Self.slug) == typeSlug, "\(file): type \(header.type ?? "nil")")
            #expect(header.issuer != nil, "\(file): issuer")
            // A UBTVQH resolution states no place; its date is the adoption date at the end.
            #expect(header.place == (typeSlug == "nghi-quyet" && symbolSlug.contains("ubtvqh") ? nil : "Hà Nội"), "\(file): place")
            #expect(header.issued != nil, "\(file): issued")
            #expect((header.title?.count ?? 0) > 20, "\(file): title")
            if file.hasPrefix("nghi-dinh-so-111") {
                #expect(header.issued == "2022-12-30" && header.issuer == "CHÍNH PHỦ")
                #expect(header.title == "Về hợp đồng đối với một số loại công việc trong cơ quan hành chính và đơn vị sự nghiệp công lập")
            }
            if file.hasPrefix("nghi-quyet-so-89") { #expect(header.issued == "2025-07-10") }
            if file.hasPrefix("van-ban-hop-nhat-so-1547") { #expect(header.issued == "2024-04-12" && header.issuer == "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI") }
            if file.hasPrefix("quyet-dinh-so-372") { #expect(header.issued == "2026") }  // "ngày … tháng … năm 2026" left blank
            if file.hasPrefix("thong-tu-lien-tich") {
                #expect(header.issuer == "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO - TÒA ÁN NHÂN DÂN TỐI CAO - BỘ CÔNG AN - BỘ QUỐC PHÒNG - BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")
            }
            checked += 1
        }
        #expect(checked == 24)
    }

    @Test("sample corpus headers (corpus/README.md)")
    func sampleCorpus() throws {
        let root = SharedCorpus.repositoryRoot.appendingPathComponent("corpus")
        let parser = HeaderParser(lexicon: .builtIn)
        func header(_ name: String) throws -> DocumentHeader {
            parser.parse(Normalizer.standard.normalize(try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)))
        }
        let decision = try header("quyet-dinh-cong-bo-tthc-noi-bo.txt")
        #expect(decision.symbol == "1234/QĐ-UBND" && decision.type == "Quyết định")
        #expect(decision.issuer == "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN" && decision.place == "Bắc Kạn" && decision.issued == "2023-03-28")
        #expect(decision.title == "Về việc công bố Danh mục thủ tục hành chính nội bộ trong lĩnh vực kiểm soát thủ tục hành chính thuộc phạm vi quản lý của Ủy ban nhân dân tỉnh Bắc Kạn")
        let plan = try header("ke-hoach-thuc-hien-1085.txt")
        #expect(plan.symbol == "45/KH-UBND" && plan.type == "Kế hoạch" && plan.issued == "2023-01-20" && plan.place == "Bắc Kạn")
        #expect(plan.title == "Rà soát, đơn giản hóa thủ tục hành chính nội bộ trong hệ thống hành chính nhà nước tỉnh Bắc Kạn giai đoạn 2022 - 2025")
        let decree = try header("nghi-dinh-mau.txt")
        #expect(decree.symbol == "999/2026/NĐ-CP" && decree.type == "Nghị định" && decree.issuer == "CHÍNH PHỦ" && decree.issued == "2026-05-15")
        let letter = try header("cong-van-huong-dan.txt")
        #expect(letter.symbol == "1500/UBND-KSTT" && letter.type == "Công văn" && letter.place == "Thái Nguyên" && letter.issued == "2026-05-12")
        #expect(letter.issuer == "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN")
        #expect(letter.title == "triển khai công bố, rà soát, đơn giản hóa thủ tục hành chính nội bộ năm 2026")
    }

    @Test("a Sở under its province: issuer keeps the parent line")
    func parentLine() {
        let text = Normalizer.standard.normalize("UBND TỈNH QUẢNG BÌNH\nSỞ TƯ PHÁP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố:  12 / KH-STP\nQuảng Bình, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH\nTuyên truyền pháp luật năm 2024\n\nThực hiện …")
        let header = HeaderParser(lexicon: .builtIn).parse(text)
        #expect(header.issuer == "UBND TỈNH QUẢNG BÌNH / SỞ TƯ PHÁP")
        #expect(header.symbol == "12/KH-STP" && header.type == "Kế hoạch" && header.issued == "2024-03-05" && header.place == "Quảng Bình")
        #expect(header.title == "Tuyên truyền pháp luật năm 2024")
    }
}
