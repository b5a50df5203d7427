import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import GRDB

/// The tables of the index, as named, ordered GRDB migrations, and the schema version stored in
/// the `meta` table. An index written by another schema version is refused with a message telling
/// the user to rebuild it (`IndexError.schemaMismatch`).
///
/// Tables: `files` (one row per indexed input, with its content hash), `documents` (the indexed
/// documents, by node key), `structure_units`, `citations` (each with the node key of what it
/// cites), `relations`, `aliases` (name-and-year keys an indexed document or citation ties to a
/// symbol), `procedures`, `procedure_basis`, `body_mentions` (changed bodies a document names,
/// for `cancu review --db`), and the FTS5 tables `procedure_search` and
/// `document_search` over folded names and titles. Every row hangs off its file (`ON DELETE
/// CASCADE`), so replacing or pruning a file is one `DELETE`.
package enum IndexSchema {
    /// The schema version this build reads and writes.
    public static let version = 5
    /// The oldest version `DocumentIndex.create` upgrades in place (older ones must be rebuilt).
    static let oldestUpgradable = 2

    /// The migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-meta-files") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE files (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    indexed_at TEXT NOT NULL);
                """)
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('schema_version', ?)", arguments: [String(version)])
        }
        migrator.registerMigration("v1-documents-structure") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    id INTEGER PRIMARY KEY,
                    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    symbol TEXT,
                    symbol_key TEXT,
                    type TEXT,
                    issuer TEXT,
                    issued TEXT,
                    effective TEXT,
                    place TEXT,
                    title TEXT,
                    year INTEGER,
                    kind TEXT NOT NULL DEFAULT 'indexed');
                CREATE INDEX documents_file ON documents(file_id);
                CREATE INDEX documents_key ON documents(key);
                CREATE INDEX documents_symbol_key ON documents(symbol_key);
                CREATE TABLE structure_units (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    parent_id INTEGER,
                    position INTEGER NOT NULL,
                    level TEXT NOT NULL,
                    number TEXT NOT NULL,
                    heading TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    body_start INTEGER NOT NULL,
                    body_end INTEGER NOT NULL);
                CREATE INDEX structure_units_document ON structure_units(document_id);
                """)
        }
        migrator.registerMigration("v1-citations-relations") { db in
            try db.execute(sql: """
                CREATE TABLE citations (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    target TEXT NOT NULL,
                    symbol TEXT,
                    symbol_key TEXT,
                    name TEXT,
                    type TEXT,
                    year INTEGER,
                    number TEXT,
                    issued TEXT,
                    pinpoints TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    resolves_to INTEGER,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL);
                CREATE INDEX citations_document ON citations(document_id);
                CREATE INDEX citations_target ON citations(target);
                CREATE INDEX citations_symbol_key ON citations(symbol_key);
                CREATE TABLE relations (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    from_citation INTEGER,
                    to_citation INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL);
                CREATE INDEX relations_document ON relations(document_id);
                CREATE TABLE aliases (
                    alias TEXT NOT NULL,
                    key TEXT NOT NULL,
                    symbol_key TEXT,
                    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE);
                CREATE INDEX aliases_alias ON aliases(alias);
                CREATE INDEX aliases_file ON aliases(file_id);
                CREATE INDEX aliases_symbol_key ON aliases(symbol_key);
                """)
        }
        migrator.registerMigration("v1-procedures") { db in
            try db.execute(sql: """
                CREATE TABLE procedures (
                    id INTEGER PRIMARY KEY,
                    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
                    document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
                    code TEXT,
                    name TEXT NOT NULL,
                    folded_name TEXT NOT NULL,
                    agency TEXT,
                    field TEXT,
                    level TEXT,
                    published_by TEXT,
                    origin TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL);
                CREATE INDEX procedures_file ON procedures(file_id);
                CREATE INDEX procedures_code ON procedures(code);
                CREATE INDEX procedures_folded_name ON procedures(folded_name);
                CREATE TABLE procedure_basis (
                    id INTEGER PRIMARY KEY,
                    procedure_id INTEGER NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    target TEXT NOT NULL,
                    symbol TEXT,
                    symbol_key TEXT,
                    name TEXT,
                    type TEXT,
                    year INTEGER,
                    issued TEXT,
                    pinpoints TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL);
                CREATE INDEX procedure_basis_procedure ON procedure_basis(procedure_id);
                CREATE INDEX procedure_basis_target ON procedure_basis(target);
                CREATE INDEX procedure_basis_symbol_key ON procedure_basis(symbol_key);
                """)
        }
        migrator.registerMigration("v1-search") { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE procedure_search USING fts5(folded_name, code, tokenize = 'unicode61');
                CREATE VIRTUAL TABLE document_search USING fts5(folded_title, tokenize = 'unicode61');
                CREATE TRIGGER procedures_search_delete AFTER DELETE ON procedures BEGIN
                    DELETE FROM procedure_search WHERE rowid = old.id;
                END;
                CREATE TRIGGER documents_search_delete AFTER DELETE ON documents BEGIN
                    DELETE FROM document_search WHERE rowid = old.id;
                END;
                """)
        }
        migrator.registerMigration("v2-review") { db in
            // What `cancu review --db` reads instead of the files: the document's own symbol and
            // dates as review finds them, the words of acting relations, citation lines, and the
            // changed bodies the text names.
            try db.execute(sql: """
                ALTER TABLE documents ADD COLUMN own_symbol TEXT;
                ALTER TABLE documents ADD COLUMN own_key TEXT;
                ALTER TABLE documents ADD COLUMN written TEXT;
                ALTER TABLE documents ADD COLUMN stated_effective TEXT;
                ALTER TABLE documents ADD COLUMN term_end INTEGER;
                CREATE INDEX documents_own_key ON documents(own_key);
                ALTER TABLE citations ADD COLUMN line INTEGER;
                ALTER TABLE relations ADD COLUMN sentence TEXT;
                CREATE TABLE body_mentions (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    line INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    old_body TEXT NOT NULL,
                    severity TEXT NOT NULL);
                CREATE INDEX body_mentions_document ON body_mentions(document_id);
                """)
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'schema_version'", arguments: [String(version)])
        }
        migrator.registerMigration("v3-basis-titles") { db in
            // The title a portal record's legal-basis row gives each document, for documents that
            // neither the index nor the registry knows. Files indexed before lose their hash, so
            // the next `cancu index` reads them again and fills it.
            try db.execute(sql: """
                ALTER TABLE procedure_basis ADD COLUMN title TEXT;
                UPDATE files SET hash = '';
                """)
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'schema_version'", arguments: [String(version)])
        }
        migrator.registerMigration("v4-document-facts") { db in
            // The whole analysis of each file (`FileAnalysis`: every document's `DocumentFacts`,
            // without its text, and the procedure records), as JSON, and each document's text, in
            // tables of their own so that the rows queries scan stay narrow: review, the graph and
            // queries read these instead of extracting again. Files indexed before lose their
            // hash, so the next `cancu index` reads them again and fills them.
            try db.execute(sql: """
                CREATE TABLE file_facts (
                    file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
                    facts BLOB NOT NULL);
                CREATE TABLE document_texts (
                    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                    text TEXT NOT NULL);
                UPDATE files SET hash = '';
                """)
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'schema_version'", arguments: [String(version)])
        }
        migrator.registerMigration("v5-registry-imports") { db in
            // Tables of document metadata imported by `cancu registry import`: one row a table
            // (its path and when), one row a record (as JSON, with its `FILE:LINE` origin). They
            // are laid over the built-in registry by every command that opens the index.
            try db.execute(sql: """
                CREATE TABLE registry_imports (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    imported_at TEXT NOT NULL,
                    rows INTEGER NOT NULL);
                CREATE TABLE registry_records (
                    id INTEGER PRIMARY KEY,
                    import_id INTEGER NOT NULL REFERENCES registry_imports(id) ON DELETE CASCADE,
                    symbol_key TEXT NOT NULL,
                    record BLOB NOT NULL);
                CREATE INDEX registry_records_import ON registry_records(import_id);
                CREATE INDEX registry_records_symbol_key ON registry_records(symbol_key);
                """)
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'schema_version'", arguments: [String(version)])
        }
        return migrator
    }
}
