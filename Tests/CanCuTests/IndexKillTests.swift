import Foundation
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

/// Killing `cancu index` (SIGKILL) in the middle of a run leaves the previous index intact and
/// consistent: WAL journal and one transaction per file.
@Suite("Index kill")
struct IndexKillTests {
    /// The built `cancu` next to the test bundle (`swift build` builds it), or nil.
    static var cancu: URL? {
        var url = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = url.appendingPathComponent("cancu")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            url = url.deletingLastPathComponent()
        }
        let root = SharedCorpus.repositoryRoot.appendingPathComponent(".build/debug/cancu")
        return FileManager.default.isExecutableFile(atPath: root.path) ? root : nil
    }

    @Test("SIGKILL during a run: integrity_check passes and every file keeps its document")
    func killMidRun() async throws {
        guard let cancu = Self.cancu else {
            Issue.record("build the command first (swift build): no cancu executable next to the tests")
            return
        }
        let dir = try IndexTestSupport.temporaryFolder("kill")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sources = DocumentReader.expand([SharedCorpus.projectCorpus.path]).compactMap { path -> String? in
            if case .success(let d) = DocumentReader.read(path) { return d.text }
            return nil
        } + SharedCorpus.files(in: "congbao").compactMap { try? String(contentsOf: $0, encoding: .utf8) }
        let generator = CorpusGenerator(sources: sources)
        let docs = dir.appendingPathComponent("docs").path
        _ = try generator.write(bytes: 2_000_000, to: docs)
        let db = dir.appendingPathComponent("i.sqlite").path

        // The previous index: the first corpus, complete.
        let first = try await Indexer(lexicon: .builtIn).run([docs], into: try DocumentIndex.create(path: db))
        #expect(first.failures.isEmpty && first.indexed > 10)
        let before = try DocumentIndex.create(path: db).counts()

        // Then every file changes and many more come; the run is killed part way.
        _ = try generator.write(bytes: 2_000_000, to: docs, startingAt: 1)
        _ = try generator.write(bytes: 20_000_000, to: dir.appendingPathComponent("docs/more").path, startingAt: 100_000)
        let process = Process()
        process.executableURL = cancu
        process.arguments = ["index", docs, "--db", db]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Kill once some files of the new run were committed (the WAL grows), or after 3 s.
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline {
            let wal = (try? FileManager.default.attributesOfItem(atPath: db + "-wal"))?[.size] as? Int ?? 0
            if wal > 200_000 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the run finished before it was killed: make the corpus larger")

        let index = try DocumentIndex.openForReading(path: db)
        #expect(try index.check() == [])
        let after = try index.counts()
        #expect((after["files"] ?? 0) >= (before["files"] ?? 0))
        #expect(after["files"] == after["documents"])
        // A later run finishes the job.
        let resumed = try await Indexer(lexicon: .builtIn).run([docs], into: try DocumentIndex.create(path: db))
        #expect(resumed.failures.isEmpty && resumed.indexed > 0)
        #expect(try DocumentIndex.openForReading(path: db).check() == [])
    }
}
