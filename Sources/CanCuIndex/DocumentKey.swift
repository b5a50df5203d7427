import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
/// The identity of a document node in the index. A symbol with a year ("09/2019/NĐ-CP") is its
/// own key (`Registry.key`: number without leading zeros, the rest upper-cased, so "9/2019/nđ-cp"
/// is the same node); a year-less symbol ("45/KH-UBND") repeats across years and issuers, so its
/// key adds the year when one is known ("45/KH-UBND|2023") and, for a local body's symbol, the
/// province (of the issuer's header, or of the citing document: "45/KH-UBND|2023|bac kan"); a document cited by name ("Luật Đất
/// đai năm 2024") is keyed by its folded name and year ("n:luat dat dai|2024") until the registry
/// or an indexed document ties that name to a symbol.
///
/// ```swift
/// DocumentKey.key(symbol: "09/2019/NĐ-CP", year: 2019)   // "9/2019/NĐ-CP"
/// DocumentKey.key(symbol: "45/KH-UBND", year: 2023)      // "45/KH-UBND|2023"
/// DocumentKey.key(symbol: "45/KH-UBND", year: 2023, province: "bac kan")  // "45/KH-UBND|2023|bac kan"
/// DocumentKey.nameKey(name: "Luật Đất đai", year: 2024)  // "n:luat dat dai|2024"
/// ```
package enum DocumentKey {
    /// The node key of a document known by its symbol: `Registry.key`, with the year for a
    /// year-less symbol.
    public static func key(symbol: String, year: Int?, province: String? = nil) -> String {
        let base = Registry.key(symbol)
        guard Registry.year(of: symbol) == nil else { return base }
        // A local body's year-less symbol repeats in every province: the province is part of it
        // ("45/KH-UBND|2023|bac kan").
        if let province, isLocal(symbol) { return base + "|" + (year.map(String.init) ?? "") + "|" + province }
        guard let year else { return base }
        return base + "|" + String(year)
    }

    /// The year of a year-less symbol's key ("45/KH-UBND|2023|bac kan" → 2023), nil without one.
    public static func year(ofKey key: String) -> Int? {
        let parts = key.split(separator: "|", omittingEmptySubsequences: false)
        return parts.count >= 2 ? Int(parts[1]) : nil
    }

    /// The province of a key ("45/KH-UBND|2023|bac kan" → "bac kan"), nil without one.
    public static func province(ofKey key: String) -> String? {
        let parts = key.split(separator: "|", omittingEmptySubsequences: false)
        return parts.count >= 3 && !parts[2].isEmpty ? String(parts[2]) : nil
    }

    /// True for a symbol whose issuer is a local body (`LocalSymbols.isLocal`).
    public static func isLocal(_ symbol: String) -> Bool { LocalSymbols.isLocal(symbol) }

    /// The province a body's name or a place names, folded (`LocalSymbols.province(in:)`).
    public static func province(in text: String?) -> String? { LocalSymbols.province(in: text) }

    /// The province of a document's header: its issuer's, else its place's.
    public static func province(of header: DocumentHeader) -> String? { LocalSymbols.province(of: header) }

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
    public static func key(of citation: Citation, province: String? = nil) -> String? {
        if let symbol = citation.symbol, !symbol.isEmpty {
            return key(symbol: symbol, year: citation.year, province: province)
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
