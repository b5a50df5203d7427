import Foundation
import GRDB
import Testing
@testable import CanCuIndex
#if canImport(Glibc)
import Glibc
#endif

/// One writer at a time, `--rebuild` only of an index, readers that never write (issue 14,
/// point 6): two `cancu index` processes on one index, and queries on read-only storage.
@Suite("Index lock and read-only use")
struct IndexLockTests {
    let corpus = SharedCorpus.projectCorpus.path

    /// A folder of `copies` copies of the sample corpus's documents (enough work for a writer to
    /// be caught in the middle of its run).
    static func bigFolder(_ root: URL, copies: Int) throws -> URL {
        let folder = root.appendingPathComponent("big")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: SharedCorpus.projectCorpus.path).filter { $0.hasSuffix(".txt") }
        for name in names {
            let text = try String(contentsOfFile: SharedCorpus.projectCorpus.appendingPathComponent(name).path, encoding: .utf8)
            for i in 0..<copies {
                try (text + "\n\(i)\n").write(to: folder.appendingPathComponent("\(i)-\(name)"), atomically: false, encoding: .utf8)
            }
        }
        return folder
    }

    /// Whether another process holds the writers' lock of `db` (probed without keeping it).
    static func isLocked(_ db: String) -> Bool {
        let fd = open(db + ".lock", O_RDWR)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 { flock(fd, LOCK_UN); return false }
        return true
    }

    static func count(_ db: String, _ table: String = "files") throws -> Int {
        try DatabaseQueue(path: db).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
    }

    @Test("index --rebuild waits for a running index instead of deleting the database under it")
    func rebuildWaitsForWriter() throws {
        let root = try IndexTestSupport.temporaryFolder("lock-rebuild")
        defer { try? FileManager.default.removeItem(at: root) }
        let big = try Self.bigFolder(root, copies: 40)
        let db = root.appendingPathComponent("i.sqlite").path
        let executable = try #require(IndexKillTests.cancu)
        let first = Process()
        first.executableURL = executable
        first.arguments = ["index", big.path, "--db", db]
        first.currentDirectoryURL = root
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        let start = Date()
        while !Self.isLocked(db) && first.isRunning && Date().timeIntervalSince(start) < 20 { usleep(5_000) }
        #expect(Self.isLocked(db), "the running index holds the lock on \(db).lock")
        let second = try CommandLineRun.cancu(["index", corpus, "--db", db, "--rebuild"], in: root)
        // The rebuild could only start once the first writer was done.
        #expect(!first.isRunning, "index --rebuild finished while the other index was still writing")
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.status == 0, "\(second.error)")
        #expect(second.error.contains("5 tệp — 5 lập chỉ mục"), "\(second.error)")
        // What the last writer reports is what the file holds.
        #expect(try Self.count(db) == 5)
        #expect(try DocumentIndex.openForReading(path: db).check().isEmpty)
    }

    @Test("a second writer that cannot wait long enough fails with a message naming the lock")
    func lockTimeout() throws {
        let root = try IndexTestSupport.temporaryFolder("lock-timeout")
        defer { try? FileManager.default.removeItem(at: root) }
        let db = root.appendingPathComponent("i.sqlite").path
        let holder = try DocumentIndex.create(path: db)
        // In this process the lock is shared, not waited for.
        _ = try DocumentIndex.create(path: db)
        let run = try CommandLineRun.cancu(["index", corpus, "--db", db, "--lock-timeout", "0.2"], in: root)
        #expect(run.status == 1)
        #expect(run.error.contains("đang được một tiến trình cancu khác ghi") && run.error.contains("i.sqlite.lock"), "\(run.error)")
        #expect(try holder.counts()["files"] == 0, "the second writer wrote nothing")
        _ = holder
    }

    @Test("first-time writers started together create the schema once and all succeed")
    func concurrentFirstWriters() throws {
        for round in 0..<3 {
            let root = try IndexTestSupport.temporaryFolder("lock-first-\(round)")
            defer { try? FileManager.default.removeItem(at: root) }
            let db = root.appendingPathComponent("i.sqlite").path
            let executable = try #require(IndexKillTests.cancu)
            var processes: [(Process, URL)] = []
            for i in 0..<3 {
                let process = Process()
                process.executableURL = executable
                process.arguments = ["index", corpus, "--db", db]
                process.currentDirectoryURL = root
                let err = root.appendingPathComponent("err-\(i)")
                FileManager.default.createFile(atPath: err.path, contents: nil)
                process.standardError = try FileHandle(forWritingTo: err)
                process.standardOutput = FileHandle.nullDevice
                processes.append((process, err))
            }
            for (process, _) in processes { try process.run() }
            for (process, err) in processes {
                process.waitUntilExit()
                let message = try String(contentsOf: err, encoding: .utf8)
                #expect(process.terminationStatus == 0, "\(message)")
                #expect(!message.contains("already exists"), "\(message)")
            }
            #expect(try Self.count(db) == 5)
        }
    }

    @Test("--rebuild refuses a file that is not a CanCu index and leaves it alone")
    func rebuildRefusesOtherFiles() throws {
        let root = try IndexTestSupport.temporaryFolder("lock-refuse")
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("notes.txt")
        try Data("Ghi chú quan trọng\n".utf8).write(to: notes)
        let other = root.appendingPathComponent("other.sqlite")
        try DatabaseQueue(path: other.path).write { db in try db.execute(sql: "CREATE TABLE t (a); INSERT INTO t VALUES (1)") }
        for file in [notes, other] {
            let before = try Data(contentsOf: file)
            let run = try CommandLineRun.cancu(["index", corpus, "--rebuild", "--db", file.lastPathComponent], in: root)
            #expect(run.status == 1)
            #expect(run.error.contains("không phải chỉ mục của cancu nên không bị xóa"), "\(run.error)")
            #expect(try Data(contentsOf: file) == before, "\(file.lastPathComponent) unchanged")
        }
        // An index (and an empty file) may be rebuilt.
        let db = root.appendingPathComponent("i.sqlite")
        #expect(try CommandLineRun.cancu(["index", corpus, "--db", "i.sqlite"], in: root).status == 0)
        #expect(try CommandLineRun.cancu(["index", corpus, "--db", "i.sqlite", "--rebuild"], in: root).status == 0)
        FileManager.default.createFile(atPath: root.appendingPathComponent("empty.sqlite").path, contents: nil)
        #expect(try CommandLineRun.cancu(["index", corpus, "--db", "empty.sqlite", "--rebuild"], in: root).status == 0)
        #expect(try Self.count(db.path) == 5)
    }

    /// Runs cancu as `nobody` when this process is root (for whom permissions do not stop writes).
    static var unprivileged: [String]? {
        if getuid() != 0 { return [] }
        return FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
            ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : nil
    }

    @Test("queries work on an index in a folder nobody may write, and create no -wal, -shm or journal file",
          .enabled(if: IndexLockTests.unprivileged != nil, "needs setpriv to drop root's rights"))
    func readOnlyStorage() throws {
        let root = try IndexTestSupport.temporaryFolder("lock-readonly")
        defer {
            chmod(root.appendingPathComponent("ro").path, 0o755)
            try? FileManager.default.removeItem(at: root)
        }
        let built = try CommandLineRun.cancu(["index", corpus, "--db", "i.sqlite"], in: root)
        #expect(built.status == 0)
        let folder = root.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("i.sqlite").path
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("i.sqlite").path, toPath: db)
        chmod(db, 0o444)
        chmod(folder.path, 0o555)
        chmod(root.path, 0o755)
        let through = try #require(Self.unprivileged)
        let queries: [[String]] = [
            ["basis", "thu tuc", "--db", db], ["basis", "1.004222", "--db", db, "--format", "json"],
            ["show", "61/2018/NĐ-CP", "--db", db], ["cited-by", "61/2018/NĐ-CP", "--db", db],
            ["review", "--db", db, "--format", "json"], ["graph", "--db", db, "--format", "graphml"],
        ]
        for arguments in queries {
            let run = try CommandLineRun.cancu(arguments, in: root, through: through)
            #expect(run.status <= 1 && !run.output.isEmpty, "cancu \(arguments.joined(separator: " ")): \(run.status) \(run.error)")
            #expect(!run.error.contains("readonly"), "\(run.error)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["i.sqlite"])
        // A writer there fails with a message, and the file is left as it was.
        let write = try CommandLineRun.cancu(["index", corpus, "--db", db], in: root, through: through)
        #expect(write.status == 1)
        #expect(!write.error.isEmpty)
    }

    @Test("an index opened for reading cannot be written through")
    func readerIsReadOnly() throws {
        let root = try IndexTestSupport.temporaryFolder("lock-reader")
        defer { try? FileManager.default.removeItem(at: root) }
        let db = root.appendingPathComponent("i.sqlite").path
        _ = try DocumentIndex.create(path: db)
        let reader = try DocumentIndex.openForReading(path: db)
        #expect(reader.lock == nil)
        #expect(throws: (any Error).self) {
            try reader.queue.writeWithoutTransaction { db in try db.execute(sql: "CREATE TABLE x (a)") }
        }
    }
}
