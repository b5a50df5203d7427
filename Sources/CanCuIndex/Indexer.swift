import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import Foundation
import GRDB

/// Brings the index up to date with a set of inputs: new and changed files are analysed (on every
/// core, at most `workers` at a time) and written one file per transaction, in input order; unchanged files (same size and content hash) cost
/// a read and a hash, and no write at all; `prune` drops the files that no longer exist.
///
/// ```swift
/// let index = try DocumentIndex.create(path: "cancu.sqlite")
/// let report = try await Indexer(lexicon: .builtIn).run(["corpus"], into: index)
/// print(report.indexed, report.unchanged)
/// ```
public struct Indexer: Sendable {
    /// What one run did.
    public struct Report: Sendable {
        /// Files found under the inputs.
        public var files = 0
        /// Files (re)written.
        public var indexed = 0
        /// Files whose content had not changed.
        public var unchanged = 0
        /// Files dropped by `prune`.
        public var removed = 0
        /// Bytes of the files read.
        public var bytes = 0
        public var documents = 0
        public var procedures = 0
        /// Inputs that could not be read (the others were indexed).
        public var failures: [InputError] = []
        /// Warnings per indexed file.
        public var warnings: [(path: String, warning: Diagnostic)] = []

        public init() {}
    }

    /// Progress after each file: files done, files in all, bytes read so far.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int, _ bytes: Int) -> Void

    public let analyzer: FileAnalyzer
    let writer: IndexWriter
    /// The dictionaries' fingerprint, stored in the index's `meta` table.
    let lexiconFingerprint: String
    /// Files analysed at the same time (memory is bounded by this many of the largest document).
    public var workers: Int
    /// How a file's bytes are read (tests stand in a reader that changes the file behind it).
    var readBytes: @Sendable (String) throws(InputError) -> [UInt8] = { path throws(InputError) in
        try DocumentReader.readBytes(path)
    }

    public init(lexicon: Lexicon, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        analyzer = FileAnalyzer(lexicon: lexicon)
        writer = IndexWriter()
        lexiconFingerprint = lexicon.fingerprint
        self.workers = max(1, workers)
    }

