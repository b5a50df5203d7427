import CanCuModel
import CanCuText
/// One tab-separated dictionary file: comment lines start with `#`, the first other line names the
/// columns, each further line is a row. Empty fields are unknown; `|` separates several values.
///
/// ```swift
/// let types = try DictionaryTable(name: "document-types.tsv", text: tsv)
/// types.rows.first?["name"]   // "Nghị định"
/// ```
package struct DictionaryTable: Sendable {
    /// The file name, e.g. `issuers.tsv`.
    public let name: String
    public private(set) var columns: [String]
    public private(set) var rows: [Row]
    /// Where each row came from, as `file:line`, for evidence in findings.
    public private(set) var origins: [String]

    /// One row, read by column name.
    public struct Row: Sendable {
        let fields: [String]
        let columnIndex: [String: Int]

        /// The field of `column`, or "" when the column or the field is absent.
        public subscript(_ column: String) -> String {
            guard let index = columnIndex[column], index < fields.count else { return "" }
            return fields[index]
        }

        /// The `|`-separated values of a field, without empty ones.
        public func values(_ column: String) -> [String] {
            self[column].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// A dictionary file that cannot be read (the message names the file and the line).
    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public init(name: String, text: String, origin: String? = nil) throws(FormatError) {
        self.name = name
        columns = []
        rows = []
        origins = []
        try append(text: text, origin: origin ?? "dictionaries/\(name)")
    }

    /// Adds the rows of another file with the same columns (a user's `--dictionaries` file).
    /// Its columns may be a subset or in another order; it must have the first column.
    public mutating func append(text: String, origin: String) throws(FormatError) {
        // Data files are NFC already; a user's file may not be, or may use Ð: normalise the whole
        // file once (a read-only pass when nothing changes), then split it on bytes.
        let bytes = Normalizer.basic.normalize(text).bytes
        var header: [String]? = nil
        var index: [String: Int] = [:]
        var ownIndex: [String: Int] = [:]
        var lineNumber = 0
        var lineStart = 0
        let n = bytes.count
        while lineStart <= n {
            var lineEnd = lineStart
            while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            defer { lineStart = lineEnd + 1 }
            var end = lineEnd
            if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
            if end == lineStart || bytes[lineStart] == 0x23 /* # */ { continue }
            var fields: [String] = []
            var fieldStart = lineStart
            var i = lineStart
            while i <= end {
                if i == end || bytes[i] == 0x09 {
                    var a = fieldStart, b = i
                    while a < b && bytes[a] == 0x20 { a += 1 }
                    while b > a && bytes[b - 1] == 0x20 { b -= 1 }
                    fields.append(String(decoding: bytes[a..<b], as: UTF8.self))
                    fieldStart = i + 1
                }
                i += 1
            }
            guard let columnsOfFile = header else {
                header = fields
                if columns.isEmpty { columns = fields }
                guard let first = columns.first, fields.contains(first) else {
                    throw FormatError(description: "\(origin): the header must have the column '\(columns.first ?? "?")'")
                }
                for (i, column) in fields.enumerated() { index[column] = i }
                ownIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
                continue
            }
            if fields.count > columnsOfFile.count {
                throw FormatError(description: "\(origin):\(lineNumber): \(fields.count) fields, the header has \(columnsOfFile.count)")
            }
            // Reorder into this table's columns (a user's file may order them differently).
            let ordered: [String]
            if columnsOfFile == columns {
                ordered = fields
            } else {
                ordered = columns.map { column -> String in
                    guard let i = index[column], i < fields.count else { return "" }
                    return fields[i]
                }
            }
            rows.append(Row(fields: ordered, columnIndex: ownIndex))
            origins.append("\(origin):\(lineNumber)")
        }
    }
}
