import Foundation
import GRDB
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

/// `cancu review --db`: the review computed from the index's stored rows gives the same findings as
/// the review of the files, and `basis`/`show` flag documents with the review codes that apply.
@Suite("Review from the index")
struct ReviewIndexTests {
    static let lexicon = Lexicon.builtIn
    static let reviewer = Reviewer(lexicon: lexicon)

    /// Short realistic documents: each exercises one rule of the review issue.
    static let documents: [String: String] = [
        "ke-hoach-2025.txt": """
            ỦY BAN NHÂN DÂN
            TỈNH THÁI NGUYÊN
            Số: 145/KH-UBND
            Thái Nguyên, ngày 15 tháng 9 năm 2025

            KẾ HOẠCH
            Triển khai cơ chế một cửa, một cửa liên thông năm 2025

            Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính;
            Căn cứ Nghị định số 09/2019/NĐ-CP ngày 25/01/2019 của Chính phủ quy định về chế độ báo cáo của cơ quan hành chính nhà nước;
            Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13;
            Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
            1. Ủy ban nhân dân tỉnh Bắc Kạn phối hợp rà soát hồ sơ tồn đọng.
            2. UBND huyện Ba Bể báo cáo kết quả trước ngày 30/11/2025.
            """,
        "cong-van-2026.txt": """
            BỘ TÀI CHÍNH
            Số: 512/BTC-PC
            Hà Nội, ngày 12 tháng 01 năm 2026

            V/v hướng dẫn thực hiện Nghị định số 300/2026/NĐ-CP

            Kính gửi: Các bộ, cơ quan ngang bộ.

            Thực hiện Nghị định số 300/2026/NĐ-CP ngày 30/3/2026 của Chính phủ, Bộ Tài chính đề nghị các đơn vị
            trước đây thuộc Bộ Kế hoạch và Đầu tư rà soát các thủ tục hành chính theo Nghị định số 61/2018/NĐ-CP.
            """,
        "quyet-dinh-2023.txt": """
            ỦY BAN NHÂN DÂN
            TỈNH BẮC KẠN
            Số: 88/QĐ-UBND
            Bắc Kạn, ngày 10 tháng 3 năm 2023

            QUYẾT ĐỊNH
            Về việc ban hành Quy chế tiếp nhận hồ sơ

            Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa;
            QUYẾT ĐỊNH:
            Điều 1. UBND huyện Ba Bể, Ủy ban nhân dân tỉnh Bắc Kạn tổ chức thực hiện.
            Điều 2. Quyết định này thay thế Quyết định số 15/2019/QĐ-UBND ngày 02/5/2019 của Ủy ban nhân dân tỉnh Bắc Kạn.
            Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày 20 tháng 3 năm 2023.
            """,
        "bao-cao-2024.txt": """
            ỦY BAN NHÂN DÂN
            TỈNH BẮC KẠN
            Số: 40/BC-UBND
            Bắc Kạn, ngày 05 tháng 02 năm 2024

            BÁO CÁO
            Kết quả thực hiện Quyết định số 15/2019/QĐ-UBND

            Thực hiện Quyết định số 15/2019/QĐ-UBND ngày 02/5/2019 của Ủy ban nhân dân tỉnh Bắc Kạn, Ủy ban nhân dân tỉnh báo cáo như sau.
            """,
    ]

    /// A comparable finding: what the brief asks to be identical between the two modes.
    struct Key: Hashable, Comparable, CustomStringConvertible {
        var file: String, start: Int, end: Int, code: String, symbol: String, severity: String, asOf: String, replacement: String
        init(_ f: Finding) {
            file = (f.source as NSString).lastPathComponent; start = f.range.lowerBound; end = f.range.upperBound
            code = f.code.rawValue; symbol = f.symbol ?? ""; severity = f.severity.rawValue; asOf = f.asOf.rawValue
            replacement = f.replacement ?? ""
        }
        static func < (a: Key, b: Key) -> Bool { (a.file, a.start, a.code) < (b.file, b.start, b.code) }
        var description: String { "\(file)@\(start)-\(end) \(code) \(symbol) \(severity) \(asOf) \(replacement)" }
    }

    /// The review of files as `cancu review PATH...` runs it: facts learned from every file, then each reviewed.
    static func reviewFiles(_ paths: [String], asOf: String) -> [Finding] {
        var findings: [Finding] = []
        FilesReview(lexicon: lexicon).review(paths, asOf: asOf) { outcome in
            if case .reviewed(_, let found) = outcome { findings += found }
        }
        return findings
    }

