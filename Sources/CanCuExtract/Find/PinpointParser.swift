import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Reads the pinpoint chain that stands before a citation ("các điểm a, b và c khoản 1 Điều 3",
/// "từ Điều 5 đến Điều 10", "Điều 7, Điều 31, khoản 1 Điều 32") and expands lists and ranges into
/// one `Pinpoint` per unit, smallest unit first as Vietnamese writes them (legal-conventions §5.4):
/// a larger unit that follows distributes over the smaller ones before it that lack it.
struct PinpointParser {
    let lexicon: CitationLexicon

    /// A word of the chain: its lower-case and case-kept text and its start.
    private struct Word { var lower: [UInt8]; var text: String; var start: Int }

    /// The chain that ends at `end` (the citation's first byte): its pinpoints and its start.
    /// Returns nil when no unit stands there.
    func chain(before end: Int, in text: ScanText) -> (pinpoints: [Pinpoint], start: Int)? {
        let l = text.lower
        var words: [Word] = []
        var k = end
        var first = true
        while words.count < 60 {
            while k > 0 && (l[k - 1] == 0x20 || l[k - 1] == 0x2C) { k -= 1 }
            guard k > 0 else { break }
            var s = k
            while s > 0 && l[s - 1] != 0x20 && l[s - 1] != 0x2C && l[s - 1] != 0x28 { s -= 1 }
            let w = Array(l[s..<k])
            if first {
                first = false
                if lexicon.pinpointLinks.contains(w) { k = s; continue }
            }
            guard lexicon.pinpointUnits[w] != nil || lexicon.pinpointJoiners.contains(w) || lexicon.pinpointRanges.contains(w)
                    || isValue(w, original: Array(text.view[s..<k])) else { break }
            words.append(Word(lower: w, text: String(decoding: text.view[s..<k], as: UTF8.self), start: s))
            k = s
            if s > 0 && l[s - 1] == 0x28 { break }
        }
        words.reverse()
        // The chain starts at its first unit (or "các"/"từ" right before one).
        // A unit word followed by no value is an ordinary word ("quy định chi tiết khoản 3 …": "tiết").
        guard let firstUnit = words.indices.first(where: { j in
            lexicon.pinpointUnits[words[j].lower] != nil && j + 1 < words.count && lexicon.pinpointUnits[words[j + 1].lower] == nil
                && !lexicon.pinpointJoiners.contains(words[j + 1].lower) && !lexicon.pinpointRanges.contains(words[j + 1].lower)
        }) else { return nil }
        var startIndex = firstUnit
        if startIndex > 0 && (lexicon.pinpointJoiners.contains(words[startIndex - 1].lower) || lexicon.pinpointRanges.contains(words[startIndex - 1].lower)) {
            startIndex -= 1
        }
        let chainWords = Array(words[startIndex...])
        let pinpoints = expand(chainWords)
        guard !pinpoints.isEmpty else { return nil }
        return (pinpoints, chainWords[0].start)
    }

    /// Point letters, clause and article numbers (5, 5a), Roman numerals of chapters and parts.
    private func isValue(_ w: [UInt8], original: [UInt8]) -> Bool {
        guard !w.isEmpty, w.count <= 6 else { return false }
        if w[0] &- 0x30 < 10 {
            var digits = 0
            while digits < w.count && w[digits] &- 0x30 < 10 { digits += 1 }
            guard digits <= 3 else { return false }
            let rest = w.count - digits
            return rest == 0 || (rest == 1 && w[digits] >= 0x61 && w[digits] <= 0x7A)
        }
        // Roman numerals, written in capitals.
        if original.allSatisfy({ $0 == 0x49 || $0 == 0x56 || $0 == 0x58 || $0 == 0x4C }) { return true }
        if w == [0xC4, 0x91] { return true }  // đ
        if w.count <= 2 && w[0] >= 0x61 && w[0] <= 0x7A && (w.count == 1 || w[1] &- 0x30 < 10) { return original[0] >= 0x61 }
        // Roman numerals, written in capitals.
        return original.allSatisfy { $0 == 0x49 || $0 == 0x56 || $0 == 0x58 || $0 == 0x4C }
    }

    /// Groups of (unit, values) → expanded pinpoints.
    private func expand(_ words: [Word]) -> [Pinpoint] {
        var items: [[Int: String]] = []
        var lastLevel: Int?
        var unit: Int?
        var values: [String] = []
        var rangeFrom: (level: Int, value: String)?
        var inRange = false

        func flush() {
            guard let level = unit, !values.isEmpty else { unit = nil; values = []; return }
            defer { unit = nil; values = [] }
            if level == 0 { return }
            if inRange, let from = rangeFrom, from.level == level, let a = Int(from.value), let b = Int(values[0]), b > a, b - a <= 200,
               let lastIndex = items.lastIndex(where: { $0[level] == from.value }) {
                let template = items[lastIndex]
                for x in (a + 1)...b {
                    var item = template
                    item[level] = String(x)
                    items.append(item)
                }
                inRange = false
                lastLevel = level
                return
            }
            inRange = false
            if let last = lastLevel, level > last {
                for index in items.indices where items[index][level] == nil && (items[index].keys.max() ?? 0) < level {
                    items[index][level] = values[0]
                }
            } else {
                for value in values { items.append([level: value]) }
            }
            rangeFrom = (level, values[values.count - 1])
            lastLevel = level
        }

        for word in words {
            if let level = lexicon.pinpointUnits[word.lower] {
                flush()
                unit = level
            } else if lexicon.pinpointRanges.contains(word.lower) {
                flush()
                if word.lower == Array("đến".utf8) { inRange = true }
            } else if lexicon.pinpointJoiners.contains(word.lower) {
                continue
            } else if unit != nil {
                values.append(word.text)
            }
        }
        flush()
        return items.map { item in
            Pinpoint(part: item[6], chapter: item[5], section: item[4], article: item[3], clause: item[2], point: item[1])
        }
    }
}
