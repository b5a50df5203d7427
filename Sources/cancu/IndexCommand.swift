import ArgumentParser
import CanCu
import Foundation
import Synchronization

/// `cancu index`: adds documents and procedure records to the index, incrementally.
struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Lập chỉ mục văn bản và hồ sơ thủ tục hành chính (SQLite), chỉ xử lý lại tệp đã thay đổi.",
        discussion: """
            Reads text, HTML, Word and PDF documents and procedure records (.jsonl, .csv). Unchanged
            files (same content hash) are skipped without writing; a changed file's rows are replaced
            in one transaction, so an interrupted run leaves the previous index intact.
            Examples:
              cancu index corpus
              cancu index van-ban/ thu-tuc.jsonl --db chi-muc.sqlite --prune
            """
    )

    @Argument(help: ArgumentHelp("Files or folders to index (folders recursively).", valueName: "path"))
    var paths: [String]

    @OptionGroup var options: IndexOptions

    @Flag(help: "Drop the files that no longer exist from the index.")
    var prune = false

    @Flag(help: "Delete the index file first and build it again (refused for a file that is not a CanCu index).")
    var rebuild = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or folder to index.") }
    }

    func run() async throws {
        let report = try await Self.index(paths, options: options, prune: prune, rebuild: rebuild)
        Console.error(Self.describe(report, db: options.db))
        if !report.failures.isEmpty { throw ExitStatus.inputFailed }
    }

    /// Indexes `paths`, with a progress bar on a terminal; prints unreadable inputs as it goes.
    static func index(_ paths: [String], options: IndexOptions, prune: Bool, rebuild: Bool) async throws -> Indexer.Report {
        let lexicon = try options.lexicon()
        let index = try reportingIndexErrors { () throws(IndexError) in 
            try DocumentIndex.create(path: options.db, rebuild: rebuild, lockTimeout: options.lockTimeout)
        }
        let indexer = Indexer(lexicon: lexicon)
        let bar = Console.standardErrorIsTerminal ? ProgressBar() : nil
        var progress: Indexer.Progress?
        if let bar { progress = { done, total, bytes in bar.show(done, total, bytes) } }
        let report = try await reportingIndexErrorsAsync { () async throws(IndexError) in
            try await indexer.run(paths, into: index, prune: prune, progress: progress)
        }
        bar?.finish()
        for failure in report.failures { Console.error("cancu: \(failure)") }
        return report
    }

    static func describe(_ report: Indexer.Report, db: String) -> String {
        var line = "cancu index: \(report.files) tệp — \(report.indexed) lập chỉ mục, \(report.unchanged) không đổi"
        if report.removed > 0 { line += ", \(report.removed) đã xóa khỏi chỉ mục" }
        if !report.failures.isEmpty { line += ", \(report.failures.count) không đọc được" }
        line += "; \(report.documents) văn bản, \(report.procedures) thủ tục → \(db)"
        return line
    }
}

/// A one-line progress bar on standard error (only drawn when it is a terminal).
final class ProgressBar: Sendable {
    private struct State { var lastDraw = 0.0; var drawn = false }
    private let state = Mutex(State())

    func show(_ done: Int, _ total: Int, _ bytes: Int) {
        let now = Date().timeIntervalSince1970
        state.withLock { state in
            guard done == total || now - state.lastDraw > 0.1 else { return }
            state.lastDraw = now
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let mb = String(format: "%.1f", Double(bytes) / 1e6)
            FileHandle.standardError.write(Data(("\r\(bar) \(done)/\(total) tệp, \(mb) MB").utf8))
            state.drawn = true
        }
    }

    func finish() {
        if state.withLock({ $0.drawn }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
