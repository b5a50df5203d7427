import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// The registry of known documents (`dictionaries/documents.tsv`) as the graph reads it: by
/// symbol, by type, name and year (`DocumentNames`), by folded title (with and without its type,
/// for a name cited without a year), and by type and number.
struct GraphRegistry: Sendable {
    /// One registry row.
    struct Entry: Sendable, Hashable {
        var symbol: String
        var type: String?
        var issuer: String?
        var title: String?
        var issued: String?
        var status: String?
        var year: Int?
        var number: String
    }

    private(set) var bySymbol: [String: [Entry]] = [:]
    private(set) var byName: [String: [Entry]] = [:]
    private(set) var byTypeNumber: [String: [Entry]] = [:]
    /// Documents by type, name and year: how a citation by name and year finds its registry row.
    let names: DocumentNames

    init(lexicon: Lexicon) {
        names = DocumentNames(lexicon: lexicon)
        for row in lexicon.rows("documents.tsv") {
            let symbol = row["symbol"]
            guard !symbol.isEmpty else { continue }
            let issued = Self.nonEmpty(row["issued"])
            let number = String(symbol.prefix { $0 != "/" && $0 != "-" })
            let entry = Entry(
                symbol: symbol, type: Self.nonEmpty(row["type"]), issuer: Self.nonEmpty(row.values("issuer").joined(separator: "-")),
                title: Self.nonEmpty(row["title"]), issued: issued, status: Self.nonEmpty(row["status"]),
                year: Self.year(ofSymbol: symbol) ?? issued.flatMap(Self.year(ofDate:)), number: number)
            // A later row with the same symbol and year overrides an earlier one (user dictionaries).
            var list = bySymbol[symbol, default: []]
            if let i = list.firstIndex(where: { $0.year == entry.year }) { list[i] = entry } else { list.append(entry) }
            bySymbol[symbol] = list
        }
        for symbol in bySymbol.keys.sorted() {
            for entry in bySymbol[symbol] ?? [] {
                if let title = entry.title {
                    let folded = GraphNames.key(title)
                    byName[folded, default: []].append(entry)
                    if let type = entry.type {
                        let withType = GraphNames.key(type + " " + title)
                        if withType != folded { byName[withType, default: []].append(entry) }
                    }
                }
                if let type = entry.type {
                    byTypeNumber[GraphNames.key(type) + " " + entry.number, default: []].append(entry)
                }
            }
        }
    }

    /// The node id of a registry document: its symbol, with the year when the symbol is shared by
    /// several registry rows ("01/NQ-CP (2020)").
    func nodeID(_ entry: Entry) -> String {
        if (bySymbol[entry.symbol]?.count ?? 0) > 1, let year = entry.year { return "\(entry.symbol) (\(year))" }
        return entry.symbol
    }

    /// The single candidate matching `year` (any candidate when the year is unknown), or nil.
    static func pick(_ candidates: [Entry]?, year: Int?) -> Entry? {
        guard let candidates, !candidates.isEmpty else { return nil }
        let matching = year.map { y in candidates.filter { $0.year == y || $0.year == nil } } ?? candidates
        var unique: [Entry] = []
        for entry in matching where !unique.contains(where: { $0.symbol == entry.symbol && $0.year == entry.year }) {
            unique.append(entry)
        }
        return unique.count == 1 ? unique[0] : nil
    }

    /// The year in a symbol's second part ("09/2019/NĐ-CP" → 2019), or nil.
    static func year(ofSymbol symbol: String) -> Int? {
        let parts = symbol.split(separator: "/")
        guard parts.count >= 3, parts[1].utf8.count == 4, let year = Int(parts[1]) else { return nil }
        return year
    }

    /// The year of an ISO date ("2019-01-24" → 2019).
    static func year(ofDate date: String) -> Int? {
        guard date.utf8.count >= 4 else { return nil }
        return Int(date.prefix(4))
    }

    private static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}
