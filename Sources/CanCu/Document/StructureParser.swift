/// Finds a document's structure — Phần, Chương, Mục, Tiểu mục, Điều, khoản, điểm, the footer
/// (Nơi nhận, signature, adoption line) and annexes (Phụ lục) — by scanning the lines of the
/// normalised bytes (legal-conventions.md §5.4–5.7; markers in `dictionaries/structure-markers.tsv`).
///
/// Spans follow the gold trees of `../shared/corpus/codes`: `source` is the whole unit; `body` is,
/// for Phần, Chương, Mục, Tiểu mục and Điều, the text after the heading line(s); for khoản and điểm
/// it is the unit's own line when the unit is one line, else the text after its first line.
/// Quoted amendment text (“Điều 5. …” inside an article) never creates units, and khoản and điểm
/// exist only inside an Điều, so the outlines of a Kế hoạch or Báo cáo (I., 1., a), -, +) are not units.
///
/// ```swift
/// let units = StructureParser(lexicon: .builtIn).parse(text)
/// units.first?.level   // .chapter
/// ```
public struct StructureParser: Sendable {
    enum MarkerKind: Sendable, Equatable {
        case unit(StructureUnit.Level)
        case footer
        case attachment
    }

    struct Marker: Sendable {
        let bytes: [UInt8]
        let kind: MarkerKind
        let ordinal: Bool
        let roman: Bool
        let arabic: Bool
    }

    let markers: [Marker]
    let tokenizer: Tokenizer

    /// Builds the parser from `structure-markers.tsv`.
    public init(lexicon: Lexicon = .builtIn) {
        var markers: [Marker] = []
        for row in lexicon.rows("structure-markers.tsv") {
            let marker = row["marker"]
            guard !marker.isEmpty else { continue }
            let kind: MarkerKind
            switch row["level"] {
            case "footer": kind = .footer
            case "attachment": kind = .attachment
            case let level: guard let l = StructureUnit.Level(rawValue: level) else { continue }; kind = .unit(l)
            }
            let numbering = Set(row.values("numbering"))
            markers.append(Marker(bytes: Array(marker.utf8), kind: kind, ordinal: numbering.contains("ordinal"),
                                  roman: numbering.contains("roman"), arabic: numbering.contains("arabic")))
        }
        // Longest first, so "Phần thứ" wins over "Phần" and "Tiểu mục" over "Mục".
        self.markers = markers.sorted { $0.bytes.count > $1.bytes.count }
        tokenizer = Tokenizer(lexicon: lexicon)
    }

    /// The structure tree of a document: its top-level units in order (parts or chapters or
    /// articles, then the footer and the annexes), each with its children.
    public func parse(_ text: NormalizedText) -> [StructureUnit] {
        parse(text, lines: tokenizer.lines(text))
    }

    /// The structure tree, from already computed line spans (`Tokenizer.lines`).
    public func parse(_ text: NormalizedText, lines: [TextSpan]) -> [StructureUnit] {
        var builder = Builder(text: text, lines: lines)
        text.bytes.withUnsafeBufferPointer { p in scan(p, &builder) }
        return builder.finish()
    }

    // MARK: Scanning

    private enum Region { case body, footer, annex }

    private func scan(_ p: UnsafeBufferPointer<UInt8>, _ b: inout Builder) {
        var region = Region.body
        var quoteBalance = 0
        for i in b.lines.indices {
            let r = b.lines[i].range
            // Quoted amendment text: from a line that opens a quotation until it is closed.
            if quoteBalance > 0 {
                quoteBalance += quoteDelta(p, r)
                if quoteBalance < 0 { quoteBalance = 0 }
                continue
            }
            if startsWithQuote(p, r) {
                quoteBalance = max(0, quoteDelta(p, r))
                continue
            }
            if let (kind, number) = marker(p, r) {
                switch kind {
                case .footer:
                    if region == .body { b.closeAll(before: i); b.open(.footer, number: "", line: i); region = .footer }
                case .attachment:
                    // "(Kèm theo …)" right under an annex heading belongs to that heading.
                    if region == .annex, b.extendAnnexHeading(to: i) { continue }
                    if region != .body { b.closeAll(before: i); b.openAnnex(number: "", line: i, p); region = .annex }
                case .unit(.annex):
                    if b.isRepeatedAnnexHeading(number: number, line: i) { continue }
                    if region != .body || annexHeadingLooksStandalone(p, r, b) {
                        b.closeAll(before: i); b.openAnnex(number: number, line: i, p); region = .annex
                    }
                case .unit(let level):
                    guard region != .footer else { continue }
                    if region == .annex && level == .part { continue }
                    if level == .article, !b.acceptsArticle(number) { continue }
                    b.openHeading(level, number: number, line: i, p)
                }
                continue
            }
            guard region != .footer else { continue }
            if let number = clauseNumber(p, r), b.acceptsClause(number) {
                b.openItem(.clause, number: number, line: i)
            } else if let letter = pointLetter(p, r), b.acceptsPoint(letter) {
                b.openItem(.point, number: letter, line: i)
            }
        }
    }

    private static let openQuote: [UInt8] = [0xE2, 0x80, 0x9C]
    private static let closeQuote: [UInt8] = [0xE2, 0x80, 0x9D]

    private func startsWithQuote(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        ByteScan.hasPrefix(p, r, Self.openQuote) || (r.count > 0 && p[r.lowerBound] == 0x22)
    }

