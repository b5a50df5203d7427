import CanCuModel
import CanCuText
/// The registry of known documents, keyed by symbol for lookups in constant time. Built once from
/// `documents.tsv` (the built-in file plus the user's `--dictionaries` rows; a later row for the same
/// document overrides an earlier one).
///
/// ```swift
/// let registry = Registry(lexicon: .builtIn)
/// registry.record(symbol: "09/2019/NĐ-CP")?.issued   // "2019-01-24"
/// ```
public struct Registry: Sendable {
    private var bySymbol: [String: [DocumentRecord]] = [:]

    /// The number of documents.
    public private(set) var count = 0

    public init(lexicon: Lexicon) {
        guard let table = lexicon.table("documents.tsv") else { return }
        for (row, origin) in zip(table.rows, table.origins) {
            let symbol = row["symbol"]
            guard !symbol.isEmpty else { continue }
            let record = DocumentRecord(
                symbol: symbol, type: row["type"].nonEmpty, issuer: row["issuer"].nonEmpty, title: row["title"].nonEmpty,
                issued: row["issued"].nonEmpty, effective: row["effective"].nonEmpty,
                status: DocumentRecord.Status(rawValue: row["status"]) ?? .unknown, statusAsOf: row["status_as_of"].nonEmpty,
                expiredOn: row["expired_on"].nonEmpty, termEnd: Int(row["term_end"]),
                replacedBy: row.values("replaced_by"), amendedBy: row.values("amended_by"), repealedBy: row.values("repealed_by"),
                confidence: row["confidence"], note: row["note"], origin: origin)
            add(record)
        }
    }

    public init(records: [DocumentRecord]) {
        for record in records { add(record) }
    }

    /// Adds a record; one for the same document (same key and issue year) replaces it.
    public mutating func add(_ record: DocumentRecord) {
        let key = Self.key(record.symbol)
        var list = bySymbol[key] ?? []
        if let i = list.firstIndex(where: { $0.issued?.prefix(4) == record.issued?.prefix(4) || Self.year(of: record.symbol) != nil }) {
            list[i] = record
        } else {
            list.append(record)
            count += 1
        }
        bySymbol[key] = list
    }

    /// Every record (one a document), in no particular order.
    public var records: [DocumentRecord] { bySymbol.values.flatMap { $0 } }

    /// The record of a symbol. For a year-less symbol ("01/NQ-CP") that names several documents,
    /// `year` (from the citation's date) tells them apart; without it only a single record is returned.
    public func record(symbol: String, year: Int? = nil) -> DocumentRecord? {
        guard let list = bySymbol[Self.key(symbol)], !list.isEmpty else { return nil }
        if Self.year(of: symbol) != nil { return list[0] }
        if let year {
            return list.first { $0.issued.flatMap { Int($0.prefix(4)) } == year }
        }
        return list.count == 1 ? list[0] : nil
    }

    /// The identity key of a symbol: the number without leading zeros, the rest upper-cased
    /// ("09/2019/NĐ-CP" and "9/2019/nđ-cp" give the same key).
    public static func key(_ symbol: String) -> String {
        var number = Substring(symbol)
        var rest = Substring("")
        if let slash = symbol.firstIndex(of: "/") {
            number = symbol[..<slash]
            rest = symbol[slash...]
        }
        let trimmed = number.drop { $0 == "0" }
        return (trimmed.isEmpty ? "0" : String(trimmed)) + rest.uppercased()
    }

    /// The year of a symbol that carries one ("09/2019/NĐ-CP" → 2019), else nil.
    public static func year(of symbol: String) -> Int? {
        let parts = symbol.split(separator: "/")
        guard parts.count >= 3, parts[1].count == 4, let year = Int(parts[1]) else { return nil }
        return year
    }
}

extension String {
    /// nil for an empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
