/// One tab-separated dictionary file: comment lines start with `#`, the first other line names the
/// columns, each further line is a row. Empty fields are unknown; `|` separates several values.
///
/// ```swift
/// let types = try DictionaryTable(name: "document-types.tsv", text: tsv)
/// types.rows.first?["name"]   // "Nghị định"
/// ```
public struct DictionaryTable: Sendable {
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
        var header: [String]? = nil
        var index: [String: Int] = [:]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters(in: .whitespaces).precomposedForLookup
            }
            guard let columnsOfFile = header else {
                header = fields
                if columns.isEmpty { columns = fields }
                guard let first = columns.first, fields.contains(first) else {
                    throw FormatError(description: "\(origin): the header must have the column '\(columns.first ?? "?")'")
                }
                for (i, column) in fields.enumerated() { index[column] = i }
                continue
            }
            if fields.count > columnsOfFile.count {
                throw FormatError(description: "\(origin):\(lineNumber): \(fields.count) fields, the header has \(columnsOfFile.count)")
            }
            // Reorder into this table's columns.
            let ordered = columns.map { column -> String in
                guard let i = index[column], i < fields.count else { return "" }
                return fields[i]
            }
            let ownIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
            rows.append(Row(fields: ordered, columnIndex: ownIndex))
            origins.append("\(origin):\(lineNumber)")
        }
    }
}

extension String {
    /// Dictionary text in the form scanners see: NFC (data files are NFC already; this guards
    /// against a user's decomposed file) with `Ð` read as `Đ`; tone placement is left as written.
    var precomposedForLookup: String {
        if allSatisfy({ $0.isASCII }) { return self }
        return Normalizer.basic.normalize(self).string
    }
}
