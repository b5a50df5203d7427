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
}
