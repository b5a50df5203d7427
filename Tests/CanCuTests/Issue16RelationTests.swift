import Foundation
import Testing
@testable import CanCu
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuLexicon
@testable import CanCuInput
@testable import CanCuExtract

/// Issue 16, citations and relations: names cut at a comma or "và" or running on, one cue for
/// several documents, lists of repealed documents, amending titles inside a basis line, passives.
/// Sentences are from `../shared/corpus` (congbao, procedures) or written in the same shapes.
@Suite("Issue 16: names, effect lists, titles inside a basis line")
struct Issue16RelationTests {
    let extractor = CitationExtractor.builtIn

    func run(_ s: String) -> (citations: [Citation], relations: [Relation]) {
        extractor.extract(Normalizer.standard.normalize(s))
    }

    func names(_ s: String) -> [String] { run(s).citations.compactMap(\.name) }

    /// The relations from the document itself to the citation of `key` (symbol, else name).
    func own(_ r: (citations: [Citation], relations: [Relation]), _ key: String) -> [Relation.RelationType] {
        guard let i = r.citations.firstIndex(where: { $0.symbol == key || ($0.symbol == nil && $0.name == key) }) else { return [] }
        return r.relations.filter { $0.to == i && $0.from == nil }.map(\.type)
    }

    func edge(_ r: (citations: [Citation], relations: [Relation]), _ from: String, _ to: String, _ type: Relation.RelationType) -> Bool {
        guard let a = r.citations.firstIndex(where: { $0.symbol == from || ($0.symbol == nil && $0.name == from) }),
              let b = r.citations.firstIndex(where: { $0.symbol == to || ($0.symbol == nil && $0.name == to) }) else { return false }
        return r.relations.contains { $0.from == a && $0.to == b && $0.type == type }
    }

    // MARK: Names

