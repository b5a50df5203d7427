import CanCuModel
import CanCuText
/// A local body's symbol without a year ("45/KH-UBND": issuers of level `local` in
/// `dictionaries/issuers.tsv`) repeats in every province, so the province tells such documents
/// apart: the index keys them by it (`DocumentKey`), and facts learned about one are facts about the
/// document of that province only.
///
/// ```swift
/// LocalSymbols.isLocal("45/KH-UBND")                           // true
/// LocalSymbols.province(in: "UBND TỈNH BẮC KẠN / SỞ NỘI VỤ")   // "bac kan"
/// ```
package enum LocalSymbols {
    /// True for a symbol whose issuer is a local body (UBND, HĐND, the provincial departments).
    package static func isLocal(_ symbol: String) -> Bool {
        guard let slash = symbol.firstIndex(of: "/") else { return false }
        let tail = symbol[symbol.index(after: slash)...]
        let parts = tail.split(whereSeparator: { $0 == "-" || $0 == "/" }).map { Folding.fold(String($0)) }
        return parts.contains { localIssuers.contains($0) }
    }

    /// True for a local body's symbol without a year: the same one names a document in each province.
    package static func isLocalYearless(_ symbol: String) -> Bool {
        Registry.year(of: symbol) == nil && isLocal(symbol)
    }

    /// Folded abbreviations and aliases of local issuers.
    static let localIssuers: Set<String> = {
        var set: Set<String> = []
        for row in Lexicon.builtIn.rows("issuers.tsv") where row["level"] == "local" {
            let names = [row["abbreviation"]] + row["aliases"].split(separator: "|").map(String.init)
            for name in names where !name.isEmpty { set.insert(Folding.fold(name)) }
        }
        return set
    }()

    /// Province names (`provinces.tsv`, old and new), folded, longest first ("thua thien hue" before "hue").
    static let provinces: [String] = {
        var names: Set<String> = []
        for row in Lexicon.builtIn.rows("provinces.tsv") {
            for name in [row["old_name"], row["new_name"]] where !name.isEmpty { names.insert(Folding.words(name)) }
        }
        return names.sorted { ($0.count, $0) > ($1.count, $1) }
    }()

    /// The province a body's name or a place names ("UBND TỈNH BẮC KẠN / SỞ NỘI VỤ" → "bac kan"),
    /// folded; nil when it names none.
    package static func province(in text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let words = " " + Folding.words(text) + " "
        return provinces.first { words.contains(" " + $0 + " ") }
    }

    /// The province of a document's header: its issuer's, else its place's.
    package static func province(of header: DocumentHeader) -> String? {
        province(in: header.issuer) ?? province(in: header.place)
    }
}
