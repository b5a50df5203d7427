import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// One number-and-symbol found by `SymbolScanner` ("09/2019/NĐ-CP", "18-NQ/TW", "6828/VPCP-KSTT").
struct SymbolHit {
    /// First byte of the number.
    var start: Int
    /// After the last byte of the symbol.
    var end: Int
    /// A year glued before the number by a flattened table ("Luật Cư trú 202068/2020/QH14"): its start.
    var gluedYearStart: Int?
    var gluedYear: Int?
    var number: String
    var year: Int?
    /// Canonical tokens after the number and year, in order ("NĐ", "CP").
    var tokens: [String]
    /// Canonical symbol ("09/2019/NĐ-CP").
    var symbol: String
    /// A party document (hyphen before the type: "18-NQ/TW").
    var party: Bool
}

/// Finds number-and-symbol citations in `ScanText.view`, tolerant of the noise of real text: spaces
/// around separators ("19/2016 /TT-NHNN", "942/QĐ - TTg"), line breaks and blanked page furniture
/// after a dangling separator ("68/2026/NĐ-⏎CP"), glued table cells ("08/2022/NĐ-CP08/2022/NĐ-CP",
/// "16/2024/TT-BCAThông tư", "năm 202072/2020/QH14"), footnote digits ("140/NQ-CP2"), lost hyphens
/// and ASCII fallbacks (repaired from `symbol-repairs.tsv`).
///
/// Validation against the dictionaries (a known type or issuer) is the caller's job.
struct SymbolScanner {
    let lexicon: CitationLexicon
    /// Canonical tokens by written symbol, for the symbols of one scan (they repeat).
    private let memo = Memo()

    private final class Memo {
        var canonical: [String: [String]] = [:]
    }

    init(lexicon: CitationLexicon) {
        self.lexicon = lexicon
    }

    /// Every candidate in the text, in order.
    func scan(_ text: ScanText) -> [SymbolHit] {
        var hits: [SymbolHit] = []
        text.view.withUnsafeBufferPointer { v in
            let n = v.count
            var i = 0
            var lastEnd = -1
            while i < n {
                i = ByteSearch.nextDigit(v, from: i)
                guard i < n else { break }
                // A digit run starts here.
                var j = i + 1
                while j < n && v[j] &- 0x30 < 10 { j += 1 }
                if i > 0 && v[i - 1] &- 0x30 < 10 { i = j; continue }
                let prev: UInt8 = i > 0 ? v[i - 1] : 0x20
                let continues = lastEnd == i
                let afterDigit = i > 1 && v[i - 2] &- 0x30 < 10
                let onlySplit = !continues && (prev == 0x2F || prev == 0x2D || prev == 0x3A || prev == 0x25
                    || prev == 0x3D || prev == 0x2B || prev == 0x5F || ((prev == 0x2E || prev == 0x2C) && afterDigit))
                if let hit = parse(v, runStart: i, runEnd: j, onlySplit: onlySplit) {
                    hits.append(hit)
                    lastEnd = hit.end
                    i = hit.end
                } else {
                    i = j
                }
            }
        }
        return hits
    }

    @inline(__always) private func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    private func parse(_ v: UnsafeBufferPointer<UInt8>, runStart: Int, runEnd: Int, onlySplit: Bool) -> SymbolHit? {
        let length = runEnd - runStart
        var splitYear: Int?
        if length >= 5 {
            let y = Int(digits(v, runStart, runStart + 4))
            if y >= 1945 && y <= 2035 { splitYear = y }
        }
        if !onlySplit && length <= 5 {
            if let hit = parseAt(v, numberStart: runStart, runEnd: runEnd) {
                // "20301/…" could be a year glued to "1": keep the plain reading unless the year agrees.
                if let y = splitYear, length == 5, let split = parseAt(v, numberStart: runStart + 4, runEnd: runEnd), split.year == y {
                    var s = split; s.gluedYearStart = runStart; s.gluedYear = y
                    return s
                }
                return hit
            }
        }
        if let y = splitYear, length - 4 <= 4, var hit = parseAt(v, numberStart: runStart + 4, runEnd: runEnd) {
            if length == 5 && onlySplit && hit.year != y && v[runStart > 0 ? runStart - 1 : 0] != 0x2F { return nil }
            hit.gluedYearStart = runStart
            hit.gluedYear = y
            return hit
        }
        return nil
    }

    private func digits(_ v: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        var x = 0
        for k in s..<e { x = x * 10 + Int(v[k] - 0x30) }
        return x
    }

