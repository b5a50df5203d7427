import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
/// The identity of a document node in the index. A symbol with a year ("09/2019/NĐ-CP") is its
/// own key (`Registry.key`: number without leading zeros, the rest upper-cased, so "9/2019/nđ-cp"
/// is the same node); a year-less symbol ("45/KH-UBND") repeats across years and issuers, so its
/// key adds the year when one is known ("45/KH-UBND|2023"); a document cited by name ("Luật Đất
/// đai năm 2024") is keyed by its folded name and year ("n:luat dat dai|2024") until the registry
/// or an indexed document ties that name to a symbol.
///
/// ```swift
/// DocumentKey.key(symbol: "09/2019/NĐ-CP", year: 2019)   // "9/2019/NĐ-CP"
/// DocumentKey.key(symbol: "45/KH-UBND", year: 2023)      // "45/KH-UBND|2023"
/// DocumentKey.nameKey(name: "Luật Đất đai", year: 2024)  // "n:luat dat dai|2024"
/// ```
package enum DocumentKey {
    /// The node key of a document known by its symbol: `Registry.key`, with the year for a
    /// year-less symbol.
    public static func key(symbol: String, year: Int?) -> String {
        let base = Registry.key(symbol)
        guard Registry.year(of: symbol) == nil, let year else { return base }
        return base + "|" + String(year)
    }

    /// The node key of a document known by its name (and year when given).
    public static func nameKey(name: String, year: Int?) -> String {
        "n:" + Folding.fold(name) + "|" + (year.map(String.init) ?? "")
    }

    /// The node key of a document known by type and number only ("Nghị quyết số 01 năm 2020").
    public static func partialKey(type: String?, number: String?, year: Int?) -> String {
        let digits = number.map { String($0.drop { $0 == "0" }) } ?? ""
        return "p:" + Folding.fold(type ?? "") + " " + digits + "|" + (year.map(String.init) ?? "")
    }

    /// The symbol part of a symbol key ("45/KH-UBND|2023" → "45/KH-UBND"), nil for name and
    /// partial keys.
    public static func symbolPart(ofKey key: String) -> String? {
        if key.hasPrefix("n:") || key.hasPrefix("p:") { return nil }
        if let bar = key.firstIndex(of: "|") { return String(key[..<bar]) }
        return key
    }

    /// The node key of a citation as written (before any alias), nil for an unresolved
    /// back-reference.
    public static func key(of citation: Citation) -> String? {
        if let symbol = citation.symbol, !symbol.isEmpty {
            return key(symbol: symbol, year: citation.year)
        }
        switch citation.kind {
        case .name:
            guard let name = citation.name, !name.isEmpty else { return nil }
            return nameKey(name: name, year: citation.year)
        case .partial:
            return partialKey(type: citation.type, number: citation.number, year: citation.year)
        case .short, .full:
            if let name = citation.name, !name.isEmpty { return nameKey(name: name, year: citation.year) }
            return nil
        }
    }
}
