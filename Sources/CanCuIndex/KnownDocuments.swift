import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
/// What the index takes from the registry of known documents (`Lexicon.registry`): the record of
/// a node key (type, title, dates, status, what replaced or amended it), and the symbol of a
/// document cited by name and year ("Luật Đất đai năm 2024" → "31/2024/QH15", by
/// `DocumentNames`); a name without a year only for a text of known date, as the version then in
/// force when the registry leaves no doubt.
///
/// ```swift
/// let known = KnownDocuments(lexicon: .builtIn)
/// known.record(key: "61/2018/NĐ-CP")?.status          // .expired
/// known.key(forName: "Luật Ban hành văn bản quy phạm pháp luật", year: 2015)   // "80/2015/QH13"
/// ```
package struct KnownDocuments: Sendable {
    /// One registry row.
    public typealias Record = DocumentRecord

    public let registry: Registry

    public init(lexicon: Lexicon) {
        registry = lexicon.registry
    }

    /// The record of a node key ("61/2018/NĐ-CP", "45/KH-UBND|2023"); for a year-less key, the
    /// only record of that symbol when there is just one.
    public func record(key: String) -> Record? {
        guard let symbol = DocumentKey.symbolPart(ofKey: key) else { return nil }
        let list = registry.records(symbol: symbol)
        if key.contains("|") {
            // A year-less symbol with its year (and province): the record of that symbol issued that year.
            guard let year = DocumentKey.year(ofKey: key) else { return nil }
            return list.first { Registry.year(of: $0.symbol) == nil && $0.year == year }
        }
        // A symbol with its year, or a year-less record without a date: its key is the symbol's.
        if let record = list.first(where: { Registry.year(of: $0.symbol) != nil || $0.year == nil }) { return record }
        guard Registry.year(of: symbol) == nil, list.count == 1 else { return nil }
        return list[0]
    }

    /// Every record of a symbol (a year-less symbol may name several documents).
    public func records(symbol: String) -> [Record] {
        registry.records(symbol: symbol)
    }

    /// The node key the registry gives a name key ("n:luat dat dai|2024"): the one registry
    /// document of that name (type word included) and year; nil for a name key without a year,
    /// which stays a node of its own (the registry's only title of a name is no proof: "Luật Bảo
    /// hiểm xã hội" would tie to the 2006 law while 2014 and 2024 laws share the name).
    public func key(forNameKey nameKey: String) -> String? {
        guard nameKey.hasPrefix("n:"), let bar = nameKey.lastIndex(of: "|"),
              let year = Int(nameKey[nameKey.index(after: bar)...]) else { return nil }
        let name = String(nameKey[nameKey.index(nameKey.startIndex, offsetBy: 2)..<bar])
        guard let match = registry.names.resolve(type: nil, name: name, year: year) else { return nil }
        return DocumentKey.key(symbol: match.symbol, year: match.year)
    }

    /// The node key of a name-only key without a year ("n:bo luat lao dong|") cited in a text
    /// written on `written`: the registry's version of that name then in force, when its records
    /// leave no doubt (`DocumentNames.resolve(type:name:writtenOn:)`).
    public func key(forNameKey nameKey: String, writtenOn written: String?) -> String? {
        if let key = key(forNameKey: nameKey) { return key }
        guard let written, nameKey.hasPrefix("n:"), nameKey.hasSuffix("|") else { return nil }
        let name = String(nameKey.dropFirst(2).dropLast())
        guard let match = registry.names.resolve(type: nil, name: name, writtenOn: written) else { return nil }
        return DocumentKey.key(symbol: match.symbol, year: match.year)
    }

    /// The node key of a document cited by name and year, if the registry knows it.
    public func key(forName name: String, year: Int?) -> String? {
        key(forNameKey: DocumentKey.nameKey(name: name, year: year))
    }
}
