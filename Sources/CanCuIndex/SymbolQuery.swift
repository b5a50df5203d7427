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

    public init(lexicon: Lexicon) {
        var repairs: [(written: [String], canonical: String)] = []
        for row in lexicon.rows("symbol-repairs.tsv") where !row["written"].isEmpty && !row["canonical"].isEmpty {
            repairs.append((Self.tokens(row["written"]), row["canonical"]))
        }
        self.repairs = repairs.sorted { $0.written.count > $1.written.count }
        normalizer = Normalizer(lexicon: lexicon)
    }

    /// The canonical form of `symbol`.
    public func canonical(_ symbol: String) -> String {
        let normalized = normalizer.normalize(symbol)
        let text = String(decoding: normalized.bytes.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
        guard let slash = text.firstIndex(of: "/") else { return text }
        // Repairs apply to the part after the number (and the year), token by token.
        var tokens = Self.tokens(String(text[text.index(after: slash)...]))
        var output: [String] = []
        var i = 0
        while i < tokens.count {
            var matched = false
            if tokens[i] != "/" && tokens[i] != "-" {
                for repair in repairs where i + repair.written.count <= tokens.count
                    && Array(tokens[i..<(i + repair.written.count)]) == repair.written {
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
