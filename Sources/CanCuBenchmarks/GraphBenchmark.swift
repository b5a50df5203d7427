import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import CanCuGraph
import Foundation

/// Times the graph stages on a generated graph: generation (with sorting), a neighbourhood
/// filter, and each export format written to a file (`cancu bench --stages graph`).
package enum GraphBenchmark {
    /// One timed step.
    public struct Measurement: Sendable {
        public var stage: String
        public var seconds: Double
        /// Bytes written (exports), else 0.
        public var bytes: Int
    }

    /// Runs every step on a graph of `nodes` nodes and about `edges` edges, writing the exports
    /// into `folder` (deleted afterwards); `report` is called after each step.
    public static func run(nodes: Int, edges: Int, folder: String, report: (Measurement) -> Void) throws {
        var start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double {
            let now = DispatchTime.now().uptimeNanoseconds
            defer { start = now }
            return Double(now - start) / 1e9
        }
        let graph = GraphGenerator(nodes: nodes, edges: edges).generate()
        report(Measurement(stage: "generate \(graph.nodes.count) nodes, \(graph.edges.count) edges", seconds: elapsed(), bytes: 0))
        if let seed = graph.nodes.last?.id {
            var filter = GraphFilter()
            filter.around = [seed]
            filter.depth = 2
            let part = try filter.apply(to: graph)
            report(Measurement(stage: "--around depth 2 (\(part.nodes.count) nodes)", seconds: elapsed(), bytes: 0))
        }
        let base = (folder as NSString).appendingPathComponent("cancu-graph-bench-\(getpid())")
        for format in GraphFormat.allCases {
            let path = base + "." + (format == .mermaid ? "mmd" : format.rawValue)
            _ = elapsed()
            let written = try GraphExport.write(graph, to: path, format: format)
            let seconds = elapsed()
            var size = 0
            for file in written {
                size += (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                try? FileManager.default.removeItem(atPath: file)
            }
            report(Measurement(stage: "export \(format.rawValue)", seconds: seconds, bytes: size))
        }
    }

    /// Peak resident memory of this process so far, in MB.
    public static var peakMemoryMB: Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
        #endif
    }
}
