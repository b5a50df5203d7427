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

/// The graph read from the index (`cancu graph --db`) on the project's sample corpus: the same
/// graph as from the files, the neighbourhood of 1085/QĐ-TTg from the real citation stage, and
/// `cancu analyze` writing the graph next to the index.
@Suite("Graph from the index")
struct GraphIndexTests {
    let corpus = SharedCorpus.projectCorpus.path

    /// The sample corpus indexed into a fresh database under `dir`.
    private func indexedCorpus(in dir: URL) async throws -> String {
        let db = dir.appendingPathComponent("cancu.sqlite").path
        let report = try await Indexer(lexicon: .builtIn).run([corpus], into: try DocumentIndex.create(path: db))
        #expect(report.indexed == 5 && report.failures.isEmpty)
        return db
    }

    /// The graph `cancu graph corpus/` builds from the files.
    private func graphFromFiles() -> CitationGraph {
        let input = GraphInput(lexicon: .builtIn)
        var builder = GraphBuilder(lexicon: .builtIn)
        for path in DocumentReader.expand([corpus], extensions: GraphInput.extensions) {
            guard case .success(let document) = DocumentReader.read(path) else {
                Issue.record("cannot read \(path)")
                continue
            }
            input.add(document, to: &builder)
        }
        return builder.build()
    }

    @Test("the graph from the index equals the graph from the files, node for node and byte for byte")
    func indexGraphEqualsFileGraph() async throws {
        let dir = try IndexTestSupport.temporaryFolder("graphdb")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try await indexedCorpus(in: dir)
        let fromIndex = try GraphIndexReader(lexicon: .builtIn).graph(of: try DocumentIndex.openForReading(path: db))
        let fromFiles = graphFromFiles()

        #expect(fromIndex.nodes.count > 40 && fromIndex.edges.count > 60)
        #expect(fromIndex.nodes.map(\.id) == fromFiles.nodes.map(\.id))
        #expect(fromIndex.nodes == fromFiles.nodes)
        let indexEdges = fromIndex.edgeTriples.map { "\($0.from) \($0.kind.rawValue) \($0.to)" }
        let fileEdges = fromFiles.edgeTriples.map { "\($0.from) \($0.kind.rawValue) \($0.to)" }
        #expect(indexEdges == fileEdges)
        for format in GraphFormat.allCases {
            #expect(GraphExport.bytes(fromIndex, format: format) == GraphExport.bytes(fromFiles, format: format), "\(format)")
        }

        // What the index does not store comes back: issuers read in the symbol, status from the
        // registry, the publishing decision and the procedures' basis.
        #expect(fromIndex.node("1320/UBND-KSTT")?.issuer == "UBND-KSTT")
        #expect(fromIndex.node("18-NQ/TW")?.issuer == "TW")
        #expect(fromIndex.node("61/2018/NĐ-CP")?.status == "expired")
        #expect(fromIndex.node("2.999101")?.kind == .procedure)
        #expect(indexEdges.contains("1234/QĐ-UBND publishes 2.999101"))
        #expect(indexEdges.contains("2.999101 governs 63/2010/NĐ-CP"))
        #expect(indexEdges.contains("1.001193 governs 61/2018/NĐ-CP"))
        #expect(indexEdges.contains("999/2026/NĐ-CP amends 63/2010/NĐ-CP"))
        #expect(indexEdges.contains("999/2026/NĐ-CP replaces 45/2016/QĐ-TTg"))
    }

