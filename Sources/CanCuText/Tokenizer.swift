import CanCuModel
import CICU

/// Word, sentence and line segmentation with the system ICU (`vi` rules), on normalised text.
///
/// Sentences do not break after the abbreviations of `dictionaries/sentence-abbreviations.tsv`
/// ("Tp.", "TS.", "KT.", …). Lines are kept as their own spans, since "Điều 5.", "1.", "a)" and
/// "Căn cứ" lines carry structure.
///
/// ```swift
/// let text = Normalizer.standard.normalize("Căn cứ Luật số 64/2025/QH15;")
/// Tokenizer.standard.words(text).map { text.text(ofBytes: $0.range) }
/// // ["Căn", "cứ", "Luật", "số", "64", "/", "2025", "/", "QH15", ";"]
/// ```
public struct Tokenizer: Sendable {
    /// Abbreviations (with their final dot) after which a sentence goes on.
    let abbreviations: Set<[UInt8]>
    let locale: String
    /// Every byte through ICU's iterators, without the fast path: the reference that tests hold
    /// the fast path to (same tokens, kinds, offsets and sentences).
    package var icuOnly = false

    /// A tokenizer that goes on after these abbreviations (with their final dot: "Tp.", "TS.").
    public init(abbreviations: [String], locale: String = "vi") {
        self.abbreviations = Set(abbreviations.map { Array($0.utf8) }.filter { !$0.isEmpty })
        self.locale = locale
    }

