import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import Foundation
import GRDB

/// The stored form of a file's analysis (`file_facts`, schema v4): the `FileAnalysis` as JSON,
/// each document without its text (kept in `document_texts`), so review, the graph and queries
/// read the facts the pipeline produced instead of extracting again.
///
/// ```swift
/// try index.read { db in try IndexFacts.forEachFile(db) { analysis in print(analysis.path) } }
/// ```
package enum IndexFacts {
    /// The JSON of an analysis, texts left out.
    static func encode(_ analysis: FileAnalysis) throws -> Data {
        var stored = analysis
        for i in stored.documents.indices { stored.documents[i].text = nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(stored)
    }

    /// An analysis read back; its paths are the stored file's as the user would type it (relative
    /// to the working folder when inside it).
    static func decode(_ data: Data, path: String) throws -> FileAnalysis {
        var analysis = try JSONDecoder().decode(FileAnalysis.self, from: data)
        let shown = displayPath(path)
        analysis.path = shown
        for i in analysis.documents.indices {
            analysis.documents[i].path = shown
            for j in analysis.documents[i].procedures.indices { analysis.documents[i].procedures[j].sourcePath = shown }
        }
        for j in analysis.records.indices { analysis.records[j].sourcePath = shown }
        return analysis
    }

    /// Calls `body` with each indexed file's analysis, in path order.
    public static func forEachFile(_ db: Database, _ body: (FileAnalysis) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT f.path, x.facts FROM files f JOIN file_facts x ON x.file_id = f.id ORDER BY f.path")
        while let row = try rows.next() {
            let data: Data = row["facts"]
            try body(try decode(data, path: row["path"]))
        }
    }

    /// The analysis of one indexed file, by its id.
    static func file(id: Int64, db: Database) throws -> FileAnalysis? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT f.path, x.facts FROM files f JOIN file_facts x ON x.file_id = f.id WHERE f.id = ?"), arguments: [id]),
              let data: Data = row["facts"] else { return nil }
        return try decode(data, path: row["path"])
    }

    /// The facts of one indexed document (a row of `documents`), found in its file's analysis.
    static func document(id: Int64, db: Database) throws -> DocumentFacts? {
        guard let fileID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT file_id FROM documents WHERE id = ?"), arguments: [id]),
              let analysis = try file(id: fileID, db: db) else { return nil }
        let position = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM documents WHERE file_id = ? AND id < ?"),
                                        arguments: [fileID, id]) ?? 0
        return position < analysis.documents.count ? analysis.documents[position] : nil
    }

    /// A stored (absolute) path as the user would type it: relative to the working folder when
    /// the file lies inside it.
    package static func displayPath(_ path: String) -> String {
        let folder = FileManager.default.currentDirectoryPath
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
