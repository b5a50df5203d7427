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

/// Temporary folders for index tests, removed by the caller.
enum IndexTestSupport {
    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Modification time and size of the index file, and the size of its WAL (an absent WAL
    /// counts as empty: opening a WAL database creates an empty one).
    static func fileState(_ db: String) -> [String] {
        let attributes = (try? FileManager.default.attributesOfItem(atPath: db)) ?? [:]
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let wal = (try? FileManager.default.attributesOfItem(atPath: db + "-wal"))?[.size] as? Int ?? 0
        return ["\(date) \(attributes[.size] as? Int ?? -1)", "wal \(wal)"]
    }
}

/// The SQLite index on the sample corpus: schema version, incremental runs, replacement, prune,
/// folded full-text search and the query answers.
@Suite("Index")
struct IndexTests {
    let corpus = SharedCorpus.projectCorpus.path

    @Test("re-indexing an unchanged corpus writes nothing")
    func unchangedWritesNothing() async throws {
        let dir = try IndexTestSupport.temporaryFolder("unchanged")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("i.sqlite").path
        let first = try await Indexer(lexicon: .builtIn).run([corpus], into: try DocumentIndex.create(path: db))
        #expect(first.indexed == 5 && first.failures.isEmpty)
        let before = IndexTestSupport.fileState(db)
        try await Task.sleep(for: .milliseconds(50))
        let index = try DocumentIndex.create(path: db)
        let second = try await Indexer(lexicon: .builtIn).run([corpus], into: index)
        #expect(second.indexed == 0 && second.unchanged == 5)
        #expect(index.totalChanges() == 0)
        #expect(IndexTestSupport.fileState(db) == before)
    }

    @Test("files indexed with other dictionaries are read again, once")
    func otherDictionaries() async throws {
        let dir = try IndexTestSupport.temporaryFolder("dictionaries")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("i.sqlite").path
        let first = try await Indexer(lexicon: .builtIn).run([corpus], into: try DocumentIndex.create(path: db))
        #expect(first.indexed == 5)
        // The user adds an issuer: the same files, other dictionaries.
        let user = dir.appendingPathComponent("dict")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        try "# extra\nabbreviation\tname\nBTEST\tBộ Thử nghiệm\n".write(to: user.appendingPathComponent("issuers.tsv"), atomically: true, encoding: .utf8)
        let other = try Lexicon.load(userDirectory: user.path)
        #expect(other.fingerprint != Lexicon.builtIn.fingerprint)
        let second = try await Indexer(lexicon: other).run([corpus], into: try DocumentIndex.create(path: db))
        #expect(second.indexed == 5 && second.unchanged == 0)
        let third = try await Indexer(lexicon: other).run([corpus], into: try DocumentIndex.create(path: db))
        #expect(third.indexed == 0 && third.unchanged == 5)
        // Back to the built-in dictionaries: read again, and a file left out of the run loses its hash.
        let one = corpus + "/nghi-dinh-mau.txt"
        let fourth = try await Indexer(lexicon: .builtIn).run([one], into: try DocumentIndex.create(path: db))
        #expect(fourth.indexed == 1)
        let fifth = try await Indexer(lexicon: .builtIn).run([corpus], into: try DocumentIndex.create(path: db))
        #expect(fifth.indexed == 4 && fifth.unchanged == 1)
    }