    /// The absolute, standardised path a file is stored under.
    public static func storedPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Indexes `paths` (files, folders read recursively) into `index`.
    public func run(_ paths: [String], into index: DocumentIndex, prune: Bool = false, progress: Progress? = nil) async throws(IndexError) -> Report {
        var report = Report()
        var inputs: [String] = []
        for path in DocumentReader.expand(paths, extensions: FileAnalyzer.indexExtensions) {
            if path == "-" {
                report.failures.append(InputError(path: path, code: "stdin", message: "chỉ mục chỉ nhận tệp, không nhận đầu vào chuẩn"))
            } else {
                inputs.append(path)
            }
        }
        report.files = inputs.count
        // Files indexed with other dictionaries are read again: body mentions, registry ties and
        // names are matched at index time. Those not in this run lose their hash for the next one.
        let stale = try index.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'dictionaries'") != lexiconFingerprint
        }
        if stale {
            do {
                try await index.queue.write { db in
                    try db.execute(sql: "UPDATE files SET hash = ''")
                    try db.execute(sql: """
                        INSERT INTO meta (key, value) VALUES ('dictionaries', ?)
                        ON CONFLICT(key) DO UPDATE SET value = excluded.value
                        """, arguments: [lexiconFingerprint])
                }
            } catch {
                throw IndexError.database(path: index.path, message: "\(error)")
            }
        }
        let known: [String: (hash: String, size: Int)] = try index.read { db in
            var map: [String: (hash: String, size: Int)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT path, hash, size FROM files") {
                map[row["path"]] = (row["hash"], row["size"])
            }
            return map
        }
        // A bounded, ordered pipeline: file i is analysed only once file i - workers is written,
        // so at most `workers` files are read, analysed or waiting to be written at any time;
        // results come back from the child tasks and are written in input order.
        let failure: IndexError? = await withTaskGroup(of: (Int, Outcome).self) { group in
            var next = 0
            func startNext() {
                guard next < inputs.count else { return }
                let i = next, path = inputs[i], previous = known[Self.storedPath(path)]
                group.addTask { (i, analyzeOne(path, known: previous)) }
                next += 1
            }
            while next < min(inputs.count, workers) { startNext() }
            var ready: [Int: Outcome] = [:]
            var written = 0
            while let (i, outcome) = await group.next() {
                ready[i] = outcome
                while let outcome = ready.removeValue(forKey: written) {
                    do throws(IndexError) {
                        try await record(outcome, into: index, report: &report)
                    } catch {
                        group.cancelAll()
                        return error
                    }
                    written += 1
                    progress?(written, inputs.count, report.bytes)
                    startNext()
                }
            }
            return nil
        }
        if let failure { throw failure }
        if prune {
            report.removed = try pruneMissing(index)
        }
        return report
    }

    private enum Outcome: Sendable {
        case failed(InputError)
        case unchanged(size: Int)
        case changed(FileAnalysis, facts: Data, stored: String, hash: String, size: Int)
    }

    /// Adds one file's outcome to the report; a changed file's rows are replaced in one transaction.
    private func record(_ outcome: Outcome, into index: DocumentIndex, report: inout Report) async throws(IndexError) {
        switch outcome {
        case .failed(let error):
            report.failures.append(error)
        case .unchanged(let size):
            report.unchanged += 1
            report.bytes += size
        case .changed(let analysis, let facts, let stored, let hash, let size):
            report.bytes += size
            let writer = writer
            do {
                try await index.queue.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        try writer.replace(analysis, facts: facts, path: stored, hash: hash, size: size, db: db)
                        return .commit
                    }
                }
            } catch {
                throw IndexError.database(path: index.path, message: "\(analysis.path): \(error)")
            }
            report.indexed += 1
            report.documents += analysis.documents.count
            report.procedures += analysis.procedures.count
            for warning in analysis.warnings { report.warnings.append((analysis.path, warning)) }
        }
    }

    /// Reads a file once: the bytes hashed are the bytes analysed.
    private func analyzeOne(_ path: String, known: (hash: String, size: Int)?) -> Outcome {
        let bytes: [UInt8]
        do { bytes = try readBytes(path) } catch { return .failed(error) }
        let hash = ContentHash.hex(of: bytes)
        if let known, known.hash == hash, known.size == bytes.count { return .unchanged(size: bytes.count) }
        switch analyzer.analyze(path, bytes: bytes) {
        case .failure(let error): return .failed(error)
        case .success(let analysis):
            // The stored form of the facts is made here, on the worker, not in the write transaction.
            do {
                return .changed(analysis, facts: try IndexFacts.encode(analysis), stored: Self.storedPath(path), hash: hash, size: bytes.count)
            } catch {
                return .failed(InputError(path: path, code: "facts_unencodable", message: "không lưu được kết quả phân tích: \(error)"))
            }
        }
    }

    /// Drops the files that no longer exist; returns how many.
    private func pruneMissing(_ index: DocumentIndex) throws(IndexError) -> Int {
        let paths = try index.read { db in try String.fetchAll(db, sql: "SELECT path FROM files") }
        let gone = paths.filter { !FileManager.default.fileExists(atPath: $0) }
        for path in gone {
            do {
                try index.queue.inTransaction(.immediate) { db in
                    try db.execute(sql: "DELETE FROM files WHERE path = ?", arguments: [path])
                    return .commit
                }
            } catch {
                throw IndexError.database(path: index.path, message: "\(error)")
            }
        }
        return gone.count
    }
}

extension Indexer {
    /// Writes ready-made analyses (benchmarks and tests), a thousand files per transaction.
    public func write(_ analyses: [FileAnalysis], into index: DocumentIndex) throws(IndexError) {
        var start = 0
        while start < analyses.count {
            let slice = analyses[start..<min(analyses.count, start + 1000)]
            do {
                try index.queue.inTransaction(.immediate) { db in
                    for var analysis in slice {
                        analyzer.targets.resolve(&analysis)
                        try writer.replace(analysis, facts: IndexFacts.encode(analysis), path: analysis.path, hash: "synthetic", size: 0, db: db)
                    }
                    return .commit
                }
            } catch {
                throw IndexError.database(path: index.path, message: "\(error)")
            }
            start += slice.count
        }
    }
}
