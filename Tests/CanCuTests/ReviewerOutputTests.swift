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
}