    /// The review of an index as `cancu review --db` runs it.
    static func reviewIndex(_ db: String, asOf: String) throws -> [Finding] {
        let review = IndexReview(index: try DocumentIndex.openForReading(path: db), reviewer: reviewer)
        let facts = try review.learnFacts()
        var findings: [Finding] = []
        try review.review(asOf: asOf, facts: facts) { _, found in findings += found }
        return findings
    }

    static func writeDocuments(to dir: URL) throws -> String {
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        for (name, text) in documents { try text.write(to: docs.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return docs.path
    }

    static func index(_ paths: [String], in dir: URL) async throws -> String {
        let db = dir.appendingPathComponent("i.sqlite").path
        let report = try await Indexer(lexicon: lexicon).run(paths, into: try DocumentIndex.create(path: db))
        #expect(report.failures.isEmpty)
        return db
    }

    @Test("review --db gives the findings of review PATH on short documents")
    func sameFindingsOnShortDocuments() async throws {
        let dir = try IndexTestSupport.temporaryFolder("review-db")
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = try Self.writeDocuments(to: dir)
        let db = try await Self.index([docs], in: dir)
        let fromFiles = Self.reviewFiles([docs], asOf: "2026-03-01")
        let fromIndex = try Self.reviewIndex(db, asOf: "2026-03-01")
        #expect(fromFiles.map(Key.init).sorted() == fromIndex.map(Key.init).sorted())
        #expect(Set(fromFiles.map(\.message)) == Set(fromIndex.map(\.message)))

        // The rules themselves, as read back from the index.
        func find(_ file: String, _ code: Finding.Code) -> [Finding] {
            fromIndex.filter { $0.source.hasSuffix(file) && $0.code == code }
        }
        let replaced = try #require(find("ke-hoach-2025.txt", .docReplaced).first { $0.symbol == "61/2018/NĐ-CP" })
        #expect(replaced.replacement == "118/2025/NĐ-CP" && replaced.severity == .error && replaced.asOf == .written)
        #expect(find("ke-hoach-2025.txt", .docReplaced).contains { $0.symbol == "80/2015/QH13" && $0.replacement == "64/2025/QH15" })
        let mismatch = try #require(find("ke-hoach-2025.txt", .dateMismatch).first)
        #expect(mismatch.symbol == "09/2019/NĐ-CP" && mismatch.expected == "2019-01-24")
        #expect(find("ke-hoach-2025.txt", .issuerAbolished).contains { $0.text.hasPrefix("UBND huyện") && $0.severity == .error })
        #expect(find("ke-hoach-2025.txt", .issuerMerged).contains { $0.text.contains("Bắc Kạn") && $0.replacement?.contains("Thái Nguyên") == true })
        #expect(find("cong-van-2026.txt", .issuerMerged).contains { $0.text == "Bộ Kế hoạch và Đầu tư" && $0.replacement == "Bộ Tài chính" })
        #expect(find("cong-van-2026.txt", .docNotYetIssued).contains { $0.symbol == "300/2026/NĐ-CP" && $0.severity == .error })
        // Written before the changes: nothing is an error.
        #expect(!fromIndex.contains { $0.source.hasSuffix("quyet-dinh-2023.txt") && $0.severity == .error })
        // Learned from the index: 88/QĐ-UBND replaced 15/2019/QĐ-UBND on 2023-03-20, before the report cites it.
        let learned = try #require(find("bao-cao-2024.txt", .docReplaced).first)
        #expect(learned.symbol == "15/2019/QĐ-UBND" && learned.replacement == "88/QĐ-UBND")
        #expect(learned.severity == .error && learned.changed == "2023-03-20" && learned.evidence.contains("quyet-dinh-2023.txt:"))
    }

    @Test("review --db gives the findings of review PATH on the project corpus")
    func sameFindingsOnProjectCorpus() async throws {
        let corpus = SharedCorpus.projectCorpus.path
        let dir = try IndexTestSupport.temporaryFolder("review-db-corpus")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try await Self.index([corpus], in: dir)
        for asOf in ["2024-06-01", "2026-03-01"] {
            let fromFiles = Self.reviewFiles([corpus], asOf: asOf).map(Key.init).sorted()
            let fromIndex = try Self.reviewIndex(db, asOf: asOf).map(Key.init).sorted()
            #expect(!fromFiles.isEmpty)
            #expect(fromFiles == fromIndex)
        }
    }

    @Test("review --db gives the findings of review PATH on the shared corpus", .enabled(if: SharedCorpus.isAvailable, SharedCorpus.missing()),
          // The shared corpus holds .doc and .pdf originals; without their converters the index reports them unread.
          .enabled(if: FormatsTests.toolInstalled("catdoc") && FormatsTests.toolInstalled("pdftotext"),
                   "the shared corpus's .doc and .pdf originals need catdoc and pdftotext (apt-get install catdoc poppler-utils)"))
    func sameFindingsOnSharedCorpus() async throws {
        let corpus = try SharedCorpus.require("").path
        let dir = try IndexTestSupport.temporaryFolder("review-db-shared")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try await Self.index([corpus], in: dir)
        let fromFiles = Self.reviewFiles([corpus], asOf: "2026-03-01").map(Key.init).sorted()
        let fromIndex = try Self.reviewIndex(db, asOf: "2026-03-01").map(Key.init).sorted()
        #expect(fromFiles.count > 100)
        #expect(fromFiles == fromIndex)
    }

    @Test("the index stores the changed bodies a document names, with their lines")
    func bodyMentionsStored() async throws {
        let dir = try IndexTestSupport.temporaryFolder("review-db-bodies")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try await Self.index([try Self.writeDocuments(to: dir)], in: dir)
        let rows = try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: """
                SELECT b.text, b.line, b.origin, d.written FROM body_mentions b JOIN documents d ON d.id = b.document_id
                JOIN files f ON f.id = d.file_id WHERE f.path LIKE '%ke-hoach-2025.txt' ORDER BY b.start
                """)
        }
        #expect(rows.map { $0["text"] as String } .contains("UBND huyện"))
        let huyen = try #require(rows.first { ($0["text"] as String) == "UBND huyện" })
        #expect(huyen["line"] as Int == 14)
        #expect((huyen["origin"] as String).hasPrefix("dictionaries/"))
        #expect(huyen["written"] as String == "2025-09-15")
    }

