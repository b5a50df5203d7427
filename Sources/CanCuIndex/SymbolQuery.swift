import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
/// Turns a symbol typed by a user into the canonical form citations are stored under: NFC, `Đ`,
/// ASCII `-`, no spaces, and the repairs of `dictionaries/symbol-repairs.tsv` ("ND-CP" → "NĐ-CP",
/// "NQCP" → "NQ-CP").
///
/// ```swift
/// SymbolQuery(lexicon: .builtIn).canonical("09/2019/ND-CP")   // "09/2019/NĐ-CP"
/// ```
package struct SymbolQuery: Sendable {
    private let repairs: [(written: [String], canonical: String)]
    private let normalizer: Normalizer
    /// Type abbreviations and names as written ("NĐ", "Nghị định") → the type name.
    private let types: [String: String]
    /// The same folded ("nd", "nghi dinh"), without the foldings two types share ("HĐ", "HD").
    private let foldedTypes: [String: String]

    public init(lexicon: Lexicon) {
        var types: [String: String] = [:]
        var folded: [String: String?] = [:]
        func add(_ written: String, _ type: String) {
            guard !written.isEmpty, !type.isEmpty else { return }
            if types[written] == nil { types[written] = type }
            let key = Folding.fold(written)
            if let seen = folded[key], seen != type { folded[key] = .some(nil) } else { folded[key] = type }
        }
        for row in lexicon.rows("document-types.tsv") {
            add(row["abbreviation"], row["name"])
            for alias in row.values("aliases") { add(alias, row["name"]) }
            add(row["name"], row["name"])
        }
        for row in lexicon.rows("type-names.tsv") { add(row["name"], row["name"]) }
        self.types = types
        foldedTypes = folded.compactMapValues { $0 }
        var repairs: [(written: [String], canonical: String)] = []
        for row in lexicon.rows("symbol-repairs.tsv") where !row["written"].isEmpty && !row["canonical"].isEmpty {
            repairs.append((Self.tokens(row["written"]), row["canonical"]))
        }
        self.repairs = repairs.sorted { $0.written.count > $1.written.count }
        normalizer = Normalizer(lexicon: lexicon)
    }

    /// The canonical form of `symbol`, or of the symbol in a pasted citation ("Nghị định số
    /// 61/2018/NĐ-CP ngày 23/4/2018" → "61/2018/NĐ-CP"). Repairs ignore case ("nd-cp" → "NĐ-CP").
    public func canonical(_ symbol: String) -> String {
        let normalized = normalizer.normalize(symbol).string
        let text = Self.symbolPart(of: normalized).filter { !$0.isWhitespace }
        guard let slash = text.firstIndex(of: "/") else { return text }
        // Repairs apply to the part after the number (and the year), token by token.
        var tokens = Self.tokens(String(text[text.index(after: slash)...]))
        var output: [String] = []
        var i = 0
        while i < tokens.count {
            var matched = false
            if tokens[i] != "/" && tokens[i] != "-" {
                for repair in repairs where i + repair.written.count <= tokens.count
                    && tokens[i..<(i + repair.written.count)].map({ $0.uppercased() }) == repair.written.map({ $0.uppercased() }) {
                    let last = i + repair.written.count
                    if last < tokens.count && tokens[last] != "/" && tokens[last] != "-" { continue }
                    output.append(repair.canonical)
                    i = last
                    matched = true
                    break
                }
            }
            if !matched { output.append(tokens[i]); i += 1 }
        }
        tokens = output
        return String(text[...slash]) + tokens.joined()
    }

    /// A shorthand citation without the issuer: a type abbreviation or name, then number/year
    /// ("NĐ 61/2018", "ND 61/2018", "Nghị định số 61/2018", "nghi dinh 61/2018") → the type name
    /// ("Nghị định"), the number (leading zeros dropped) and the year; nil for anything else.
    public func shorthand(_ typed: String) -> (type: String, number: Int, year: Int)? {
        let normalized = normalizer.normalize(typed).string
        let words = normalized.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let at = words.firstIndex(where: { $0.first?.isNumber == true && $0.contains("/") }), at > 0 else { return nil }
        var symbol = words[at]
        while let last = symbol.unicodeScalars.last, ";,.:)]\"”".unicodeScalars.contains(last) { symbol.unicodeScalars.removeLast() }
        let parts = symbol.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let number = Int(parts[0]), parts[1].count == 4, let year = Int(parts[1]),
              at + 1 == words.count || words[(at + 1)...].allSatisfy({ $0.first?.isNumber != true && !$0.contains("/") && !$0.contains("-") })
        else { return nil }
        var typeWords = Array(words[..<at])
        if let last = typeWords.last, ["số", "số:", "so", "so:"].contains(last.lowercased()) { typeWords.removeLast() }
        let written = typeWords.joined(separator: " ")
        guard let type = types[written] ?? foldedTypes[Folding.fold(written)] else { return nil }
        return (type, number, year)
    }

    /// The symbol in `text`: the first word that starts with a digit and holds a `/`, with the
    /// words glued to it by a `/` or `-` at either side ("09/2019/ NĐ-CP"), trailing punctuation
    /// dropped; the whole text when no word looks like a number and symbol.
    static func symbolPart(of text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count > 1, let first = words.firstIndex(where: { $0.first?.isNumber == true && $0.contains("/") }) else { return text }
        var symbol = String(words[first])
        var next = first + 1
        while next < words.count, symbol.hasSuffix("/") || symbol.hasSuffix("-") || words[next].hasPrefix("/") || words[next].hasPrefix("-") {
            symbol += words[next]
            next += 1
        }
        while let last = symbol.unicodeScalars.last, ";,.:)]\"”".unicodeScalars.contains(last) { symbol.unicodeScalars.removeLast() }
        return symbol
    }

    /// Splits on `/` and `-`, keeping the separators as tokens.
    private static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar == "/" || scalar == "-" {
                if !current.isEmpty { tokens.append(current); current = "" }
                tokens.append(String(scalar))
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
