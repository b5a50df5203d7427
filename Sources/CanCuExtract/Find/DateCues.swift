import CanCuModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CanCuText
import CanCuLexicon
import CanCuInput
/// The cue phrases of `dictionaries/date-cues.tsv`, lower-cased UTF-8 (diacritics kept) for matching: what gives a date its
/// role, which words before a date cite a document, and which phrases end a period.
struct DateCues: Sendable {
    /// Where a cue stands relative to the date (see the file's header comment).
    enum Position: String, Sendable {
        case before, near, after, anchor, column
    }

    /// One role cue, in file order.
    struct Cue: Sendable {
        var role: DateMention.Role
        /// Lower case with diacritics, UTF-8 ("từ ngày" must not match "điện tử ngày").
        var text: [UInt8]
        var position: Position
        /// A time frame ("trong tháng"): a deadline unless it opens its clause and a comma follows the date.
        var frame = false
    }

    /// Role cues in file order (first match wins), without the anchors and columns.
    var roleCues: [Cue] = []
    /// Lower-case UTF-8 type words that cite a document when capitalised ("luật", "nghị định"), longest first.
    var anchors: [[UInt8]] = []
    /// Lower-case table column headers whose cells are deadlines.
    var columns: [String] = []
    /// Lower-case UTF-8 phrases after which a year ends a period ("định hướng đến"), longest first.
    var periodEnds: [[UInt8]] = []
    /// Lower-case UTF-8 phrases before the document's own adoption date ("thông qua").
    var adoptions: [[UInt8]] = []
    /// The role of the first `column` row (deadline in the shipped file).
    var columnRole: DateMention.Role = .deadline

    init(lexicon: Lexicon) {
        for row in lexicon.rows("date-cues.tsv") {
            let folded = Folding.fold(row["cue"])
            let lower = row["cue"].lowercased()
            guard !folded.isEmpty, let position = Position(rawValue: row["position"]) else { continue }
            if row["role"] == "period_end" { periodEnds.append(Array(lower.utf8)); continue }
            if row["role"] == "adoption" { adoptions.append(Array(lower.utf8)); continue }
            let frame = row["role"] == "frame"
            guard let role = frame ? .deadline : DateMention.Role(rawValue: row["role"]) else { continue }
            switch position {
            case .anchor: anchors.append(Array(lower.utf8))
            case .column: columns.append(lower); columnRole = role
            default: roleCues.append(Cue(role: role, text: Array(lower.utf8), position: position, frame: frame))
            }
        }
        anchors.sort { $0.count > $1.count }
        periodEnds.sort { $0.count > $1.count }
    }

    /// The date words that may stand between a cue and the numerals.
    static let dateWords: [[UInt8]] = ["ngày", "tháng", "năm", "quý"].map { Array($0.utf8) }

    /// Whether lower-case UTF-8 `window` (text before a date's numerals) ends with `cue`,
    /// directly or before one trailing date word ("chậm nhất ngày").
    static func windowEnds(_ w: ArraySlice<UInt8>, with cue: [UInt8]) -> Bool {
        let t = trimEnd(w)
        if endsWithWord(t, cue) { return true }
        guard let space = t.lastIndex(where: { TemporalScan.isSpace($0) }) else { return false }
        let last = t[(space + 1)...]
        guard dateWords.contains(where: { $0.elementsEqual(last) }) else { return false }
        return endsWithWord(trimEnd(t[..<space]), cue)
    }

    /// A window trimmed once, with and without its trailing date word, for many `before` cues.
    struct Ends {
        var full: ArraySlice<UInt8>
        var beforeDateWord: ArraySlice<UInt8>?

        init(_ w: ArraySlice<UInt8>) {
            full = trimEnd(w)
            if let space = full.lastIndex(where: { TemporalScan.isSpace($0) }),
               DateCues.dateWords.contains(where: { $0.elementsEqual(full[(space + 1)...]) }) {
                beforeDateWord = trimEnd(full[..<space])
            }
        }

        func match(_ cue: [UInt8]) -> Bool {
            endsWithWord(full, cue) || (beforeDateWord.map { endsWithWord($0, cue) } ?? false)
        }
    }

    /// Trailing spaces, colons and commas removed.
    static func trimEnd(_ w: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var e = w.endIndex
        while e > w.startIndex, TemporalScan.isSpace(w[e - 1]) || w[e - 1] == 0x3A || w[e - 1] == 0x2C { e -= 1 }
        return w[w.startIndex..<e]
    }

    /// `w` ends with `cue` and the byte before it does not continue a word.
    static func endsWithWord(_ w: ArraySlice<UInt8>, _ cue: [UInt8]) -> Bool {
        let count = cue.count
        guard w.count >= count else { return false }
        let from = w.endIndex - count
        let equal = cue.withUnsafeBufferPointer { q in
            var k = count - 1
            while k >= 0 && w[from + k] == q[k] { k -= 1 }
            return k < 0
        }
        guard equal else { return false }
        let before = w.endIndex - cue.count - 1
        return before < w.startIndex || !(TemporalScan.isWordByte(w[before]) || TemporalScan.isDigit(w[before]))
    }

    /// Where `cue` occurs in `w`, if it does (the first place; its first byte found by `memchr`).
    static func find(_ cue: [UInt8], in w: ArraySlice<UInt8>) -> Int? {
        guard let first = cue.first, w.count >= cue.count else { return nil }
        let count = cue.count
        return w.withUnsafeBufferPointer { h in
            cue.withUnsafeBufferPointer { q in
                guard let hb = h.baseAddress else { return nil }
                var i = 0
                let last = h.count - count  // the last place the cue can start
                while i <= last {
                    guard let hit = memchr(hb + i, Int32(first), last - i + 1) else { return nil }
                    i = UnsafeRawPointer(hit) - UnsafeRawPointer(hb)
                    var k = 1
                    while k < count && h[i + k] == q[k] { k += 1 }
                    if k == count { return w.startIndex + i }
                    i += 1
                }
                return nil
            }
        }
    }
}
