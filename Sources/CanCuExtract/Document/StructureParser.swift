import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Finds a document's structure — Phần, Chương, Mục, Tiểu mục, Điều, khoản, điểm, the footer
/// (Nơi nhận, signature, adoption line) and annexes (Phụ lục) — by scanning the lines of the
/// normalised bytes (legal-conventions.md §5.4–5.7; markers in `dictionaries/structure-markers.tsv`).
///
/// Spans follow the gold trees of `../shared/corpus/codes`: `source` is the whole unit; `body` is,
/// for Phần, Chương, Mục, Tiểu mục and Điều, the text after the heading line(s); for khoản and điểm
/// it is the unit's own line when the unit is one line, else the text after its first line.
/// Quoted amendment text (“Điều 5. …” inside an article) creates no headings and a line that starts
/// with a quotation mark is never a unit; the "1. …" and "a) …" lines inside a quotation are khoản
/// and điểm marked `quoted` (the gold trees count them). Khoản and điểm
/// exist only inside an Điều, so the outlines of a Kế hoạch or Báo cáo (I., 1., a), -, +) are not units.
///
/// ```swift
/// let units = StructureParser(lexicon: .builtIn).parse(text)
/// units.first?.level   // .chapter
/// ```
package struct StructureParser: Sendable {
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
        text.bytes.withUnsafeBufferPointer { p in
            var builder = Builder(text: text, lines: splittingSeveralPoints(p, lines, text))
            scan(p, &builder)
            return builder.finish()
        }
    }

    // MARK: Scanning

    private enum Region { case body, footer, annex }

    private func scan(_ p: UnsafeBufferPointer<UInt8>, _ b: inout Builder) {
        var region = Region.body
        var quoteBalance = 0
        for i in b.lines.indices {
            let r = b.lines[i].range
            // Quoted amendment text: from a line that opens a quotation until it is closed. Its
            // headings are not units; its "1. …" and "a) …" lines are quoted khoản and điểm of the
            // enclosing article, as in the gold trees.
            if quoteBalance > 0 {
                quoteBalance += quoteDelta(p, r)
                if quoteBalance < 0 { quoteBalance = 0 }
                guard region != .footer, !startsWithQuote(p, r) else { continue }
                if let number = clauseNumber(p, r), b.acceptsQuotedClause(number) {
                    b.openItem(.clause, number: number, line: i, quoted: true)
                } else if let letter = pointLetter(p, r), b.acceptsQuotedPoint(letter) {
                    b.openItem(.point, number: letter, line: i, quoted: true)
                }
                continue
            }
            if startsWithQuote(p, r) {
                quoteBalance = max(0, quoteDelta(p, r))
                continue
            }
            if let (kind, number, bare) = marker(p, r) {
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
                    // The old form "Điều 5 Tên điều" only where it continues the article sequence and
                    // stands after the end of a sentence or a heading (not a wrapped "… tại⏎Điều 5 Luật …").
                    if bare, !(b.continuesArticles(number) && (i == 0 || endsBlock(p, i - 1, b))) { continue }
                    b.openHeading(level, number: number, line: i, p)
                }
                continue
            }
            guard region != .footer else { continue }
            if let number = clauseNumber(p, r), b.acceptsClause(number) {
                b.openItem(.clause, number: number, line: i)
            } else if let letter = pointLetter(p, r), b.acceptsPoint(letter, afterColon: i > 0 && endsWithColon(p, b.lines[i - 1].range)) {
                b.openItem(.point, number: letter, line: i)
            }
        }
    }

    private func endsWithColon(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        p[r.upperBound - 1] == 0x3A
    }

    // MARK: Several điểm on one line

    /// The lines, with each line that holds several điểm in sequence ("b) …; c) …; d) …") cut
    /// into one piece per điểm: a piece ends after its ';' and the next starts at the letter that
    /// follows the previous one in the alphabet. Other text with ") " is never cut.
    private func splittingSeveralPoints(_ p: UnsafeBufferPointer<UInt8>, _ lines: [TextSpan], _ text: NormalizedText) -> [TextSpan] {
        var out: [TextSpan]? = nil
        for (index, line) in lines.enumerated() {
            var pieces: [Range<Int>] = []
            if let letter = pointLetter(p, line.range), var k = Builder.alphabetIndex(letter), letter.count == 1 || letter == "đ" {
                var start = line.range.lowerBound
                var j = start
                let end = line.range.upperBound
                while j < end, k + 1 < Builder.alphabet.count {
                    if p[j] == 0x3B /* ; */, let next = pointAfter(p, j + 1, end, Builder.alphabetBytes[k + 1]) {
                        pieces.append(start..<j + 1)
                        start = next
                        j = next
                        k += 1
                        continue
                    }
                    j += 1
                }
                if !pieces.isEmpty { pieces.append(start..<end) }
            }
            if pieces.isEmpty {
                out?.append(line)
                continue
            }
            if out == nil { out = Array(lines[..<index]) }
            for piece in pieces { out?.append(TextSpan(range: piece, source: text.sourceRange(ofBytes: piece))) }
        }
        return out ?? lines
    }

    /// The offset of "x) " after the spaces at `i` when x is `letter`, or nil.
    private func pointAfter(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ letter: [UInt8]) -> Int? {
        let at = ByteScan.skipSpaces(p, i, end)
        guard at > i, at + letter.count + 1 < end else { return nil }
        for (o, byte) in letter.enumerated() where p[at + o] != byte { return nil }
        let close = at + letter.count
        return p[close] == 0x29 && p[close + 1] == 0x20 ? at : nil
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
    /// `bare` is true for an article number followed by its title without '.' or ':' ("Điều 5 Tên").
    private func marker(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> (MarkerKind, String, bare: Bool)? {
        for m in markers where ByteScan.hasPrefix(p, r, m.bytes) {
            let after = r.lowerBound + m.bytes.count
            switch m.kind {
            case .footer, .attachment:
                return (m.kind, "", false)
            case .unit(let level):
                if let (number, bare) = unitNumber(p, after..<r.upperBound, m, level) { return (m.kind, number, bare) }
                // A longer marker that fails ("Phần thứ" without an ordinal) must not hide a shorter one.
                continue
            }
        }
        return nil
    }

    /// The number after a unit marker, or nil when what follows is not a number of the marker's
    /// numbering ("Chương trình", "Mục tiêu", "Điều này").
    private func unitNumber(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ m: Marker, _ level: StructureUnit.Level) -> (String, bare: Bool)? {
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
            return (String(decoding: UnsafeBufferPointer(rebasing: p[start..<k]), as: UTF8.self), false)
        }
        guard i < end, p[i] == 0x20 else {
            // "PHỤ LỤC" alone on its line.
            return level == .annex && i == end ? ("", false) : nil
        }
        i = ByteScan.skipSpaces(p, i, end)
        let start = i
        if m.arabic, i < end, ByteScan.isDigit(p[i]) {
            i = ByteScan.digits(p, i, end, limit: 4)
            if level == .article, i < end, ByteScan.isASCIILower(p[i]) { i += 1 }  // Điều 5a
        } else if m.roman, i < end, ByteScan.isRoman(p[i]) {
            while i < end, ByteScan.isRoman(p[i]) { i += 1 }
        } else {
            return level == .annex && start == end ? ("", false) : nil
        }
        let numberEnd = i
        let number = String(decoding: UnsafeBufferPointer(rebasing: p[start..<numberEnd]), as: UTF8.self)
        // What may follow a number: end of line, '.', ':', a space (then the title), '-' (annex).
        if i < end {
            let c = p[i]
            if level == .article {
                if c == 0x2E || c == 0x3A { return (number, false) }  // "Điều 5." or "Điều 5:"
                // "Điều 5 Tên điều": a title in capitals after one space.
                guard c == 0x20, i + 1 < end, startsUpperCase(p, i + 1..<end) else { return nil }
                return (number, true)
            } else if !(c == 0x2E || c == 0x3A || c == 0x20 || c == 0x2D || c == 0x2C) {
                return nil
            }
        }
        return (number, false)
    }

    /// True when the text at `r` starts with an upper-case letter (Vietnamese too).
    private func startsUpperCase(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        let c = p[r.lowerBound]
        if c < 0x80 { return ByteScan.isASCIIUpper(c) }
        let head = String(decoding: UnsafeBufferPointer(rebasing: p[r.lowerBound..<min(r.upperBound, r.lowerBound + 4)]), as: UTF8.self)
        return head.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
    }

    /// True when line `index` ends a sentence or a heading: its last character is one of . ; : ! ? ) ”,
    /// it is in upper case, or it is the last line of the heading just opened.
    private func endsBlock(_ p: UnsafeBufferPointer<UInt8>, _ index: Int, _ b: Builder) -> Bool {
        let r = b.lines[index].range
        let last = p[r.upperBound - 1]
        if last == 0x2E || last == 0x3B || last == 0x3A || last == 0x21 || last == 0x3F || last == 0x29 { return true }
        if r.count >= 3, p[r.upperBound - 3] == 0xE2, p[r.upperBound - 2] == 0x80, p[r.upperBound - 1] == 0x9D { return true }
        if b.headingEnds(at: index) { return true }
        return ByteScan.isUpperCaseLine(b.text.text(ofBytes: r))
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
