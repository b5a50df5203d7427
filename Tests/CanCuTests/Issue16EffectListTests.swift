import Foundation
import Testing
@testable import CanCu
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuLexicon
@testable import CanCuInput
@testable import CanCuExtract

/// Issue 16, effect lists: laws named inside an amending law's title, lists inside a cited
/// document's title, several documents that expire together, the "Văn bản sửa đổi … một phần" cell
/// of a systematisation table, forms replaced (a partial amendment). Sentences are from
/// `../shared/corpus` (congbao, codes, original) or written in the same shapes; each fix has
/// counter-examples that must not change.
@Suite("Issue 16: effect lists (titles, expiry lists, table rows, partial replacement)")
struct Issue16EffectListTests {
    let extractor = CitationExtractor.builtIn

    func run(_ s: String) -> (citations: [Citation], relations: [Relation]) {
        extractor.extract(Normalizer.standard.normalize(s))
    }

    func index(_ r: (citations: [Citation], relations: [Relation]), _ key: String) -> Int? {
        r.citations.firstIndex(where: { $0.symbol == key || ($0.symbol == nil && $0.name == key) })
    }

    /// The relations from the document itself to the citation of `key` (symbol, else name).
    func own(_ r: (citations: [Citation], relations: [Relation]), _ key: String) -> [Relation.RelationType] {
        guard let i = index(r, key) else { return [] }
        return r.relations.filter { $0.to == i && $0.from == nil }.map(\.type)
    }

    /// An edge from any citation of `from` to any citation of `to` (a document may be cited twice).
    func edge(_ r: (citations: [Citation], relations: [Relation]), _ from: String, _ to: String, _ type: Relation.RelationType) -> Bool {
        func matches(_ i: Int, _ key: String) -> Bool { r.citations[i].symbol == key || (r.citations[i].symbol == nil && r.citations[i].name == key) }
        return r.relations.contains { rel in
            rel.type == type && rel.from.map { matches($0, from) } == true && matches(rel.to, to)
        }
    }

    func inTitle(_ r: (citations: [Citation], relations: [Relation])) -> [String] {
        r.citations.filter { $0.tags.contains("in_title") }.compactMap(\.name)
    }

    // MARK: Laws inside an amending law's title

