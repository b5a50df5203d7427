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

/// Titles of the documents of a procedure's legal basis, read from the title cells of the portal's
/// flattened table, and shown by `cancu basis` when neither the index nor the registry has one.
@Suite("Legal basis: titles from the record's rows")
struct BasisTitleTests {
    let extractor = CitationExtractor.builtIn

    func titles(_ field: String) -> [String: String] {
        var result: [String: String] = [:]
        for c in extractor.basisRows(inField: field) { result[c.symbol ?? c.name ?? ""] = c.title ?? "–" }
        return result
    }

    @Test("type, number, date and issuer before the subject are dropped; a colon ends them")
    func cellForms() {
        let field = "Tên văn bản pháp lýMã văn bản"
            + "Thông tư số 101/2020/TT-BTC ngày 23/11/2020 của Bộ trưởng Bộ Tài chính quy định về mức thu phí trong công tác thú y101/2020/TT-BTC"
            + "Nghị quyết số 190/2025/QH15 của Quốc hội: Quy định về xử lý một số vấn đề liên quan đến sắp xếp tổ chức bộ máy nhà nước190/2025/NQ-QH15"
            + "Nghị định của Chính phủ: Quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước70/2024/NĐ-CP"
            + "Quy định về hoạt động đào tạo và sát hạch lái xe.160/2024/NĐ-CP"
            + "Luật Đất đai ngày 18/01/2024;31/2024/QH15"
            + "Nghị định 105/2021/NĐ-CP105/2021/NĐ-CP"
        let t = titles(field)
        #expect(t["101/2020/TT-BTC"] == "Quy định về mức thu phí trong công tác thú y")
        #expect(t["190/2025/QH15"] == "Quy định về xử lý một số vấn đề liên quan đến sắp xếp tổ chức bộ máy nhà nước")
        #expect(t["70/2024/NĐ-CP"] == "Quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước")
        #expect(t["160/2024/NĐ-CP"] == "Quy định về hoạt động đào tạo và sát hạch lái xe")
        #expect(t["31/2024/QH15"] == "Luật Đất đai")
        // A cell that only repeats the number gives no title.
        #expect(t["105/2021/NĐ-CP"] == "–")
    }

    @Test("a code cell ends with its symbol even when the next cell is glued to it")
    func gluedCells() {
        let field = "Tên văn bản pháp lýMã văn bản"
            + "Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam47/2014/QH13"
            + "Luật Xuất cảnh, nhập cảnh của công dân Việt Nam sửa đổi 202323/2023/QH15"
            + "Thông tư 57/2021/TT-BCA57/2021/TT-BCA"
            + "Nghị định số 168/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ về đăng ký doanh nghiệp168/2025/NĐ-CP"
            + "Thông tư số 14/2025/TT-BNNMT ngày 19/6/2025 của Bộ trưởng Bộ Nông nghiệp và Môi trường sửa đổi Thông tư số 02/2024/TT-BTNMT14/2025/TT-BNNMT"
        let t = titles(field)
        #expect(t["47/2014/QH13"] == "Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam")
        #expect(t["23/2023/QH15"] == "Luật Xuất cảnh, nhập cảnh của công dân Việt Nam sửa đổi")
        #expect(t["57/2021/TT-BCA"] == "–")
        #expect(t["168/2025/NĐ-CP"] == "Về đăng ký doanh nghiệp")
        #expect(t["14/2025/TT-BNNMT"] == "Sửa đổi Thông tư số 02/2024/TT-BTNMT")
    }

    @Test("a cell that opens with another document's type is a shifted row: no title")
    func shiftedRow() {
        let field = "Tên văn bản pháp lýMã văn bản"
            + "Nghị định 23/2026/NĐ-CP ngày 17/01/2026 của Chính phủ sửa đổi, bổ sung một số điều của các Nghị định trong lĩnh vực tài nguyên nước14/2025/TT-BNNMT"
        #expect(titles(field)["14/2025/TT-BNNMT"] == "–")
    }

