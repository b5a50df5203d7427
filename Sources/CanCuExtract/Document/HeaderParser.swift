import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Reads what a document says of itself in its header (legal-conventions.md §5.1–5.2): its own
/// number and symbol, type, issuer (with its parent line), place, issue date and title (trích yếu).
///
/// Works line by line on the normalised bytes and does not rely on the cells' order, since
/// flattened two-column headers interleave them; Gazette running headers, section banners and page
/// numbers are skipped (`dictionaries/header-markers.tsv`). A consolidated text (VBHN) with no
/// number in its header takes the one of its authentication block. What the document says of its
/// own dates outside the header block (effect clause, term, closing block) is read by `ownDates`.
///
/// ```swift
/// let header = HeaderParser(lexicon: .builtIn).parse(text)
/// header.symbol   // "111/2022/NĐ-CP"
/// header.issued   // "2022-12-30"
/// ```
package struct HeaderParser: Sendable {
    enum Kind: String { case noise, national, motto, symbol, unit, stop, subject, adoption }

    let markers: [(bytes: [UInt8], kind: Kind)]
    /// Upper-case type lines ("NGHỊ ĐỊNH") → type name, longest first.
    let typeLines: [(upper: String, name: String)]
    let typeNames: [String]
    let symbols: SymbolCanonicalizer
    let tokenizer: Tokenizer
    let normalizer: Normalizer
    /// The phrases and reach of the own-date readers (`HeaderParser+OwnDates.swift`).
    let ownDateRules: OwnDateRules

    public init(lexicon: Lexicon = .builtIn) {
        markers = lexicon.rows("header-markers.tsv").compactMap { row in
            guard let kind = Kind(rawValue: row["kind"]), !row["marker"].isEmpty else { return nil }
            return (Array(row["marker"].utf8), kind)
        }.sorted { $0.bytes.count > $1.bytes.count }
        let names = lexicon.rows("type-names.tsv").map { $0["name"] }.filter { !$0.isEmpty }
        typeNames = names.sorted { $0.count > $1.count }
        typeLines = typeNames.map { ($0.uppercased(), $0) }
        symbols = SymbolCanonicalizer(lexicon: lexicon)
        tokenizer = Tokenizer(lexicon: lexicon)
        normalizer = Normalizer(lexicon: lexicon)
        ownDateRules = OwnDateRules(lexicon: lexicon)
    }

    /// The header of a document.
    public func parse(_ text: NormalizedText) -> DocumentHeader {
        parse(text, lines: tokenizer.lines(text))
    }

    /// The header, from already computed line spans (`Tokenizer.lines`).
    ///
    /// A table-shaped header (an HTML or Word table, a Markdown table whose pipes the reader made
    /// tabs, "Số: 25/2025/NĐ-CP\tHà Nội, ngày …") is read cell by cell: each tab-separated cell
    /// of a line is read as a line of its own, which is what the two-column layout of a printed
    /// document gives when flattened.
    public func parse(_ text: NormalizedText, lines: [TextSpan]) -> DocumentHeader {
        text.bytes.withUnsafeBufferPointer { p in let split = cells(p, lines); return scan(p, text, split.cells, reach: split.reach) }
    }

    /// The lines split into trimmed, non-empty cells: at tabs and pipes ("Số: 25/2025/NĐ-CP | Hà
    /// Nội, ngày …", a Markdown table read as plain text), and at a run of three spaces or more
    /// (`pdftotext -layout`) before a cell that opens a header field: the national motto or its
    /// motto, a "Số:" label, or "Place, ngày …" (not the blanks of an unfilled date, "ngày      tháng").
    /// Only the lines within the header's reach are split; the others are kept as they are.
    func cells(_ p: UnsafeBufferPointer<UInt8>, _ lines: [TextSpan]) -> (cells: [TextSpan], reach: Int) {
        var cells: [TextSpan] = []
        cells.reserveCapacity(lines.count + 16)
        func add(_ range: Range<Int>) {
            var a = range.lowerBound, b = range.upperBound
            while a < b, p[a] == 0x20 || p[a] == 0x09 { a += 1 }
            while b > a, p[b - 1] == 0x20 || p[b - 1] == 0x09 { b -= 1 }
            if a < b { cells.append(TextSpan(range: a..<b, source: a..<b)) }
        }
        var reach = 0
        for (index, line) in lines.enumerated() {
            if index == Self.reach { reach = cells.count }
            guard index < Self.reach else { cells.append(line); continue }
            let r = line.range
            var start = r.lowerBound
            var k = r.lowerBound
            var split = false
            while k < r.upperBound {
                let b = p[k]
                if b == 0x09 || b == 0x7C {
                    add(start..<k); start = k + 1; split = true
                } else if b == 0x20, k + 2 < r.upperBound, p[k + 1] == 0x20, p[k + 2] == 0x20 {
                    var j = k
                    while j < r.upperBound && p[j] == 0x20 { j += 1 }
                    if j < r.upperBound, opensField(p, j..<r.upperBound) { add(start..<k); start = j; split = true }
                    k = j
                    continue
                }
                k += 1
            }
            if split { add(start..<r.upperBound) } else { cells.append(line) }
        }
        return (cells, lines.count > Self.reach ? reach : cells.count)
    }

    /// How many lines the header is looked for in.
    static let reach = 80

    /// Whether a cell opens at `r`: a national, motto or symbol marker, or "Place, ngày".
    private func opensField(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        if let k = kind(p, r), k == .national || k == .motto || k == .symbol { return true }
        guard let first = String(decoding: UnsafeBufferPointer(rebasing: p[r.lowerBound..<min(r.upperBound, r.lowerBound + 4)]), as: UTF8.self)
            .unicodeScalars.first, first.properties.isUppercase else { return false }
        let comma = Array(", ngày ".utf8)
        return ByteScan.find(p, r.lowerBound..<min(r.upperBound, r.lowerBound + 60), comma) != nil
    }

    private func kind(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Kind? {
        for m in markers where ByteScan.hasPrefix(p, r, m.bytes) { return m.kind }
        return nil
    }

    private func isNoise(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ line: String) -> Bool {
        if let k = kind(p, r), k == .noise || k == .national || k == .motto { return true }
        // Page numbers, rules of '_' '-' '=' '*'.
        return line.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "_-=*. ".unicodeScalars.contains($0) }
    }

    private func scan(_ p: UnsafeBufferPointer<UInt8>, _ text: NormalizedText, _ lines: [TextSpan], reach: Int) -> DocumentHeader {
        var header = DocumentHeader()
        var issuerLines: [String] = []
        var symbolLine: Int?
        var typeLine: Int?
        var dateLine: Int?
        var subjectLine: Int?
        var issuerClosed = false
        let limit = min(lines.count, reach)
        var i = 0
        while i < limit {
            let r = lines[i].range
            let line = text.text(ofBytes: r)
            let k = kind(p, r)
            if k == .stop && (typeLine != nil || symbolLine != nil) { break }
            if isNoise(p, r, line) { i += 1; continue }
            if k == .symbol, symbolLine == nil, let symbol = symbolAfterLabel(line, next: i + 1 < lines.count ? text.text(ofBytes: lines[i + 1].range) : nil) {
                header.symbol = symbol.value
                symbolLine = i
                issuerClosed = true
                if symbol.usedNext { i += 1 }
                i += 1
                continue
            }
            if dateLine == nil, let (place, date) = placeAndDate(line) {
                header.place = place
                header.issued = date.flatMap(LegalDate.init(iso:))
                dateLine = i
                issuerClosed = true
                i += 1
                continue
            }
            if k == .subject, subjectLine == nil {
                subjectLine = i
                issuerClosed = true
                i += 1
                continue
            }
            if typeLine == nil, let name = typeName(ofLine: line) {
                header.type = name
                typeLine = i
                issuerClosed = true
                i += 1
                continue
            }
            if !issuerClosed {
                // The issuer block is the upper-case lines just above the other cells: an
                // upper-case line before a line of ordinary text (a portal's menu, a heading) is not
                // part of it.
                if ByteScan.isUpperCaseLine(line) { issuerLines.append(line) } else if k == nil, !issuerLines.isEmpty, startsWithLetter(line) { issuerLines.removeAll() }
            }
            if typeLine != nil { break }
            i += 1
        }
        // A consolidated text: its number and issuer are in the authentication block at the end.
        if header.symbol == nil, let block = authenticationBlock(p, text, lines) {
            header.symbol = block.symbol
            if issuerLines.isEmpty { issuerLines = block.issuerLines }
            if header.issued == nil { header.place = block.place; header.issued = block.issued.flatMap(LegalDate.init(iso:)) }
        }
        if header.issued == nil { header.issued = adoptionDate(p, text).flatMap(LegalDate.init(iso:)) }
        header.issuer = issuer(from: issuerLines)
        var titleEnd: Int?
        if let typeLine {
            let (title, end) = title(after: typeLine, p, text, lines)
            header.title = title
            titleEnd = end
        }
        if let subjectLine, header.title == nil {
            let (title, end) = subject(at: subjectLine, p, text, lines)
            header.title = title
            titleEnd = end
        }
        if let symbol = header.symbol, let fromSymbol = symbols.typeName(ofSymbol: symbol) {
            header.type = fromSymbol
        } else if header.type == nil, header.symbol != nil, subjectLine != nil {
            header.type = "Công văn"
        }
        let last = [titleEnd, typeLine, dateLine, symbolLine].compactMap { $0 }.max()
        if let last { header.source = text.sourceRange(ofBytes: 0..<lines[last].range.upperBound) }
        return header
    }

    // MARK: Cells

    private func startsWithLetter(_ line: String) -> Bool {
        line.unicodeScalars.first?.properties.isAlphabetic == true
    }

    /// The canonical symbol after "Số:" (continued on the next line when it ends with '-').
    private func symbolAfterLabel(_ line: String, next: String?) -> (value: String, usedNext: Bool)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        var written = String(line[line.index(after: colon)...])
        // Keep "372 /QĐ-BTC" together but stop at the next cell ("… Hà Nội, ngày …").
        if let cut = written.range(of: "  ") ?? written.range(of: "\t"), written[..<cut.lowerBound].contains("/") {
            written = String(written[..<cut.lowerBound])
        }
        // … or at anything a symbol does not hold ("25/2025/NĐ-CP | Hà Nội", "25/2025/NĐ-CP, Hà Nội").
        if let cut = written.firstIndex(where: { !($0.isLetter || $0.isNumber || " /-_&.".contains($0)) }), written[..<cut].contains("/") {
            written = String(written[..<cut])
        }
        if let cut = written.range(of: " ", range: (written.firstIndex(where: { $0 != " " }) ?? written.startIndex)..<written.endIndex),
           let slash = written.firstIndex(of: "/"), cut.lowerBound > slash,
           !written[cut.upperBound...].hasPrefix("/"), !written[cut.upperBound...].hasPrefix("-"),
           !written[..<cut.lowerBound].hasSuffix("/"), !written[..<cut.lowerBound].hasSuffix("-") {
            // "25/2025/NĐ-CP Hà Nội, ngày …" (one space between the cells): the symbol ends at the
            // first space that is not beside a separator.
            written = String(written[..<cut.lowerBound])
        }
        var usedNext = false
        if written.trimmingSpaces.hasSuffix("-"), let next, !next.contains(" ") || next.first?.isUppercase == true {
            written += next.split(separator: " ").first.map(String.init) ?? ""
            usedNext = true
        }
        guard let value = symbols.canonical(written) else { return nil }
        return (value, usedNext)
    }

    /// "Hà Nội, ngày 30 tháng 12 năm 2022" → ("Hà Nội", "2022-12-30"); a blank day or month gives
    /// the year or the month only (`DateReader.writtenDate`).
    func placeAndDate(_ line: String) -> (String?, String?)? {
        guard let comma = line.range(of: ", ngày") else { return nil }
        var place = String(line[..<comma.lowerBound])
        if let tab = place.lastIndex(of: "\t") { place = String(place[place.index(after: tab)...]) }
        place = place.trimmingSpaces
        let start = line.utf8.distance(from: line.utf8.startIndex, to: comma.upperBound)
        var bytes = line
        guard let (date, _) = bytes.withUTF8({ DateReader.writtenDate($0, at: start, .line) }) else { return nil }
        return (place.isEmpty ? nil : place, date.iso)
    }

    /// The type name of an upper-case type line ("NGHỊ ĐỊNH", "QUYẾT ĐỊNH1" with a footnote mark).
    func typeName(ofLine line: String) -> String? {
        var s = line.trimmingSpaces
        while let last = s.last, last.isNumber { s.removeLast() }
        s = s.trimmingSpaces
        for t in typeLines where s == t.upper { return t.name }
        return nil
    }

    /// Issuer lines: a block repeated by the Gazette layout is kept once; a subordinate body's line
    /// ("SỞ Y") is joined to its parent with " / ", other broken lines with a space.
    private func issuer(from lines: [String]) -> String? {
        guard !lines.isEmpty else { return nil }
        var block = lines
        let squashed = lines.map { $0.filter { $0 != " " } }
        for k in 1..<max(1, lines.count) where squashed[..<k].joined() == squashed[k...].joined() {
            block = Array(lines[k...])
            break
        }
        var result = ""
        for line in block {
            if result.isEmpty { result = line; continue }
            let isUnit = markers.contains { $0.kind == .unit && line.utf8.starts(with: $0.bytes) && (line.utf8.count == $0.bytes.count || line.utf8[line.utf8.index(line.utf8.startIndex, offsetBy: $0.bytes.count)] == 0x20) }
            result += (isUnit ? " / " : " ") + line
        }
        // A rule under the issuer in the same table cell ("CHÍNH PHỦ -------" from a Word cell).
        var words = result.split(whereSeparator: { $0 == " " || $0 == "\t" })
        while let last = words.last, last.allSatisfy({ "-_=*.".contains($0) }) { words.removeLast() }
        while let first = words.first, first.allSatisfy({ "-_=*.".contains($0) }) { words.removeFirst() }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The trích yếu after the type line: up to a blank line, a preamble or enacting line, a rule,
    /// or a line that starts a citation of a document ("Thông tư 38/2015/…", in consolidated texts).
    private func title(after typeLine: Int, _ p: UnsafeBufferPointer<UInt8>, _ text: NormalizedText, _ lines: [TextSpan]) -> (String?, Int?) {
        var parts: [String] = []
        var end: Int?
        var i = typeLine + 1
        while i < lines.count, parts.count < 8 {
            let r = lines[i].range
            let line = text.text(ofBytes: r)
            if kind(p, r) == .stop { break }
            if line.unicodeScalars.allSatisfy({ "_-=*. ".unicodeScalars.contains($0) }) { break }
            if kind(p, r) == .noise || line.allSatisfy(\.isNumber) { i += 1; continue }
            if !parts.isEmpty, blankLineBefore(i, p, lines) { break }
            if !parts.isEmpty, ByteScan.isUpperCaseLine(line), !ByteScan.isUpperCaseLine(parts[parts.count - 1]) { break }
            if startsCitation(line) { break }
            parts.append(line)
            end = i
            i += 1
        }
        return (parts.isEmpty ? nil : parts.joined(separator: " ").replacingDoubleSpaces, end)
    }

    /// The "V/v …" subject of a công văn, up to the date cell, a blank line or "Kính gửi".
    private func subject(at line: Int, _ p: UnsafeBufferPointer<UInt8>, _ text: NormalizedText, _ lines: [TextSpan]) -> (String?, Int?) {
        var parts: [String] = []
        var end = line
        var i = line
        while i < lines.count, i - line < 5 {
            var s = text.text(ofBytes: lines[i].range)
            if i > line, kind(p, lines[i].range) != nil || blankLineBefore(i, p, lines) { break }
            if i == line { s = String(s.dropFirst(3)).trimmingSpaces }
            if let tab = s.firstIndex(of: "\t") { s = String(s[..<tab]) ; parts.append(s); end = i; break }
            if placeAndDate(s) != nil { break }
            parts.append(s)
            end = i
            i += 1
        }
        let title = parts.joined(separator: " ").trimmingSpaces.replacingDoubleSpaces
        return (title.isEmpty ? nil : title, end)
    }

    private func startsCitation(_ line: String) -> Bool {
        for name in typeNames where line.hasPrefix(name + " ") {
            let rest = line.dropFirst(name.count + 1)
            if rest.first?.isNumber == true || rest.hasPrefix("số ") { return true }
        }
        return false
    }

    private func blankLineBefore(_ i: Int, _ p: UnsafeBufferPointer<UInt8>, _ lines: [TextSpan]) -> Bool {
        guard i > 0 else { return false }
        var newlines = 0
        for k in lines[i - 1].range.upperBound..<lines[i].range.lowerBound where p[k] == 0x0A { newlines += 1 }
        return newlines >= 2
    }

    /// "Số: N/VBHN-…" with the issuer lines just above it and the place and date just below.
    private func authenticationBlock(_ p: UnsafeBufferPointer<UInt8>, _ text: NormalizedText, _ lines: [TextSpan])
        -> (symbol: String, issuerLines: [String], place: String?, issued: String?)? {
        for i in lines.indices where kind(p, lines[i].range) == .symbol {
            let line = text.text(ofBytes: lines[i].range)
            guard let symbol = symbolAfterLabel(line, next: nil)?.value, symbol.contains("/VBHN-") else { continue }
            var issuer: [String] = []
            var k = i - 1
            while k >= 0, i - k <= 3, ByteScan.isUpperCaseLine(text.text(ofBytes: lines[k].range)) {
                issuer.insert(text.text(ofBytes: lines[k].range), at: 0)
                k -= 1
            }
            var place: String?, issued: String?
            for j in (i + 1)..<min(lines.count, i + 8) {
                if let (pl, date) = placeAndDate(text.text(ofBytes: lines[j].range)) { place = pl; issued = date; break }
            }
            return (symbol, issuer, place, issued)
        }
        return nil
    }

    /// The date of the adoption line ("… thông qua ngày 10 tháng 7 năm 2025."), the last one.
    private func adoptionDate(_ p: UnsafeBufferPointer<UInt8>, _ text: NormalizedText) -> String? {
        var found: String?
        for m in markers where m.kind == .adoption {
            var start = 0
            while let at = ByteScan.find(p, start..<p.count, m.bytes) {
                let end = min(p.count, at + m.bytes.count + 40)
                // "thông qua ngày 10 tháng 7 năm 2025." → "X, ngày 10 tháng 7 năm 2025."
                let tail = String(text.text(ofBytes: at..<end).map { $0 == "\n" || $0 == "\r" ? " " : $0 })
                let words = tail.split(separator: " ", omittingEmptySubsequences: true).dropFirst(2)
                if let (_, date) = placeAndDate("X, " + words.joined(separator: " ")) { found = date }
                start = at + m.bytes.count
            }
        }
        return found
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }

    var replacingDoubleSpaces: String {
        split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
