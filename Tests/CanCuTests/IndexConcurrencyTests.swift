import Foundation
import GRDB
import Synchronization
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

/// The indexer reads each file once (the hash stored is the hash of the bytes analysed) and writes
/// the same database whatever the number of workers.
@Suite("Index concurrency")
struct IndexConcurrencyTests {
    let corpus = SharedCorpus.projectCorpus.path

    /// Every row of every table (row ids included: they record the write order), sorted; the
    /// time a file was indexed is left out.
    static func dump(_ db: String) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: db)
        return try queue.read { db in
            var result: [String: [String]] = [:]
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            for table in tables {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map { row in
                    row.columnNames.filter { $0 != "indexed_at" }.map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: " ")
                }
                result[table] = rows.sorted()
            }
            return result
        }
    }

    @Test("the stored hash is the hash of the bytes analysed, even when the file changes behind the reader")
    func hashOfAnalysedBytes() async throws {
        let dir = try IndexTestSupport.temporaryFolder("hash-bytes")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("cong-van.txt")
        let original = try String(contentsOfFile: corpus + "/cong-van-huong-dan.txt", encoding: .utf8)
        try original.write(to: file, atomically: true, encoding: .utf8)
        let changed = original.replacingOccurrences(of: "1500/UBND-KSTT", with: "1501/UBND-KSTT")
        let db = dir.appendingPathComponent("i.sqlite").path

        // The file is rewritten right after the indexer read it: the analysis must be of the bytes read.
        var indexer = Indexer(lexicon: .builtIn, workers: 2)
        indexer.readBytes = { path throws(InputError) in
            let bytes = try DocumentReader.readBytes(path)
            try? changed.write(toFile: path, atomically: true, encoding: .utf8)
            return bytes
        }
        let report = try await indexer.run([file.path], into: try DocumentIndex.create(path: db))
        #expect(report.indexed == 1 && report.failures.isEmpty)
        let index = try DocumentIndex.create(path: db)
        let stored = try index.read { db in try Row.fetchOne(db, sql: "SELECT hash, size FROM files") }
        let bytes = Array(original.utf8)
        #expect(stored?["hash"] == ContentHash.hex(of: bytes))
        #expect(stored?["size"] == bytes.count)
        let symbols = try IndexQueries(index: index, lexicon: .builtIn).documents().compactMap(\.symbol)
        #expect(symbols == ["1500/UBND-KSTT"])

        // The file on disk now differs from what was stored: the next run reads it again.
        let again = try await Indexer(lexicon: .builtIn).run([file.path], into: index)
        #expect(again.indexed == 1 && again.unchanged == 0)
        #expect(try IndexQueries(index: index, lexicon: .builtIn).documents().compactMap(\.symbol) == ["1501/UBND-KSTT"])
        let third = try await Indexer(lexicon: .builtIn).run([file.path], into: index)
        #expect(third.indexed == 0 && third.unchanged == 1)
    }

    @Test("one worker and four workers write identical databases")
    func workersAgree() async throws {
        let dir = try IndexTestSupport.temporaryFolder("workers")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sources = DocumentReader.expand([corpus]).compactMap { path -> String? in
            if case .success(let d) = DocumentReader.read(path) { return d.text }
            return nil
        }
        let docs = dir.appendingPathComponent("docs").path
        let (files, _) = try CorpusGenerator(sources: sources).write(bytes: 600_000, to: docs)
        #expect(files > 20)
        try FileManager.default.copyItem(atPath: corpus, toPath: docs + "/corpus")
        var dumps: [[String: [String]]] = []
        for workers in [1, 4] {
            let db = dir.appendingPathComponent("w\(workers).sqlite").path
            let seen = ProgressLog()
            let report = try await Indexer(lexicon: .builtIn, workers: workers)
                .run([docs], into: try DocumentIndex.create(path: db)) { done, total, _ in seen.append(done, total) }
            #expect(report.failures.isEmpty && report.indexed == files + 5)
            #expect(seen.values == Array(1...(files + 5)))
            dumps.append(try Self.dump(db))
        }
        #expect(dumps[0].keys.sorted() == dumps[1].keys.sorted())
        for table in dumps[0].keys.sorted() {
            let one = dumps[0][table] ?? [], four = dumps[1][table] ?? []
            let firstDifference = zip(one, four).first { $0 != $1 }
            #expect(one.count == four.count && firstDifference == nil,
                    "table \(table) differs between 1 and 4 workers: \(one.count) vs \(four.count) rows; \(firstDifference.map { "\($0.0) ≠ \($0.1)" } ?? "")")
        }
        #expect((dumps[0]["documents"]?.count ?? 0) == files + 4)
    }
}

/// Progress calls seen by a test (called from the indexing task, one at a time).
final class ProgressLog: Sendable {
    private let state = Synchronization.Mutex<[(Int, Int)]>([])
    func append(_ done: Int, _ total: Int) { state.withLock { $0.append((done, total)) } }
    var values: [Int] { state.withLock { $0.map(\.0) } }
}
