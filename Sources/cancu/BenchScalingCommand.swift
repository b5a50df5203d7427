import ArgumentParser
import CanCu
import CanCuBenchmarks
import Foundation

/// `cancu bench-scaling`: does the time per MB stay flat from 1 to 100 MB? Runs `extract`,
/// `review` and `index` as whole processes on inputs of growing size, in ordinary lines and on one
/// long line, and reports CPU time per MB (less start-up) and peak memory per MB.
struct BenchScalingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-scaling",
        abstract: "Đo thời gian trên mỗi MB của extract, review, index khi đầu vào lớn dần (1, 10, 100 MB).",
        discussion: """
            Inputs are made by repeating the texts of PATH (default ../shared/corpus/congbao), in two
            shapes: `lines` (as they are) and `line` (every line break turned into a space). Each
            command runs as a child process of this executable; CPU time (user + system) and peak
            memory come from the kernel, so a busy machine changes wall time more than these.
            Time per MB is CPU time less the command's start-up (its CPU time on an empty file).
            Build in release mode first: swift build -c release && .build/release/cancu bench-scaling
            """
    )

    @Argument(help: "Text files or folders to repeat (default ../shared/corpus/congbao).")
    var paths: [String] = ["../shared/corpus/congbao"]

    @Option(help: "Input sizes in MB, comma-separated.")
    var sizes: String = "1,10,100"

    @Option(help: "Commands, comma-separated: extract,review,index.")
    var commands: String = "extract,review,index"

    @Option(help: "Shapes, comma-separated: lines (as written), line (one long line).")
    var shapes: String = "lines,line"

    @Option(name: .customLong("repeat"), help: "Runs per measurement below 50 MB, the least CPU time kept (one run from 50 MB).")
    var repetitions: Int = 3

    @Option(help: "Fail (exit 1) when a command's time per MB grows by more than this factor from the smallest size.")
    var limit: Double = 1.5

    func run() throws {
        let sizeList = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 }.sorted()
        let commandList = commands.split(separator: ",").map(String.init)
        let shapeList = try shapes.split(separator: ",").map { name in
            guard let shape = ScalingBenchmark.Shape(rawValue: String(name)) else {
                throw ValidationError("dạng đầu vào không rõ: \(name) (lines, line)")
            }
            return shape
        }
        for command in commandList where !["extract", "review", "index"].contains(command) {
            throw ValidationError("lệnh không đo được: \(command) (extract, review, index)")
        }
        guard !sizeList.isEmpty else { throw ValidationError("--sizes: cần ít nhất một kích thước (MB)") }
        let sources = DocumentReader.expand(paths, extensions: ["txt"]).compactMap { path -> [UInt8]? in
            guard case .success(let document) = DocumentReader.read(path) else { return nil }
            return Array(document.text.utf8)
        }
        guard !sources.isEmpty else {
            throw ValidationError("không có tệp văn bản đọc được trong \(paths.joined(separator: ", "))")
        }
        var template = Array((NSTemporaryDirectory() + "/cancu-scaling-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw ValidationError("không tạo được thư mục tạm") }
        let work = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let bench = ScalingBenchmark(sources: sources, work: work)
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")

        func arguments(_ command: String, _ input: String) -> [String] {
            switch command {
            case "review": return ["review", input, "--format", "json", "--as-of", "2026-11-27"]
            case "index":
                let db = work + "/index.sqlite"
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
                return ["index", input, "--db", db]
            default: return ["extract", input, "--format", "json"]
            }
        }

        let empty = work + "/empty.txt"
        FileManager.default.createFile(atPath: empty, contents: Data())
        var startup: [String: Double] = [:]
        var startupPeak: [String: Int] = [:]
        for command in commandList {
            let runs = try (0..<3).map { _ in
                try bench.measure(executable: executable, arguments: arguments(command, empty), command: command, shape: .lines, bytes: 0)
            }
            startup[command] = runs.map(\.cpu).min()
            startupPeak[command] = runs.map(\.peakBytes).min()
        }
        Console.line("cancu bench-scaling: \(sources.count) source files; CPU time per MB less start-up; one process per run")
        Console.line("command  shape   size MB    wall s     CPU s  CPU s/MB  × smallest  peak MB  +MB per MB  exit")
        var runs: [ScalingBenchmark.Run] = []
        for shape in shapeList {
            for size in sizeList {
                let input = try bench.makeInput(megabytes: size, shape: shape)
                let bytes = Int((try? FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? size * 1_000_000)
                for command in commandList {
                    var run = try (0..<(size >= 50 ? 1 : max(1, repetitions))).map { _ in
                        try bench.measure(executable: executable, arguments: arguments(command, input), command: command, shape: shape, bytes: bytes)
                    }.min { $0.cpu < $1.cpu }!
                    run.cpu = max(0, run.cpu - (startup[command] ?? 0))
                    runs.append(run)
                    let first = runs.first { $0.command == command && $0.shape == shape }!
                    let ratio = first.cpuPerMB > 0 ? run.cpuPerMB / first.cpuPerMB : 1
                    let growth = Double(run.peakBytes - (startupPeak[command] ?? 0)) / 1e6 / run.megabytes
                    Console.line(command.padding(toLength: 8, withPad: " ", startingAt: 0) + " "
                          + shape.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)
                          + String(format: " %8.1f %9.2f %9.2f %9.4f %11.2f %8.0f %11.2f %5d",
                                   run.megabytes, run.wall, run.cpu, run.cpuPerMB, ratio,
                                   Double(run.peakBytes) / 1e6, growth, run.status))
                }
                try? FileManager.default.removeItem(atPath: input)
            }
        }
        Console.line("start-up (empty file): " + commandList.map {
            String(format: "%.3f s CPU, %.0f MB", startup[$0] ?? 0, Double(startupPeak[$0] ?? 0) / 1e6).replacingOccurrences(of: "^", with: $0 + " ", options: .regularExpression)
        }.joined(separator: "; "))
        // `review` exits 1 when it reports errors: that is its answer, not a failure.
        for index in runs.indices where runs[index].command == "review" && runs[index].status == 1 { runs[index].status = 0 }
        var failed = runs.contains { $0.status != 0 }
        for (command, shape, ratio) in ScalingBenchmark.growth(runs) {
            let verdict = ratio <= limit ? "tuyến tính" : "VƯỢT GIỚI HẠN"
            Console.line(command + " " + shape.rawValue
                  + String(format: ": thời gian mỗi MB tăng tối đa %.2f× (giới hạn %.2f×) — ", ratio, limit) + verdict)
            if ratio > limit { failed = true }
        }
        if failed { throw ExitCode(1) }
    }
}
