import Foundation
import Testing
@testable import CanCu
@testable import CanCuViews

/// What a reviewer reads (issue 15, points 4 and 5), through the command line: unknown status reads
/// as unknown, text fits the terminal, Vietnamese words and dates, colour, CSV and Markdown.
@Suite("Reviewer's output: honest status, fitted text, CSV and Markdown")
struct ReviewerOutputTests {
    /// A decision of 2025 citing a decree the registry does not know (777/2023/NĐ-CP) and one it
    /// knows was replaced before the decision (63/2010/NĐ-CP is amended; 09/2019/NĐ-CP in force).
    static let decision = """
        ỦY BAN NHÂN DÂN
        TỈNH BẮC NINH
        Số: 12/2025/QĐ-UBND
        Bắc Ninh, ngày 10 tháng 3 năm 2025

        QUYẾT ĐỊNH
        Ban hành quy chế phối hợp thử nghiệm

        Căn cứ Nghị định số 777/2023/NĐ-CP ngày 01/02/2023 của Chính phủ về quản lý thử nghiệm;
        Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính;

        Điều 1. Ban hành kèm theo Quyết định này quy chế phối hợp.
        """

    static func folder(_ name: String, files: [String: String]) throws -> URL {
        let dir = try IndexTestSupport.temporaryFolder(name)
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        for (file, text) in files { try Data(text.utf8).write(to: docs.appendingPathComponent(file)) }
        return dir
    }

    @Test("a cited document whose status is unknown reads \"chưa rõ hiệu lực\", never \"lỗi thời\" (review, show)")
    func unknownIsUnknown() throws {
        let dir = try Self.folder("unknown", files: ["qd.txt": Self.decision])
        defer { try? FileManager.default.removeItem(at: dir) }
        let review = try CommandLineRun.cancu(["review", "docs", "--as-of", "2025-12-31"], in: dir)
        let line = try #require(review.lines.first { $0.contains("777/2023/NĐ-CP") }, "\(review.text)")
        #expect(line.contains("chưa rõ hiệu lực") || review.text.contains("chưa rõ hiệu lực"), "\(review.text)")
        for finding in review.text.components(separatedBy: "dòng ").filter({ $0.contains("777/2023") }) {
            #expect(!finding.contains("lỗi thời"), "\(finding)")
        }
        let db = dir.appendingPathComponent("i.sqlite").path
        let index = try CommandLineRun.cancu(["index", "docs", "--db", db], in: dir)
        #expect(index.status == 0, "\(index.error)")
        let show = try CommandLineRun.cancu(["show", "777/2023/NĐ-CP", "--db", db], in: dir)
        #expect(show.status == 0, "\(show.error)")
        #expect(show.text.contains("chưa rõ hiệu lực"), "\(show.text)")
        #expect(!show.text.contains("lỗi thời"), "\(show.text)")
        let decision = try CommandLineRun.cancu(["show", "12/2025/QĐ-UBND", "--db", db], in: dir)
        let row = try #require(decision.lines.first { $0.contains("777/2023/NĐ-CP") }, "\(decision.text)")
        #expect(row.contains("chưa rõ hiệu lực") && !row.contains("lỗi thời"), "\(row)")
    }

    /// No terminal, no COLUMNS: the width a pipe gets.
    static let pipe = ["COLUMNS": "", "NO_COLOR": ""]