    @Test("a changed file is replaced, a deleted one pruned")
    func replaceAndPrune() async throws {
        let dir = try IndexTestSupport.temporaryFolder("replace")
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        for name in ["nghi-dinh-mau.txt", "cong-van-huong-dan.txt", "thu-tuc-hanh-chinh.jsonl"] {
            try FileManager.default.copyItem(atPath: corpus + "/" + name, toPath: docs.appendingPathComponent(name).path)
        }
        let db = dir.appendingPathComponent("i.sqlite").path
        let indexer = Indexer(lexicon: .builtIn)
        _ = try await indexer.run([docs.path], into: try DocumentIndex.create(path: db))
        let countsBefore = try DocumentIndex.create(path: db).counts()
        #expect(countsBefore["documents"] == 2 && countsBefore["procedures"] == 5)

        // The letter gets a new number: its rows are replaced, not added.
        let letter = docs.appendingPathComponent("cong-van-huong-dan.txt")
        let text = try String(contentsOf: letter, encoding: .utf8).replacingOccurrences(of: "1500/UBND-KSTT", with: "1501/UBND-KSTT")
        try text.write(to: letter, atomically: true, encoding: .utf8)
        let index = try DocumentIndex.create(path: db)
        let changed = try await indexer.run([docs.path], into: index)
        #expect(changed.indexed == 1 && changed.unchanged == 2)
        let queries = IndexQueries(index: index, lexicon: .builtIn)
        let symbols = try queries.documents().compactMap(\.symbol)
        #expect(symbols.contains("1501/UBND-KSTT") && !symbols.contains("1500/UBND-KSTT"))
        #expect(try index.counts() == countsBefore)

        try FileManager.default.removeItem(at: docs.appendingPathComponent("thu-tuc-hanh-chinh.jsonl"))
        let pruned = try await indexer.run([docs.path], into: index, prune: true)
        #expect(pruned.removed == 1)
        #expect(try index.counts()["procedures"] == 0)
        #expect(try index.check().isEmpty)
    }

    @Test("an index of another schema version is refused with a message naming --rebuild")
    func schemaMismatch() throws {
        let dir = try IndexTestSupport.temporaryFolder("schema")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("i.sqlite").path
        _ = try DocumentIndex.create(path: db)
        let queue = try DatabaseQueue(path: db)
        try queue.write { try $0.execute(sql: "UPDATE meta SET value = '99' WHERE key = 'schema_version'") }
        try queue.close()
        #expect(throws: IndexError.schemaMismatch(path: db, found: 99, expected: IndexSchema.version)) {
            _ = try DocumentIndex.openForReading(path: db)
        }
        do {
            _ = try DocumentIndex.create(path: db)
            Issue.record("an old index was opened for writing")
        } catch {
            #expect(error.description.contains("--rebuild") && error.description.contains(db))
        }
        // --rebuild starts again.
        let rebuilt = try DocumentIndex.create(path: db, rebuild: true)
        #expect(try rebuilt.counts()["files"] == 0)