    @Test("each law named in an amending law's title is a citation, amended by the amending law")
    func lawsInTitle() {
        // congbao/nghi-dinh-so-141-2026-nd-cp, a title wrapped over three lines.
        let r = run("""
            Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá 
            nhân, Luật Thuế giá trị gia tăng, Luật Thuế thu nhập doanh nghiệp và Luật 
            Thuế tiêu thụ đặc biệt số 09/2026/QH16; 
            """)
        #expect(inTitle(r) == ["Luật Thuế thu nhập cá nhân", "Luật Thuế giá trị gia tăng", "Luật Thuế thu nhập doanh nghiệp",
                               "Luật Thuế tiêu thụ đặc biệt"])
        for name in inTitle(r) {
            #expect(edge(r, "09/2026/QH16", name, .amends), "\(name)")
            // Named, not relied on: no relation from the document itself.
            #expect(own(r, name).isEmpty, "\(name)")
        }
        #expect(own(r, "09/2026/QH16") == [.basis])
        // congbao/nghi-dinh-so-155-2026-nd-cp: a name written in lower case.
        let s = run("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tiếp công dân, Luật \nkhiếu nại, Luật Tố cáo số 136/2025/QH15;")
        #expect(inTitle(s) == ["Luật Tiếp công dân", "Luật khiếu nại", "Luật Tố cáo"])
        #expect(edge(s, "136/2025/QH15", "Luật khiếu nại", .amends))
        // congbao/nghi-dinh-so-372-2025-nd-cp: "Luật sửa đổi Luật X".
        let d = run("Căn cứ Luật Doanh nghiệp số 59/2020/QH14 và Luật sửa đổi Luật Doanh \nnghiệp số 76/2025/QH15;")
        #expect(inTitle(d) == ["Luật Doanh nghiệp"])
        #expect(d.relations.contains { r in
            r.type == .amends && d.citations[r.from ?? 0].symbol == "76/2025/QH15" && d.citations[r.to].tags.contains("in_title")
        })
        // An amending law without a number amends the laws of its title too (original/thong-tu-02-2021-tt-btc).
        let n = run("theo quy định tại Luật Sửa đổi, bổ sung một số điều của Luật Phòng cháy và chữa cháy là tổ chức thu phí.")
        #expect(inTitle(n) == ["Luật Phòng cháy và chữa cháy"])
        #expect(edge(n, "Luật Sửa đổi, bổ sung một số điều của Luật Phòng cháy và chữa cháy là tổ chức thu phí", "Luật Phòng cháy và chữa cháy", .amends))
    }

    @Test("counter-examples: plain lists of laws, a second amending law, back-references, procedure fields")
    func lawsNotInTitle() {
        let plain = run("Căn cứ Luật Đất đai, Luật Nhà ở và Luật Kinh doanh bất động sản;")
        #expect(inTitle(plain).isEmpty)
        #expect(own(plain, "Luật Nhà ở") == [.basis])
        // congbao/nghi-quyet-so-122-nq-cp: a second amending law in the list; its laws are not this one's.
        let two = run("trình Quốc hội Luật sửa đổi, bổ sung một số điều của Luật Trợ giúp pháp lý, Luật sửa \nđổi, bổ sung một số điều của Luật Công chứng, Luật Hộ tịch.")
        #expect(inTitle(two) == ["Luật Trợ giúp pháp lý"])
        // "Luật nêu trên" names the amending law, not a law of its title.
        let back = run("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 43/2024/QH15; thực hiện Luật nêu trên.")
        let short = back.citations.first { $0.kind == .short }
        #expect(short?.resolvesTo.map { back.citations[$0].symbol } == "43/2024/QH15")
        // A procedure's legal-basis field lists what the procedure rests on; a law of a title is none.
        let field = extractor.citations(inField: "Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp 202076/2025/QH15")
        #expect(field.map(\.symbol) == ["76/2025/QH15"])
    }

    // MARK: Lists inside a cited document's title

    @Test("'A sửa đổi … của X … và Y': A amends X and Y; an item with a title of its own continues the outer list")
    func listsInTitles() {
        // congbao/quyet-dinh-so-372-qd-btc, lines 40-54.
        let r = run("Căn cứ Thông tư số 138/2025/TT-BTC ngày 30 tháng 12 năm 2025 của Bộ trưởng Bộ Tài chính sửa đổi, bổ sung một số điều của Thông tư 95/2020/TT-BTC ngày 16 tháng 11 năm 2020 của Bộ trưởng Bộ Tài chính hướng dẫn giám sát giao dịch chứng khoán trên thị trường chứng khoán và Thông tư số 06/2022/TT-BTC ngày 08 tháng 02 năm 2022 của Bộ trưởng Bộ Tài chính hướng dẫn công tác giám sát tuân thủ;")
        #expect(edge(r, "138/2025/TT-BTC", "95/2020/TT-BTC", .amends))
        #expect(edge(r, "138/2025/TT-BTC", "06/2022/TT-BTC", .amends))
        #expect(own(r, "06/2022/TT-BTC") == [.basis])
        // congbao/quyet-dinh-so-1478-qd-bldtbxh: four circulars in one title, commas between.
        let four = run("Thông tư Số 34/2018/TT-BLĐTBXH ngày 26/12/2018 Sửa đổi, bổ sung một số điều Thông tư số 42/2015/TT-BLĐTBXH ngày 20/10/2015 quy định về đào tạo trình độ sơ cấp, Thông tư số 43/2015/TT-BLĐTBXH ngày 20/10/2015 quy định về đào tạo thường xuyên, Thông tư số 07/2017/TT-BLĐTBXH ngày 10/3/2017 quy định chế độ làm việc của nhà giáo giáo dục nghề nghiệp, Thông tư số 08/2017/TT-BLĐTBXH ngày 10/3/2017 quy định chuẩn chuyên môn")
        for x in ["42/2015/TT-BLĐTBXH", "43/2015/TT-BLĐTBXH", "07/2017/TT-BLĐTBXH", "08/2017/TT-BLĐTBXH"] {
            #expect(edge(four, "34/2018/TT-BLĐTBXH", x, .amends), "\(x)")
        }
        // congbao/quyet-dinh-so-372-qd-btc, the title: 139/2025 has a title act of its own, so it is the
        // next document corrected, not a third one amended by 138/2025.
        let t = run("Về việc đính chính Thông tư số 138/2025/TT-BTC sửa đổi, bổ sung một số điều của Thông tư 95/2020/TT-BTC ngày 16 tháng 11 năm 2020 của Bộ trưởng Bộ Tài chính hướng dẫn giám sát giao dịch chứng khoán và Thông tư số 06/2022/TT-BTC ngày 08 tháng 02 năm 2022 của Bộ trưởng Bộ Tài chính hướng dẫn công tác giám sát tuân thủ và Thông tư số 139/2025/TT-BTC sửa đổi, bổ sung một số điều của Thông tư số 57/2021/TT-BTC ngày 12 tháng 7 năm 2021 của Bộ trưởng Bộ Tài chính quy định lộ trình")
        #expect(own(t, "138/2025/TT-BTC") == [.corrects])
        #expect(own(t, "139/2025/TT-BTC") == [.corrects])
        #expect(edge(t, "138/2025/TT-BTC", "06/2022/TT-BTC", .amends))
        #expect(edge(t, "139/2025/TT-BTC", "57/2021/TT-BTC", .amends))
        #expect(!edge(t, "138/2025/TT-BTC", "139/2025/TT-BTC", .amends))
    }

    @Test("counter-examples: a document guided by a listed one, a title without a list")
    func notListsInTitles() {
        // congbao/quyet-dinh-so-1478-qd-bldtbxh: 31/2015/NĐ-CP is guided by 19/2016, not amended by 41/2019.
        let r = run("Thông tư Số 41/2019/TT-BLĐTBXH ngày 30/12/2019 Sửa đổi, bổ sung một số điều của Thông tư số 38/2015/TT-BLĐTBXH ngày 19/10/2015 quy định về chứng chỉ kỹ năng nghề quốc gia, cấp và quản lý việc cấp chứng chỉ kỹ năng nghề quốc gia và Thông tư số 19/2016/TT-BLĐTBXH ngày 28/6/2016 về việc hướng dẫn thi hành một số điều của Nghị định số 31/2015/NĐ-CP ngày 24/3/2015 của Chính phủ")
        #expect(edge(r, "41/2019/TT-BLĐTBXH", "38/2015/TT-BLĐTBXH", .amends))
        #expect(edge(r, "41/2019/TT-BLĐTBXH", "19/2016/TT-BLĐTBXH", .amends))
        #expect(!edge(r, "41/2019/TT-BLĐTBXH", "31/2015/NĐ-CP", .amends))
        // A basis list without a title act: no edge between its items.
        let plain = run("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính và Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ;")
        #expect(plain.relations.allSatisfy { $0.from == nil && $0.type == .basis })
    }

    // MARK: Several documents that expire together

    @Test("'A … và B … hết hiệu lực': both expire")
    func expiryLists() {
        // congbao/nghi-dinh-so-192-2026-nd-cp, lines 544-549.
        let r = run("""
            2. Quyết định số 73/2011/QĐ-TTg ngày 28 tháng 12 năm 2011 của Thủ 
            tướng Chính phủ quy định về một số chế độ phụ cấp đặc thù đối với công chức, 
            viên chức và chế độ phụ cấp 
            chống dịch và Quyết định số 75/2009/QĐ-TTg ngày 11 tháng 5 năm 2009 của 
            Thủ tướng Chính phủ về việc quy định chế độ phụ cấp đối với nhân viên y tế 
            thôn, bản hết hiệu lực kể từ ngày Nghị định này có hiệu lực. 
            """)
        #expect(own(r, "73/2011/QĐ-TTg") == [.expires])
        #expect(own(r, "75/2009/QĐ-TTg") == [.expires])
        // original/nghi-dinh-82-2018-nd-cp: three decrees, two of them amending the first in their titles.
        let s = run("""
            2. Nghị định số 29/2008/NĐ-CP ngày 14 tháng 3 năm 2008 của
            Chính phủ quy định về khu công nghiệp, khu chế xuất và
            khu kinh tế, Nghị định số 164/2013/NĐ-CP ngày 11 tháng 12
            năm 2013 của Chính phủ sửa đổi, bổ sung Nghị định số
            29/2008/NĐ-CP, Nghị định số 114/2015/NĐ-CP ngày 09 tháng 11
            năm 2015 của Chính phủ sửa đổi, bổ sung Điều 21 Nghị
            định số 29/2008/NĐ-CP hết hiệu lực kể từ khi Nghị
            định này có hiệu lực.
            """)
        #expect(own(s, "29/2008/NĐ-CP") == [.expires])
        #expect(own(s, "164/2013/NĐ-CP") == [.expires])
        #expect(own(s, "114/2015/NĐ-CP") == [.expires])
        #expect(edge(s, "164/2013/NĐ-CP", "29/2008/NĐ-CP", .amends))
        #expect(!edge(s, "164/2013/NĐ-CP", "114/2015/NĐ-CP", .amends))
        // codes/raw_text/bo-luat-hinh-su-2015: two documents, the second right after the first.
        let c = run("Bộ luật hình sự số 15/1999/QH10 và Luật số 37/2009/QH12 sửa đổi, bổ sung một số điều của Bộ luật hình sự hết hiệu lực thi hành kể từ ngày Bộ luật này có hiệu lực thi hành.")
        #expect(own(c, "15/1999/QH10") == [.expires])
        #expect(own(c, "37/2009/QH12") == [.expires])
    }

    @Test("counter-examples: a history phrase keeps the expiry on the first document; a title's document does not expire")
    func notExpiryLists() {
        // codes/raw_text/bo-luat-to-tung-dan-su-2015.
        let r = run("Bộ luật tố tụng dân sự số 24/2004/QH11 đã được sửa đổi, bổ sung một số điều theo Luật số 65/2011/QH12 hết hiệu lực kể từ ngày Bộ luật này có hiệu lực thi hành.")
        #expect(own(r, "24/2004/QH11") == [.expires])
        #expect(own(r, "65/2011/QH12") != [.expires])
        // congbao/van-ban-hop-nhat-so-16-vbhn-btc: the decision amended in 51/2013's title is the first one.
        let v = run("2. Quyết định số 04/2011/QĐ-TTg ngày 20 tháng 01 năm 2011 của Thủ tướng Chính phủ về quản lý tài chính và Quyết định số 51/2013/QĐ-TTg ngày 16 tháng 8 năm 2013 của Thủ tướng Chính phủ về sửa đổi một số điểm của Quyết định số 04/2011/QĐ-TTg ngày 20 tháng 01 năm 2011 hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành.")
        #expect(own(v, "51/2013/QĐ-TTg") == [.expires])
        #expect(edge(v, "51/2013/QĐ-TTg", "04/2011/QĐ-TTg", .amends))
        // A document named in the expiring one's title, without a date of its own, does not expire.
        let t = run("Thông tư số 05/2019/TT-BTC ngày 10/01/2019 hướng dẫn Nghị định số 20/2018/NĐ-CP hết hiệu lực kể từ ngày Thông tư này có hiệu lực.")
        #expect(own(t, "05/2019/TT-BTC") == [.expires])
        #expect(own(t, "20/2018/NĐ-CP") != [.expires])
    }

    // MARK: Table rows and partial replacement

    @Test("the 'Văn bản sửa đổi, bổ sung, thay thế, bãi bỏ một phần' cell: the cell's document amends the row's")
    func tableRows() {
        // congbao/quyet-dinh-so-1478-qd-bldtbxh, row 3.
        let r = run("""
            3.  
            Nghị định 
            Số 31/2015/NĐ-CP     
            ngày 24/3/2015 
            Quy định chi tiết thi hành một số 
            điều của Luật Việc làm về đánh giá, 
            cấp chứng chỉ kỹ năng nghề quốc gia 
            15/5/2015 
            - Hết hiệu lực một phần 
            - Văn bản sửa đổi, bổ sung, thay thế, bãi 
            bỏ một phần: Nghị định số 140/2018/NĐ-
            CP ngày 08/10/2018 của Chính phủ sửa 
            đổi, bổ sung các Nghị định liên quan đến 
            điều kiện đầu tư kinh doanh
            """)
        #expect(edge(r, "140/2018/NĐ-CP", "31/2015/NĐ-CP", .amends))
        #expect(!edge(r, "140/2018/NĐ-CP", "Luật Việc làm", .amends))
        // Counter-example: the same words outside a numbered table row give no edge.
        let prose = run("Văn bản sửa đổi, bổ sung, thay thế, bãi bỏ một phần: Nghị định số 140/2018/NĐ-CP ngày 08/10/2018 của Chính phủ.")
        #expect(!prose.relations.contains { $0.from != nil })
    }

    @Test("forms replaced ('Thay thế một số biểu mẫu', 'Thay thế Mẫu số 02') amend the decree; a whole replacement still replaces")
    func partialReplacement() {
        // congbao/nghi-dinh-so-156-2026-nd-cp, Điều 8.
        let r = run("""
            Điều 8. Thay thế một số biểu mẫu ban hành kèm theo Nghị định 
            số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ quy định chi 
            tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo 
            Thay thế Mẫu số 02 và Mẫu số 03 tại Phụ lục ban hành kèm theo Nghị 
            định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ quy định 
            chi tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo bằng Mẫu số 02 
            và Mẫu số 03 tại Phụ lục ban hành kèm theo Nghị định này. 
            """)
        let decree = r.citations.indices.filter { r.citations[$0].symbol == "31/2019/NĐ-CP" }
        #expect(decree.count == 2)
        for i in decree {
            #expect(r.relations.filter { $0.to == i && $0.from == nil }.map(\.type) == [.amends])
        }
        // No edge from the decree to itself.
        #expect(!r.relations.contains { $0.from.map { r.citations[$0].symbol } == "31/2019/NĐ-CP" && r.citations[$0.to].symbol == "31/2019/NĐ-CP" })
        let whole = run("Nghị định này thay thế Nghị định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ.")
        #expect(own(whole, "31/2019/NĐ-CP") == [.replaces])
        let part = run("Thay thế một phần Quyết định số 1565/2007/QĐ-UBND ngày 12/7/2007.")
        #expect(own(part, "1565/2007/QĐ-UBND") == [.amends])
    }
    // MARK: Rank and party documents

    @Test("a decree amends the decree of the clause, not the law named in its title")
    func rankOfHistory() {
        // congbao/quyet-dinh-so-372-qd-btc, lines 30-33.
        let r = run("Căn cứ Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ quy định chi tiết một số điều và biện pháp để tổ chức, hướng dẫn thi hành Luật Ban hành văn bản quy phạm pháp luật được sửa đổi, bổ sung bởi Nghị định số 187/2025/NĐ-CP ngày 01 tháng 7 năm 2025;")
        #expect(edge(r, "187/2025/NĐ-CP", "78/2025/NĐ-CP", .amends))
        #expect(!edge(r, "187/2025/NĐ-CP", "Luật Ban hành văn bản quy phạm pháp luật", .amends))
        // Counter-examples: a law amended by a law, a decree by a decree, stay as they were.
        let l = run("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15;")
        #expect(edge(l, "87/2025/QH15", "64/2025/QH15", .amends))
        let d = run("Căn cứ Nghị định số 29/2025/NĐ-CP ngày 24 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ của Bộ Tài chính được sửa đổi, bổ sung bởi Nghị định số 166/2025/NĐ-CP ngày 30 tháng 6 năm 2025;")
        #expect(edge(d, "166/2025/NĐ-CP", "29/2025/NĐ-CP", .amends))
    }

    @Test("a Government resolution does not amend a party resolution named in its title")
    func partyDocuments() {
        // congbao/quyet-dinh-so-982-qd-ttg, lines 30-35.
        let r = run("Căn cứ Nghị quyết số 11/NQ-CP ngày 14 tháng 01 năm 2026 của Chính phủ về sửa đổi, bổ sung, cập nhật Nghị quyết số 71/NQ-CP ngày 01 tháng 4 năm 2025 của Chính phủ sửa đổi, bổ sung cập nhật Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị;")
        #expect(edge(r, "11/NQ-CP", "71/NQ-CP", .amends))
        #expect(!edge(r, "71/NQ-CP", "57-NQ/TW", .amends))
        // Counter-example: one party document amending another keeps its edge.
        let p = run("Thực hiện Kết luận số 18-KL/TW ngày 10/01/2022 của Bộ Chính trị sửa đổi, bổ sung Nghị quyết số 10-NQ/TW ngày 03/6/2017 của Ban Chấp hành Trung ương.")
        #expect(edge(p, "18-KL/TW", "10-NQ/TW", .amends))
    }
    @Test("a history list after a colon, one document a line: each amends the first")
    func historyListAfterColon() {
        // congbao/van-ban-hop-nhat-so-1547-vbhn-bldtbxh, the consolidation heading.
        let r = run("""
            Thông tư 38/2015/TT-BLĐTBXH ngày 19 tháng 10 năm 2015 của Bộ trưởng 
            Bộ Lao động - Thương binh và Xã hội quy định về chứng chỉ kỹ năng nghề quốc 
            gia, có hiệu lực kể từ ngày 05 tháng 12 năm 2015, được sửa đổi, bổ sung bởi: 
            Thông tư số 41/2019/TT-BLĐTBXH ngày 30 tháng 12 năm 2019 của Bộ 
            trưởng Bộ Lao động - Thương binh và Xã hội sửa đổi, bổ sung một số điều của 
            Thông tư số 38/2015/TT-BLĐTBXH ngày 19 tháng 10 năm 2015 và Thông tư số 19/2016/TT-BLĐTBXH ngày 28 tháng 06 năm 2016 về 
            việc hướng dẫn thi hành một số điều của Nghị định số 31/2015/NĐ-CP, có hiệu lực kể từ ngày 
            16 tháng 08 năm 2016; 
            Thông tư số 08/2023/TT-BLĐTBXH ngày 29 tháng 8 năm 2023 của Bộ 
            trưởng Bộ Lao động - Thương binh và Xã hội sửa đổi, bổ sung, bãi bỏ một số điều 
            của các Thông tư, có hiệu lực kể từ ngày 12 tháng 10 năm 2023. 
            Căn cứ Luật Việc làm ngày 16 tháng 11 năm 2013; 
            Căn cứ Nghị định số 106/2012/NĐ-CP ngày 20 tháng 12 năm 2012 của Chính phủ;
            """)
        #expect(edge(r, "41/2019/TT-BLĐTBXH", "38/2015/TT-BLĐTBXH", .amends))
        #expect(edge(r, "41/2019/TT-BLĐTBXH", "19/2016/TT-BLĐTBXH", .amends))
        #expect(edge(r, "08/2023/TT-BLĐTBXH", "38/2015/TT-BLĐTBXH", .amends))
        // Counter-examples: a document inside an item's title, and the lines after the list's '.'.
        #expect(!edge(r, "31/2015/NĐ-CP", "38/2015/TT-BLĐTBXH", .amends))
        #expect(!edge(r, "106/2012/NĐ-CP", "38/2015/TT-BLĐTBXH", .amends))
        #expect(own(r, "106/2012/NĐ-CP") == [.basis])
    }
}
