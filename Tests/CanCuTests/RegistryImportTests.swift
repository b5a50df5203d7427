import Foundation
import Testing
@testable import CanCuLexicon
@testable import CanCuIndex

/// `cancu registry import` and `registry show`, end to end through the command line: a table in the
/// national database's shape goes into the index, every index command uses it with `FILE:LINE` as
/// evidence, a wrong row imports nothing, and sources that disagree are shown.
@Suite("Registry import and show")
struct RegistryImportTests {
    /// A 2025 decision citing a law by number that the built-in registry does not know
    /// (77/2015/QH13, the 2015 local-government law) and a decree it knows (61/2018/NĐ-CP).
    static let decision = """
        ỦY BAN NHÂN DÂN
        TỈNH THÁI NGUYÊN
        Số: 15/2025/QĐ-UBND
        Thái Nguyên, ngày 10 tháng 9 năm 2025

        QUYẾT ĐỊNH
        Ban hành quy chế phối hợp

        Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13 ngày 19 tháng 6 năm 2015;
        Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa;

        Điều 1. Ban hành kèm theo Quyết định này quy chế phối hợp.
        """

    /// The national database's columns, Vietnamese headers, dd/mm/yyyy dates.
    static let table = """
        Số hiệu,Loại văn bản,Cơ quan ban hành,Trích yếu,Ngày ban hành,Ngày có hiệu lực,Ngày hết hiệu lực,Tình trạng hiệu lực,Văn bản thay thế,Văn bản bị thay thế
        77/2015/QH13,Luật,Quốc hội,"Luật Tổ chức chính quyền địa phương",19/06/2015,01/01/2016,01/03/2025,Hết hiệu lực toàn bộ,65/2025/QH15,
        65/2025/QH15,Luật,Quốc hội,Luật Tổ chức chính quyền địa phương,19/02/2025,01/03/2025,,Còn hiệu lực,,77/2015/QH13

        """

    static func folder() throws -> URL {
        try ReviewerOutputTests.folder("registry", files: ["qd.txt": decision])
    }

