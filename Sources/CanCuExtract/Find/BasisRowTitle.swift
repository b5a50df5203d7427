import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// The title (trích yếu) of a document as a row of a legal-basis table gives it, from the row's
/// title cell: "Thông tư số 101/2020/TT-BTC ngày 23/11/2020 của Bộ trưởng Bộ Tài chính quy định
/// về mức thu …" → "Quy định về mức thu …"; "Nghị quyết số 190/2025/QH15 của Quốc hội: Quy định
/// về …" → "Quy định về …"; "Luật Giá 16/2023/QH15" → "Luật Giá". A cell that repeats the number
/// only, or whose subject cannot be told from the number, date and issuer before it, gives none.
///
/// The words that open a subject are data (`dictionaries/title-openers.tsv`).
struct BasisRowTitle: Sendable {
    /// Lower-case opener words, longest first.
    let openers: [[UInt8]]
    /// Lower-case type names cited by name (Luật, Bộ luật …): a cell naming one is the title.
    let namedTypes: Set<[UInt8]>
    /// Lower-case names of normative types, longest first: a cell that opens with another type
    /// than its row's document describes another document (a shifted row).
    let normativeTypes: [[UInt8]]

    init(lexicon: Lexicon) {
        openers = lexicon.rows("title-openers.tsv").map { Array($0["opener"].lowercased().utf8) }
            .filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        namedTypes = Set(lexicon.rows("type-names.tsv").filter { $0["cited_by_name"] == "yes" }
            .map { Array($0["name"].lowercased().utf8) })
        normativeTypes = lexicon.rows("type-names.tsv").filter { $0.values("category").contains("normative") }
            .map { Array($0["name"].lowercased().utf8) }.sorted { $0.count > $1.count }
    }

    /// The title a cell gives the document of type `type` (normalised cell text), or nil.
    func title(ofCell cell: String, type: String?) -> String? {
        var text = Array(cell.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ").utf8)
        while let last = text.last, last == 0x2E || last == 0x3B || last == 0x2C || last == 0x20 { text.removeLast() }
        guard !text.isEmpty else { return nil }
        let lower = Array(String(decoding: text, as: UTF8.self).lowercased().utf8)
        guard lower.count == text.count else { return nil }
        var start = 0
        // A cell opening with another type describes another document (a shifted row); a row
        // whose code gave no type takes the cell's.
        let opening = normativeTypes.first(where: { Self.hasWord($0, in: lower, at: 0) })
        var typeWord = Array((type ?? "").lowercased().utf8)
        if typeWord.isEmpty, let opening { typeWord = opening }
        if let opening, opening != typeWord { return nil }
        if !typeWord.isEmpty, Self.hasWord(typeWord, in: lower, at: 0) {
            var after = typeWord.count
            while after < lower.count && lower[after] == 0x20 { after += 1 }
            if namedTypes.contains(typeWord), after < text.count, Self.startsUpper(text, at: after) {
                // The document's name ("Luật Giá"), up to its number if the cell repeats it.
                var end = after
                while end < text.count {
                    if text[end] == 0x3B || text[end] == 0x28 { break }
                    if text[end - 1] == 0x20 && ((text[end] >= 0x30 && text[end] <= 0x39) || Self.nameEnds.contains(where: { Self.hasWord($0, in: lower, at: end) })) { break }
                    end += 1
                }
                while end > 0 && text[end - 1] == 0x20 { end -= 1 }
                return Self.finish(text[0..<end])
            }
            if let colon = lower[after...].prefix(160).firstIndex(of: 0x3A) {
                start = colon + 1
            } else if let opener = firstOpener(lower, from: after) {
                start = opener
            } else {
                return nil
            }
        }
        while start < text.count && text[start] == 0x20 { start += 1 }
        // A cell that is only a number ("số 50/2025/TT-NHNN") or nearly empty gives no title.
        let rest = text[start...]
        guard rest.count >= 8, let first = rest.first, !(first >= 0x30 && first <= 0x39),
              !Self.hasWord(Self.number, in: lower, at: start) else { return nil }
        return Self.finish(rest)
    }

    private static let number = Array("số".utf8)
    /// Words after a law's name that start its number or date ("Luật Đất đai ngày 18/01/2024").
    private static let nameEnds = ["số", "ngày", "năm"].map { Array($0.utf8) }

    /// The offset of the first opener word at or after `from`, at a word start.
    private func firstOpener(_ lower: [UInt8], from: Int) -> Int? {
        var i = from
        while i < lower.count {
            if i == from || lower[i - 1] == 0x20 {
                for opener in openers where Self.hasWord(opener, in: lower, at: i) { return i }
            }
            i += 1
        }
        return nil
    }

    /// True when `word` stands at `i` and ends at a word boundary.
    private static func hasWord(_ word: [UInt8], in text: [UInt8], at i: Int) -> Bool {
        guard i + word.count <= text.count, text[i..<(i + word.count)].elementsEqual(word) else { return false }
        let end = i + word.count
        return end == text.count || text[end] == 0x20 || text[end] == 0x2C || text[end] == 0x3A
    }

    private static func startsUpper(_ text: [UInt8], at i: Int) -> Bool {
        let scalar = String(decoding: text[i..<min(text.count, i + 4)], as: UTF8.self).unicodeScalars.first
        return scalar.map { $0.properties.isUppercase } ?? false
    }

    /// The title with its first letter in upper case.
    private static func finish(_ bytes: ArraySlice<UInt8>) -> String? {
        let title = String(decoding: bytes, as: UTF8.self)
        guard let first = title.first else { return nil }
        return first.uppercased() + title.dropFirst()
    }
}
