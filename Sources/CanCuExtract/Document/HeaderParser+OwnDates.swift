import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput

/// What a document says of its own dates and term beyond its header block, read by the header
/// reader for the review stage: the issue date when the header gave none (a "<Place>, ngày …" line
/// further down the header area, the Gazette running header's date, or a consolidated text's
/// closing block), the effective date of its effect clause ("có hiệu lực thi hành kể từ ngày …"),
/// and the last year of its term ("giai đoạn 2022 - 2025"). The phrases and the header's reach
/// are the lexicon's (`rules.tsv`: header_length, effect_clause, effect_clause_words,
/// on_signing, term_marker, gazette_header, gazette_date).
extension HeaderParser {
    /// The rule values the own-date readers use, from one lexicon.
    struct OwnDateRules: Sendable {
        var headerLength: Int
        var effectClause: [UInt8]
        /// Words that may follow the clause, in order; the last one is "từ ngày".
        var effectWords: [[UInt8]]
        var onSigning: [UInt8]
        var termMarker: [UInt8]
        var gazetteHeader: [UInt8]
        var gazetteDate: [UInt8]

        init(lexicon: Lexicon) {
            let rules = lexicon.rules
            func phrase(_ key: String) -> [UInt8] { Array((rules.list(key).first ?? "").utf8) }
            headerLength = rules.int("header_length")
            effectClause = phrase("effect_clause")
            effectWords = rules.list("effect_clause_words").map { Array((" " + $0).utf8) }
            onSigning = Array((" " + (rules.list("on_signing").first ?? "")).utf8)
            termMarker = phrase("term_marker")
            gazetteHeader = phrase("gazette_header")
            gazetteDate = Array(("/" + (rules.list("gazette_date").first ?? "") + " ").utf8)
        }
    }

    /// A document's own issue date, effective date and term end, the header's values first.
    public func ownDates(_ header: DocumentHeader, text: NormalizedText) -> (written: LegalDate?, effective: LegalDate?, termEnd: Int?) {
        let written = header.issued ?? issueDate(text)
        let effective = header.effective ?? effectiveDate(text, issued: written)
        let termEnd = header.symbol == nil ? nil : termEnd(title: header.title, text: header.title == nil ? text : nil)
        return (written, effective, termEnd)
    }

    /// The issue date of the header area's "<Place>, ngày dd tháng mm năm yyyy" line; else the
    /// Gazette running header's date; else, for a consolidated text (văn bản hợp nhất), the last
    /// such line of its closing block.
    func issueDate(_ text: NormalizedText) -> LegalDate? {
        let bytes = text.bytes
        let marker: [UInt8] = Array(", ngày ".utf8)
        let headerLength = ownDateRules.headerLength
        var i = 0
        let limit = min(bytes.count, headerLength)
        while let at = Self.find(marker, in: bytes, from: i, limit: limit) {
            if let date = Self.writtenDate(bytes, at + marker.count) { return date }
            i = at + 1
        }
        if let published = gazetteDate(bytes) { return published }
        guard bytes.count > headerLength else { return nil }
        i = max(headerLength, bytes.count - headerLength)
        var last: LegalDate? = nil
        while let at = Self.find(marker, in: bytes, from: i, limit: bytes.count) {
            if let date = Self.writtenDate(bytes, at + marker.count) { last = date }
            i = at + 1
        }
        return last
    }

    /// The date of a Gazette running header ("CÔNG BÁO/Số 565 + 566/Ngày 28-4-2024"): the day it was
    /// published, on or shortly after its issue date; used when the text gives no date line first.
    func gazetteDate(_ bytes: [UInt8]) -> LegalDate? {
        let rules = ownDateRules
        let limit = min(bytes.count, rules.headerLength)
        guard Self.find(rules.gazetteHeader, in: bytes, from: 0, limit: limit) != nil,
              let at = Self.find(rules.gazetteDate, in: bytes, from: 0, limit: limit) else { return nil }
        return Self.dayDate(bytes, at + rules.gazetteDate.count)?.date
    }

    /// The date of the first "có hiệu lực (thi hành) (kể) từ ngày dd/mm/yyyy | dd tháng mm năm yyyy";
    /// `issued` when the clause says "từ ngày ký".
    func effectiveDate(_ text: NormalizedText, issued: LegalDate?) -> LegalDate? {
        effectiveClause(text, issued: issued)?.date
    }