    @Test("basis and show flag a document with the review codes that apply as of the date")
    func flags() async throws {
        let dir = try IndexTestSupport.temporaryFolder("review-db-flags")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try await Self.index([try Self.writeDocuments(to: dir)], in: dir)
        let index = try DocumentIndex.openForReading(path: db)

        let now = IndexQueries(index: index, lexicon: Self.lexicon, asOf: "2026-03-01")
        let decree = try #require(try now.show("61/2018/ND-CP"))
        #expect(decree.facts.flags.contains("doc_replaced"))
        #expect(decree.facts.review.first?.replacement == ["118/2025/NĐ-CP"])
        #expect(QueryView.text(decree, style: TerminalStyle(width: 10_000, color: false)).contains("bị thay thế → 118/2025/NĐ-CP"))
        var json = JSONWriter()
        QueryView.writeJSON(decree, to: &json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
        let flags = try #require((object["document"] as? [String: Any] ?? object)["flags"] as? [String])
        #expect(flags.contains("doc_replaced"))

        // Learned from an indexed document, not the registry.
        let learned = try #require(try now.show("15/2019/QĐ-UBND"))
        #expect(learned.facts.flags.contains("doc_replaced"))
        #expect(learned.facts.review.first?.replacement == ["88/QĐ-UBND"])

        // Before the replacement took effect: no flag.
        let before = IndexQueries(index: index, lexicon: Self.lexicon, asOf: "2024-01-01")
        #expect(try before.show("61/2018/NĐ-CP")?.facts.flags.contains("doc_replaced") == false)
        #expect(try before.show("15/2019/QĐ-UBND")?.facts.flags.contains("doc_replaced") == true)
        let early = IndexQueries(index: index, lexicon: Self.lexicon, asOf: "2023-03-01")
        #expect(try early.show("15/2019/QĐ-UBND")?.facts.flags.contains("doc_replaced") == false)
    }

    @Test("the analyze section counts findings by code and lists errors with file:line")
    func analyzeSection() async throws {
        let dir = try IndexTestSupport.temporaryFolder("review-db-analyze")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try await Self.index([try Self.writeDocuments(to: dir)], in: dir)
        let review = IndexReview(index: try DocumentIndex.openForReading(path: db), reviewer: Self.reviewer)
        var found: [(finding: Finding, line: Int)] = []
        var documents = 0
        try review.review(asOf: "2026-03-01", facts: try review.learnFacts()) { document, findings in
            documents += 1
            let lineOf = document.lines()
            found += findings.map { ($0, lineOf($0.range.lowerBound)) }
        }
        let text = ReviewView.analyzeSection(found, documents: documents, style: TerminalStyle(width: 10_000, color: false))
        #expect(text.contains("4 văn bản"))
        #expect(text.contains("văn bản đã bị thay thế: "))
        #expect(text.contains("ke-hoach-2025.txt:9: văn bản đã bị thay thế «Nghị định số 61/2018/NĐ-CP"))
        #expect(text.contains("ke-hoach-2025.txt:14: cơ quan không còn tổ chức"))
    }
}
