import CanCuModel
import CanCuText
/// The rule constants of `dictionaries/rules.tsv` (byte windows, scope openers, the types an
/// issuer implies), read from the lexicon that was passed in; a user's `rules.tsv` overrides a
/// key by giving it again (the last row wins).
///
/// ```swift
/// let rules = Lexicon.builtIn.rules
/// rules.int("title_date_reach")        // 1500
/// rules.list("issuer_types.QH").first  // "Luật"
/// ```
public struct Rules: Sendable {
    /// Value by key, the last row of a key winning.
    public let values: [String: String]

    /// Keys whose value is a number of bytes.
    static let integerKeys = ["own_symbol_reach", "header_length", "title_date_reach", "header_date_reach", "news_date_reach",
                              "column_reach", "scope_length", "list_gap"]

    package init(_ rows: [DictionaryTable.Row]) {
        var values: [String: String] = [:]
        for row in rows where !row["key"].isEmpty { values[row["key"]] = row["value"] }
        self.values = values
    }

    /// The number of a key (0 when absent; `Lexicon.load` refuses a file where it is not a number).
    public func int(_ key: String) -> Int { Int(values[key] ?? "") ?? 0 }

    /// The `|`-separated values of a key.
    public func list(_ key: String) -> [String] {
        (values[key] ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The `phrase=value` pairs of a key, in order.
    public func pairs(_ key: String) -> [(String, String)] {
        list(key).compactMap { item in
            guard let eq = item.firstIndex(of: "=") else { return nil }
            return (item[..<eq].trimmingCharacters(in: .whitespaces), item[item.index(after: eq)...].trimmingCharacters(in: .whitespaces))
        }
    }

    /// The lists of every key `prefix.X`, by X ("issuer_types." → ["QH": […], …]).
    public func lists(prefixed prefix: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for key in values.keys where key.hasPrefix(prefix) { result[String(key.dropFirst(prefix.count))] = list(key) }
        return result
    }

    /// Refuses a value that is not what its key needs (a number of bytes).
    func validate() throws(DictionaryTable.FormatError) {
        for key in Self.integerKeys {
            guard let value = values[key], let number = Int(value), number >= 0 else {
                throw DictionaryTable.FormatError(description: "rules.tsv: '\(key)' needs a number of bytes, not '\(values[key] ?? "")'")
            }
            _ = number
        }
    }
}

extension Lexicon {
    /// The rule constants (`rules.tsv`).
    public var rules: Rules { Rules(rows("rules.tsv")) }
}