    @Test("every record of dichvucong.jsonl: titles start with a capital and hold no glued code cell", .enabled(if: SharedCorpus.has("procedures/dichvucong.jsonl"), SharedCorpus.missing("procedures/dichvucong.jsonl")))
    func portalRecords() throws {
        let url = try SharedCorpus.require("procedures/dichvucong.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        let (procedures, _) = ProcedureRecordReader(lexicon: .builtIn).read(text, path: url.path)
        var rows = 0, titled = 0
        for procedure in procedures {
            for citation in extractor.basisRows(inField: procedure.basisText) {
                rows += 1
                guard let title = citation.title, let symbol = citation.symbol else { continue }
                titled += 1
                #expect(title.first?.isUppercase == true, "\(procedure.code ?? ""): \(title)")
                // A glued code cell would show as the symbol's issuer run into a word.
                #expect(!title.contains(symbol + " ") || title.contains("số " + symbol), "\(procedure.code ?? "") \(symbol): \(title)")
                #expect(title.range(of: #"[0-9A-Z]{2}[A-ZĐ][a-zà-ỹ]{2}"#, options: .regularExpression) == nil, "\(symbol): \(title)")
            }
        }
        print("basis rows: \(rows), with a title from the record: \(titled)")
        #expect(rows > 250 && titled > 140)
        let first = try #require(procedures.first { $0.code == "1.000889" })
        let t = Dictionary(extractor.basisRows(inField: first.basisText).map { ($0.symbol ?? "", $0.title ?? "–") }, uniquingKeysWith: { a, _ in a })
        #expect(t["16/2024/TT-BCA"] == "Quy định về mẫu thẻ căn cước, mẫu giấy chứng nhận căn cước")
        #expect(t["73/2024/TT-BTC"] == "Quy định mức thu, miễn, chế độ thu, nộp lệ phí cấp đổi, cấp lại thẻ căn cước")
        #expect(t["26/2023/QH15"] == "Luật Căn cước")
    }

    @Test("cancu basis shows the record's title for a document the registry does not know; the registry's wins", .enabled(if: SharedCorpus.has("procedures/dichvucong.jsonl"), SharedCorpus.missing("procedures/dichvucong.jsonl")))
    func basisQuery() async throws {
        let records = try SharedCorpus.require("procedures/dichvucong.jsonl")
        let dir = try IndexTestSupport.temporaryFolder("titles")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("i.sqlite").path
        _ = try await Indexer(lexicon: .builtIn).run([records.path], into: try DocumentIndex.create(path: db))
        let queries = IndexQueries(index: try DocumentIndex.openForReading(path: db), lexicon: .builtIn)
        let basis = try #require(try queries.basis("1.000889").first).basis
        let bySymbol = Dictionary(basis.map { ($0.facts.symbol ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let known = KnownDocuments(lexicon: .builtIn)
        let unknown = try #require(bySymbol["16/2024/TT-BCA"])
        #expect(known.record(key: unknown.facts.key)?.title == nil)
        #expect(unknown.facts.title == "Quy định về mẫu thẻ căn cước, mẫu giấy chứng nhận căn cước")
        let registered = try #require(bySymbol["190/2025/QH15"])
        let registryTitle = try #require(known.record(key: registered.facts.key)?.title)
        #expect(registered.facts.title == registryTitle)
    }

    @Test("an index of the previous schema is upgraded by `cancu index` and its files read again")
    func upgradeFromVersion2() throws {
        let dir = try IndexTestSupport.temporaryFolder("upgrade")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("i.sqlite").path
        let queue = try DatabaseQueue(path: db)
        try IndexSchema.migrator.migrate(queue, upTo: "v2-review")
        try queue.write { db in
            try db.execute(sql: "UPDATE meta SET value = '2' WHERE key = 'schema_version'")
            try db.execute(sql: "INSERT INTO files (path, kind, hash, size, indexed_at) VALUES ('a.txt', 'text', 'abc', 1, '2026-01-01')")
        }
        try queue.close()
        #expect(throws: IndexError.schemaMismatch(path: db, found: 2, expected: IndexSchema.version)) {
            _ = try DocumentIndex.openForReading(path: db)
        }
        _ = try DocumentIndex.create(path: db)
        let upgraded = try DatabaseQueue(path: db)
        let (version, columns, hash) = try upgraded.read { db in
            (try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'"),
             try db.columns(in: "procedure_basis").map(\.name),
             try String.fetchOne(db, sql: "SELECT hash FROM files"))
        }
        #expect(version == String(IndexSchema.version))
        #expect(columns.contains("title"))
        #expect(hash == "")
    }

    @Test("an index of schema 3 is upgraded to 4: its files are read again and their facts stored, so review --db works")
    func upgradeFromVersion3() async throws {
        let dir = try IndexTestSupport.temporaryFolder("upgrade3")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("i.sqlite").path
        let corpus = SharedCorpus.projectCorpus.path
        // An index as schema 3 left it: the rows, no stored facts.
        let first = try await Indexer(lexicon: .builtIn).run([corpus], into: try DocumentIndex.create(path: db))
        #expect(first.indexed == 5)
        let queue = try DatabaseQueue(path: db)
        try await queue.write { db in
            try db.execute(sql: """
                DROP TABLE file_facts; DROP TABLE document_texts;
                DELETE FROM grdb_migrations WHERE identifier = 'v4-document-facts';
                UPDATE meta SET value = '3' WHERE key = 'schema_version';
                """)
        }
        try queue.close()
        do {
            _ = try DocumentIndex.openForReading(path: db)
            Issue.record("a schema-3 index opened for reading without an upgrade")
        } catch {
            #expect(error == IndexError.schemaMismatch(path: db, found: 3, expected: IndexSchema.version))
        }
        let second = try await Indexer(lexicon: .builtIn).run([corpus], into: try DocumentIndex.create(path: db))
        #expect(second.indexed == 5 && second.unchanged == 0)
        let index = try DocumentIndex.openForReading(path: db)
        let stored = try index.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM file_facts") ?? 0 }
        #expect(stored == 5)
        var reviewed = 0
        try IndexReview(index: index, reviewer: Reviewer(lexicon: .builtIn)).review(asOf: "2026-01-01", facts: LearnedFacts()) { _, _ in
            reviewed += 1
        }
        #expect(reviewed == 4)
    }
}
