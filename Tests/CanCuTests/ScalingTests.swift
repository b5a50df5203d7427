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

/// What keeps `review` linear on a large document, and the scaling benchmark's inputs and verdict.
/// (Times are measured by `cancu bench-scaling`, not here: timed tests are flaky on a shared machine.)
@Suite("Scaling: linear review, bench-scaling inputs")
struct ScalingTests {
    static let extractor = Extractor(lexicon: .builtIn)
    static let reviewer = Reviewer(lexicon: .builtIn)

    func review(_ source: String) -> [Finding] {
        let document = SourceDocument(path: "test.txt", text: source, byteCount: source.utf8.count)
        let text = Self.extractor.pipeline.normalize(document)
        let extraction = Self.extractor.extract(text, path: document.path)
        var facts = LearnedFacts()
        facts.add(FactLearner.learn(from: extraction))
        return Self.reviewer.review(extraction, asOf: "2026-11-27", facts: facts)
    }

    @Test("A body named as the issuer of an earlier document stays a note however many citations come before it")
    func historicalIssuerFoundByBisection() {
        let header = """
            ỦY BAN NHÂN DÂN
            THÀNH PHỐ HÀ NỘI
            Số: 12/KH-UBND
            Hà Nội, ngày 20 tháng 1 năm 2026

            KẾ HOẠCH
            Triển khai thực hiện

            """
        let paragraph = "Thực hiện Quyết định số 1234/QĐ-BKHĐT ngày 28/3/2023 của Bộ Kế hoạch và Đầu tư về cải cách hành chính.\nSở Tài chính chủ trì, phối hợp với Bộ Kế hoạch và Đầu tư hướng dẫn các đơn vị.\n"
        let once = review(header + paragraph).filter { $0.code == .issuerMerged }
        let many = review(header + String(repeating: paragraph, count: 200)).filter { $0.code == .issuerMerged }
        // The first mention, after "của" and a citation dated before the merger, is a note; the
        // second is an error; the same for each of the 200 repetitions.
        #expect(once.map(\.severity) == [.info, .error])
        #expect(many.count == 400)
        #expect(many.enumerated().allSatisfy { $0.element.severity == ($0.offset % 2 == 0 ? .info : .error) })
    }

    @Test("A fact stated again in the same words by the same document is kept once")
    func learnedFactsDeduplicated() {
        let fact = DocumentFact(symbol: "61/2018/NĐ-CP", kind: .replacedBy, value: "107/2021/NĐ-CP", date: "2021-12-06",
                                evidence: "a.txt", sentence: "thay thế Nghị định số 61/2018/NĐ-CP")
        var other = fact
        other.evidence = "b.txt"
        var store = LearnedFacts()
        store.add(Array(repeating: fact, count: 1000))
        store.add([other, fact])
        #expect(store.count == 2)
        #expect(store.facts(about: "61/2018/nđ-cp").map(\.evidence) == ["a.txt", "b.txt"])
    }

    @Test("bench-scaling inputs: whole lines of the requested size, or one line with the same bytes")
    func inputs() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-scaling-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let source = Array("Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019;\r\nĐiều 1. Phạm vi\n".utf8)
        let bench = ScalingBenchmark(sources: [source], work: work)
        let lines = try Data(contentsOf: URL(fileURLWithPath: bench.makeInput(megabytes: 1, shape: .lines)))
        let line = try Data(contentsOf: URL(fileURLWithPath: bench.makeInput(megabytes: 1, shape: .line)))
        #expect(lines.count <= 1_000_000 && lines.count > 1_000_000 - source.count)
        #expect(lines.last == 0x0A)
        #expect(String(data: lines, encoding: .utf8) != nil)
        #expect(line.count == lines.count)
        #expect(!line.contains(0x0A) && !line.contains(0x0D))
        #expect(String(data: line, encoding: .utf8)?.hasPrefix("Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019;  Điều 1.") == true)
    }

    @Test("bench-scaling's verdict: the largest growth of CPU time per MB over the smallest size")
    func growth() {
        func run(_ command: String, _ megabytes: Int, _ cpu: Double) -> ScalingBenchmark.Run {
            .init(command: command, shape: .lines, bytes: megabytes * 1_000_000, status: 0, wall: cpu, cpu: cpu, peakBytes: 0)
        }
        let growth = ScalingBenchmark.growth([
            run("extract", 1, 0.03), run("extract", 10, 0.3), run("extract", 100, 3.3),
            run("review", 1, 0.05), run("review", 10, 0.6), run("review", 100, 10),
        ])
        #expect(growth.map(\.command) == ["extract", "review"])
        #expect(abs(growth[0].ratio - 1.1) < 1e-9)
        #expect(abs(growth[1].ratio - 2.0) < 1e-9)
    }

    @Test("bench-scaling measures a child process's exit status, CPU time and peak memory")
    func measuresChild() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-scaling-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let bench = ScalingBenchmark(sources: [], work: work)
        // A shell that allocates about 40 MB and exits 3.
        let run = try bench.measure(executable: "/bin/sh", arguments: ["-c", "x=$(head -c 40000000 /dev/zero | tr '\\0' a); exit 3"],
                                    command: "sh", shape: .lines, bytes: 1)
        #expect(run.status == 3)
        #expect(run.cpu > 0)
        #expect(run.peakBytes > 1_000_000)
    }
}