    /// The word-break tokens of `text`.
    public func words(_ text: NormalizedText) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.bytes.count / 4)
        forEachWord(text) { tokens.append($0) }
        return tokens
    }

    /// Calls `body` with each word-break token in order, in batches (memory stays bounded).
    public func forEachWord(_ text: NormalizedText, _ body: (Token) -> Void) {
        forEachWord(text, chunkBytes: 0, body)
    }

    /// As `forEachWord(_:_:)`, with ICU fed chunks of about `chunkBytes` (0: the default 64 KiB).
    func forEachWord(_ text: NormalizedText, chunkBytes: Int, _ body: (Token) -> Void) {
        let n = text.bytes.count
        if n == 0 { return }
        let capacity = 4096
        // Normalised byte offsets, then normalised scalar offsets, starts at even indices.
        var bytes = [Int64](repeating: 0, count: 2 * capacity)
        var scalars = [Int64](repeating: 0, count: 2 * capacity)
        var kinds = [UInt8](repeating: 0, count: capacity)
        var offsets = [Int](repeating: 0, count: 2 * capacity)
        // Unchanged text: the source scalar offsets are the normalised ones, counted by ICU's side.
        let unchanged = text.isUnchanged
        text.bytes.withUnsafeBufferPointer { p in
            guard let iterator = cicu_words_open(p.baseAddress, Int64(n), locale, Int64(chunkBytes)) else { return }
            defer { cicu_break_close(iterator) }
            if icuOnly { cicu_break_set_icu_only(iterator, 1) }
            bytes.withUnsafeMutableBufferPointer { b in
                scalars.withUnsafeMutableBufferPointer { s in
                    kinds.withUnsafeMutableBufferPointer { k in
                        offsets.withUnsafeMutableBufferPointer { o in
                            let b0 = b.baseAddress!, s0 = s.baseAddress!
                            while true {
                                let count = Int(cicu_words_next(iterator, b0, b0 + capacity, s0, s0 + capacity, k.baseAddress!, Int32(capacity)))
                                if count == 0 { break }
                                if unchanged {
                                    for i in 0..<count { o[2 * i] = Int(s[i]); o[2 * i + 1] = Int(s[capacity + i]) }
                                } else {
                                    for i in 0..<count { o[2 * i] = Int(b[i]); o[2 * i + 1] = Int(b[capacity + i]) }
                                    text.mapToSource(UnsafeMutableBufferPointer(rebasing: o[0..<(2 * count)]))
                                }
                                for i in 0..<count {
                                    let kind: Token.Kind
                                    switch k[i] {
                                    case 1: kind = .word
                                    case 2: kind = .number
                                    case 3: kind = .punctuation
                                    default: kind = .symbol
                                    }
                                    let start = o[2 * i]
                                    body(Token(kind: kind, range: Int(b[i])..<Int(b[capacity + i]), source: start..<max(start, o[2 * i + 1])))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Counts tokens without building them (the fast statistics path).
    public func countWords(_ text: NormalizedText) -> Int {
        let n = text.bytes.count
        if n == 0 { return 0 }
        if icuOnly {
            var count = 0
            forEachWord(text) { _ in count += 1 }
            return count
        }
        let count = text.bytes.withUnsafeBufferPointer { p in
            cicu_count_words(p.baseAddress, Int64(n), locale)
        }
        return max(0, Int(count))
    }

    /// The sentences of `text`, trimmed of surrounding white space; empty ones are dropped.
    public func sentences(_ text: NormalizedText) -> [TextSpan] {
        sentences(text, chunkBytes: 0)
    }

    /// As `sentences(_:)`, with ICU fed chunks of about `chunkBytes` cut after line feeds.
    func sentences(_ text: NormalizedText, chunkBytes: Int) -> [TextSpan] {
        var spans: [TextSpan] = []
        var cursor = text.cursor()
        forEachSentence(text, chunkBytes: chunkBytes) { range in
            spans.append(TextSpan(range: range, source: cursor.sourceRange(ofBytes: range)))
        }
        return spans
    }

    /// The number of sentences (fast path: no source offsets).
    public func countSentences(_ text: NormalizedText) -> Int {
        var count = 0
        forEachSentence(text, chunkBytes: 0) { _ in count += 1 }
        return count
    }

    /// Calls `body` with the normalised byte range of each sentence, trimmed, in order.
    private func forEachSentence(_ text: NormalizedText, chunkBytes: Int, _ body: (Range<Int>) -> Void) {
        let n = text.bytes.count
        if n == 0 { return }
        let capacity = 1024
        var ends = [Int64](repeating: 0, count: capacity)
        text.bytes.withUnsafeBufferPointer { p in
            guard let iterator = cicu_sentences_open(p.baseAddress, Int64(n), locale, Int64(chunkBytes)) else { return }
            defer { cicu_break_close(iterator) }
            if icuOnly { cicu_break_set_icu_only(iterator, 1) }
            var start = 0
            // The last end seen: it closes a sentence once another piece follows it.
            var pending: Int?
            while true {
                let count = Int(cicu_sentences_next(iterator, &ends, Int32(capacity)))
                if count == 0 { break }
                for k in 0..<count {
                    if let end = pending {
                        // An abbreviation or a structure label at the end of a piece glues it to the next one.
                        if !(endsWithAbbreviation(p, start: start, end: end) || isStructureLabel(p, start: start, end: end)) {
                            if let range = trimmed(p, start..<end) { body(range) }
                            start = end
                        }
                    }
                    pending = Int(ends[k])
                }
            }
            if let end = pending, let range = trimmed(p, start..<end) { body(range) }
        }
    }

    /// The lines of `text` (without their line break); empty lines are dropped.
    public func lines(_ text: NormalizedText) -> [TextSpan] {
        lines(text, in: 0..<text.bytes.count)
    }

    /// The lines that start inside `range` (normalised bytes, which should begin at a line start).
    public func lines(_ text: NormalizedText, in range: Range<Int>) -> [TextSpan] {
        var spans: [TextSpan] = []
        var cursor = text.cursor()
        forEachLine(text, in: range) { line in
            spans.append(TextSpan(range: line, source: cursor.sourceRange(ofBytes: line)))
        }
        return spans
    }

    /// The number of non-empty lines (fast path: no source offsets).
    public func countLines(_ text: NormalizedText) -> Int {
        var count = 0
        forEachLine(text, in: 0..<text.bytes.count) { _ in count += 1 }
        return count
    }

    /// Calls `body` with the normalised byte range of each non-empty line starting in `range`,
    /// trimmed, in order.
    private func forEachLine(_ text: NormalizedText, in range: Range<Int>, _ body: (Range<Int>) -> Void) {
        text.bytes.withUnsafeBufferPointer { whole in
            let p = UnsafeBufferPointer(rebasing: whole[0..<range.upperBound])
            var start = range.lowerBound
            var i = range.lowerBound
            while i <= p.count {
                if i < p.count, let next = Self.nextLineBreak(p, from: i) { i = next } else { i = p.count }
                if i == p.count || p[i] == 0x0A || p[i] == 0x0D {
                    if let line = trimmed(p, start..<i) { body(line) }
                    if i < p.count && p[i] == 0x0D && i + 1 < p.count && p[i + 1] == 0x0A { i += 1 }
                    start = i + 1
                }
                i += 1
            }
        }
    }

    /// `range` without the white space around it, or nil when nothing is left.
    @inline(__always)
    private func trimmed(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var a = range.lowerBound, b = range.upperBound
        while a < b, isSpace(p[a]) { a += 1 }
        while b > a, isSpace(p[b - 1]) { b -= 1 }
        return a < b ? a..<b : nil
    }

    /// The offset of the next CR or LF at or after `i`, or nil (memchr-speed scan).
    @inline(__always)
    private static func nextLineBreak(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        var j = i
        while j < p.count {
            let b = p[j]
            if b == 0x0A || b == 0x0D { return j }
            j += 1
        }
        return nil
    }

    @inline(__always) private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C }

    /// True when the piece is only a structure label ending in a dot ("Điều 5.", "Chương II.",
    /// "1.", "2.3."), which heads the text after it on the same line.
    private func isStructureLabel(_ p: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        var a = start, b = end
        while a < b, isSpace(p[a]) { a += 1 }
        while b > a, p[b - 1] == 0x20 || p[b - 1] == 0x09 { b -= 1 }
        if b < end, p[b] == 0x0A || p[b] == 0x0D { return false }
        guard b - a >= 2, b - a <= 24, p[b - 1] == 0x2E else { return false }
        // The label's number: digits, dots, or Roman numerals, optionally with one letter (5a).
        var i = b - 1
        while i > a, p[i - 1] != 0x20 { i -= 1 }
        let number = p[i..<(b - 1)]
        guard let first = number.first, (0x30...0x39).contains(first) || "IVXLC".utf8.contains(first) else { return false }
        guard number.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2E || "IVXLCabcdđ".utf8.contains($0) }) else { return false }
        if i == a { return true }
        let word = Array(p[a..<(i - 1)])
        return Self.structureWords.contains(word)
    }

    private static let structureWords: Set<[UInt8]> = Set(["Điều", "Chương", "Mục", "Phần", "Tiểu mục", "Phụ lục", "ĐIỀU", "CHƯƠNG", "MỤC", "PHẦN", "PHỤ LỤC"].map { Array($0.utf8) })

    /// True when the text before `end` (trailing spaces aside) ends with a known abbreviation that
    /// stands at a word start, and no line break follows it.
    private func endsWithAbbreviation(_ p: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        var b = end
        while b > start, p[b - 1] == 0x20 || p[b - 1] == 0x09 { b -= 1 }
        if b < end, b < p.count, p[b] == 0x0A || p[b] == 0x0D { return false }
        if end > 0, p[end - 1] == 0x0A || p[end - 1] == 0x0D { return false }
        var a = b
        while a > start, !isSpace(p[a - 1]), p[a - 1] != 0x28 /* ( */ { a -= 1 }
        guard a < b else { return false }
        return abbreviations.contains(Array(p[a..<b]))
    }
}