        let text = dir.appendingPathComponent("notes.txt").path
        try "không phải cơ sở dữ liệu".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: IndexError.notAnIndex(path: text)) { _ = try DocumentIndex.openForReading(path: text) }
        #expect(throws: IndexError.missing(path: dir.appendingPathComponent("none.sqlite").path)) {
            _ = try DocumentIndex.openForReading(path: dir.appendingPathComponent("none.sqlite").path)
        }
    }

    @Test("basis by code and by name with or without diacritics; cited-by and show on the sample corpus")
    func queries() async throws {
        let dir = try IndexTestSupport.temporaryFolder("queries")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("i.sqlite").path
        _ = try await Indexer(lexicon: .builtIn).run([corpus], into: try DocumentIndex.create(path: db))
        let queries = IndexQueries(index: try DocumentIndex.openForReading(path: db), lexicon: .builtIn)
        #expect(try queries.basis("1.001193").first?.procedure.name == "Đăng ký khai sinh")
        #expect(try queries.basis("1.001193").first?.score == 1.0)
        for query in ["dang ky khai sinh", "Đăng ký khai sinh", "ĐĂNG KÝ KHAI SINH", "khai sinh"] {
            #expect(try queries.basis(query).first?.procedure.code == "1.001193", "\(query)")
        }
        #expect(try queries.basis("giao dat cho thue dat").first?.procedure.code == "1.999301")
        #expect(try queries.basis("xyzzy khong co").isEmpty)

        let decisions = try queries.basis("thong qua phuong an don gian hoa")
        #expect(decisions.first?.procedure.code == "2.999102")
        #expect(decisions.first?.procedure.publishedBy == "1234/QĐ-UBND")
        #expect(decisions.first?.procedure.origin == "internal")

        // The documents of the sample corpus, by their own symbol.
        let symbols = Set(try queries.documents().compactMap(\.symbol))
        #expect(symbols == ["1234/QĐ-UBND", "45/KH-UBND", "999/2026/NĐ-CP", "1500/UBND-KSTT"])
        let show = try queries.show("999/2026/ND-CP")
        #expect(show?.symbol == "999/2026/NĐ-CP" && show?.facts.indexed == true && show?.facts.type == "Nghị định")
        #expect(queries.canonicalSymbol(" 131/NQCP ") == "131/NQ-CP")
        #expect(queries.canonicalSymbol("09/2019/ND-CP") == "09/2019/NĐ-CP")
        #expect(queries.canonicalSymbol("942/QĐ–TTg") == "942/QĐ-TTg")
        // Typed in lower case, or pasted with its type word and date: the same document.
        #expect(queries.canonicalSymbol("09/2019/nd-cp") == "09/2019/NĐ-CP")
        #expect(queries.canonicalSymbol("Nghị định số 09/2019/ NĐ-CP ngày 24/01/2019;") == "09/2019/NĐ-CP")
        #expect(queries.canonicalSymbol("942/QĐ-TTg") == "942/QĐ-TTg")
        for typed in ["999/2026/nđ-cp", "999/2026/nd-cp", "Nghị định 999/2026/NĐ-CP", "nghị định số 999/2026/NĐ-CP ngày 15/01/2026"] {
            #expect(try queries.show(typed)?.symbol == "999/2026/NĐ-CP", "\(typed)")
        }
        func citing(_ symbol: String) throws -> [String?] { try queries.citedBy(symbol).map { $0.document?.symbol ?? $0.procedure?.code } }
        #expect(try citing("61/2018/NĐ-CP").count >= 2)
        for typed in ["61/2018/nd-cp", "61/2018/nđ-cp", "Nghị định 61/2018/NĐ-CP", "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;"] {
            #expect(try citing(typed) == citing("61/2018/NĐ-CP"), "\(typed)")
        }
    }

    @Test("basis: words that only half match a procedure's name are no match (\"không tìm thấy\", exit 1)")
    func basisNoMatch() async throws {
        let dir = try IndexTestSupport.temporaryFolder("basis-none")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("i.sqlite").path
        _ = try await Indexer(lexicon: .builtIn).run([corpus], into: try DocumentIndex.create(path: db))
        let queries = IndexQueries(index: try DocumentIndex.openForReading(path: db), lexicon: .builtIn)
        // "Đăng ký khai sinh" shares "đăng ký" with the query: half the words, a weak score.
        #expect(try queries.basis("đăng ký kết hôn").isEmpty)
        #expect(try queries.basis("khai sinh").first?.procedure.code == "1.001193")
        let run = try CommandLineRun.cancu(["basis", "dang ky ket hon", "--db", db], in: dir)
        #expect(run.status == 1)
        #expect(run.text.contains("Không tìm thấy"))
    }

    @Test("the content hash tells changed bytes apart")
    func contentHash() {
        let a = Array("Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ".utf8)
        var b = a
        b[b.count - 1] ^= 1
        #expect(ContentHash.hex(of: a) == ContentHash.hex(of: a))
        #expect(ContentHash.hex(of: a) != ContentHash.hex(of: b))
        #expect(ContentHash.hex(of: []).count == 16)
    }

    @Test("node keys: leading zeros, year-less symbols, names")
    func keys() {
        #expect(Registry.key("09/2019/NĐ-CP") == Registry.key("9/2019/nđ-cp"))
        #expect(DocumentKey.key(symbol: "45/KH-UBND", year: 2023) == "45/KH-UBND|2023")
        #expect(DocumentKey.key(symbol: "09/2019/NĐ-CP", year: 2019) == "9/2019/NĐ-CP")
        #expect(DocumentKey.nameKey(name: "Luật Đất đai", year: 2024) == DocumentKey.nameKey(name: "LUẬT ĐẤT ĐAI", year: 2024))
        let known = KnownDocuments(lexicon: .builtIn)
        #expect(known.record(key: "61/2018/NĐ-CP")?.status == .expired)
        #expect(known.key(forName: "Luật Ban hành văn bản quy phạm pháp luật", year: 2015) == "80/2015/QH13")
    }
}