    private func skipSpaces(_ v: UnsafeBufferPointer<UInt8>, _ k: Int, max: Int) -> Int {
        var k = k, count = 0
        while k < v.count && v[k] == 0x20 && count < max { k += 1; count += 1 }
        return k
    }

    private func parseAt(_ v: UnsafeBufferPointer<UInt8>, numberStart: Int, runEnd: Int) -> SymbolHit? {
        let n = v.count
        var k = runEnd
        // "66.7/2025/NQ-CP"
        if k + 1 < n && v[k] == 0x2E && isDigit(v[k + 1]) {
            var m = k + 1
            while m < n && isDigit(v[m]) { m += 1 }
            if m < n && v[m] == 0x2F { k = m }
        }
        let numberEnd = k
        k = skipSpaces(v, k, max: 2)
        guard k < n, v[k] == 0x2F || v[k] == 0x2D else { return nil }
        let number = String(decoding: UnsafeBufferPointer(rebasing: v[numberStart..<numberEnd]), as: UTF8.self)
        if v[k] == 0x2F {
            k = skipSpaces(v, k + 1, max: 2)
            var year: Int?
            if k + 4 <= n && isDigit(v[k]) {
                guard k + 4 <= n, isDigit(v[k + 1]), isDigit(v[k + 2]), isDigit(v[k + 3]), k + 4 == n || !isDigit(v[k + 4]) else { return nil }
                let y = digits(v, k, k + 4)
                guard y >= 1945 && y <= 2099 else { return nil }
                var m = skipSpaces(v, k + 4, max: 2)
                guard m < n, v[m] == 0x2F else { return nil }
                year = y
                m = skipSpaces(v, m + 1, max: 2)
                k = m
            }
            guard let (raw, end) = readTokens(v, k) else { return nil }
            // URL-encoded symbols in links ("Keyword=03/2017/TT-BL%C4%90TBXH") are not citations.
            if end < n && v[end] == 0x25 { return nil }
            var before = numberStart
            while before > 0 && v[before - 1] == 0x20 { before -= 1 }
            if before > 0 && v[before - 1] == 0x3D { return nil }
            let tokens = canonicalTokens(raw)
            let symbol = number + (year.map { "/\($0)" } ?? "") + "/" + tokens.joined(separator: "-")
            return SymbolHit(start: numberStart, end: end, number: number, year: year, tokens: tokens, symbol: symbol, party: false)
        }
        if v[k] == 0x2D {
            // Party documents "18-NQ/TW", "12-CTr/BCĐ"; legacy decrees "25-CP".
            let t = skipSpaces(v, k + 1, max: 200)
            guard let (type, typeEnd, _) = readToken(v, t) else { return nil }
            let m = skipSpaces(v, typeEnd, max: 2)
            if m < n && v[m] == 0x2F {
                let o = skipSpaces(v, m + 1, max: 200)
                guard let (org, orgEnd, _) = readToken(v, o) else { return nil }
                let typeToken = lexicon.canonicalToken(type)
                guard lexicon.typeNames[typeToken] != nil else { return nil }
                return SymbolHit(start: numberStart, end: orgEnd, number: number, tokens: [typeToken, org],
                                 symbol: "\(number)-\(typeToken)/\(org)", party: true)
            }
            let token = lexicon.canonicalToken(type)
            guard lexicon.loneIssuerTypes[token] != nil else { return nil }
            return SymbolHit(start: numberStart, end: typeEnd, number: number, tokens: [token], symbol: "\(number)-\(token)", party: false)
        }
        return nil
    }

    /// Tokens of a symbol and their separators ('-' or '/'), from `k`; nil if none starts there.
    private func readTokens(_ v: UnsafeBufferPointer<UInt8>, _ k: Int) -> ([(String, UInt8)], Int)? {
        let n = v.count
        guard let (first, firstEnd, _) = readToken(v, k) else { return nil }
        var tokens: [(String, UInt8)] = [(first, 0)]
        var end = firstEnd
        while tokens.count < 10 {
            // Spaces before a separator only between the type and the first issuer ("942/QĐ - TTg").
            var m = tokens.count == 1 ? skipSpaces(v, end, max: 2) : end
            // '_' is a '-' typed in a file name or a form ("NĐ_CP").
            guard m < n, v[m] == 0x2D || v[m] == 0x2F || v[m] == 0x5F else { break }
            let separator = v[m] == 0x5F ? 0x2D : v[m]
            m = skipSpaces(v, m + 1, max: 400)
            guard let (token, tokenEnd, _) = readToken(v, m) else { break }
            tokens.append((token, separator))
            end = tokenEnd
        }
        return (tokens, end)
    }

