import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import Foundation

/// Reads a table of document metadata (`cancu registry import FILE`) in the shape the national
/// database of legal documents publishes per document (số hiệu, loại văn bản, cơ quan ban hành,
/// ngày ban hành, ngày có hiệu lực, ngày hết hiệu lực, tình trạng hiệu lực, văn bản thay thế / bị
/// thay thế / sửa đổi …): CSV (RFC 4180, a header row), tab-separated, or JSON Lines (one object
/// a document). Headers and status words are read through `dictionaries/registry-columns.tsv`
/// and `registry-statuses.tsv`, folded, so "Số hiệu", "so hieu" and "symbol" are one column.
///
/// Every row is validated: a symbol that is not a number and symbol, an impossible date, an
/// unknown status word, a related document that is not a symbol, a row of the wrong width — each
/// is an error naming the file, the line and the column, and a table with any error imports
/// nothing. Each record's `origin` is `FILE:LINE`; a relation stated from the other side ("văn
/// bản bị thay thế": the documents this one replaces) gives the other document a record of its
/// own whose origin says so.
///
/// ```swift
/// let table = try RegistryImport(lexicon: .builtIn).read(path: "vbpl.csv")
/// table.records.count
/// ```
package struct RegistryImport: Sendable {
    /// One problem of the table, with where it is.
    package struct Problem: Error, Sendable, CustomStringConvertible {
        package var path: String
        package var line: Int
        package var message: String
        package var description: String { line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)" }
    }

    /// A table read and validated.
    package struct Table: Sendable {
        /// The documents, in the order of the rows, then those only named by a relation.
        package var records: [DocumentRecord]
        /// The number of data rows.
        package var rows: Int
        /// Columns the table has that no field takes (ignored).
        package var ignoredColumns: [String]
        /// Doubtful but possible rows (imported, said): an effective date before the issue date
        /// (retroactive effect, or a typing error), an issue year other than the symbol's.
        package var warnings: [Problem] = []
    }

    private let columns: [String: String]
    private let statuses: [String: DocumentRecord.Status]
    private let symbolQuery: SymbolQuery

    package init(lexicon: Lexicon) {
        var columns: [String: String] = [:]
        for row in lexicon.rows("registry-columns.tsv") where !row["column"].isEmpty {
            columns[Self.foldedHeader(row["column"])] = row["field"]
        }
        var statuses: [String: DocumentRecord.Status] = [:]
        for row in lexicon.rows("registry-statuses.tsv") {
            if let status = DocumentRecord.Status(rawValue: row["status"]) { statuses[Self.foldedHeader(row["value"])] = status }
        }
        self.columns = columns
        self.statuses = statuses
        symbolQuery = SymbolQuery(lexicon: lexicon)
    }

    /// Reads the table at `path`; throws every problem found (nothing is returned when any row is wrong).
    package func read(path: String) throws(ImportFailure) -> Table {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportFailure(problems: [Problem(path: path, line: 0, message: "không đọc được tệp")])
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ImportFailure(problems: [Problem(path: path, line: 0, message: "tệp không phải văn bản UTF-8")])
        }
        return try read(text: text, path: path)
    }

    /// All the problems of a table.
    package struct ImportFailure: Error, Sendable {
        package var problems: [Problem]
    }

    /// Reads a table from its text; `path` names it in origins and messages.
    package func read(text: String, path: String) throws(ImportFailure) -> Table {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        let firstLine = body.prefix { $0 != "\n" && $0 != "\r\n" }
        let rows: [(line: Int, fields: [String: Field])]
        var problems: [Problem] = []
        var ignored: [String] = []
        if firstLine.trimmingCharacters(in: .whitespaces).hasPrefix("{") {
            rows = jsonLines(String(body), path: path, problems: &problems, ignored: &ignored)
        } else {
            rows = delimited(String(body), tabs: firstLine.contains("\t"), path: path, problems: &problems, ignored: &ignored)
        }
        if problems.isEmpty, rows.isEmpty {
            problems.append(Problem(path: path, line: 0, message: "bảng không có dòng dữ liệu nào"))
        }
        var records: [DocumentRecord] = []
        var implied: [DocumentRecord] = []
        var warnings: [Problem] = []
        for row in rows {
            guard let (record, others) = record(of: row.fields, line: row.line, path: path, problems: &problems,
                                                warnings: &warnings) else { continue }
            records.append(record)
            implied += others
        }
        guard problems.isEmpty else {
            throw ImportFailure(problems: problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element))
        }
        return Table(records: records + implied, rows: rows.count, ignoredColumns: ignored, warnings: warnings)
    }

    /// A cell: a text, or a list (JSON arrays).
    enum Field: Sendable {
        case text(String)
        case list([String])

        var text: String {
            switch self {
            case .text(let text): return text.trimmingCharacters(in: .whitespacesAndNewlines)
            case .list(let list): return list.joined(separator: "; ")
            }
        }

        var items: [String] {
            switch self {
            case .text(let text):
                // ";", "|" and line breaks separate documents; a comma does only between bare
                // symbols (a pasted citation's title may hold commas).
                return text.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "\n" }).flatMap { piece -> [String] in
                    let parts = piece.split(separator: ",")
                    let bare = parts.count > 1 && parts.allSatisfy { part in
                        let word = part.trimmingCharacters(in: .whitespaces)
                        return word.first?.isNumber == true && word.contains("/") && !word.contains(" ")
                    }
                    return (bare ? parts : [piece]).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                }.filter { !$0.isEmpty }
            case .list(let list):
                return list.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            }
        }
    }

    private func field(ofHeader header: String) -> String? { columns[Self.foldedHeader(header)] }

    private func delimited(_ text: String, tabs: Bool, path: String, problems: inout [Problem],
                           ignored: inout [String]) -> [(line: Int, fields: [String: Field])] {
        var table: [(cells: [String], line: Int, problem: String?)] = []
        if tabs {
            var line = 0
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                line += 1
                let row = raw.hasSuffix("\r") ? raw.dropLast() : raw
                if row.trimmingCharacters(in: .whitespaces).isEmpty || row.hasPrefix("#") { continue }
                table.append((row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init), line, nil))
            }
        } else {
            for row in CSVRows.parse(text) where !(row.cells.count == 1 && row.cells[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                table.append((row.cells, row.line, row.problem))
            }
        }
        guard let header = table.first else { return [] }
        let fields = header.cells.map { field(ofHeader: $0) }
        for (cell, field) in zip(header.cells, fields) where field == nil && !cell.isEmpty { ignored.append(cell) }
        guard fields.contains("symbol") else {
            problems.append(Problem(path: path, line: header.line,
                                    message: "dòng tiêu đề không có cột số hiệu (\"Số hiệu\" hoặc \"symbol\"); các cột: \(header.cells.joined(separator: ", "))"))
            return []
        }
        var rows: [(line: Int, fields: [String: Field])] = []
        for row in table.dropFirst() {
            if let problem = row.problem {
                problems.append(Problem(path: path, line: row.line, message: "dòng CSV hỏng (\(problem)): một ô mở dấu ngoặc kép mà không đóng"))
                continue
            }
            guard row.cells.count == header.cells.count else {
                problems.append(Problem(path: path, line: row.line,
                                        message: "dòng có \(row.cells.count) ô, dòng tiêu đề có \(header.cells.count)"))
                continue
            }
            var values: [String: Field] = [:]
            for (cell, field) in zip(row.cells, fields) {
                guard let field else { continue }
                if let earlier = values[field], !earlier.text.isEmpty { values[field] = .text(earlier.text + "; " + cell) } else { values[field] = .text(cell) }
            }
            rows.append((row.line, values))
        }
        return rows
    }

    private func jsonLines(_ text: String, path: String, problems: inout [Problem],
                           ignored: inout [String]) -> [(line: Int, fields: [String: Field])] {
        var rows: [(line: Int, fields: [String: Field])] = []
        var line = 0
        var ignoredSet = Set<String>()
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            guard !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: Any] else {
                problems.append(Problem(path: path, line: line, message: "dòng không phải một đối tượng JSON"))
                continue
            }
            var values: [String: Field] = [:]
            var bad = false
            for (key, value) in object {
                guard let field = field(ofHeader: key) else {
                    if ignoredSet.insert(key).inserted { ignored.append(key) }
                    continue
                }
                switch value {
                case let text as String: values[field] = .text(text)
                case let list as [Any]:
                    let strings = list.compactMap { $0 as? String }
                    guard strings.count == list.count else {
                        problems.append(Problem(path: path, line: line, message: "trường \"\(key)\": danh sách phải gồm các chuỗi"))
                        bad = true
                        continue
                    }
                    values[field] = .list(strings)
                case is NSNull: continue
                case let number as NSNumber where field == "status_as_of": values[field] = .text(number.stringValue)
                default:
                    problems.append(Problem(path: path, line: line, message: "trường \"\(key)\": phải là chuỗi hoặc danh sách chuỗi"))
                    bad = true
                }
            }
            if !bad { rows.append((line, values)) }
        }
        return rows
    }

    /// The record of one row and the records its reverse relations imply; nil (with problems) when wrong.
    private func record(of fields: [String: Field], line: Int, path: String,
                        problems: inout [Problem], warnings: inout [Problem]) -> (DocumentRecord, [DocumentRecord])? {
        let origin = "\(path):\(line)"
        let before = problems.count
        func problem(_ message: String) { problems.append(Problem(path: path, line: line, message: message)) }
        func text(_ field: String) -> String? {
            guard let value = fields[field]?.text, !value.isEmpty else { return nil }
            return value
        }
        func symbol(_ written: String, column: String) -> String? {
            let canonical = symbolQuery.canonical(written)
            guard canonical.first?.isNumber == true, canonical.contains("/"), !canonical.hasSuffix("/") else {
                problem("cột \(column): '\(written)' không phải số hiệu văn bản (như 61/2018/NĐ-CP)")
                return nil
            }
            return canonical
        }
        func date(_ field: String, column: String) -> String? {
            guard let value = text(field) else { return nil }
            guard let date = LegalDate(userInput: value), date.precision == .day else {
                problem("cột \(column): '\(value)' không phải một ngày có thật (ngày/tháng/năm hoặc năm-tháng-ngày)")
                return nil
            }
            return date.iso
        }
        func symbols(_ field: String, column: String) -> [String] {
            (fields[field]?.items ?? []).compactMap { symbol($0, column: column) }
        }
        guard let written = text("symbol") else {
            problem("thiếu số hiệu văn bản")
            return nil
        }
        // Every column is checked even when the symbol is wrong, so one run lists every problem.
        let own = symbol(written, column: "số hiệu") ?? written
        var record = DocumentRecord(symbol: own, origin: origin)
        record.type = text("type")
        record.issuer = text("issuer")
        record.title = text("title")
        record.issued = date("issued", column: "ngày ban hành")
        record.effective = date("effective", column: "ngày có hiệu lực")
        record.expiredOn = date("expired_on", column: "ngày hết hiệu lực")
        if let value = text("status") {
            if let status = statuses[Self.foldedHeader(value)] {
                record.status = status
            } else {
                problem("cột tình trạng hiệu lực: '\(value)' không rõ nghĩa (ví dụ: Còn hiệu lực, Hết hiệu lực toàn bộ, Hết hiệu lực một phần, Chưa có hiệu lực)")
            }
        }
        if let value = text("status_as_of") {
            if let date = LegalDate(userInput: value) { record.statusAsOf = date.iso } else {
                problem("cột tình trạng tính đến: '\(value)' không phải ngày hoặc năm")
            }
        }
        record.replacedBy = symbols("replaced_by", column: "văn bản thay thế")
        record.amendedBy = symbols("amended_by", column: "văn bản sửa đổi")
        record.repealedBy = symbols("repealed_by", column: "văn bản bãi bỏ")
        if let issued = record.issued, let effective = record.effective, effective < issued {
            warnings.append(Problem(path: path, line: line, message: "ngày có hiệu lực \(effective) trước ngày ban hành \(issued) (hồi tố, hay nhập nhầm?)"))
        }
        if let year = Registry.year(of: own), let issued = record.issued, Int(issued.prefix(4)) != year {
            warnings.append(Problem(path: path, line: line, message: "năm ban hành \(issued.prefix(4)) khác năm trong số hiệu \(own)"))
        }
        record.confidence = "I"
        var implied: [DocumentRecord] = []
        func imply(_ field: String, column: String, _ fill: (inout DocumentRecord) -> Void) {
            for other in symbols(field, column: column) {
                var related = DocumentRecord(symbol: other, origin: "\(origin) (\(column) của \(own))")
                fill(&related)
                related.confidence = "I"
                implied.append(related)
            }
        }
        imply("replaces", column: "văn bản bị thay thế") { $0.replacedBy = [own]; $0.expiredOn = record.effective }
        imply("amends", column: "văn bản được sửa đổi") { $0.amendedBy = [own] }
        imply("repeals", column: "văn bản bị bãi bỏ") { $0.repealedBy = [own] }
        guard problems.count == before else { return nil }
        return (record, implied)
    }

    /// A header or status word folded: lower case, no diacritics, `_`, `-` and runs of spaces as one space.
    static func foldedHeader(_ text: String) -> String {
        Folding.fold(text).split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "\t" || $0 == "," || $0 == "-" || $0 == ":" })
            .joined(separator: " ")
    }
}
