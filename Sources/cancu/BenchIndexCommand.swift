import ArgumentParser
import CanCu
import CanCuBenchmarks
import Foundation

/// `cancu bench-index`: speed of the index — a real corpus, a generated large corpus, and the
/// latency of `basis` on a generated index of many documents and procedures.
struct BenchIndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-index",
        abstract: "Đo tốc độ lập chỉ mục (MB/s) và độ trễ truy vấn basis (p50/p99).",
        discussion: """
            Build in release mode first: swift build -c release && .build/release/cancu bench-index
            Stages: corpus (index PATH from scratch), generated (a corpus of --size MB made by varying
            the texts of PATH), query (basis latency on an index of --documents documents and
            --procedures procedures), review (`review --db` over an index of --documents documents).
            """
    )

    @Argument(help: "Files or folders of real documents (default ../shared/corpus).")
    var paths: [String] = ["../shared/corpus"]

    @Option(help: "Stages, comma-separated: corpus,generated,query,review.")
    var stages: String = "corpus,generated,query,review"

    @Option(help: "Size in MB of the generated corpus.")
    var size: Int = 1000

    @Option(help: "Documents in the query benchmark's index.")
    var documents: Int = 100_000

    @Option(help: "Procedures in the query benchmark's index.")
    var procedures: Int = 50_000

    @Option(help: "Queries to time.")
    var queries: Int = 2000

    @Option(help: """
        Working folder for generated files and indexes (default: a new folder under the temporary \
        folder). An existing folder is never removed nor emptied: the run works in a new folder \
        inside it. What the run made is removed afterwards, unless --keep.
        """)
    var work: String?

    @Flag(help: "Keep the working folder (to inspect the indexes).")
    var keep = false

    /// The folder this run made and works in (set by `run`).
    private var folder: String { work ?? "" }

    mutating func run() async throws {
        let wanted = Set(stages.split(separator: ",").map(String.init))
        let made = try Self.makeWorkingFolder(inside: work)
        work = made
        defer {
            if keep { Console.error("cancu bench-index: giữ thư mục làm việc \(made)") } else { try? FileManager.default.removeItem(atPath: made) }
        }
        if wanted.contains("corpus") { try await benchCorpus() }
        if wanted.contains("generated") { try await benchGenerated() }
        if wanted.contains("query") { try benchQuery() }
        if wanted.contains("review") { try benchReview() }
    }

    /// A new folder for this run: `parent` itself when it does not exist yet (made here), else a
    /// new `cancu-bench-index.XXXXXX` inside it (or inside the temporary folder when nil).
    static func makeWorkingFolder(inside parent: String?) throws -> String {
        let manager = FileManager.default
        if let parent, !manager.fileExists(atPath: parent) {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
            return parent
        }
        var base = parent ?? NSTemporaryDirectory()
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        var template = Array((base + "/cancu-bench-index.XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ValidationError("không tạo được thư mục làm việc trong \(base)")
        }
        return String(cString: made)
    }

    private func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private func seconds(_ body: () async throws -> Void) async rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private func open(_ name: String) throws -> DocumentIndex {
        try reportingIndexErrors { () throws(IndexError) in try DocumentIndex.create(path: folder + "/" + name, rebuild: true) }
    }

    private func benchCorpus() async throws {
        let index = try open("corpus.sqlite")
        var report = Indexer.Report()
        let time = try await seconds { () async throws in
            report = try await reportingIndexErrorsAsync { () async throws(IndexError) in try await Indexer(lexicon: .builtIn).run(paths, into: index) }
        }
        Console.line(String(format: "corpus     %d files (%d failed), %.1f MB in %.2f s: %.1f MB/s; %d documents, %d procedures",
                     report.files, report.failures.count, Double(report.bytes) / 1e6, time, Double(report.bytes) / 1e6 / time,
                     report.documents, report.procedures))
        var again = Indexer.Report()
        let second = try await seconds { () async throws in
            again = try await reportingIndexErrorsAsync { () async throws(IndexError) in try await Indexer(lexicon: .builtIn).run(paths, into: index) }
        }
        Console.line(String(format: "corpus     unchanged re-run: %d unchanged, %d written in %.2f s", again.unchanged, again.indexed, second))
    }

    private func benchGenerated() async throws {
        let texts = DocumentReader.expand(paths, extensions: ["txt"]).compactMap { path -> String? in
            if case .success(let d) = DocumentReader.read(path) { return d.text }
            return nil
        }
        let folder = self.folder + "/generated"
        let generator = CorpusGenerator(sources: texts)
        let (files, bytes) = try generator.write(bytes: size * 1_000_000, to: folder)
        let largest = generator.sources.map(\.count).max() ?? 0
        let index = try open("generated.sqlite")
        let rssBefore = Self.maxResidentMB()
        var report = Indexer.Report()
        let time = try await seconds { () async throws in
            report = try await reportingIndexErrorsAsync { () async throws(IndexError) in try await Indexer(lexicon: .builtIn).run([folder], into: index) }
        }
        Console.line(String(format: "generated  %d files, %.1f MB in %.2f s: %.1f MB/s; %d failed; peak RSS %.0f MB (before %.0f MB; largest document %.1f MB)",
                     files, Double(bytes) / 1e6, time, Double(bytes) / 1e6 / time, report.failures.count,
                     Self.maxResidentMB(), rssBefore, Double(largest) / 1e6))
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func benchQuery() throws {
        let index = try open("query.sqlite")
        // Procedure names from the real records under PATH, when there are any.
        var names: [String] = []
        let reader = ProcedureRecordReader(lexicon: .builtIn)
        for path in DocumentReader.expand(paths, extensions: FileAnalyzer.recordExtensions) {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                names += reader.read(text, path: path).procedures.map(\.name)
            }
        }
        let analyses = CorpusGenerator.syntheticAnalyses(documents: documents, procedures: procedures, names: names)
        let build = try seconds {
            try reportingIndexErrors { () throws(IndexError) in try Indexer(lexicon: .builtIn).write(analyses, into: index) }
        }
        let queryReader = IndexQueries(index: try reportingIndexErrors { () throws(IndexError) in
            try DocumentIndex.openForReading(path: index.path) }, lexicon: .builtIn)
        let words = ["cap doi the can cuoc", "dang ky thuong tru", "khai sinh", "giay phep xay dung", "the can cuoc", "hai quan thue",
                     "noi quy lao dong", "ket hon", "chung thuc ban sao", "tam vang", "cap giay phep", "dang ky"]
        var codeTimes: [Double] = []
        var nameTimes: [Double] = []
        var found = 0
        for q in 0..<queries {
            let code = String(format: "%d.%06d", 1 + (q * 7) % procedures % 3, (q * 7) % procedures)
            codeTimes.append(try seconds {
                found += try reportingIndexErrors { () throws(IndexError) in try queries(queryReader, code) }
            })
            let name = words[q % words.count]
            nameTimes.append(try seconds {
                found += try reportingIndexErrors { () throws(IndexError) in try queries(queryReader, name) }
            })
        }
        func percentile(_ times: [Double], _ p: Double) -> Double {
            let sorted = times.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1000
        }
        Console.line(String(format: "query      index of %d documents, %d procedures built in %.1f s; %d answers", documents, procedures, build, found))
        Console.line(String(format: "query      basis by code: p50 %.2f ms, p99 %.2f ms; by name: p50 %.2f ms, p99 %.2f ms",
                     percentile(codeTimes, 0.5), percentile(codeTimes, 0.99), percentile(nameTimes, 0.5), percentile(nameTimes, 0.99)))
    }

    private func benchReview() throws {
        let index = try open("review.sqlite")
        let lexicon = Lexicon.builtIn
        let analyses = CorpusGenerator.syntheticReviewAnalyses(documents: documents, changes: BodyChange.all(lexicon: lexicon))
        let build = try seconds {
            try reportingIndexErrors { () throws(IndexError) in try Indexer(lexicon: lexicon).write(analyses, into: index) }
        }
        let reader = try reportingIndexErrors { () throws(IndexError) in try DocumentIndex.openForReading(path: index.path) }
        var reviewed = 0
        var findings = 0
        var bytes = 0
        var learned = 0
        var json = JSONWriter()
        let time = try seconds {
            try reportingIndexErrors { () throws(IndexError) in
                let review = IndexReview(index: reader, reviewer: Reviewer(lexicon: lexicon))
                let facts = try review.learnFacts()
                learned = facts.count
                try review.review(asOf: "2026-03-01", facts: facts) { _, found in
                    reviewed += 1
                    findings += found.count
                    json.reset()
                    ReviewView.writeJSON(found, to: &json)
                    bytes += json.bytes.count
                }
            }
        }
        Console.line(String(format: "review     index of %d documents built in %.1f s; review --db: %d documents, %d facts learned, %d findings (%.1f MB of JSON) in %.2f s",
                     documents, build, reviewed, learned, findings, Double(bytes) / 1e6, time))
    }

    private func queries(_ reader: IndexQueries, _ query: String) throws(IndexError) -> Int {
        try reader.basis(query).count
    }

    /// Peak resident memory of this process, in MB (Linux `VmHWM`).
    static func maxResidentMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }
}
