import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// The canonical form of a document's own number and symbol, the same key citations use:
/// no spaces, `Đ` (normalisation did that), `-` between groups, the repairs of
/// `dictionaries/symbol-repairs.tsv` ("NQCP" → "NQ-CP"), no trailing punctuation.
///
/// ```swift
/// SymbolCanonicalizer(lexicon: .builtIn).canonical(" 372 /QĐ-BTC")   // "372/QĐ-BTC"
/// ```
package struct SymbolCanonicalizer: Sendable {
    let repairs: [(written: String, canonical: String)]
    /// Type abbreviation (and alias) → full type name.
    let typeNames: [String: String]

    public init(lexicon: Lexicon = .builtIn) {
        repairs = lexicon.rows("symbol-repairs.tsv").map { ($0["written"], $0["canonical"]) }
            .filter { !$0.0.isEmpty }.sorted { $0.0.count > $1.0.count }
        var names: [String: String] = [:]
        for row in lexicon.rows("document-types.tsv") {
            let name = row["name"]
            guard !name.isEmpty else { continue }
            for key in [row["abbreviation"]] + row.values("aliases") where !key.isEmpty && names[key] == nil {
                names[key] = name
            }
        }
        typeNames = names
    }

    /// The canonical symbol, or nil when the text holds no "number/…" form.
    public func canonical(_ written: String) -> String? {
        var s = String(written.unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\u{A0}" }.map(Character.init))
        while let last = s.last, ".,;:)".contains(last) { s.removeLast() }
        guard let slash = s.firstIndex(of: "/"), s[s.startIndex..<slash].first?.isNumber == true,
              s.index(after: slash) < s.endIndex else { return nil }
        // "61/2018/nđ-cp", "61/2018/NĐ_CP": a token written in lower case is in capitals, '_' is '-'
        // (the repairs below then make "QĐ-TTG" "QĐ-TTg").
        if s.contains(where: { $0 == "_" || $0.isLowercase }) {
            s = s.split(separator: "/", omittingEmptySubsequences: false).map { part in
                part.replacingOccurrences(of: "_", with: "-").split(separator: "-", omittingEmptySubsequences: false).map { token in
                    token.contains(where: \.isUppercase) ? String(token) : token.uppercased()
                }.joined(separator: "-")
            }.joined(separator: "/")
        }
        for repair in repairs {
            s = replacingToken(s, repair.written, repair.canonical)
        }
        return s
    }

    /// Replaces `written` where it stands between delimiters ('/', '-', ends).
    private func replacingToken(_ s: String, _ written: String, _ canonical: String) -> String {
        var result = s
        var searchStart = result.startIndex
        while let range = result.range(of: written, range: searchStart..<result.endIndex) {
            let beforeOK = range.lowerBound == result.startIndex || "/-".contains(result[result.index(before: range.lowerBound)])
            let afterOK = range.upperBound == result.endIndex || "/-".contains(result[range.upperBound]) || written.hasSuffix("/") || written.hasSuffix("-")
            if beforeOK && afterOK {
                result.replaceSubrange(range, with: canonical)
                searchStart = result.index(range.lowerBound, offsetBy: canonical.count, limitedBy: result.endIndex) ?? result.endIndex
            } else {
                searchStart = result.index(after: range.lowerBound)
            }
            if searchStart >= result.endIndex { break }
        }
        return result
    }

    /// The full type name given by the symbol's type token ("09/2019/NĐ-CP" → "Nghị định"), or nil
    /// when the symbol carries none (laws "…/QH15", công văn "1927/VPCP-KSTT").
    public func typeName(ofSymbol symbol: String) -> String? {
        let parts = symbol.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        var rest = parts.dropFirst()
        if let first = rest.first, first.count == 4, first.allSatisfy(\.isNumber) { rest = rest.dropFirst() }
        guard let group = rest.first else { return nil }
        let token = group.split(separator: "-").first.map(String.init) ?? ""
        return typeNames[token]
    }
}