    @Test("an imported table gives review --db a finding with FILE:LINE as evidence, where before the document was unknown")
    func importedStatusReviewed() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.table.utf8).write(to: dir.appendingPathComponent("vbpl.csv"))
        #expect(try CommandLineRun.cancu(["index", "docs", "--db", "i.sqlite"], in: dir).status == 0)
        let before = try CommandLineRun.cancu(["review", "--db", "i.sqlite", "--as-of", "2025-12-31", "--format", "json"], in: dir)
        let beforeLaw = before.lines.filter { $0.contains("77/2015/QH13") }
        #expect(beforeLaw.contains { $0.contains("\"unknown_document\"") }, "\(before.text)")
        #expect(!beforeLaw.contains { $0.contains("\"doc_replaced\"") }, "\(before.text)")

        let imported = try CommandLineRun.cancu(["registry", "import", "vbpl.csv", "--db", "i.sqlite"], in: dir)
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.text.contains("Đã nhập 2 văn bản"), "\(imported.text)")

        let after = try CommandLineRun.cancu(["review", "--db", "i.sqlite", "--as-of", "2025-12-31", "--format", "json"], in: dir)
        let replaced = try #require(after.lines.first { $0.contains("77/2015/QH13") && $0.contains("\"doc_replaced\"") }, "\(after.text)")
        #expect(replaced.contains("\"replacement\":\"65/2025/QH15\""), "\(replaced)")
        #expect(replaced.contains("vbpl.csv:2"), "the evidence names the table's line: \(replaced)")
        #expect(replaced.contains("\"severity\":\"error\""), "replaced on 01/03/2025, before the decision of 10/9/2025: \(replaced)")
        #expect(after.status == 1)

        // The coverage line counts the imported table as a source.
        let text = try CommandLineRun.cancu(["review", "--db", "i.sqlite", "--as-of", "2025-12-31"], in: dir)
        let coverage = try #require(text.lines.first { $0.hasPrefix("Hiệu lực đã biết") }, "\(text.text)")
        #expect(coverage.contains("2/2 văn bản được trích dẫn") && coverage.contains("bảng đã nhập 1") && coverage.contains("danh mục 1"),
                "\(coverage)")
        #expect(before.status == 0 || before.status == 1)
    }

    @Test("registry show lists every source with its place, in text and JSON; a pasted citation works; unknown exits 1")
    func showSources() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("symbol\tstatus\tissued\n61/2018/NĐ-CP\tCòn hiệu lực\t23/04/2018\n".utf8).write(to: dir.appendingPathComponent("own.tsv"))
        #expect(try CommandLineRun.cancu(["registry", "import", "own.tsv"], in: dir).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("cancu.sqlite").path), "the default index is ./cancu.sqlite")

        let json = try CommandLineRun.cancu(["registry", "show", "Nghị định số 61/2018/ND-CP ngày 23/4/2018", "--format", "json",
                                             "--as-of", "31/12/2025"], in: dir)
        #expect(json.status == 0, "\(json.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.output) as? [String: Any])
        #expect(object["symbol"] as? String == "61/2018/NĐ-CP")
        let sources = try #require(object["sources"] as? [[String: Any]])
        #expect(sources.map { $0["kind"] as? String } == ["registry", "imported"])
        #expect((sources[0]["origin"] as? String)?.hasPrefix("dictionaries/documents.tsv:") == true)
        #expect(sources[1]["origin"] as? String == "own.tsv:2")
        let conflicts = try #require(object["conflicts"] as? [String])
        #expect(conflicts.contains { $0.contains("status in_force (own.tsv:2)") && $0.contains("expired (dictionaries/documents.tsv:") },
                "the registry says replaced, the table says in force: \(conflicts)")
        let statuses = try #require(object["statuses"] as? [[String: Any]])
        #expect(statuses.first?["code"] as? String == "doc_replaced")

        let text = try CommandLineRun.cancu(["registry", "show", "61/2018/nđ-cp", "--width", "100", "--as-of", "31/12/2025"], in: dir)
        #expect(text.text.contains("bảng đã nhập") && text.text.contains("own.tsv:2") && text.text.contains("danh mục"), "\(text.text)")
        #expect(text.text.contains("Các nguồn không khớp (1)"), "\(text.text)")
        #expect(text.text.contains("01/07/2025"), "dates dd/mm/yyyy: \(text.text)")
        #expect(text.lines.allSatisfy { $0.count <= 100 }, "\(text.text)")

        let unknown = try CommandLineRun.cancu(["registry", "show", "999/2099/NĐ-CP"], in: dir)
        #expect(unknown.status == 1)
        #expect(unknown.error.contains("không tìm thấy văn bản 999/2099/NĐ-CP"), "\(unknown.error)")
    }

    @Test("a table with wrong rows imports nothing and names every problem with its line")
    func wrongRowsImportNothing() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = """
            Số hiệu,Ngày ban hành,Tình trạng hiệu lực,Văn bản thay thế
            12/2020/NĐ-CP,05/01/2020,Còn hiệu lực,
            abc,31/02/2020,Sắp hết,
            13/2020/TT-BTC,2020-03-01,Hết hiệu lực toàn bộ,xyz
            14/2020/TT-BTC,2020-03-01

            """
        try Data(bad.utf8).write(to: dir.appendingPathComponent("bad.csv"))
        let run = try CommandLineRun.cancu(["registry", "import", "bad.csv", "--db", "i.sqlite"], in: dir)
        #expect(run.status == 1)
        let problems = run.error.split(separator: "\n").map(String.init)
        #expect(problems.contains { $0.contains("bad.csv:3:") && $0.contains("'abc'") }, "\(run.error)")
        #expect(problems.contains { $0.contains("bad.csv:3:") && $0.contains("'31/02/2020'") }, "\(run.error)")
        #expect(problems.contains { $0.contains("bad.csv:3:") && $0.contains("'Sắp hết'") }, "\(run.error)")
        #expect(problems.contains { $0.contains("bad.csv:4:") && $0.contains("'xyz'") }, "\(run.error)")
        #expect(problems.contains { $0.contains("bad.csv:5:") && $0.contains("2 ô") }, "\(run.error)")
        #expect(run.error.contains("không nhập gì (5 lỗi)"), "\(run.error)")
        // Not even the good row went in.
        let show = try CommandLineRun.cancu(["registry", "show", "12/2020/NĐ-CP", "--db", "i.sqlite"], in: dir)
        #expect(show.status == 1, "\(show.text)")
        // A file without a symbol column, an empty file, invalid UTF-8.
        try Data("Tên,Ngày\nA,01/01/2020\n".utf8).write(to: dir.appendingPathComponent("nosymbol.csv"))
        try Data().write(to: dir.appendingPathComponent("empty.csv"))
        try Data([0x53, 0xFF, 0xFE, 0x0A]).write(to: dir.appendingPathComponent("binary.csv"))
        for (file, words) in [("nosymbol.csv", "không có cột số hiệu"), ("empty.csv", "không có dòng dữ liệu"), ("binary.csv", "UTF-8")] {
            let run = try CommandLineRun.cancu(["registry", "import", file, "--db", "i.sqlite"], in: dir)
            #expect(run.status == 1 && run.error.contains(words), "\(file): \(run.error)")
        }
    }

    @Test("JSON Lines with lists; importing the same file again replaces its rows")
    func jsonLinesAndReimport() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = """
            {"so_hieu": "05/2020/TT-BTC", "tinh_trang_hieu_luc": "Hết hiệu lực toàn bộ", "van_ban_thay_the": ["06/2022/TT-BTC"], "ngay_het_hieu_luc": "2022-05-01", "ghi_chu": 3}
            {"symbol": "06/2022/TT-BTC", "status": "in_force", "effective": "01/05/2022", "amended_by": null}

            """
        try Data(first.utf8).write(to: dir.appendingPathComponent("t.jsonl"))
        let run = try CommandLineRun.cancu(["registry", "import", "t.jsonl", "--db", "i.sqlite"], in: dir)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.error.contains("bỏ qua các cột không dùng: ghi_chu"), "\(run.error)")
        let show = try CommandLineRun.cancu(["registry", "show", "05/2020/TT-BTC", "--db", "i.sqlite", "--format", "json"], in: dir)
        #expect(show.text.contains("\"replaced_by\":[\"06/2022/TT-BTC\"]") && show.text.contains("\"doc_replaced\""), "\(show.text)")

        try Data("{\"symbol\": \"06/2022/TT-BTC\", \"status\": \"Còn hiệu lực\"}\n".utf8).write(to: dir.appendingPathComponent("t.jsonl"))
        #expect(try CommandLineRun.cancu(["registry", "import", "t.jsonl", "--db", "i.sqlite"], in: dir).status == 0)
        let gone = try CommandLineRun.cancu(["registry", "show", "05/2020/TT-BTC", "--db", "i.sqlite"], in: dir)
        #expect(gone.status == 1, "the earlier rows of t.jsonl are replaced: \(gone.text)")
    }

    @Test("the starter registry of official lists imports whole: 1,091 rows, doubtful dates as warnings",
          .enabled(if: FileManager.default.fileExists(atPath: RegistryImportTests.starter.path),
                   "../shared/reference/registry/documents.tsv is absent: the import of the official lists is not checked"))
    func starterRegistry() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CommandLineRun.cancu(["registry", "import", Self.starter.path, "--db", "i.sqlite"], in: dir)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.text.contains("Đã nhập 1091 văn bản"), "\(run.text)")
        #expect(run.error.contains("cảnh báo") && run.error.contains("trước ngày ban hành"), "\(run.error)")
    }

    static let starter = SharedCorpus.location.deletingLastPathComponent().appendingPathComponent("reference/registry/documents.tsv")

    @Test("overlay: imported fields win, lists unite, a differing value is a conflict note naming both places")
    func overlay() {
        let base = DocumentRecord(symbol: "09/2019/NĐ-CP", issued: "2019-01-24", status: .inForce, amendedBy: ["01/2020/NĐ-CP"],
                                  origin: "dictionaries/documents.tsv:7")
        let other = DocumentRecord(symbol: "9/2019/NĐ-CP", issued: "2019-01-25", status: .expired, replacedBy: ["02/2025/NĐ-CP"],
                                   amendedBy: ["01/2020/NĐ-CP", "03/2021/NĐ-CP"], origin: "t.csv:4")
        let merged = Registry(records: [base]).overlaid(with: [other]).record(symbol: "09/2019/NĐ-CP")
        #expect(merged?.status == .expired)
        #expect(merged?.amendedBy == ["01/2020/NĐ-CP", "03/2021/NĐ-CP"])
        #expect(merged?.replacedBy == ["02/2025/NĐ-CP"])
        #expect(merged?.origin == "t.csv:4|dictionaries/documents.tsv:7")
        #expect(merged?.note.contains("conflict: issued 2019-01-25 (t.csv:4) vs 2019-01-24 (dictionaries/documents.tsv:7)") == true)
        #expect(merged?.note.contains("conflict: status expired (t.csv:4) vs in_force") == true)
    }
}