    @Test("a known name goes on across commas and 'và'")
    func namesWithCommas() {
        #expect(names("Căn cứ Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 20 tháng 6 năm 2017;")
                == ["Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ"])
        // congbao/thong-tu-so-23-2022-tt-bldtbxh, congbao/nghi-quyet-so-89-2025-ubtvqh15
        #expect(names("Căn cứ Luật An toàn, vệ sinh lao động ngày 25 tháng 6 năm 2015;") == ["Luật An toàn, vệ sinh lao động"])
        #expect(names("Căn cứ Luật An toàn, vệ sinh lao động số 84/2015/QH13 đã được sửa đổi, bổ \nsung một số điều theo Luật số 41/2024/QH15;")
                .first == "Luật An toàn, vệ sinh lao động")
        // procedures/dichvucong.jsonl
        #expect(names("theo quy định của Luật Trật tự, an toàn giao thông đường bộ.") == ["Luật Trật tự, an toàn giao thông đường bộ"])
        #expect(names("Luật Xuất cảnh, nhập cảnh của công dân Việt Nam và Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam")
                == ["Luật Xuất cảnh, nhập cảnh của công dân Việt Nam",
                    "Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam"])
        #expect(names("Căn cứ Luật Hôn nhân và gia đình năm 2014;") == ["Luật Hôn nhân và gia đình"])
        #expect(names("Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;") == ["Luật Phí và lệ phí"])
        // A name wrapped over two lines of a Gazette text.
        #expect(names("Căn cứ Luật Phòng, chống tác hại của rượu,\nbia ngày 14 tháng 6 năm 2019;") == ["Luật Phòng, chống tác hại của rượu, bia"])
    }

    @Test("counter-examples: lists of names and a comma after a plain name still end it")
    func namesThatEnd() {
        // procedures/dichvucong.jsonl
        #expect(names("Luật Quản lý thuế, Luật Thuế thu nhập cá nhân, Luật Dự trữ quốc gia")
                == ["Luật Quản lý thuế", "Luật Thuế thu nhập cá nhân", "Luật Dự trữ quốc gia"])
        #expect(names("theo quy định của Luật Doanh nghiệp, hồ sơ đăng ký doanh nghiệp bao gồm:") == ["Luật Doanh nghiệp"])
        #expect(names("Luật Thuế giá trị gia tăng, Luật Thuế thu nhập doanh nghiệp và Luật Quản lý thuế")
                == ["Luật Thuế giá trị gia tăng", "Luật Thuế thu nhập doanh nghiệp", "Luật Quản lý thuế"])
        // "Quản lý" starts a known name, but "Quản lý thuế" is another law.
        #expect(names("Căn cứ Luật Quản lý thuế ngày 13 tháng 6 năm 2019;") == ["Luật Quản lý thuế"])
        #expect(names("Căn cứ Luật Đất đai, Luật Nhà ở và Luật Kinh doanh bất động sản;") == ["Luật Đất đai", "Luật Nhà ở", "Luật Kinh doanh bất động sản"])
    }

    @Test("a name stops at '?', at a paragraph break and before a glued table cell")
    func namesStop() {
        #expect(names("Việc này có thuộc Luật Đất đai? Theo hướng dẫn thì không.") == ["Luật Đất đai"])
        #expect(names("Hồ sơ theo Luật Cư trú\n\nThành phần hồ sơ gồm tờ khai") == ["Luật Cư trú"])
        #expect(names("Hồ sơ theo Luật Cư trú\n- Bản sao giấy tờ tùy thân") == ["Luật Cư trú"])
        #expect(names("theo Luật Đất đai\nĐiều 5. Đối tượng áp dụng") == ["Luật Đất đai"])
        // A hard wrap inside a name is not a paragraph break.
        #expect(names("Căn cứ Luật Tổ chức chính quyền\nđịa phương ngày 16 tháng 6 năm 2025;") == ["Luật Tổ chức chính quyền địa phương"])
        // Flattened table cells (procedures/dichvucong.jsonl).
        let glued = run("Luật Nuôi con nuôiNghị định số 19/2011/NĐ-CP")
        #expect(glued.citations.compactMap(\.name) == ["Luật Nuôi con nuôi"])
        #expect(glued.citations.compactMap(\.symbol) == ["19/2011/NĐ-CP"])
        #expect(names("Luật Địa chất và khoáng sảnTên giấy tờMẫu đơn, tờ khai") == ["Luật Địa chất và khoáng sản"])
        #expect(names("Luật Doanh nghiệpTên giấy tờMẫu đơn") == ["Luật Doanh nghiệp"])
        // The name cell glued to its number cell is one citation (procedures/dichvucong.jsonl).
        let cells = run("Tên văn bản pháp lýMã văn bảnLuật Các tổ chức tín dụngLuật số 32/2024/QH15 Thông tư số 73/2025/TT-NHNN")
        #expect(cells.citations.map(\.symbol) == ["32/2024/QH15", "73/2025/TT-NHNN"])
        #expect(cells.citations.first?.name == "Luật Các tổ chức tín dụng")
    }

    // MARK: One cue, several documents

    @Test("every document listed after 'được sửa đổi, bổ sung bởi' amends the first")
    func historyList() {
        let r = run("Căn cứ Nghị định số 55/2015/NĐ-CP ngày 09 tháng 6 năm 2015 của Chính phủ về chính sách tín dụng phục vụ phát triển nông nghiệp, nông thôn được sửa đổi, bổ sung bởi Nghị định số 116/2018/NĐ-CP, Nghị định số 156/2025/NĐ-CP;")
        #expect(edge(r, "116/2018/NĐ-CP", "55/2015/NĐ-CP", .amends))
        #expect(edge(r, "156/2025/NĐ-CP", "55/2015/NĐ-CP", .amends))
        let s = run("Căn cứ Luật Đầu tư số 61/2020/QH14 được sửa đổi, bổ sung bởi Luật số 03/2022/QH15 ngày 11 tháng 01 năm 2022 của Quốc hội và Luật số 57/2024/QH15;")
        #expect(edge(s, "03/2022/QH15", "61/2020/QH14", .amends))
        #expect(edge(s, "57/2024/QH15", "61/2020/QH14", .amends))
        #expect(own(s, "61/2020/QH14") == [.basis])
    }

    @Test("'thay thế X và Y' replaces both, also when X has a title with a cue word")
    func replacesBoth() {
        let r = run("Quyết định này có hiệu lực kể từ ngày 01 tháng 7 năm 2026 và thay thế Quyết định số 12/2015/QĐ-UBND ngày 10/3/2015 của Ủy ban nhân dân tỉnh về việc hướng dẫn thực hiện chính sách hỗ trợ và Quyết định số 20/2016/QĐ-UBND ngày 05/4/2016 của Ủy ban nhân dân tỉnh.")
        #expect(own(r, "12/2015/QĐ-UBND") == [.replaces])
        #expect(own(r, "20/2016/QĐ-UBND") == [.replaces])
        let b = run("Bãi bỏ Quyết định số 05/2019/QĐ-UBND, Quyết định số 07/2020/QĐ-UBND và Quyết định số 11/2021/QĐ-UBND của Ủy ban nhân dân tỉnh.")
        #expect(own(b, "05/2019/QĐ-UBND") == [.repeals])
        #expect(own(b, "07/2020/QĐ-UBND") == [.repeals])
        #expect(own(b, "11/2021/QĐ-UBND") == [.repeals])
    }

    @Test("a list of repealed documents on numbered lines, table rows or inline")
    func repealLists() {
        let numbered = run("""
            Điều 1. Bãi bỏ các văn bản sau đây:
            1. Quyết định số 12/2010/QĐ-UBND ngày 01/02/2010 của Ủy ban nhân dân tỉnh ban hành Quy định thực hiện Nghị định số 20/2009/NĐ-CP;
            2. Quyết định số 15/2012/QĐ-UBND ngày 05/3/2012 của Ủy ban nhân dân tỉnh về việc quản lý
            chợ trên địa bàn tỉnh;
            3. Chỉ thị số 03/2014/CT-UBND ngày 10/4/2014 của Chủ tịch Ủy ban nhân dân tỉnh.
            Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Sở Tư pháp theo dõi việc thực hiện Quyết định số 99/2020/QĐ-UBND.
            """)
        #expect(own(numbered, "12/2010/QĐ-UBND") == [.repeals])
        #expect(own(numbered, "15/2012/QĐ-UBND") == [.repeals])
        #expect(own(numbered, "03/2014/CT-UBND") == [.repeals])
        // Named inside an item's title, and after the list: not repealed.
        #expect(own(numbered, "20/2009/NĐ-CP") != [.repeals])
        #expect(own(numbered, "99/2020/QĐ-UBND") == [.refers])
        let table = run("""
            Bãi bỏ toàn bộ các văn bản sau:
            | STT | Số, ký hiệu văn bản | Ngày ban hành | Trích yếu |
            | 1 | Quyết định số 25/2011/QĐ-UBND | 12/8/2011 | Về việc ban hành Quy chế |
            | 2 | Quyết định số 30/2013/QĐ-UBND | 01/10/2013 | Về việc sửa đổi Quy chế |
            Giao Văn phòng Ủy ban nhân dân tỉnh đăng Công báo Quyết định số 31/2013/QĐ-UBND.
            """)
        #expect(own(table, "25/2011/QĐ-UBND") == [.repeals])
        #expect(own(table, "30/2013/QĐ-UBND") == [.repeals])
        #expect(own(table, "31/2013/QĐ-UBND") == [.refers])
        let inline = run("Bãi bỏ các văn bản sau đây: Quyết định số 08/2015/QĐ-UBND ngày 03/4/2015; Quyết định số 19/2017/QĐ-UBND ngày 06/6/2017.")
        #expect(own(inline, "08/2015/QĐ-UBND") == [.repeals])
        #expect(own(inline, "19/2017/QĐ-UBND") == [.repeals])
        let expired = run("Các văn bản sau đây hết hiệu lực thi hành:\na) Thông tư số 04/2014/TT-BLĐTBXH ngày 12/02/2014;\nb) Thông tư số 26/2016/TT-BLĐTBXH ngày 01/9/2016.")
        #expect(own(expired, "04/2014/TT-BLĐTBXH") == [.expires])
        #expect(own(expired, "26/2016/TT-BLĐTBXH") == [.expires])
    }

    @Test("counter-examples: 'như sau:' before new text, a cue inside a sentence, a higher-level item")
    func notLists() {
        let amend = run("Sửa đổi, bổ sung Điều 5 như sau:\n1. Hồ sơ theo quy định tại Nghị định số 61/2018/NĐ-CP.")
        #expect(own(amend, "61/2018/NĐ-CP") == [.refers])
        // bo-luat-to-tung-dan-su-2015: the cue is not the clause's own verb.
        let code = run("3. Cơ quan nhận được kiến nghị của Tòa án về việc sửa đổi, bổ sung hoặc bãi bỏ văn bản quy phạm pháp luật có trách nhiệm như sau:\na) Đối với Nghị định số 34/2016/NĐ-CP thì trả lời trong 30 ngày;")
        #expect(own(code, "34/2016/NĐ-CP") == [.refers])
        let nested = run("1. Bãi bỏ các văn bản sau:\na) Quyết định số 01/2018/QĐ-UBND;\nb) Quyết định số 02/2018/QĐ-UBND.\n2. Giao Sở Nội vụ hướng dẫn Quyết định số 03/2018/QĐ-UBND.")
        #expect(own(nested, "01/2018/QĐ-UBND") == [.repeals])
        #expect(own(nested, "02/2018/QĐ-UBND") == [.repeals])
        #expect(own(nested, "03/2018/QĐ-UBND") != [.repeals])
        // A catalogue publishes the list; its own verb is "công bố", not the expiry.
        let catalogue = run("Điều 1. Công bố kèm theo Quyết định này Danh mục văn bản hết hiệu lực: Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ.")
        #expect(own(catalogue, "61/2018/NĐ-CP") != [.expires])
    }

    // MARK: Titles inside a basis line, pinpoints, passives

    @Test("'Căn cứ Luật X sửa đổi, bổ sung một số điều của Luật Y': X is basis and X amends Y")
    func amendingTitleInBasis() {
        let r = run("Căn cứ Luật số 87/2025/QH15 sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;")
        #expect(own(r, "87/2025/QH15") == [.basis])
        #expect(edge(r, "87/2025/QH15", "64/2025/QH15", .amends))
        #expect(!r.relations.contains { $0.from == nil && $0.type == .amends })
        let d = run("Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06 tháng 12 năm 2021 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018;")
        #expect(own(d, "107/2021/NĐ-CP") == [.basis])
        #expect(edge(d, "107/2021/NĐ-CP", "61/2018/NĐ-CP", .amends))
        // A plain basis list has no such edge.
        let plain = run("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ; Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ;")
        #expect(plain.relations.allSatisfy { $0.from == nil && $0.type == .basis })
    }

    @Test("a pinpoint after 'quy định chi tiết' keeps the cue")
    func pinpointAfterCue() {
        let r = run("Thông tư này quy định chi tiết khoản 3 Điều 12, Điều 15 và khoản 2 Điều 20 của Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018.")
        #expect(own(r, "61/2018/NĐ-CP") == [.implements])
        let s = run("Nghị định này quy định chi tiết điểm a khoản 1 Điều 5 Luật Căn cước số 26/2023/QH15.")
        #expect(own(s, "26/2023/QH15") == [.implements])
    }

    @Test("the passive 'được sửa đổi, bổ sung' is not the document's own verb")
    func passive() {
        let r = run("Công bố kèm theo Quyết định này thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực hộ tịch quy định tại Thông tư số 04/2020/TT-BTP.")
        #expect(own(r, "04/2020/TT-BTP") != [.amends])
        let s = run("Danh mục thủ tục hành chính được sửa đổi, bổ sung theo Nghị định số 07/2025/NĐ-CP của Chính phủ.")
        #expect(own(s, "07/2025/NĐ-CP") != [.amends])
        // The active verb still amends.
        let a = run("Sửa đổi, bổ sung khoản 2 Điều 5 Nghị định số 48/2013/NĐ-CP như sau:")
        #expect(own(a, "48/2013/NĐ-CP") == [.amends])
        let b = run("Bổ sung Điều 5a vào sau Điều 5 Thông tư số 01/2018/TT-VPCP như sau:")
        #expect(own(b, "01/2018/TT-VPCP") == [.amends])
    }
}
