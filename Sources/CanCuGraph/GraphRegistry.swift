import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// The registry of known documents (`Lexicon.registry`) as the graph looks it up: by symbol as
/// written (graph nodes are keyed by the symbol as written), by type, name and year
/// (`Registry.names`), by folded title (with and without its type, for a name cited without a
/// year), and by type and number.
struct GraphRegistry: Sendable {
    let registry: Registry
    private(set) var byName: [String: [DocumentRecord]] = [:]
    private(set) var byTypeNumber: [String: [DocumentRecord]] = [:]
    /// Documents by type, name and year: how a citation by name and year finds its registry row.
    var names: DocumentNames { registry.names }

    init(lexicon: Lexicon) {
        registry = lexicon.registry
        let bySymbol = Dictionary(grouping: registry.records, by: \.symbol)
        for symbol in bySymbol.keys.sorted() {
            for record in bySymbol[symbol] ?? [] {
                if let title = record.title {
                    let folded = GraphNames.key(title)
                    byName[folded, default: []].append(record)
                    if let type = record.type {
                        let withType = GraphNames.key(type + " " + title)
                        if withType != folded { byName[withType, default: []].append(record) }
                    }
                }
                if let type = record.type {
                    let number = String(record.symbol.prefix { $0 != "/" && $0 != "-" })
                    byTypeNumber[GraphNames.key(type) + " " + number, default: []].append(record)
                }
            }
        }
    }

    /// The registry rows of a symbol exactly as written (a graph node's id is the symbol as
    /// written, so "9/2019/NĐ-CP" and "09/2019/NĐ-CP" are two nodes).
    func records(symbol: String) -> [DocumentRecord] {
        registry.records(symbol: symbol).filter { $0.symbol == symbol }
    }

    /// The node id of a registry document: its symbol, with the year when the symbol is shared by
    /// several registry rows ("01/NQ-CP (2020)").
    func nodeID(_ record: DocumentRecord) -> String {
        if records(symbol: record.symbol).count > 1, let year = record.year { return "\(record.symbol) (\(year))" }
        return record.symbol
    }

    /// The single candidate matching `year` (any candidate when the year is unknown), or nil.
    static func pick<Candidate: SymbolAndYear>(_ candidates: [Candidate]?, year: Int?) -> Candidate? {
        guard let candidates, !candidates.isEmpty else { return nil }
        let matching = year.map { y in candidates.filter { $0.year == y || $0.year == nil } } ?? candidates
        var unique: [Candidate] = []
        for entry in matching where !unique.contains(where: { $0.symbol == entry.symbol && $0.year == entry.year }) {
            unique.append(entry)
        }
        return unique.count == 1 ? unique[0] : nil
    }

    /// The year of an ISO date ("2019-01-24" → 2019).
    static func year(ofDate date: String) -> Int? {
        guard date.utf8.count >= 4 else { return nil }
        return Int(date.prefix(4))
    }
}

/// A document known by its symbol and year: a registry row, or a name the corpus ties to a symbol.
protocol SymbolAndYear {
    var symbol: String { get }
    var year: Int? { get }
}

extension DocumentRecord: SymbolAndYear {}
