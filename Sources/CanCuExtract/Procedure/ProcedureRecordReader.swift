import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import Foundation

/// Reads procedure records in JSON Lines or CSV (RFC 4180) with the National Public Service
/// Portal's field names (`ma_thu_tuc`, `ten_thu_tuc`, `so_quyet_dinh`, `can_cu_phap_ly`, …; the
/// mapping is in `dictionaries/procedure-fields.tsv`). Each record becomes a `Procedure` with origin
/// `.record`, `basisText` = `can_cu_phap_ly` and `source` = the record's span in Unicode scalars.
/// A legacy code in `ma_thu_tuc` ("T-BKA-290103-TT", alone or beside the national code) and a
/// provincial variant ("1.001193.000.00.00.H35") go to `aliases`; `code` keeps the national code.
/// A bad line or row is a warning, never a crash.
///
/// ```swift
/// let (procedures, warnings) = ProcedureRecordReader(lexicon: .builtIn).read(text, path: "x.jsonl")
/// procedures.first?.code   // "1.004222"
/// ```
package struct ProcedureRecordReader: Sendable {
    /// Record key → field ("code", "name", "agency", …).
    let keys: [String: String]
    let symbols: SymbolCanonicalizer

    public init(lexicon: Lexicon = .builtIn) {
        var keys: [String: String] = [:]
        for row in lexicon.rows("procedure-fields.tsv") where row["kind"] == "record" { keys[row["label"]] = row["field"] }
        self.keys = keys
        symbols = SymbolCanonicalizer(lexicon: lexicon)
    }

    /// True when the file name looks like procedure records (`.jsonl`, `.ndjson`, `.csv`).
    public static func handles(path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".csv")
    }

    /// The procedures of a JSON Lines or CSV text (CSV when the path ends in `.csv`).
    public func read(_ text: String, path: String) -> (procedures: [Procedure], warnings: [Diagnostic]) {
        path.lowercased().hasSuffix(".csv") ? readCSV(text, path: path) : readJSONLines(text, path: path)
    }

    /// JSON Lines: one object a line; empty lines are skipped.
    public func readJSONLines(_ text: String, path: String) -> (procedures: [Procedure], warnings: [Diagnostic]) {
        var procedures: [Procedure] = []
        var warnings: [Diagnostic] = []
        var scalarOffset = 0
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let length = line.unicodeScalars.count
            defer { scalarOffset += length + 1 }
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                warnings.append(Diagnostic(code: "bad_record", message: "\(path):\(lineNumber): not a JSON object; line skipped"))
                continue
            }
            var fields: [String: String] = [:]
            for (key, value) in object {
                if let s = value as? String { fields[key] = s } else if let n = value as? NSNumber { fields[key] = n.stringValue }
            }
            if let procedure = procedure(fields, path: path, source: scalarOffset..<(scalarOffset + length), line: lineNumber, warnings: &warnings) {
                procedures.append(procedure)
            }
        }
        return (procedures, warnings)
    }

    /// CSV (RFC 4180): a header row of field names, quoted cells with `""` escapes and line breaks.
    public func readCSV(_ text: String, path: String) -> (procedures: [Procedure], warnings: [Diagnostic]) {
        var procedures: [Procedure] = []
        var warnings: [Diagnostic] = []
        let rows = CSVRows.parse(text)
        guard let header = rows.first else { return ([], []) }
        let names = header.cells.map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "") }
        for row in rows.dropFirst() {
            if row.cells.count == 1 && row.cells[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if let problem = row.problem {
                warnings.append(Diagnostic(code: "bad_record", message: "\(path):\(row.line): \(problem); row skipped"))
                continue
            }
            if row.cells.count != names.count {
                warnings.append(Diagnostic(code: "bad_record", message: "\(path):\(row.line): \(row.cells.count) cells, the header has \(names.count)"))
            }
            var fields: [String: String] = [:]
            for (i, cell) in row.cells.enumerated() where i < names.count { fields[names[i]] = cell }
            if let procedure = procedure(fields, path: path, source: row.source, line: row.line, warnings: &warnings) {
                procedures.append(procedure)
            }
        }
        return (procedures, warnings)
    }

    private func procedure(_ record: [String: String], path: String, source: Range<Int>, line: Int, warnings: inout [Diagnostic]) -> Procedure? {
        var fields: [String: String] = [:]
        for (key, value) in record {
            guard let field = keys[key] else { continue }
            let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if !v.isEmpty { fields[field] = v }
        }
        guard let name = fields["name"] else {
            warnings.append(Diagnostic(code: "bad_record", message: "\(path):\(line): no procedure name (ten_thu_tuc); record skipped"))
            return nil
        }
        let published = fields["published_by"].map { symbols.canonical($0) ?? $0 }
        let (code, aliases) = ProcedureCode.split(fields["code"])
        return Procedure(code: code, name: name, agency: fields["agency"] ?? fields["agency_alt"], field: fields["field"],
                         level: fields["level"], publishedBy: published, basisText: fields["basis"] ?? "",
                         origin: .record, sourcePath: path, source: source, aliases: aliases)
    }
}
