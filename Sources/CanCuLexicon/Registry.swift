import CanCuModel
import CanCuText
/// The registry of known documents (`dictionaries/documents.tsv`, the built-in file plus the
/// user's `--dictionaries` rows), parsed once per lexicon (`Lexicon.registry`): one
/// `DocumentRecord` a document, found by symbol key, by type, name and year, or, for a name without
/// a year, as the version in force when a text was written (`names`). A later row for the same
/// document (same symbol key and, for a year-less symbol, the same year of issue) replaces an
/// earlier one in place.
///
/// ```swift
/// let registry = Lexicon.builtIn.registry
/// registry.record(symbol: "09/2019/NĐ-CP")?.issued                                    // "2019-01-24"
/// registry.names.resolve(type: "Luật", name: "Luật Bảo hiểm xã hội", year: 2014)?.symbol   // "58/2014/QH13"
/// ```
public struct Registry: Sendable {
    public typealias Record = DocumentRecord

    /// Every record (one a document), in the order of the rows.
    public private(set) var records: [DocumentRecord] = []
    /// Positions in `records` by symbol key (`Registry.key`), in the order of the rows.
    private var bySymbol: [String: [Int]] = [:]
    /// The records by type, name and year (`DocumentNames`).
    package private(set) var names = DocumentNames(records: [])

    /// The number of documents.
    public var count: Int { records.count }

    /// The registry of a lexicon: `lexicon.registry`, built once per lexicon.
    public init(lexicon: Lexicon) {
        self = lexicon.registry
    }

    /// The registry of a `documents.tsv` table (nil: an empty registry).
    init(table: DictionaryTable?) {
        guard let table else { return }
        for (row, origin) in zip(table.rows, table.origins) {
            let symbol = row["symbol"]
            guard !symbol.isEmpty else { continue }
            insert(DocumentRecord(
                symbol: symbol, type: row["type"].nonEmpty, issuer: row["issuer"].nonEmpty, title: row["title"].nonEmpty,
                issued: row["issued"].nonEmpty, effective: row["effective"].nonEmpty,
                status: DocumentRecord.Status(rawValue: row["status"]) ?? .unknown, statusAsOf: row["status_as_of"].nonEmpty,
                expiredOn: row["expired_on"].nonEmpty, termEnd: Int(row["term_end"]),
                replacedBy: row.values("replaced_by"), amendedBy: row.values("amended_by"), repealedBy: row.values("repealed_by"),
                confidence: row["confidence"], note: row["note"], origin: origin))
        }
        names = DocumentNames(records: records)
    }

    public init(records: [DocumentRecord]) {
        for record in records { insert(record) }
        names = DocumentNames(records: self.records)
    }

    /// Adds a record; one for the same document (same key and issue year) replaces it.
    public mutating func add(_ record: DocumentRecord) {
        insert(record)
        names = DocumentNames(records: records)
    }

    /// Adds a record without rebuilding `names` (`rebuildNames` after a batch).
    mutating func insert(_ record: DocumentRecord) {
        let key = Self.key(record.symbol)
        let list = bySymbol[key] ?? []
        if let i = list.first(where: { records[$0].issued?.prefix(4) == record.issued?.prefix(4) || Self.year(of: record.symbol) != nil }) {
            records[i] = record
        } else {
            bySymbol[key, default: []].append(records.count)
            records.append(record)
        }
    }

    mutating func rebuildNames() { names = DocumentNames(records: records) }

    /// Every record of a symbol, by symbol key, in the order of the rows (a year-less symbol,
    /// "01/NQ-CP", may name several documents).
    public func records(symbol: String) -> [DocumentRecord] {
        bySymbol[Self.key(symbol)]?.map { records[$0] } ?? []
    }

    /// The record of a symbol. For a year-less symbol ("01/NQ-CP") that names several documents,
    /// `year` (from the citation's date) tells them apart; without it only a single record is returned.
    public func record(symbol: String, year: Int? = nil) -> DocumentRecord? {
        let list = records(symbol: symbol)
        guard !list.isEmpty else { return nil }
        if Self.year(of: symbol) != nil { return list[0] }
        if let year {
            return list.first { $0.issued.flatMap { Int($0.prefix(4)) } == year }
        }
        return list.count == 1 ? list[0] : nil
    }

    /// The identity key of a symbol, the one every stage compares symbols by (registry, review,
    /// index): the number without leading zeros, the rest upper-cased ("09/2019/NĐ-CP" and
    /// "9/2019/nđ-cp" give "9/2019/NĐ-CP"); a text without '/' is upper-cased.
    public static func key(_ symbol: String) -> String {
        guard let slash = symbol.firstIndex(of: "/") else { return symbol.uppercased() }
        let number = symbol[..<slash].drop { $0 == "0" }
        return (number.isEmpty ? "0" : String(number)) + symbol[slash...].uppercased()
    }

    /// The year of a symbol that carries one ("09/2019/NĐ-CP" → 2019), else nil ("45/KH-UBND").
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
