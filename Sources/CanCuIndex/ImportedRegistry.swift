import CanCuModel
import CanCuText
import CanCuLexicon
import Foundation
import GRDB

/// The metadata tables `cancu registry import` stored in an index (`registry_imports`,
/// `registry_records`, schema v5): written in one transaction a table (importing the same path
/// again replaces its rows), read back as records laid over the built-in registry by every
/// command that opens the index (`Lexicon.with(imported:)`).
///
/// ```swift
/// try ImportedRegistry.store(table, from: "vbpl.csv", into: index)
/// let lexicon = Lexicon.builtIn.with(imported: ImportedRegistry.records(atPath: "cancu.sqlite"))
/// ```
package enum ImportedRegistry {
    /// One stored table.
    package struct Import: Sendable {
        package var path: String
        package var importedAt: String
        package var rows: Int
    }

    /// Stores a validated table, replacing an earlier import of the same path; all or nothing.
    package static func store(_ table: RegistryImport.Table, from path: String, into index: DocumentIndex,
                              at date: Date = Date()) throws(IndexError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let stamp = ISO8601DateFormatter().string(from: date)
        do {
            try index.queue.inTransaction(.immediate) { db in
                try db.execute(sql: "DELETE FROM registry_imports WHERE path = ?", arguments: [path])
                try db.execute(sql: "INSERT INTO registry_imports (path, imported_at, rows) VALUES (?, ?, ?)",
                               arguments: [path, stamp, table.rows])
                let id = db.lastInsertedRowID
                let insert = try db.cachedStatement(sql: "INSERT INTO registry_records (import_id, symbol_key, record) VALUES (?, ?, ?)")
                for record in table.records {
                    try insert.execute(arguments: [id, record.key, try encoder.encode(record)])
                }
                return .commit
            }
        } catch let error as IndexError {
            throw error
        } catch {
            throw .database(path: index.path, message: "\(error)")
        }
    }

    /// Every imported record, in import order (a later import's row for a document wins).
    package static func records(_ db: Database) throws -> [DocumentRecord] {
        guard try db.tableExists("registry_records") else { return [] }
        let decoder = JSONDecoder()
        return try Data.fetchAll(db, sql: "SELECT record FROM registry_records ORDER BY import_id, id").map {
            try decoder.decode(DocumentRecord.self, from: $0)
        }
    }

    /// The imported records of the index at `path`; none when it does not exist or is not an index
    /// of this version (the command that opens it then says why).
    package static func records(atPath path: String) -> [DocumentRecord] {
        guard FileManager.default.fileExists(atPath: path),
              let index = try? DocumentIndex.openForReading(path: path) else { return [] }
        return (try? index.read { db in try records(db) }) ?? []
    }

    /// The stored tables, oldest first.
    package static func imports(_ db: Database) throws -> [Import] {
        guard try db.tableExists("registry_imports") else { return [] }
        return try Row.fetchAll(db, sql: "SELECT path, imported_at, rows FROM registry_imports ORDER BY id").map {
            Import(path: $0["path"], importedAt: $0["imported_at"], rows: $0["rows"])
        }
    }
}

extension ImportedRegistry {
    /// The dictionaries a command over the index at `indexPath` reads: the built-in ones, the
    /// user's folder, and the tables imported into that index.
    package static func lexicon(userDirectory: String?, indexPath: String?) throws -> Lexicon {
        let lexicon = try Lexicon.load(userDirectory: userDirectory)
        guard let indexPath else { return lexicon }
        return lexicon.with(imported: records(atPath: indexPath))
    }
}