    /// Repairs, aliases and the canonical '-' join.
    private func canonicalTokens(_ raw: [(String, UInt8)]) -> [String] {
        var written = ""
        for (index, (token, separator)) in raw.enumerated() {
            if index > 0 { written.append(separator == 0x2F ? "/" : "-") }
            written += token
        }
        if let known = memo.canonical[written] { return known }
        let tokens = canonicalTokens(written: written)
        memo.canonical[written] = tokens
        return tokens
    }

    private func canonicalTokens(written: String) -> [String] {
        var written = written
        for (from, to) in lexicon.repairs where Self.contains(written, from) {
            written = replaceWholeTokens(written, from, to)
        }
        var tokens: [String] = []
        for part in written.split(whereSeparator: { $0 == "-" || $0 == "/" }) {
            tokens.append(lexicon.canonicalToken(String(part)))
        }
        return tokens
    }

    /// Whether the UTF-8 of `s` contains that of `part` (both NFC).
    private static func contains(_ s: String, _ part: String) -> Bool {
        var s = s, part = part
        return s.withUTF8 { a in
            part.withUTF8 { b in
                guard let first = b.first else { return true }
                guard a.count >= b.count else { return false }
                var i = 0
                let last = a.count - b.count
                while i <= last {
                    i = ByteSearch.next(first, a, from: i)
                    guard i <= last else { return false }
                    var m = 1
                    while m < b.count, a[i + m] == b[m] { m += 1 }
                    if m == b.count { return true }
                    i += 1
                }
                return false
            }
        }
    }

    private func replaceWholeTokens(_ s: String, _ from: String, _ to: String) -> String {
        let chars = Array(s), f = Array(from)
        var out = "", i = 0
        while i < chars.count {
            let atBoundary = i == 0 || chars[i - 1] == "-" || chars[i - 1] == "/"
            if atBoundary, i + f.count <= chars.count, Array(chars[i..<i + f.count]) == f {
                let e = i + f.count
                if e == chars.count || chars[e] == "-" || chars[e] == "/" || f.last == "/" || f.last == "-" {
                    out += to; i = e; continue
                }
            }
            out.append(chars[i]); i += 1
        }
        return out
    }

