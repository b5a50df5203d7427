import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Small scans of a document's own header and final provisions, used until (and besides) the
/// header stage: the date line ("Hà Nội, ngày 24 tháng 01 năm 2019"), the effect clause ("có
/// hiệu lực thi hành kể từ ngày …") and the term of a time-bound document ("giai đoạn 2022 -
/// 2025"). All work on normalised bytes. The document's own number is the header reader's
/// (`HeaderParser`, `DocumentHeader.symbol`).
package enum HeaderScan {
    /// How far into a document its header is looked for, by default (the built-in `rules.tsv`'s
    /// header_length; a lexicon's own is passed in by the review stages that have one).
    public static let headerLength = Lexicon.builtIn.rules.int("header_length")

    /// The ISO issue date of the header's "<Place>, ngày dd tháng mm năm yyyy" line; a consolidated
    /// text (văn bản hợp nhất) has it in its closing block instead, so the end is looked at next
    /// (its last such line).
    public static func issueDate(_ text: NormalizedText, headerLength: Int = headerLength) -> String? {
        let bytes = text.bytes
        let marker: [UInt8] = Array(", ngày ".utf8)
        var i = 0
        let limit = min(bytes.count, headerLength)
        while let at = find(marker, in: bytes, from: i, limit: limit) {
            if let date = writtenDate(bytes, at + marker.count) { return date.iso }
            i = at + 1
        }
        if let published = gazetteDate(bytes, headerLength: headerLength) { return published }
        guard bytes.count > headerLength else { return nil }
        i = max(headerLength, bytes.count - headerLength)
        var last: String? = nil
        while let at = find(marker, in: bytes, from: i, limit: bytes.count) {
            if let date = writtenDate(bytes, at + marker.count) { last = date.iso }
            i = at + 1
        }
        return last
    }

    /// The date of a Gazette running header ("CÔNG BÁO/Số 565 + 566/Ngày 28-4-2024"): the day it was
    /// published, on or shortly after its issue date; used when the text gives no date line first.
    static func gazetteDate(_ bytes: [UInt8], headerLength: Int = headerLength) -> String? {
        let limit = min(bytes.count, headerLength)
        guard find(Array("CÔNG BÁO/".utf8), in: bytes, from: 0, limit: limit) != nil else { return nil }
        let marker: [UInt8] = Array("/Ngày ".utf8)
        guard let at = find(marker, in: bytes, from: 0, limit: limit) else { return nil }
        return dayDate(bytes, at + marker.count)?.date.iso
    }

    /// The ISO date of the first "có hiệu lực (thi hành) (kể) từ ngày dd/mm/yyyy | dd tháng mm năm yyyy";
    /// `issued` when the clause says "từ ngày ký".
    public static func effectiveDate(_ text: NormalizedText, issued: String?) -> String? {
        let bytes = text.bytes
        let marker: [UInt8] = Array("có hiệu lực".utf8)
        var i = 0
        while let at = find(marker, in: bytes, from: i, limit: bytes.count) {
            var j = at + marker.count
            var fromDay = false
            for word in [" thi hành", " kể", " từ ngày"] {
                let w = Array(word.utf8)
                if j + w.count <= bytes.count && bytes[j..<(j + w.count)].elementsEqual(w) {
                    j += w.count
                    fromDay = word == " từ ngày"
                }
            }
            if fromDay {
                if let (date, _) = dayDate(bytes, j + 1) { return date.iso }
                let ky = Array(" ký".utf8)
                if j + ky.count <= bytes.count && Array(bytes[j..<(j + ky.count)]) == ky { return issued }
            }
            i = at + 1
        }
        return nil
    }

    /// The last year of a term "giai đoạn yyyy - yyyy" in `title` (or, without a title, in the header).
    public static func termEnd(title: String?, text: NormalizedText?, headerLength: Int = headerLength) -> Int? {
        let bytes: [UInt8]
        if let title { bytes = Array(Normalizer.standard.normalize(title).string.utf8) } else if let text {
            bytes = Array(text.bytes.prefix(headerLength))
        } else { return nil }
        let lower = LowerCase.bytes(bytes)
        let marker: [UInt8] = Array("giai đoạn".utf8)
        guard let at = find(marker, in: lower, from: 0, limit: lower.count) else { return nil }
        var j = at + marker.count
        func skipSpaces() { while j < lower.count && lower[j] == 0x20 { j += 1 } }
        skipSpaces()
        guard let first = number(lower, &j), first >= 1900 else { return nil }
        skipSpaces()
        guard j < lower.count, lower[j] == 0x2D else { return nil }
        j += 1
        skipSpaces()
        guard let last = number(lower, &j), last >= first, last < 2200 else { return nil }
        return last
    }

    // MARK: Byte helpers

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, limit: Int) -> Int? {
        guard let first = needle.first, needle.count <= limit else { return nil }
        var i = start
        while i + needle.count <= limit {
            if bytes[i] == first {
                var k = 1
                while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
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
