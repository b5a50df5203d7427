import Foundation
import Testing
@testable import CanCu
@testable import CanCuIndex

/// Issue 15, point 4: a symbol pasted in shorthand ("NĐ 61/2018") works as an argument, and an
/// edge belongs to the document whose text says it — through the command line.
@Suite("Shorthand symbols and whose edges: cited-by and show")
struct SymbolShorthandTests {
    /// A decision whose basis names an amendment of a decree it cites ("… được sửa đổi, bổ sung bởi
    /// Nghị định số 107/2021/NĐ-CP"): that amends edge is 107/2021's, not the decision's. It also
    /// cites two decisions numbered 15/2024 of two issuers.
    static let decision = """
        ỦY BAN NHÂN DÂN
        TỈNH BẮC NINH
        Số: 20/2025/QĐ-UBND
        Bắc Ninh, ngày 10 tháng 3 năm 2025

        QUYẾT ĐỊNH
        Ban hành quy chế tiếp nhận hồ sơ

        Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính được sửa đổi, bổ sung bởi Nghị định số 107/2021/NĐ-CP ngày 06 tháng 12 năm 2021;
        Căn cứ Quyết định số 15/2024/QĐ-TTg ngày 01/02/2024 của Thủ tướng Chính phủ;
        Căn cứ Quyết định số 15/2024/QĐ-UBND ngày 05/03/2024 của Ủy ban nhân dân tỉnh;

        Điều 1. Ban hành kèm theo Quyết định này quy chế tiếp nhận hồ sơ.
        """

    static func indexed(_ name: String) throws -> (dir: URL, db: String) {
        let dir = try IndexTestSupport.temporaryFolder(name)
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try Data(decision.utf8).write(to: docs.appendingPathComponent("qd.txt"))
        let db = dir.appendingPathComponent("i.sqlite").path
        let run = try CommandLineRun.cancu(["index", "docs", "--db", db], in: dir)
        #expect(run.status == 0, "\(run.error)")
        return (dir, db)
    }

    static func json(_ run: CommandLineRun) throws -> [[String: Any]] {
        try run.lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test("\"NĐ 61/2018\", \"ND 61/2018\", \"Nghị định số 61/2018\", \"nghi dinh 61/2018\" are 61/2018/NĐ-CP; an ambiguous or mistyped shorthand is not guessed")
    func shorthand() throws {
        let (dir, db) = try Self.indexed("shorthand")
        defer { try? FileManager.default.removeItem(at: dir) }
        let full = try CommandLineRun.cancu(["cited-by", "61/2018/NĐ-CP", "--db", db, "--format", "json"], in: dir)
        #expect(full.status == 0 && !full.output.isEmpty, "\(full.error)")
        for typed in ["NĐ 61/2018", "ND 61/2018", "nđ 61/2018", "Nghị định số 61/2018", "nghi dinh 61/2018", "NĐ 061/2018"] {
            let run = try CommandLineRun.cancu(["cited-by", typed, "--db", db, "--format", "json"], in: dir)
            #expect(run.status == 0 && run.output == full.output, "\(typed): \(run.text)")
        }
        let show = try CommandLineRun.cancu(["show", "NĐ 107/2021", "--db", db, "--format", "json"], in: dir)
        #expect(show.status == 0, "\(show.error)")
        #expect(try Self.json(show).first?["symbol"] as? String == "107/2021/NĐ-CP")
        // Two decisions 15/2024 (QĐ-TTg, QĐ-UBND): which one is meant is not guessed.
        let ambiguous = try CommandLineRun.cancu(["show", "QĐ 15/2024", "--db", db], in: dir)
        #expect(ambiguous.status == 1 && ambiguous.error.contains("15/2024"), "\(ambiguous.text)")
        // A decree is no circular: no document has the type "Thông tư" and number 61/2018 here.
        let wrongType = try CommandLineRun.cancu(["show", "Thông tư 9999/2018", "--db", db], in: dir)
        #expect(wrongType.status == 1)
    }

    @Test("cited-by and show credit a citing document only with its own relations, not with an amendment it mentions")
    func edgesBelongToTheirDocument() throws {
        let (dir, db) = try Self.indexed("edges")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CommandLineRun.cancu(["cited-by", "61/2018/NĐ-CP", "--db", db, "--format", "json"], in: dir)
        let item = try #require(try Self.json(run).first { ($0["citing"] as? [String: Any])?["symbol"] as? String == "20/2025/QĐ-UBND" })
        #expect(item["relations"] as? [String] == ["basis"], "\(run.text)")
        let show = try CommandLineRun.cancu(["show", "20/2025/QĐ-UBND", "--db", db, "--format", "json"], in: dir)
        let citations = try #require(try Self.json(show).first?["citations"] as? [[String: Any]])
        let decree = try #require(citations.first { $0["symbol"] as? String == "61/2018/NĐ-CP" })
        #expect(decree["relations"] as? [String] == ["basis"], "\(show.text)")
        // A decree that amends another in its own words keeps that edge (the sample corpus).
        let corpus = SharedCorpus.repositoryRoot.appendingPathComponent("corpus").path
        let db2 = dir.appendingPathComponent("c.sqlite").path
        _ = try CommandLineRun.cancu(["index", corpus, "--db", db2], in: dir)
        let amended = try CommandLineRun.cancu(["cited-by", "63/2010/NĐ-CP", "--db", db2, "--format", "json"], in: dir)
        let amender = try #require(try Self.json(amended).first { ($0["citing"] as? [String: Any])?["symbol"] as? String == "999/2026/NĐ-CP" })
        #expect((amender["relations"] as? [String])?.contains("amends") == true, "\(amended.text)")
        let sample = try CommandLineRun.cancu(["cited-by", "61/2018/NĐ-CP", "--db", db2, "--format", "json"], in: dir)
        for entry in try Self.json(sample) where (entry["citing"] as? [String: Any])?["kind"] as? String == "document" {
            #expect(!((entry["relations"] as? [String]) ?? []).contains("amends"), "\(entry)")
        }
    }
}