    /// One symbol token at `k`: upper-case letters, digits, '&', and the dictionary's mixed-case
    /// tokens (TTg, QyĐ, CTr). Returns the token, its end, and whether it was cut before a glued word.
    private func readToken(_ v: UnsafeBufferPointer<UInt8>, _ k: Int) -> (String, Int, Bool)? {
        let n = v.count
        var scalars: [(UInt32, Int)] = []  // scalar, end offset
        var sawFiller = false
        var i = k
        while i < n {
            let b = v[i]
            if b == ScanText.filler { sawFiller = true; i += 1; if !scalars.isEmpty { scalars[scalars.count - 1].1 = i }; continue }
            if b < 0x80 {
                let isAlnum = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || isDigit(b) || b == 0x26
                guard isAlnum else { break }
                scalars.append((UInt32(b), i + 1)); i += 1
                continue
            }
            guard i + 1 < n else { break }
            let length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            guard i + length <= n else { break }
            let (c, _) = decodeScalar(v, i)
            guard (c >= 0xC0 && c <= 0x1EF9 && c != 0xD7 && c != 0xF7) else { break }
            scalars.append((c, i + length)); i += length
        }
        guard let first = scalars.first else { return nil }
        func isLower(_ c: UInt32) -> Bool { !ScanText.isUpperScalar(c) && !(c >= 0x30 && c <= 0x39) && c != 0x26 }
        guard ScanText.isUpperScalar(first.0) else {
            // A token written in lower case ("nđ-cp", "tt-btc", "nd"): only a known type, issuer or
            // repair token in capitals, never an ordinary word ("ngày", "km", "h").
            guard isLower(first.0), let folded = Self.upperCased(scalars.map(\.0)), isFoldable(folded) else { return nil }
            return (folded, scalars[scalars.count - 1].1, false)
        }
        func string(_ count: Int) -> String {
            // Without filler bytes the scalars are exactly the UTF-8 of v[k..<end].
            if !sawFiller { return String(decoding: UnsafeBufferPointer(rebasing: v[k..<(count == 0 ? k : scalars[count - 1].1)]), as: UTF8.self) }
            var s = ""
            for (c, _) in scalars.prefix(count) { s.unicodeScalars.append(Unicode.Scalar(c) ?? " ") }
            return s
        }
        var count = scalars.count
        var cut = false
        if scalars.contains(where: { isLower($0.0) }) {
            let whole = string(scalars.count)
            // A capital token with a letter in lower case ("BLĐTBXh"), known in capitals.
            if !lexicon.mixedCaseTokens.contains(where: { whole.hasPrefix($0) }), let folded = Self.upperCased(scalars.map(\.0)), isFoldable(folded) {
                return (folded, scalars[scalars.count - 1].1, false)
            }
            var matched: Int?
            for m in lexicon.mixedCaseTokens where whole.hasPrefix(m) {
                let c = m.unicodeScalars.count
                if c == scalars.count || !isLower(scalars[c].0) { matched = c; break }
            }
            if let matched { count = matched }
            else {
                var upper = 0
                while upper < scalars.count && !isLower(scalars[upper].0) { upper += 1 }
                guard upper >= 2 else { return nil }
                let u = string(upper)
                if isKnown(u) { count = upper }
                else if isKnown(string(upper - 1)) { count = upper - 1 }
                else { count = upper }
                cut = true
            }
        }
        // An upper-case word glued after the token ("CPLUẬT", "BTCSỬA"): cut at the longest known prefix.
        if !isKnown(string(count)) {
            var cutAt = count - 1
            while cutAt >= 2 {
                if isKnown(string(cutAt)) && startsGluedWord(scalars[cutAt..<count].map(\.0)) { count = cutAt; cut = true; break }
                cutAt -= 1
            }
        }
        // Trailing digits: legislature term, unit code, glued next number, or footnote.
        var letters = count
        while letters > 0 && scalars[letters - 1].0 >= 0x30 && scalars[letters - 1].0 <= 0x39 { letters -= 1 }
        if letters < count && letters > 0 {
            let a = string(letters)
            let digitCount = count - letters
            let afterDigits = scalars[count - 1].1
            var m = afterDigits
            while m < n && v[m] == 0x20 { m += 1 }
            let gluedNumber = m < n && v[m] == 0x2F
            if lexicon.termTokens.contains(lexicon.canonicalToken(a)) {
                var term = 1
                if digitCount >= 2, let t = Int(string(letters + 2).suffix(2)), t >= 10 && t <= 19 { term = 2 }
                count = letters + term
            } else if gluedNumber {
                count = letters
            } else if isKnown(string(count)) || letters == 1 || lexicon.unitSuffixIssuers.contains(a) || (digitCount == 2 && (Int(string(count).suffix(2)) ?? 0) >= 10
                                                                   && (Int(string(count).suffix(2)) ?? 0) <= 19 && !isKnown(a)) {
                // unit codes such as C06, BCĐTKNQ18; a committee with its term (UBVHXH15)
            } else {
                let end = scalars[count - 1].1
                return (a, end, true)
            }
        }
        guard count > 0 else { return nil }
        return (string(count), scalars[count - 1].1, cut)
    }

    /// Whether a token read in capitals from lower case stands for a symbol part: a type or issuer,
    /// or a token of `symbol-repairs.tsv` ("ND" of "ND-CP").
    private func isFoldable(_ token: String) -> Bool {
        isKnown(token) || lexicon.repairTokens.contains(token)
    }

    /// The capitals of these scalars (letters and digits), or nil when one has no single capital.
    static func upperCased(_ scalars: [UInt32]) -> String? {
        var s = ""
        for c in scalars {
            guard let scalar = Unicode.Scalar(c) else { return nil }
            let upper = scalar.properties.uppercaseMapping
            guard upper.unicodeScalars.count == 1 else { return nil }
            s += upper
        }
        return s
    }

    private func isKnown(_ token: String) -> Bool {
        let t = lexicon.canonicalToken(token)
        return lexicon.isIssuer(t) || lexicon.typeNames[t] != nil
    }

    /// Whether these scalars (upper or lower case) start a word that tables glue to symbols.
    private func startsGluedWord(_ scalars: [UInt32]) -> Bool {
        var lower: [UInt8] = []
        for c in scalars.prefix(8) { appendScalar(ScanText.lowerScalar(c), to: &lower) }
        return lexicon.gluedWordStarts.contains { start in
            lower.count >= start.count && Array(lower.prefix(start.count)) == start
        }
    }
}