    /// The date of the effect clause and the normalised byte offset where the clause's words start.
    func effectiveClause(_ text: NormalizedText, issued: LegalDate?) -> (date: LegalDate?, at: Int)? {
        let bytes = text.bytes
        let rules = ownDateRules
        guard let fromDay = rules.effectWords.last else { return nil }
        var i = 0
        while let at = Self.find(rules.effectClause, in: bytes, from: i, limit: bytes.count) {
            var j = at + rules.effectClause.count
            var saysFromDay = false
            for word in rules.effectWords where j + word.count <= bytes.count && bytes[j..<(j + word.count)].elementsEqual(word) {
                j += word.count
                saysFromDay = word == fromDay
            }
            if saysFromDay {
                if let (date, _) = Self.dayDate(bytes, j + 1) { return (date, at) }
                let signing = rules.onSigning
                if j + signing.count <= bytes.count && bytes[j..<(j + signing.count)].elementsEqual(signing) { return (issued, at) }
            }
            i = at + 1
        }
        return nil
    }

    /// The normalised byte offset of the header's number line ("Số: …", "Số …/…"), when the header
    /// area has one.
    func numberLineOffset(_ text: NormalizedText) -> Int? {
        let bytes = text.bytes
        let marker = Array("Số".utf8)
        let limit = min(bytes.count, ownDateRules.headerLength)
        var i = 0
        while let at = Self.find(marker, in: bytes, from: i, limit: limit) {
            var j = at + marker.count
            while j < limit && bytes[j] == 0x20 { j += 1 }
            let lineStart = at == 0 || bytes[at - 1] == 0x0A || bytes[at - 1] == 0x20 || bytes[at - 1] == 0x09 || bytes[at - 1] == 0x7C
            if lineStart, j < limit, bytes[j] == 0x3A || (bytes[j] >= 0x30 && bytes[j] <= 0x39) { return at }
            i = at + 1
        }
        return nil
    }

    /// The last year of a term "giai đoạn yyyy - yyyy" in `title` (or, without a title, in the header).
    func termEnd(title: String?, text: NormalizedText?) -> Int? {
        let bytes: [UInt8]
        if let title { bytes = Array(normalizer.normalize(title).string.utf8) } else if let text {
            bytes = Array(text.bytes.prefix(ownDateRules.headerLength))
        } else { return nil }
        let lower = LowerCase.bytes(bytes)
        let marker = ownDateRules.termMarker
        guard let at = Self.find(marker, in: lower, from: 0, limit: lower.count) else { return nil }
        var j = at + marker.count
        func skipSpaces() { while j < lower.count && lower[j] == 0x20 { j += 1 } }
        skipSpaces()
        guard let first = Self.number(lower, &j), first >= 1900 else { return nil }
        skipSpaces()
        guard j < lower.count, lower[j] == 0x2D else { return nil }
        j += 1
        skipSpaces()
        guard let last = Self.number(lower, &j), last >= first, last < 2200 else { return nil }
        return last
    }

    // MARK: Byte helpers

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, limit: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= limit, start < limit else { return nil }
        return bytes.withUnsafeBufferPointer { p in ByteScan.find(p, start..<limit, needle) }
    }

    /// A digit run of at most 5 digits at `j` (the years of a term; dates are `DateReader`'s).
    static func number(_ bytes: [UInt8], _ j: inout Int) -> Int? {
        var value = 0, digits = 0
        while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39, digits < 5 {
            value = value * 10 + Int(bytes[j] - 0x30); digits += 1; j += 1
        }
        return digits > 0 ? value : nil
    }

    /// The date of a "<Place>, ngày …" line from right after "ngày " (`DateReader.writtenDate`).
    static func writtenDate(_ bytes: [UInt8], _ start: Int) -> LegalDate? {
        bytes.withUnsafeBufferPointer { p in DateReader.writtenDate(p, at: start - 1, .line)?.date }
    }

    /// A date written from its day's numeral at `start` ("24 tháng 01 năm 2019", "24/01/2019",
    /// "28-4-2024", …: `DateReader.day` on a line's spacing) and its end.
    static func dayDate(_ bytes: [UInt8], _ start: Int) -> (date: LegalDate, end: Int)? {
        bytes.withUnsafeBufferPointer { p in
            guard let reading = DateReader.day(p, at: start, .line), let date = reading.date else { return nil }
            return (date, reading.end)
        }
    }
}
