import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
/// What the index takes from the registry of known documents (`dictionaries/documents.tsv`): the
/// record of a node key (type, title, dates, status, what replaced or amended it), and the symbol
/// of a document cited by name and year ("Luật Đất đai năm 2024" → "31/2024/QH15", by
/// `DocumentNames`); a name without a year only for a text of known date, as the version then in
/// force when the registry leaves no doubt.
///
/// ```swift
/// let known = KnownDocuments(lexicon: .builtIn)
/// known.record(key: "61/2018/NĐ-CP")?.status          // "expired"
/// known.key(forName: "Luật Ban hành văn bản quy phạm pháp luật", year: 2015)   // "80/2015/QH13"
/// ```
public struct KnownDocuments: Sendable {
    /// One registry row.
    public struct Record: Sendable, Hashable {
        public var symbol: String
        public var type: String?
        public var issuer: String?
        public var title: String?
        public var issued: String?
        public var effective: String?
        /// `in_force`, `expired`, `partly_expired` or `unknown`.
        public var status: String
        public var expiredOn: String?
        public var replacedBy: [String]
        public var amendedBy: [String]
        public var repealedBy: [String]
        /// `dictionaries/documents.tsv:LINE`.
        public var origin: String
    }

    private var byKey: [String: Record] = [:]
    private var bySymbolKey: [String: [Record]] = [:]
    private let names: DocumentNames

    public init(lexicon: Lexicon) {
        names = DocumentNames(lexicon: lexicon)
        guard let table = lexicon.table("documents.tsv") else { return }
        for (row, origin) in zip(table.rows, table.origins) {
            let symbol = row["symbol"]
            guard !symbol.isEmpty else { continue }
            func value(_ column: String) -> String? { let v = row[column]; return v.isEmpty ? nil : v }
            let status = row["status"]
            let record = Record(
                symbol: symbol, type: value("type"), issuer: value("issuer"), title: value("title"),
                issued: value("issued"), effective: value("effective"),
                status: ["in_force", "expired", "partly_expired"].contains(status) ? status : "unknown",
                expiredOn: value("expired_on"), replacedBy: row.values("replaced_by").filter { !$0.isEmpty },
                amendedBy: row.values("amended_by").filter { !$0.isEmpty },
                repealedBy: row.values("repealed_by").filter { !$0.isEmpty }, origin: origin)
            let year = Self.year(of: record)
            let key = DocumentKey.key(symbol: symbol, year: year)
            byKey[key] = record
            bySymbolKey[DocumentKey.symbolKey(symbol), default: []].append(record)
        }
    }

    /// The year of a record: from its symbol, else from its issue date.
    static func year(of record: Record) -> Int? {
        let parts = record.symbol.split(separator: "/")
        if DocumentKey.hasYear(record.symbol) { return Int(parts[1]) }
        return record.issued.flatMap { Int($0.prefix(4)) }
    }

    /// The record of a node key ("61/2018/NĐ-CP", "45/KH-UBND|2023"); for a year-less key, the
    /// only record of that symbol when there is just one.
    public func record(key: String) -> Record? {
        if let record = byKey[key] { return record }
        guard let symbol = DocumentKey.symbolPart(ofKey: key), !DocumentKey.hasYear(symbol),
              !key.contains("|"), let list = bySymbolKey[symbol], list.count == 1 else { return nil }
        return list[0]
    }

    /// Every record of a symbol (a year-less symbol may name several documents).
    public func records(symbol: String) -> [Record] {
        bySymbolKey[DocumentKey.symbolKey(symbol)] ?? []
    }

    /// The node key the registry gives a name key ("n:luat dat dai|2024"): the one registry
    /// document of that name (type word included) and year; nil for a name key without a year,
    /// which stays a node of its own (the registry's only title of a name is no proof: "Luật Bảo
    /// hiểm xã hội" would tie to the 2006 law while 2014 and 2024 laws share the name).
    public func key(forNameKey nameKey: String) -> String? {
        guard nameKey.hasPrefix("n:"), let bar = nameKey.lastIndex(of: "|"),
              let year = Int(nameKey[nameKey.index(after: bar)...]) else { return nil }
        let name = String(nameKey[nameKey.index(nameKey.startIndex, offsetBy: 2)..<bar])
        guard let match = names.resolve(type: nil, name: name, year: year) else { return nil }
        return DocumentKey.key(symbol: match.symbol, year: match.year)
    }

    /// The node key of a name-only key without a year ("n:bo luat lao dong|") cited in a text
    /// written on `written`: the registry's version of that name then in force, when its records
    /// leave no doubt (`DocumentNames.resolve(type:name:writtenOn:)`).
    public func key(forNameKey nameKey: String, writtenOn written: String?) -> String? {
        if let key = key(forNameKey: nameKey) { return key }
        guard let written, nameKey.hasPrefix("n:"), nameKey.hasSuffix("|") else { return nil }
        let name = String(nameKey.dropFirst(2).dropLast())
        guard let match = names.resolve(type: nil, name: name, writtenOn: written) else { return nil }
        return DocumentKey.key(symbol: match.symbol, year: match.year)
    }

    /// The node key of a document cited by name and year, if the registry knows it.
    public func key(forName name: String, year: Int?) -> String? {
        key(forNameKey: DocumentKey.nameKey(name: name, year: year))
    }
}
