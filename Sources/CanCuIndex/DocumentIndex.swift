import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import Foundation
import GRDB

/// The index file: one SQLite database (WAL journal) holding documents, structure, citations,
/// relations, procedures and their legal basis. Open it for writing with `create`, for queries
/// with `openForReading`; both refuse an index of another schema version with a message telling
/// the user how to rebuild it, except that `create` upgrades an index one migration behind.
/// A writable index holds the writers' lock (`IndexLock`, the sidecar file `DB.lock`) for as long
/// as it lives; a read-only one opens the database read-only, also on read-only storage.
///
/// ```swift
/// let index = try DocumentIndex.create(path: "cancu.sqlite")
/// let report = try await Indexer(lexicon: .builtIn).run(["corpus"], into: index)
/// ```
public struct DocumentIndex: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue
    /// The writers' lock (nil for a read-only index).
    let lock: IndexLock?

    private init(path: String, queue: DatabaseQueue, lock: IndexLock? = nil) {
        self.path = path
        self.queue = queue
        self.lock = lock
    }

    /// How long a writer waits for another process writing the same index, by default (seconds).
    public static let defaultLockTimeout: Double = 60

    /// Opens (creating it when absent) the index at `path` for writing; `rebuild` deletes the
    /// file first, when it is a CanCu index (of any schema version), an empty file or an empty
    /// database, and refuses any other file (`IndexError.rebuildRefused`). Waits up to
    /// `lockTimeout` seconds for another process that writes the same index (`IndexError.locked`).
    public static func create(path: String, rebuild: Bool = false,
                              lockTimeout: Double = defaultLockTimeout) throws(IndexError) -> DocumentIndex {
        let lock = try IndexLock.acquire(for: path, timeout: lockTimeout)
        if rebuild {
            guard isRebuildable(path) else { throw .rebuildRefused(path: path) }
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try checkVersion(queue, path: path, upgradable: true)
            try queue.writeWithoutTransaction { db in
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
                if mode.lowercased() != "wal" { try db.execute(sql: "PRAGMA journal_mode = WAL") }
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            try IndexSchema.migrator.migrate(queue)
            return DocumentIndex(path: path, queue: queue, lock: lock)
        } catch let error as IndexError {
            throw error
        } catch {
            throw map(error, path: path)
        }
    }

    /// Opens an existing index for queries, read only: nothing is ever written through it. On
    /// read-only storage (a folder this process cannot write, where SQLite could not create the
    /// WAL's `-shm` file) an index without a `-wal` file, so with no writer at work, is opened as
    /// immutable.
    public static func openForReading(path: String) throws(IndexError) -> DocumentIndex {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        let folder = (URL(fileURLWithPath: path).standardizedFileURL.path as NSString).deletingLastPathComponent
        let immutable = access(folder, W_OK) != 0 && !FileManager.default.fileExists(atPath: path + "-wal")
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            // Pages of a large index are read through a memory map rather than one `pread` each
            // (a server answering thousands of queries a second spent ~7% of its time in `pread`).
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 1073741824") }
            // SQLite reads `file:` URIs (Debian's libsqlite3 is built with SQLITE_USE_URI).
            let location = immutable ? URL(fileURLWithPath: path).standardizedFileURL.absoluteString + "?immutable=1" : path
            let queue = try DatabaseQueue(path: location, configuration: configuration)
            try checkVersion(queue, path: path, upgradable: false)
            let ready = try queue.read { db in try db.tableExists("procedure_search") }
            guard ready else { throw IndexError.notAnIndex(path: path) }
            return DocumentIndex(path: path, queue: queue)
        } catch let error as IndexError {
            throw error
        } catch {
            throw map(error, path: path)
        }
    }

    /// Whether `--rebuild` may delete the file at `path`: absent, empty, or an SQLite database
    /// that has no table or has the index's `meta` table with a schema version.
    static func isRebuildable(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return !FileManager.default.fileExists(atPath: path) }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        if head.isEmpty { return true }
        guard head == Data("SQLite format 3\0".utf8) else { return false }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if tables.isEmpty { return true }
                guard tables.contains("meta") else { return false }
                let version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'")
                return version.flatMap { Int($0) } != nil
            }
        } catch {
            return false
        }
    }

    /// Refuses a database that is not an index of this schema version, or, when `upgradable`, of
    /// a version the migrations bring up to date. An empty database is fine.
    private static func checkVersion(_ queue: DatabaseQueue, path: String, upgradable: Bool) throws {
        try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            if tables.isEmpty { return }
            guard tables.contains("meta") else { throw IndexError.notAnIndex(path: path) }
            let value = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'")
            guard let value, let found = Int(value) else { throw IndexError.notAnIndex(path: path) }
            if upgradable, found >= IndexSchema.oldestUpgradable, found < IndexSchema.version { return }
            if found != IndexSchema.version {
                throw IndexError.schemaMismatch(path: path, found: found, expected: IndexSchema.version)
            }
        }
    }

    private static func map(_ error: any Error, path: String) -> IndexError {
        if let error = error as? DatabaseError {
            if error.resultCode == .SQLITE_NOTADB { return .notAnIndex(path: path) }
            return .database(path: path, message: error.message ?? "\(error.resultCode)")
        }
        return .database(path: path, message: "\(error)")
    }

    /// Runs `body` with a read-only view of the database.
    package func read<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
        do { return try queue.read(body) } catch { throw Self.map(error, path: path) }
    }

    /// The number of rows changed through this connection since it was opened (0 after a run
    /// over unchanged files).
    public func totalChanges() -> Int {
        queue.inDatabase { db in db.totalChangesCount }
    }

    /// Row counts of the main tables, for summaries and tests.
    public func counts() throws(IndexError) -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for table in ["files", "documents", "structure_units", "citations", "relations", "procedures", "procedure_basis"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    /// `PRAGMA integrity_check` plus the index's own invariant: every document file has a document.
    public func check() throws(IndexError) -> [String] {
        try read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            problems += try String.fetchAll(db, sql: """
                SELECT 'file without its document: ' || path FROM files f
                WHERE kind = 'document' AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.file_id = f.id)
                """)
            problems += try String.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
            return problems
        }
    }
}