    @Test("review text fits --width, COLUMNS or 100 columns, wrapping without cutting symbols or dates; dd/mm/yyyy; counts in words")
    func reviewFitsWidth() throws {
        let dir = try Self.folder("width", files: ["qd.txt": Self.decision])
        defer { try? FileManager.default.removeItem(at: dir) }
        let narrow = try CommandLineRun.cancu(["review", "docs", "--as-of", "2025-12-31", "--width", "60"], in: dir, environment: Self.pipe)
        #expect(narrow.status == 0, "\(narrow.error)")
        #expect(narrow.lines.allSatisfy { $0.count <= 60 }, "\(narrow.text)")
        #expect(narrow.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).contains("118/2025/NĐ-CP"), "\(narrow.text)")
        #expect(narrow.text.contains("01/07/2025") && narrow.text.contains("10/03/2025"), "\(narrow.text)")
        #expect(!narrow.text.contains("2025-07-01") && !narrow.text.contains("…"), "\(narrow.text)")
        let joined = narrow.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("dòng 10 · CẢNH BÁO · văn bản đã bị thay thế · lỗi thời hiện nay"), "\(narrow.text)")
        #expect(narrow.text.contains("(1 cảnh báo, 1 lưu ý)"), "\(narrow.text)")
        #expect(!narrow.text.contains("warning") && !narrow.text.contains("doc_replaced"), "\(narrow.text)")
        let columns = try CommandLineRun.cancu(["review", "docs", "--as-of", "2025-12-31"], in: dir, environment: ["COLUMNS": "70", "NO_COLOR": ""])
        #expect(columns.lines.allSatisfy { $0.count <= 70 } && columns.lines.contains { $0.count > 60 }, "\(columns.text)")
        let piped = try CommandLineRun.cancu(["review", "docs", "--as-of", "2025-12-31"], in: dir, environment: Self.pipe)
        #expect(piped.lines.allSatisfy { $0.count <= 100 } && piped.lines.contains { $0.count > 70 }, "\(piped.text)")
    }

    @Test("severity colour: --color always colours, auto does not in a pipe, never does not; NO_COLOR is respected by auto")
    func colour() throws {
        let dir = try Self.folder("colour", files: ["qd.txt": Self.decision])
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(_ color: String, _ environment: [String: String] = Self.pipe) throws -> String {
            try CommandLineRun.cancu(["review", "docs", "--as-of", "2025-12-31", "--color", color], in: dir, environment: environment).text
        }
        let always = try run("always")
        #expect(always.contains("\u{1B}[33mCẢNH BÁO\u{1B}[0m") && always.contains("\u{1B}[36mLƯU Ý\u{1B}[0m"), "\(always)")
        #expect(try run("always", ["NO_COLOR": "1"]).contains("\u{1B}["))
        for plain in [try run("auto"), try run("never"), try run("auto", ["NO_COLOR": "1"])] {
            #expect(!plain.contains("\u{1B}"))
            #expect(plain == always.replacingOccurrences(of: "\u{1B}[33m", with: "").replacingOccurrences(of: "\u{1B}[36m", with: "")
                .replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: ""))
        }
        let refused = try CommandLineRun.cancu(["review", "docs", "--color", "sometimes"], in: dir)
        #expect(refused.status == 2)
    }

    @Test("show fits the width: cells wrapped, symbols and dates whole, dd/mm/yyyy, relations in words")
    func showFitsWidth() throws {
        let dir = try Self.folder("show-width", files: ["qd.txt": Self.decision])
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("i.sqlite").path
        _ = try CommandLineRun.cancu(["index", "docs", "--db", db], in: dir)
        let show = try CommandLineRun.cancu(["show", "12/2025/QĐ-UBND", "--db", db, "--as-of", "2025-12-31", "--width", "72"],
                                            in: dir, environment: Self.pipe)
        #expect(show.status == 0, "\(show.error)")
        #expect(show.lines.allSatisfy { $0.count <= 72 }, "\(show.text)")
        #expect(show.lines.contains { $0.hasPrefix("                    ") }, "no cell was wrapped: \(show.text)")
        #expect(show.text.contains("10/03/2025") && !show.text.contains("2025-03-10"), "\(show.text)")
        #expect(!show.text.contains("…"), "\(show.text)")
        let words = Set(show.text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == "[" || $0 == "]" }).map(String.init))
        #expect(words.isSuperset(of: ["61/2018/NĐ-CP", "118/2025/NĐ-CP", "777/2023/NĐ-CP", "01/07/2025"]), "\(show.text)")
        #expect(show.text.contains("căn cứ") && !show.text.contains("basis"), "\(show.text)")
    }

    @Test("every finding code, severity and relation type has Vietnamese words in dictionaries/finding-labels.tsv")
    func labelsComplete() {
        let labels = FindingLabels.builtIn
        for code in Finding.Code.allCases {
            #expect(labels.label(code) != code.rawValue, "\(code.rawValue)")
            #expect(labels.timing(code, .now) != "now" && labels.timing(code, .written) != "written", "\(code.rawValue)")
        }
        #expect(labels.counts([.error: 3, .warning: 10]) == "3 lỗi, 10 cảnh báo")
        for type in Relation.RelationType.allCases.map(\.rawValue) + ["governs"] {
            #expect(labels.relation(type) != type, "\(type)")
        }
        #expect(TextDates.inText("hết hiệu lực từ 2025-07-01 (tệp 2025-07-01-x.txt, số 12025-07-011)") == "hết hiệu lực từ 01/07/2025 (tệp 2025-07-01-x.txt, số 12025-07-011)")
    }

    /// RFC 4180 rows (quoted fields with doubled quotes), for checking `review --format csv`.
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { row.append(field); field = ""
            } else if c == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.append(c) }
        }
        return rows
    }

    @Test("review --format csv: one row per finding, Vietnamese words, dd/mm/yyyy, Excel-safe cells, --bom")
    func csv() throws {
        let dir = try Self.folder("csv", files: ["qd.txt": Self.decision])
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.decision.utf8).write(to: dir.appendingPathComponent("=1+1.txt"))
        let run = try CommandLineRun.cancu(["review", "docs", "=1+1.txt", "--as-of", "2025-12-31", "--format", "csv"], in: dir)
        #expect(run.status == 0, "\(run.error)")
        let rows = Self.csvRows(run.text)
        #expect(rows.first == ["file", "line", "severity", "code", "label", "text", "symbol", "replacement", "as_of", "date", "message", "evidence"])
        #expect(rows.count == 5 && rows.allSatisfy { $0.count == 12 }, "\(run.text)")
        let replaced = try #require(rows.first { $0[3] == "doc_replaced" && $0[0] == "docs/qd.txt" }, "\(run.text)")
        #expect(replaced[1] == "10" && replaced[2] == "cảnh báo" && replaced[4] == "văn bản đã bị thay thế")
        #expect(replaced[5] == "Nghị định số 61/2018/NĐ-CP" && replaced[6] == "61/2018/NĐ-CP" && replaced[7] == "118/2025/NĐ-CP")
        #expect(replaced[8] == "now" && replaced[9] == "01/07/2025" && replaced[10].contains("từ 01/07/2025, thay thế bởi"))
        #expect(replaced[11] == "dictionaries/documents.tsv:40")
        #expect(rows.contains { $0[3] == "unknown_document" && $0[4] == "văn bản chưa có trong danh mục" && $0[2] == "lưu ý" })
        // A file name a spreadsheet would read as a formula is text.
        #expect(rows.dropFirst().filter { $0[0] == "'=1+1.txt" }.count == 2, "\(run.text)")
        #expect(!run.text.contains("\n=1+1"))
        let bom = try CommandLineRun.cancu(["review", "docs", "--as-of", "2025-12-31", "--format", "csv", "--bom"], in: dir)
        #expect(Array(bom.output.prefix(8)) == [0xEF, 0xBB, 0xBF] + Array("file,".utf8))
        let refused = try CommandLineRun.cancu(["review", "docs", "--bom"], in: dir)
        #expect(refused.status == 2 && refused.error.contains("--bom"), "\(refused.error)")
    }

    @Test("review --format markdown: a heading and a findings table per document, counts in words, cells escaped")
    func markdown() throws {
        let dir = try Self.folder("markdown", files: ["qd.txt": Self.decision, "a|b.txt": "Một tệp không có trích dẫn nào.\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CommandLineRun.cancu(["review", "docs", "--as-of", "2025-12-31", "--format", "markdown"], in: dir)
        #expect(run.status == 0, "\(run.error)")
        let text = run.text
        #expect(text.hasPrefix("# Rà soát tham chiếu văn bản\n\nTính đến ngày 31/12/2025.\n"), "\(text)")
        #expect(text.contains("## docs/qd.txt (ban hành 10/03/2025)\n\n2 phát hiện: 1 cảnh báo, 1 lưu ý.\n"), "\(text)")
        #expect(text.contains("## docs/a\\|b.txt (không rõ ngày ban hành)\n\nKhông có phát hiện."), "\(text)")
        let header = "| Dòng | Mức độ | Phát hiện | Trích dẫn | Nội dung | Thay bằng | Nguồn |"
        #expect(text.contains(header + "\n|---:|---|---|---|---|---|---|\n"))
        let tableRows = run.lines.filter { $0.hasPrefix("| ") && $0 != Substring(header) }
        #expect(tableRows.count == 2)
        func cells(_ line: Substring) -> Int { line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
        #expect(tableRows.allSatisfy { cells($0) == 8 }, "\(tableRows)")
        #expect(tableRows.contains { $0.contains("| 10 | cảnh báo | văn bản đã bị thay thế (lỗi thời hiện nay) | Nghị định số 61/2018/NĐ-CP |") && $0.contains("| 118/2025/NĐ-CP |") })
        #expect(tableRows.contains { $0.contains("văn bản chưa có trong danh mục (chưa rõ hiệu lực)") })
        #expect(text.contains("## Tổng cộng\n\n2 văn bản, 2 phát hiện: 1 cảnh báo, 1 lưu ý.\n"), "\(text)")
        #expect(!text.contains("warning") && !text.contains("2025-07-01"))
    }
}