    @Test("--around 1085/QĐ-TTg --depth 1 on the indexed corpus: who rests on the 2022 plan decision")
    func aroundFrom1085() async throws {
        let dir = try IndexTestSupport.temporaryFolder("graphdb-around")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try await indexedCorpus(in: dir)
        let graph = try GraphIndexReader(lexicon: .builtIn).graph(of: try DocumentIndex.openForReading(path: db))
        var filter = GraphFilter()
        filter.around = ["1085/QĐ-TTg"]
        filter.depth = 1
        let around = try filter.apply(to: graph)
        // The publishing decision cites it as a basis, the plan implements it, the letter refers to
        // it, and procedure 2.999102 rests on it.
        #expect(around.nodes.map(\.id) == ["1085/QĐ-TTg", "1234/QĐ-UBND", "1500/UBND-KSTT", "2.999102", "45/KH-UBND"])
        let into1085 = Set(around.edgeTriples.filter { $0.to == "1085/QĐ-TTg" }.map { "\($0.from) \($0.kind.rawValue)" })
        #expect(into1085 == ["1234/QĐ-UBND basis", "1234/QĐ-UBND refers", "1500/UBND-KSTT refers",
                             "2.999102 governs", "45/KH-UBND implements"])
        #expect(around.node("1085/QĐ-TTg")?.status == "expired")
        #expect(around.node("2.999102")?.kind == .procedure)

        // Depth 1, incoming only, without procedures.
        filter.direction = .in
        filter.includeProcedures = false
        #expect(try filter.apply(to: graph).nodes.map(\.id) == ["1085/QĐ-TTg", "1234/QĐ-UBND", "1500/UBND-KSTT", "45/KH-UBND"])
    }

    @Test("a partial citation in a procedure's basis keeps its written number (the index stores only its key)")
    func partialBasisNumber() async throws {
        let dir = try IndexTestSupport.temporaryFolder("graphdb-partial")
        defer { try? FileManager.default.removeItem(at: dir) }
        let records = dir.appendingPathComponent("thu-tuc.jsonl")
        let line = #"{"ma_thu_tuc": "9.000001", "ten_thu_tuc": "Thủ tục thử", "so_quyet_dinh": "12/QĐ-UBND", "#
            + #""can_cu_phap_ly": "Nghị quyết số 07 năm 2019 của Hội đồng nhân dân tỉnh; Thông tư số 02/2017/TT-VPCP ngày 31/10/2017"}"#
        try (line + "\n").write(to: records, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("i.sqlite").path
        _ = try await Indexer(lexicon: .builtIn).run([records.path], into: try DocumentIndex.create(path: db))
        let fromIndex = try GraphIndexReader(lexicon: .builtIn).graph(of: try DocumentIndex.openForReading(path: db))
        var builder = GraphBuilder(lexicon: .builtIn)
        if case .success(let document) = DocumentReader.read(records.path) { GraphInput(lexicon: .builtIn).add(document, to: &builder) }
        let fromFiles = builder.build()
        #expect(fromIndex.node("Nghị quyết 07 (2019)")?.year == 2019)
        #expect(Set(fromIndex.edgeTriples.map { "\($0.from) \($0.kind.rawValue) \($0.to)" })
                == ["12/QĐ-UBND publishes 9.000001", "9.000001 governs Nghị quyết 07 (2019)", "9.000001 governs 02/2017/TT-VPCP"])
        #expect(GraphExport.bytes(fromIndex, format: .json) == GraphExport.bytes(fromFiles, format: .json))
    }

    @Test("the graph files sit next to the index")
    func graphPathsBesideIndex() {
        #expect(GraphIndexReader.graphPaths(besideIndex: "cancu.sqlite") == ["cancu.graph.graphml", "cancu.graph.json"])
        #expect(GraphIndexReader.graphPaths(besideIndex: "out/kho.v2.db") == ["out/kho.v2.graph.graphml", "out/kho.v2.graph.json"])
        #expect(GraphIndexReader.graphPaths(besideIndex: "/tmp/chimuc") == ["/tmp/chimuc.graph.graphml", "/tmp/chimuc.graph.json"])
    }

    @Test("end to end: cancu analyze writes the graph next to the index and says where; cancu graph --db reads it")
    func analyzeThenGraphFromDB() throws {
        guard let cancu = IndexKillTests.cancu else {
            Issue.record("build the command first (swift build): no cancu executable next to the tests")
            return
        }
        let dir = try IndexTestSupport.temporaryFolder("graphdb-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("kho.sqlite").path
        let analyze = try Self.run(cancu, ["analyze", corpus, "--db", db])
        // The sample corpus holds outdated references at error level: analyze exits 1, as review does.
        let review = try Self.run(cancu, ["review", corpus])
        #expect(review.status == 1)
        #expect(analyze.status == review.status)
        let graphML = dir.appendingPathComponent("kho.graph.graphml").path
        let json = dir.appendingPathComponent("kho.graph.json").path
        let graph = try GraphIndexReader(lexicon: .builtIn).graph(of: try DocumentIndex.openForReading(path: db))
        #expect(analyze.error.contains("Đồ thị trích dẫn: \(graphML), \(json) (\(graph.nodes.count) nút, \(graph.edges.count) cạnh)"))
        #expect(FileManager.default.contents(atPath: json).map(Array.init) == GraphExport.bytes(graph, format: .json))
        #expect(FileManager.default.contents(atPath: graphML).map(Array.init) == GraphExport.bytes(graph, format: .graphml))

        let around = try Self.run(cancu, ["graph", "--db", db, "--around", "1085/QĐ-TTg", "--depth", "1", "--format", "csv", "--edges-only"])
        #expect(around.status == 0)
        let lines = around.output.split(separator: "\n").dropFirst().map(String.init)
        #expect(lines.contains("45/KH-UBND,1085/QĐ-TTg,Directed,implements"))
        #expect(lines.contains("2.999102,1085/QĐ-TTg,Directed,governs"))
        #expect(lines.count == 10)
        #expect(!lines.contains { $0.contains("999/2026/NĐ-CP") })

        let files = try Self.run(cancu, ["graph", corpus, "--format", "json"])
        let fromDB = try Self.run(cancu, ["graph", "--db", db, "--format", "json"])
        #expect(files.status == 0 && fromDB.status == 0 && files.output == fromDB.output)

        let missing = try Self.run(cancu, ["graph", "--db", dir.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 1 && missing.error.contains("none.sqlite"))
        let noGraph = try Self.run(cancu, ["analyze", corpus, "--db", dir.appendingPathComponent("other.sqlite").path, "--no-graph"])
        #expect(noGraph.status == review.status && !noGraph.error.contains("Đồ thị trích dẫn"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("other.graph.json").path))
    }

    /// Runs the command; its exit status, standard output and standard error.
    private static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes while it runs, so a full pipe cannot block it.
        let errorData = LockedData()
        let reader = Thread { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { Thread.sleep(forTimeInterval: 0.005) }
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: errorData.get(), as: UTF8.self))
    }
}

/// Bytes handed from a reader thread to the test.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    func get() -> Data { lock.withLock { data ?? Data() } }
}
