import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import Foundation
import GRDB

/// Writes one file's analysis into the index, replacing what the file had before. The caller
/// runs it inside one transaction, so a reader (or a killed run) sees the old rows or the new
/// ones, never a mix.
struct IndexWriter {
    /// Replaces the rows of `analysis.path` (stored under `path`).
    func replace(_ analysis: FileAnalysis, facts: Data, path: String, hash: String, size: Int, db: Database) throws {
        try db.execute(sql: "DELETE FROM files WHERE path = ?", arguments: [path])
        try db.execute(
            sql: "INSERT INTO files (path, kind, hash, size, indexed_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [path, analysis.kind.rawValue, hash, size, ISO8601DateFormatter().string(from: Date())])
        let fileID = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO file_facts (file_id, facts) VALUES (?, ?)", arguments: [fileID, facts])
        // The resolve stage (`CitationTargets`) has tied names to symbols and citations to node keys.
        let aliases = analysis.aliases
        let insertAlias = try db.cachedStatement(sql: "INSERT INTO aliases (alias, key, symbol_key, file_id) VALUES (?, ?, ?, ?)")
        for (alias, key) in aliases.sorted(by: { $0.key < $1.key }) {
            try insertAlias.execute(arguments: [alias, key, DocumentKey.symbolPart(ofKey: key), fileID])
        }

        var firstDocumentID: Int64?
        for document in analysis.documents {
            let id = try insertDocument(document, fileID: fileID, aliases: aliases, db: db)
            if firstDocumentID == nil { firstDocumentID = id }
        }
        for procedure in analysis.procedures {
            try insertProcedure(procedure, fileID: fileID, documentID: analysis.kind == .document ? firstDocumentID : nil,
                                aliases: aliases, db: db)
        }
    }

    private func insertDocument(_ document: DocumentFacts, fileID: Int64, aliases: [String: String], db: Database) throws -> Int64 {
        let header = document.document
        let year = header.issued?.year
        let key = CitationTargets.ownKey(header) ?? "f:\(fileID)"
        let review = document.review
        try db.cachedStatement(sql: """
            INSERT INTO documents (file_id, key, symbol, symbol_key, type, issuer, issued, effective, place, title, year, kind,
                                   own_symbol, own_key, written, stated_effective, term_end)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'indexed', ?, ?, ?, ?, ?)
            """).execute(arguments: [
                fileID, key, header.symbol, header.symbol.map(Registry.key), header.type, header.issuer,
                header.issued, header.effective, header.place, header.title, year,
                review.ownSymbol, review.ownSymbol.map(Registry.key), review.written, review.effective, review.termEnd,
            ])
        let documentID = db.lastInsertedRowID
        if let text = document.text {
            try db.cachedStatement(sql: "INSERT INTO document_texts (document_id, text) VALUES (?, ?)").execute(arguments: [documentID, text])
        }
        if let title = header.title, !title.isEmpty {
            let folded = Folding.fold([header.type, header.symbol, title].compactMap { $0 }.joined(separator: " "))
            try db.cachedStatement(sql: "INSERT INTO document_search (rowid, folded_title) VALUES (?, ?)")
                .execute(arguments: [documentID, folded])
        }
        let insertCitation = try db.cachedStatement(sql: """
            INSERT INTO citations (document_id, position, target, symbol, symbol_key, name, type, year, number, issued,
                                   pinpoints, kind, resolves_to, start, "end", text, line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (index, citation) in document.citations.enumerated() {
            let target = citation.target ?? "?:" + Folding.fold(citation.text)
            try insertCitation.execute(arguments: [
                documentID, index, target, citation.symbol, DocumentKey.symbolPart(ofKey: target), citation.name, citation.type,
                citation.year, citation.number, citation.issued, PinpointCoding.encode(citation.pinpoints), citation.kind.rawValue,
                citation.resolvesTo, citation.source.lowerBound, citation.source.upperBound, citation.text,
                index < review.citationLines.count ? review.citationLines[index] : nil,
            ])
        }
        let insertRelation = try db.cachedStatement(sql: """
            INSERT INTO relations (document_id, from_citation, to_citation, type, start, "end", sentence) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (index, relation) in document.relations.enumerated() {
            try insertRelation.execute(arguments: [
                documentID, relation.from, relation.to, relation.type.rawValue, relation.source.lowerBound, relation.source.upperBound,
                review.sentences[index],
            ])
        }
        let insertBody = try db.cachedStatement(sql: """
            INSERT INTO body_mentions (document_id, start, "end", line, text, origin, old_body, severity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for body in review.bodies {
            try insertBody.execute(arguments: [
                documentID, body.range.lowerBound, body.range.upperBound, body.line, body.text, body.origin, body.oldBody,
                body.severity.rawValue,
            ])
        }
        let insertUnit = try db.cachedStatement(sql: """
            INSERT INTO structure_units (document_id, parent_id, position, level, number, heading, start, "end", body_start, body_end)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var position = 0
        func insert(_ units: [StructureUnit], parent: Int64?) throws {
            for unit in units {
                try insertUnit.execute(arguments: [
                    documentID, parent, position, unit.level.rawValue, unit.number, unit.heading,
                    unit.source.lowerBound, unit.source.upperBound, unit.body.lowerBound, unit.body.upperBound,
                ])
                position += 1
                let id = db.lastInsertedRowID
                try insert(unit.children, parent: id)
            }
        }
        try insert(document.structure, parent: nil)
        return documentID
    }

    private func insertProcedure(_ procedure: Procedure, fileID: Int64, documentID: Int64?, aliases: [String: String], db: Database) throws {
        let folded = Folding.fold(procedure.name)
        try db.cachedStatement(sql: """
            INSERT INTO procedures (file_id, document_id, code, name, folded_name, agency, field, level, published_by, origin, start, "end")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                fileID, documentID, procedure.code, procedure.name, folded, procedure.agency, procedure.field, procedure.level,
                procedure.publishedBy, procedure.origin.rawValue, procedure.source.lowerBound, procedure.source.upperBound,
            ])
        let procedureID = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO procedure_search (rowid, folded_name, code) VALUES (?, ?, ?)")
            .execute(arguments: [procedureID, folded, procedure.code ?? ""])
        let insertBasis = try db.cachedStatement(sql: """
            INSERT INTO procedure_basis (procedure_id, position, target, symbol, symbol_key, name, type, year, issued, pinpoints, kind, text, title)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (index, citation) in procedure.basis.enumerated() {
            let target = citation.target ?? "?:" + Folding.fold(citation.text)
            try insertBasis.execute(arguments: [
                procedureID, index, target, citation.symbol, DocumentKey.symbolPart(ofKey: target), citation.name, citation.type,
                citation.year, citation.issued, PinpointCoding.encode(citation.pinpoints), citation.kind.rawValue, citation.text,
                citation.title,
            ])
        }
    }
}
