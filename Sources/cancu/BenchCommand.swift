import ArgumentParser
import CanCu
import CanCuBenchmarks
import Foundation

/// `cancu bench`: throughput of each pipeline stage, in MB of UTF-8 input per second. One thread,
/// except where a large document's stages use two (normalisation from 256 KB, `extract` from 32 KB).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Đo tốc độ (MB/s) của từng bước: đọc, chuẩn hóa, gấp dấu, tách từ, trích xuất.",
        discussion: """
            Reads the text files under PATH (default ../shared/corpus), then also a buffer of
            --size MB made by repeating them, and reports MB/s per stage (best of --repeat runs).
            Build in release mode first: swift build -c release && .build/release/cancu bench
            """
    )

    @Argument(help: "Files or folders of text to measure on.")
    var paths: [String] = ["../shared/corpus"]

    @Option(help: "Size in MB of the large buffer made by repeating the inputs (0 to skip).")
    var size: Int = 100

    @Option(name: .customLong("repeat"), help: "Runs per measurement; the best is reported.")
    var runs: Int = 3

    @Option(help: "Stages to measure, comma-separated: read,normalize,normalize-nfc,fold,tokenize,pipeline,extract,graph.")
    var stages: String = "read,normalize,normalize-nfc,fold,tokenize,pipeline,extract"

    @Option(help: "Stage graph: nodes of the generated graph.")
    var graphNodes: Int = 100_000

    @Option(help: "Stage graph: edges of the generated graph.")
    var graphEdges: Int = 500_000

    func run() throws {
        let requested = Set(stages.split(separator: ",").map(String.init))
        if requested.contains("graph") {
            Console.line("cancu bench: graph of \(graphNodes) nodes, \(graphEdges) edges (generated), one core")
            try GraphBenchmark.run(nodes: graphNodes, edges: graphEdges, folder: NSTemporaryDirectory()) { m in
                let size = m.bytes > 0 ? String(format: "  %.1f MB", Double(m.bytes) / 1e6) : ""
                Console.line("  " + m.stage.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: " %7.3f s", m.seconds) + size)
            }
            Console.line(String(format: "  peak memory %.0f MB", GraphBenchmark.peakMemoryMB))
            if requested == ["graph"] { return }
        }
        let files = DocumentReader.expand(paths, extensions: ["txt"])
        var texts: [String] = []
        var totalBytes = 0
        for path in files {
            if case .success(let document) = DocumentReader.read(path) {
                texts.append(document.text)
                totalBytes += document.text.utf8.count
            }
        }
        guard !texts.isEmpty else {
            throw ValidationError("no readable text files under \(paths.joined(separator: ", "))")
        }
        let pipeline = TextPipeline()
        let wanted = Set(stages.split(separator: ",").map(String.init))
        Console.line("cancu bench: \(texts.count) files, \(String(format: "%.1f", Double(totalBytes) / 1e6)) MB; best of \(runs) runs; normalize and extract use two threads on a large document")
        measureAll(label: "corpus", texts: texts, bytes: totalBytes, files: files, pipeline: pipeline, stages: wanted)
        if size > 0 {
            var big = ""
            big.reserveCapacity(size * 1_000_000 + 1_000_000)
            while big.utf8.count < size * 1_000_000 {
                for t in texts { big += t; big += "\n"; if big.utf8.count >= size * 1_000_000 { break } }
            }
            let bigPath = NSTemporaryDirectory() + "cancu-bench-\(getpid()).txt"
            try big.write(toFile: bigPath, atomically: false, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: bigPath) }
            measureAll(label: "\(size) MB", texts: [big], bytes: big.utf8.count, files: [bigPath], pipeline: pipeline, stages: wanted)
        }
    }

    private func measureAll(label: String, texts: [String], bytes: Int, files: [String], pipeline: TextPipeline, stages: Set<String>) {
        let normalized = texts.map { pipeline.normalizer.normalize($0) }
        func report(_ stage: String, _ body: () -> Void) {
            guard stages.contains(stage) else { return }
            var best = Double.infinity
            for _ in 0..<max(1, runs) {
                let start = DispatchTime.now().uptimeNanoseconds
                body()
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            let mbps = Double(bytes) / 1e6 / best
            let name = label.padding(toLength: 8, withPad: " ", startingAt: 0) + " " + stage.padding(toLength: 14, withPad: " ", startingAt: 0)
            Console.line("  " + name + String(format: " %9.1f MB/s  (%.3f s)", mbps, best))
        }
        report("read") {
            for f in files { _ = DocumentReader.read(f) }
        }
        report("normalize") {
            for t in texts { _ = pipeline.normalizer.normalize(t) }
        }
        let nfcTexts = normalized.map(\.string)
        report("normalize-nfc") {
            for t in nfcTexts { _ = pipeline.normalizer.normalize(t) }
        }
        report("fold") {
            for t in normalized { _ = Folding.fold(bytes: t.bytes) }
        }
        report("tokenize") {
            var count = 0
            for t in normalized { pipeline.tokenizer.forEachWord(t) { _ in count += 1 } }
            precondition(count > 0)
        }
        // End to end as `cancu extract --format json` does it: read, normalise, extract, write JSON.
        report("extract") {
            let extractor = Extractor(lexicon: pipeline.lexicon)
            var json = JSONWriter()
            for f in files {
                if case .success(let d) = DocumentReader.read(f) {
                    json.reset()
                    ExtractView.writeJSON(d, extractor: extractor, to: &json)
                }
            }
        }
        report("pipeline") {
            for f in files {
                if case .success(let d) = DocumentReader.read(f) {
                    let t = pipeline.normalize(d)
                    _ = pipeline.tokenizer.words(t)
                    _ = pipeline.tokenizer.sentences(t)
                }
            }
        }
    }
}
