import Foundation
import Testing
@testable import CanCuText
@testable import CanCuLexicon
@testable import CanCuReview
@testable import CanCuIndex

/// Issue 15, points 1, 3 and 6, end to end through the command line: facts learned from indexed
/// documents name their clause as FILE:LINE in `review`, `registry show` and `show`, and disagree
/// with the registry out loud; documents cited by name only are reviewed like symbols; a local
/// year-less symbol is a node per province; a sentence telling a merger is no finding.
@Suite("Status knowledge with provenance")
struct StatusProvenanceTests {
    @Test("replacing forms of an annex, or some articles, changes a document in part: amended, not replaced")
    func partialReplacement() {
        #expect(FactLearner.partial("thay thế một số biểu mẫu tại Phụ lục ban hành kèm \ntheo Nghị định số 124/2020/NĐ-CP",
                                    before: "Nghị định số 124/2020/NĐ-CP"))
        #expect(FactLearner.partial("Bãi bỏ Phụ lục II ban hành kèm theo Thông tư số 05/2020/TT-BTC", before: "Thông tư số 05/2020/TT-BTC"))
        #expect(!FactLearner.partial("Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2026 và thay thế Nghị định số 09/2019/NĐ-CP",
                                     before: "Nghị định số 09/2019/NĐ-CP"))
        #expect(!FactLearner.partial("Bãi bỏ Quyết định số 12/2020/QĐ-UBND", before: "Quyết định số 12/2020/QĐ-UBND"))
    }

    // MARK: Point 1: provenance FILE:LINE, conflicts

    /// A decree whose effect clause (line 9) replaces a decree the registry does not know.
    static let replacing = """
        CHÍNH PHỦ
        Số: 20/2026/NĐ-CP
        Hà Nội, ngày 10 tháng 1 năm 2026

        NGHỊ ĐỊNH
        Quy định về chế độ báo cáo thống kê

        Điều 30. Hiệu lực thi hành
        Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2026 và thay thế Nghị định số 901/2019/NĐ-CP.
        """

    /// A later decision still citing the replaced decree.
    static let citing = """
        BỘ NỘI VỤ
        Số: 310/QĐ-BNV
        Hà Nội, ngày 05 tháng 5 năm 2026

        QUYẾT ĐỊNH
        Về việc ban hành quy chế báo cáo

        Căn cứ Nghị định số 901/2019/NĐ-CP của Chính phủ;

        Điều 1. Ban hành kèm theo Quyết định này quy chế báo cáo.
        """

    @Test("a fact learned from an indexed document names its clause as FILE:LINE in review, registry show and show; a registry that disagrees is a conflict")
    func learnedFactsCarryTheirLine() throws {
        let dir = try ReviewerOutputTests.folder("provenance", files: ["nd.txt": Self.replacing, "qd.txt": Self.citing])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CommandLineRun.cancu(["index", "docs", "--db", "i.sqlite"], in: dir).status == 0)

        let review = try CommandLineRun.cancu(["review", "--db", "i.sqlite", "--as-of", "01/06/2026", "--format", "json"], in: dir)
        let replaced = try #require(review.lines.first { $0.contains("901/2019/NĐ-CP") && $0.contains("\"doc_replaced\"") }, "\(review.text)")
        #expect(replaced.contains("\"evidence\":\"docs/nd.txt:9\""), "the effect clause is on line 9: \(replaced)")
        #expect(replaced.contains("\"replacement\":\"20/2026/NĐ-CP\"") && replaced.contains("\"severity\":\"error\""), "\(replaced)")

        let show = try CommandLineRun.cancu(["registry", "show", "901/2019/NĐ-CP", "--db", "i.sqlite", "--as-of", "01/06/2026",
                                             "--format", "json"], in: dir)
        #expect(show.status == 0, "\(show.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: show.output) as? [String: Any])
        let sources = try #require(object["sources"] as? [[String: Any]])
        #expect(sources.map { $0["kind"] as? String } == ["document"], "\(show.text)")
        #expect(sources.first?["origin"] as? String == "docs/nd.txt:9", "\(show.text)")
        let own = try CommandLineRun.cancu(["registry", "show", "20/2026/NĐ-CP", "--db", "i.sqlite", "--format", "json"], in: dir)
        #expect(own.text.contains("\"origin\":\"docs/nd.txt:2\"") && own.text.contains("\"kind\":\"issued\""),
                "the issue date is the header's, its number on line 2: \(own.text)")
        #expect(own.text.contains("\"origin\":\"docs/nd.txt:9\"") && own.text.contains("\"kind\":\"effective\""),
                "the effective date is the effect clause's: \(own.text)")
        let text = try CommandLineRun.cancu(["registry", "show", "901/2019/NĐ-CP", "--db", "i.sqlite", "--as-of", "01/06/2026",
                                             "--width", "100"], in: dir)
        #expect(text.text.contains("văn bản trong chỉ mục") && text.text.contains("docs/nd.txt:9"), "\(text.text)")
        let node = try CommandLineRun.cancu(["show", "901/2019/NĐ-CP", "--db", "i.sqlite", "--as-of", "01/06/2026", "--width", "160"], in: dir)
        #expect(node.text.contains("bị thay thế → 20/2026/NĐ-CP") && node.text.contains("theo docs/nd.txt:9"),
                "show gives the status with the clause it comes from: \(node.text)")

        // A table that has the decree in force: both sources are shown, neither is dropped.
        try Data("Số hiệu,Tình trạng hiệu lực\n901/2019/NĐ-CP,Còn hiệu lực\n".utf8).write(to: dir.appendingPathComponent("t.csv"))
        #expect(try CommandLineRun.cancu(["registry", "import", "t.csv", "--db", "i.sqlite"], in: dir).status == 0)
        let conflict = try CommandLineRun.cancu(["registry", "show", "901/2019/NĐ-CP", "--db", "i.sqlite", "--as-of", "01/06/2026",
                                                 "--format", "json"], in: dir)
        #expect(conflict.text.contains("conflict: replaced (docs/nd.txt:9) vs in_force (t.csv:2)"), "\(conflict.text)")
        let after = try CommandLineRun.cancu(["review", "--db", "i.sqlite", "--as-of", "01/06/2026", "--format", "json"], in: dir)
        let noted = try #require(after.lines.first { $0.contains("901/2019/NĐ-CP") && $0.contains("\"doc_replaced\"") }, "\(after.text)")
        #expect(noted.contains("\"note\":\"t.csv:2 ghi còn hiệu lực") && noted.contains("docs/nd.txt:9 ghi:"),
                "review says both sources: \(noted)")
    }

    // MARK: Point 3: names

    static let namesDecision = """
        ỦY BAN NHÂN DÂN
        TỈNH THÁI NGUYÊN
        Số: 20/2025/QĐ-UBND
        Thái Nguyên, ngày 10 tháng 9 năm 2025

        QUYẾT ĐỊNH
        Ban hành quy định về bồi thường khi Nhà nước thu hồi đất

        Căn cứ Luật Đất đai năm 2013;
        Căn cứ Luật Doanh nghiệp năm 2014;
        Căn cứ Luật Cư trú;
        Căn cứ Luật An toàn, vệ sinh lao động ngày 25 tháng 6 năm 2014;

        Điều 1. Ban hành kèm theo Quyết định này quy định về bồi thường.
        """

    static let bareName = """
        BỘ NỘI VỤ
        Số: 210/QĐ-BNV
        Hà Nội, ngày 15 tháng 5 năm 2020

        QUYẾT ĐỊNH
        Về việc ban hành Quy chế làm việc

        Căn cứ Luật Bảo hiểm xã hội;

        Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.
        """

    @Test("laws cited by name are reviewed: a year the registry lacks gives the later law of that name, a bare name the version in force then")
    func namesReviewed() throws {
        let dir = try ReviewerOutputTests.folder("names", files: ["qd.txt": Self.namesDecision, "old.txt": Self.bareName])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CommandLineRun.cancu(["review", "docs/qd.txt", "--as-of", "01/12/2025", "--format", "json"], in: dir)
        #expect(run.status == 1)
        let land = try #require(run.lines.first { $0.contains("\"text\":\"Luật Đất đai năm 2013\"") }, "\(run.text)")
        #expect(land.contains("\"code\":\"doc_replaced\"") && land.contains("\"replacement\":\"31/2024/QH15\""), "\(land)")
        #expect(land.contains("\"severity\":\"error\"") && land.contains("\"changed\":\"2024-08-01\""), "\(land)")
        #expect(land.contains("\"symbol\":null") && land.contains("\"note\":\"suy ra"), "the inference is said: \(land)")
        let enterprise = try #require(run.lines.first { $0.contains("\"text\":\"Luật Doanh nghiệp năm 2014\"") }, "\(run.text)")
        // The later law's day and month with another year is a wrong date, not an older law.
        let safety = try #require(run.lines.first { $0.contains("Luật An toàn, vệ sinh lao động") }, "\(run.text)")
        #expect(safety.contains("\"code\":\"date_mismatch\"") && safety.contains("\"symbol\":\"84/2015/QH13\"")
                && safety.contains("\"expected\":\"2015-06-25\""), "\(safety)")
        #expect(enterprise.contains("\"replacement\":\"59/2020/QH14\""), "\(enterprise)")
        // "Luật Cư trú" in 2025 is 68/2020/QH14, whose status the registry does not know: no finding, but counted.
        #expect(!run.text.contains("Luật Cư trú"), "\(run.text)")
        let coverage = try CommandLineRun.cancu(["review", "docs/qd.txt", "--as-of", "01/12/2025"], in: dir)
        #expect(coverage.text.contains("Hiệu lực đã biết của 0/1 văn bản được trích dẫn"), "the bare name counts as 68/2020/QH14: \(coverage.text)")

        let bare = try CommandLineRun.cancu(["review", "docs/old.txt", "--as-of", "01/12/2025", "--format", "json"], in: dir)
        let finding = try #require(bare.lines.first { $0.contains("\"doc_replaced\"") }, "\(bare.text)")
        #expect(finding.contains("\"symbol\":\"58/2014/QH13\"") && finding.contains("\"replacement\":\"41/2024/QH15\""), "\(finding)")
        #expect(finding.contains("\"severity\":\"warning\"") && finding.contains("Luật Bảo hiểm xã hội (58/2014/QH13)"),
                "in force when written in 2020, replaced now: \(finding)")
    }

    // MARK: Point 6: provinces, merger descriptions, undated successions

    static func plan(_ province: String, _ day: String, _ title: String) -> String {
        """
        ỦY BAN NHÂN DÂN
        TỈNH \(province.uppercased())
        Số: 45/KH-UBND
        \(province), ngày \(day) năm 2023

        KẾ HOẠCH
        \(title)

        I. MỤC ĐÍCH
        Thực hiện nhiệm vụ năm 2023.
        """
    }

    static let report = """
        ỦY BAN NHÂN DÂN
        TỈNH BẮC KẠN
        Số: 120/BC-UBND
        Bắc Kạn, ngày 10 tháng 12 năm 2023

        BÁO CÁO
        Kết quả cải cách hành chính năm 2023

        Thực hiện Kế hoạch số 45/KH-UBND ngày 20/01/2023 về cải cách hành chính năm 2023, UBND tỉnh báo cáo như sau.
        Tham khảo Kế hoạch số 45/KH-UBND ngày 15/02/2023 của UBND tỉnh Thái Nguyên về chuyển đổi số.
        """

    @Test("two provinces' plans of one number and year are two nodes; a citation is of the citing province unless it names another")
    func provinceInKey() throws {
        let dir = try ReviewerOutputTests.folder("provinces", files: [
            "bk.txt": Self.plan("Bắc Kạn", "20 tháng 01", "Cải cách hành chính năm 2023"),
            "tn.txt": Self.plan("Thái Nguyên", "15 tháng 02", "Chuyển đổi số năm 2023"),
            "bc.txt": Self.report,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CommandLineRun.cancu(["index", "docs", "--db", "i.sqlite"], in: dir).status == 0)
        for arguments in [["graph", "--db", "i.sqlite", "--format", "csv"], ["graph", "docs", "--format", "csv"]] {
            let graph = try CommandLineRun.cancu(arguments, in: dir)
            #expect(graph.status == 0, "\(graph.error)")
            let nodes = graph.lines.filter { $0.hasPrefix("\"45/KH-UBND") }
            #expect(nodes.count == 2, "\(arguments): \(graph.text)")
            #expect(nodes.contains { $0.contains("(2023, bac kan)") && $0.contains("Cải cách hành chính") }, "\(graph.text)")
            #expect(nodes.contains { $0.contains("(2023, thai nguyen)") && $0.contains("Chuyển đổi số") }, "\(graph.text)")
            #expect(graph.text.contains("120/BC-UBND,\"45/KH-UBND (2023, bac kan)\",Directed,implements"), "\(graph.text)")
            #expect(graph.text.contains("120/BC-UBND,\"45/KH-UBND (2023, thai nguyen)\",Directed,refers"), "\(graph.text)")
        }
    }

    static let mergerNotice = """
        ỦY BAN NHÂN DÂN
        TỈNH THÁI NGUYÊN
        Số: 50/TB-UBND
        Thái Nguyên, ngày 20 tháng 8 năm 2025

        THÔNG BÁO
        Kết quả thực hiện

        Thực hiện việc sắp xếp tỉnh Bắc Kạn và tỉnh Thái Nguyên thành tỉnh Thái Nguyên, sau khi hợp nhất tỉnh Bắc Kạn vào tỉnh Thái Nguyên, bộ máy đã ổn định.
        Giao Sở Kế hoạch và Đầu tư chủ trì thực hiện.
        Địa bàn tỉnh Bắc Kạn (trước khi sáp nhập) có 8 huyện.
        """

    static let undated = """
        HƯỚNG DẪN THỦ TỤC

        Nộp hồ sơ tại Sở Kế hoạch và Đầu tư tỉnh Bắc Kạn.
        """

    @Test("a sentence telling a merger is no finding; a body named after its change is; an undated text is scanned with the date unknown")
    func mergersAndUndated() throws {
        let dir = try ReviewerOutputTests.folder("mergers", files: ["tb.txt": Self.mergerNotice, "hd.txt": Self.undated])
        defer { try? FileManager.default.removeItem(at: dir) }
        let notice = try CommandLineRun.cancu(["review", "docs/tb.txt", "--as-of", "01/12/2025", "--format", "json"], in: dir)
        #expect(notice.lines.count == 1, "only the department: \(notice.text)")
        #expect(notice.lines.first?.contains("\"text\":\"Sở Kế hoạch và Đầu tư\"") == true, "\(notice.text)")
        #expect(!notice.text.contains("Bắc Kạn\""), "\(notice.text)")

        let undated = try CommandLineRun.cancu(["review", "docs/hd.txt", "--as-of", "01/12/2025", "--format", "json"], in: dir)
        #expect(undated.lines.count == 2, "the department and the province: \(undated.text)")
        #expect(undated.lines.allSatisfy { $0.contains("\"severity\":\"warning\"") && $0.contains("văn bản không ghi ngày ban hành") },
                "\(undated.text)")
        let text = try CommandLineRun.cancu(["review", "docs/hd.txt", "--as-of", "01/12/2025"], in: dir)
        #expect(text.text.contains("không rõ ngày ban hành"), "\(text.text)")
    }

    static func localDocument(_ province: String, number: String, date: String, type: String, body: String) -> String {
        """
        ỦY BAN NHÂN DÂN
        TỈNH \(province.uppercased())
        Số: \(number)
        \(province), ngày \(date)

        \(type.uppercased())
        Về việc thực hiện cải cách hành chính

        \(body)
        """
    }

    @Test("what a province's document says of its 45/KH-UBND is not said of another province's 45/KH-UBND (review PATH and --db)")
    func provinceInFacts() throws {
        let dir = try ReviewerOutputTests.folder("province-facts", files: [
            "bk-moi.txt": Self.localDocument("Bắc Kạn", number: "60/KH-UBND", date: "01 tháng 3 năm 2024", type: "Kế hoạch",
                                             body: "Kế hoạch này thay thế Kế hoạch số 45/KH-UBND ngày 20/01/2023 của Ủy ban nhân dân tỉnh."),
            "bk-bc.txt": Self.localDocument("Bắc Kạn", number: "130/BC-UBND", date: "01 tháng 6 năm 2024", type: "Báo cáo",
                                            body: "Thực hiện Kế hoạch số 45/KH-UBND ngày 20/01/2023, UBND tỉnh báo cáo như sau."),
            "tn-bc.txt": Self.localDocument("Thái Nguyên", number: "131/BC-UBND", date: "01 tháng 6 năm 2024", type: "Báo cáo",
                                            body: "Thực hiện Kế hoạch số 45/KH-UBND ngày 15/02/2023, UBND tỉnh báo cáo như sau."),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CommandLineRun.cancu(["index", "docs", "--db", "i.sqlite"], in: dir).status == 0)
        for arguments in [["review", "docs"], ["review", "--db", "i.sqlite"]] {
            let run = try CommandLineRun.cancu(arguments + ["--as-of", "01/12/2025", "--format", "json"], in: dir)
            let replaced = run.lines.filter { $0.contains("\"doc_replaced\"") && $0.contains("45/KH-UBND") }
            #expect(replaced.count == 1 && replaced.first?.contains("bk-bc.txt") == true
                    && replaced.first?.contains("\"replacement\":\"60/KH-UBND\"") == true, "\(arguments): \(run.text)")
            let other = run.lines.filter { $0.contains("tn-bc.txt") && $0.contains("45/KH-UBND") }
            #expect(other.count == 1 && other.first?.contains("\"unknown_document\"") == true,
                    "Thái Nguyên's plan is another document, of unknown status: \(run.text)")
        }
    }
}