    /// Opening minus closing quotation marks on a line (straight quotes: +1 when their count is odd
    /// and the line starts with one, -1 when odd otherwise).
    private func quoteDelta(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int {
        var delta = 0, straight = 0
        var i = r.lowerBound
        while i < r.upperBound {
            let c = p[i]
            if c == 0xE2, i + 2 < r.upperBound, p[i + 1] == 0x80 {
                if p[i + 2] == 0x9C { delta += 1 } else if p[i + 2] == 0x9D { delta -= 1 }
                i += 3
                continue
            }
            if c == 0x22 { straight += 1 }
            i += 1
        }
        if straight % 2 == 1 { delta += p[r.lowerBound] == 0x22 ? 1 : -1 }
        return delta
    }

    /// A marker at the start of the line, with the unit number that follows it.
    private func marker(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> (MarkerKind, String)? {
        for m in markers where ByteScan.hasPrefix(p, r, m.bytes) {
            let after = r.lowerBound + m.bytes.count
            switch m.kind {
            case .footer, .attachment:
                return (m.kind, "")
            case .unit(let level):
                if let number = unitNumber(p, after..<r.upperBound, m, level) { return (m.kind, number) }
                // A longer marker that fails ("Phần thứ" without an ordinal) must not hide a shorter one.
                continue
            }
        }
        return nil
    }

    /// The number after a unit marker, or nil when what follows is not a number of the marker's
    /// numbering ("Chương trình", "Mục tiêu", "Điều này").
    private func unitNumber(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ m: Marker, _ level: StructureUnit.Level) -> String? {
        let end = r.upperBound
        var i = r.lowerBound
        if m.ordinal {
            // "thứ nhất:QUY ĐỊNH CHUNG", "THỨ HAI"
            let start = ByteScan.skipSpaces(p, i, end)
            guard start > i || start == i else { return nil }
            var j = start
            while j < end, p[j] != 0x3A /* : */, p[j] != 0x2E /* . */ { j += 1 }
            var k = j
            while k > start, ByteScan.isSpace(p[k - 1]) { k -= 1 }
            guard k > start else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: p[start..<k]), as: UTF8.self)
        }
        guard i < end, p[i] == 0x20 else {
            // "PHỤ LỤC" alone on its line.
            return level == .annex && i == end ? "" : nil
        }
        i = ByteScan.skipSpaces(p, i, end)
        let start = i
        if m.arabic, i < end, ByteScan.isDigit(p[i]) {
            i = ByteScan.digits(p, i, end, limit: 4)
            if level == .article, i < end, ByteScan.isASCIILower(p[i]) { i += 1 }  // Điều 5a
        } else if m.roman, i < end, ByteScan.isRoman(p[i]) {
            while i < end, ByteScan.isRoman(p[i]) { i += 1 }
        } else {
            return level == .annex && start == end ? "" : nil
        }
        let numberEnd = i
        // What may follow a number: end of line, '.', ':', a space (then the title), '-' (annex).
        if i < end {
            let c = p[i]
            if level == .article {
                guard c == 0x2E || c == 0x3A else { return nil }  // "Điều 5." or "Điều 5:"
            } else if !(c == 0x2E || c == 0x3A || c == 0x20 || c == 0x2D || c == 0x2C) {
                return nil
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: p[start..<numberEnd]), as: UTF8.self)
    }

    /// "PHỤ LỤC …" in upper case, or "Phụ lục I" alone or followed by punctuation: a heading,
    /// not a wrapped sentence that starts with "Phụ lục I ban hành kèm theo …".
    private func annexHeadingLooksStandalone(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ b: Builder) -> Bool {
        if p[r.lowerBound] == 0x50 && r.count > 1 && p[r.lowerBound + 1] == 0x48 { return true }  // "PH"
        let text = String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self)
        let words = text.split(separator: " ")
        if words.count <= 3 { return true }
        return false
    }

    /// "1. …", "12. …", "2a. …" → "1", "12", "2a" ("1.1." and "2023." are not clauses).
    private func clauseNumber(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String? {
        let end = r.upperBound
        var i = r.lowerBound
        guard i < end, ByteScan.isDigit(p[i]) else { return nil }
        i = ByteScan.digits(p, i, end, limit: 4)
        guard i - r.lowerBound <= 3 else { return nil }
        if i < end, ByteScan.isASCIILower(p[i]) { i += 1 }
        guard i + 1 < end, p[i] == 0x2E, p[i + 1] == 0x20 else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: p[r.lowerBound..<i]), as: UTF8.self)
    }

    /// "a) …", "đ) …", "a1) …" → "a", "đ", "a1".
    private func pointLetter(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String? {
        let end = r.upperBound
        var i = r.lowerBound
        guard i < end else { return nil }
        if ByteScan.isASCIILower(p[i]) {
            i += 1
        } else if p[i] == 0xC4, i + 1 < end, p[i + 1] == 0x91 {  // đ
            i += 2
        } else {
            return nil
        }
        if i < end, ByteScan.isDigit(p[i]) { i += 1 }
        guard i + 1 < end, p[i] == 0x29, p[i + 1] == 0x20 else { return nil }
        let letter = String(decoding: UnsafeBufferPointer(rebasing: p[r.lowerBound..<i]), as: UTF8.self)
        return Builder.alphabetIndex(letter) != nil ? letter : nil
    }
}
