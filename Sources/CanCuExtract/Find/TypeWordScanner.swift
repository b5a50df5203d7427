import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// A document type name in the text ("Nghị định", "Luật", "THÔNG TƯ LIÊN TỊCH"), and for types cited
/// by name the name that follows ("Luật Tổ chức Chính phủ", "Luật sửa đổi, bổ sung … của Luật X").
struct TypeWordHit {
    var start: Int
    var end: Int
    /// Index into `CitationLexicon.typeWords`.
    var word: Int
    /// Written with a capital and then lower case ("Luật"), not all capitals ("LUẬT").
    var capitalised: Bool
    /// For types cited by name: the end of the name, if one follows.
    var nameEnd: Int?
}

/// Finds type names that start with a capital letter (documents are named with a capital:
/// "Nghị định số", "Luật Đất đai"; the lower-case "nghị định" is generic), word-bounded or glued
/// after a table cell ("…16/2024/TT-BCAThông tư"), with any run of spaces between their words.
struct TypeWordScanner {
    let lexicon: CitationLexicon

    func scan(_ text: ScanText) -> [TypeWordHit] {
        var hits: [TypeWordHit] = []
        let v = text.view, l = text.lower
        let n = v.count
        let lead = lexicon.typeWordLeadBytes
        var i = 0
        while i < n {
            // Type words start with a capital, and a capital is where `view` and `lower` differ
            // (at the letter, or at a continuation byte of a Vietnamese capital).
            let k = Self.nextDifference(v, l, from: i)
            guard k < n else { break }
            var s = k
            while s > 0 && v[s] & 0xC0 == 0x80 { s -= 1 }
            if s < i { i = k + 1; continue }
            i = s
            guard lead[Int(l[i])] else { i += 1; continue }
            guard isUpper(v, i) else { i += 1; continue }
            if i > 0 && CitedDate.isLetterByte(v[i - 1]) && v[i - 1] != ScanText.filler {
                // Glued after a table cell: only where a capitalised word starts ("BCAThông").
                let length = v[i] < 0x80 ? 1 : v[i] < 0xE0 ? 2 : 3
                guard i + length < n, isLowerLetter(v, i + length) else { i += 1; continue }
            }
            if let hit = match(at: i, text) {
                hits.append(hit)
                i = hit.nameEnd ?? hit.end
                continue
            }
            i += 1
        }
        return hits
    }

    /// The first index >= `i` where `a` and `b` differ, or the end; eight bytes at a time.
    static func nextDifference(_ a: [UInt8], _ b: [UInt8], from i: Int) -> Int {
        let n = min(a.count, b.count)
        return a.withUnsafeBytes { ra in
            b.withUnsafeBytes { rb in
                var k = i
                while k + 8 <= n {
                    let d = ra.loadUnaligned(fromByteOffset: k, as: UInt64.self) ^ rb.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                    if d != 0 { return k + d.trailingZeroBitCount >> 3 }
                    k += 8
                }
                while k < n && ra[k] == rb[k] { k += 1 }
                return k
            }
        }
    }

    private func isUpper(_ v: [UInt8], _ i: Int) -> Bool {
        let b = v[i]
        if b < 0x80 { return b >= 0x41 && b <= 0x5A }
        guard b >= 0xC0, i + (b < 0xE0 ? 2 : 3) <= v.count else { return false }
        return ScanText.isUpperScalar(v.withUnsafeBufferPointer { decodeScalar($0, i).0 })
    }

    private func isLowerLetter(_ v: [UInt8], _ i: Int) -> Bool {
        let b = v[i]
        if b < 0x80 { return b >= 0x61 && b <= 0x7A }
        guard b >= 0xC0, b != 0xE2, i + (b < 0xE0 ? 2 : 3) <= v.count else { return false }
        let c = v.withUnsafeBufferPointer { decodeScalar($0, i).0 }
        return c >= 0xC0 && c <= 0x1EF9 && !ScanText.isUpperScalar(c)
    }

    private func match(at i: Int, _ text: ScanText) -> TypeWordHit? {
        let l = text.lower
        let n = l.count
        let firstLength = l[i] < 0x80 ? 1 : l[i] < 0xE0 ? 2 : 3
        guard i + firstLength <= n else { return nil }
        for index in lexicon.typeWordsByFirstByte[Int(l[i])] {
            let word = lexicon.typeWords[index]
            var k = i
            var ok = true
            for b in word.lower {
                guard k < n else { ok = false; break }
                if b == 0x20 {
                    guard l[k] == 0x20 else { ok = false; break }
                    while k < n && l[k] == 0x20 { k += 1 }
                } else {
                    guard l[k] == b else { ok = false; break }
                    k += 1
                }
            }
            guard ok else { continue }
            if k < n && CitedDate.isLetterByte(l[k]) && l[k] != ScanText.filler { continue }
            // Capitalised: the second letter is lower case in the source.
            let second = i + firstLength
            let capitalised = second < n && isLowerLetter(text.view, second)
            var hit = TypeWordHit(start: i, end: k, word: index, capitalised: capitalised)
            if word.citedByName && capitalised { hit.nameEnd = nameEnd(after: k, isConstitution: word.name == "Hiến pháp", text) }
            return hit
        }
        return nil
    }

    private func startsWord(_ l: [UInt8], _ k: Int, _ phrase: [UInt8]) -> Bool {
        guard k + phrase.count <= l.count else { return false }
        for m in 0..<phrase.count where l[k + m] != phrase[m] { return false }
        return k + phrase.count == l.count || !CitedDate.isLetterByte(l[k + phrase.count])
    }

    /// The end of the name after a type cited by name, or nil when none follows.
    func nameEnd(after start: Int, isConstitution: Bool, _ text: ScanText) -> Int? {
        if isConstitution { return start }
        let v = text.view, l = text.lower
        let n = v.count
        var k = CitedDate.skip(l, start)
        guard k < n else { return nil }
        // An amending law: "Luật sửa đổi, bổ sung một số điều của Luật X và Luật Y".
        let amending = CitedDate.word(l, "sửa", at: k) != nil
        let firstScalar = v.withUnsafeBufferPointer { decodeScalar($0, k).0 }
        guard amending || ScanText.isUpperScalar(firstScalar) else { return nil }
        let stops = amending ? lexicon.amendNameStops : lexicon.nameStops
        let maxWords = amending ? 40 : 12
        let known = amending ? nil : knownNameEnd(at: k, text)
        var end: Int?
        var words = 0
        while k < n && words < maxWords {
            var e = k
            while e < n {
                let b = l[e]
                if b == 0x20 || b == 0x2C || b == 0x3B || b == 0x2E || b == 0x3A || b == 0x28 || b == 0x29 || b == 0x22
                    || b == 0x3F || b == 0x21 || b == 0xE2 || b == 0x2F || (b &- 0x30 < 10) || b == ScanText.filler { break }
                // A capital glued after a lower-case letter starts the next table cell ("Luật Nuôi con nuôiNghị định").
                if e > k, v[e] != b || b >= 0xC0, isUpper(v, e), isLowerLetter(v, previousScalar(v, e)) { break }
                e += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            }
            e = min(e, n)
            guard e > k else { break }
            let w = Array(l[k..<e])
            if words > 0, let stop = stops.first(where: { startsWord(l, k, $0) }) {
                // In an amending law's name "một số điều" goes on; "số" stops only before a number.
                guard amending && stop == Array("số".utf8) && !(CitedDate.skip(l, k + stop.count) < n && l[CitedDate.skip(l, k + stop.count)] &- 0x30 < 10) else { break }
            }
            if words > 0 && !amending {
                // A type name inside a plain name starts another citation ("Luật A, Luật B").
                let c = v.withUnsafeBufferPointer { decodeScalar($0, k).0 }
                if ScanText.isUpperScalar(c), let _ = lexicon.typeWords.first(where: { $0.lower == w && $0.citedByName }) { break }
            }
            words += 1
            end = e
            guard e < n else { break }
            let b = l[e]
            if b == 0x2C && amending { k = CitedDate.skip(l, e + 1); continue }
            guard b == 0x20 else { break }
            let next = CitedDate.skip(l, e)
            if next < n, paragraphBreak(e..<next, before: next, text) { break }
            k = next
        }
        if let known, known > (end ?? 0) { return known }
        return end
    }

    /// The start of the scalar before `i`.
    private func previousScalar(_ v: [UInt8], _ i: Int) -> Int {
        var s = i - 1
        while s > 0 && v[s] & 0xC0 == 0x80 { s -= 1 }
        return s
    }

    /// The spaces `gap` hold a paragraph break: an empty line, or a line break before a list item
    /// ("1.", "a)", "-", "+") or an article heading ("Điều 5").
    private func paragraphBreak(_ gap: Range<Int>, before next: Int, _ text: ScanText) -> Bool {
        let o = text.original
        var breaks = 0
        for m in gap where o[m] == 0x0A { breaks += 1 }
        guard breaks > 0 else { return false }
        if breaks > 1 { return true }
        let l = text.lower
        let b = l[next]
        if b == 0x2D || b == 0x2B || b == 0x2A { return true }
        var e = next
        while e < l.count && e - next < 3 && ((l[e] &- 0x30 < 10) || (l[e] >= 0x61 && l[e] <= 0x7A)) { e += 1 }
        if e > next, e < l.count, l[e] == 0x2E || l[e] == 0x29 { return true }
        guard let e = CitedDate.word(l, "điều", at: next), next + 1 < l.count, text.view[next + 1] != l[next + 1] else { return false }
        let m = CitedDate.skip(l, e)
        return m < l.count && l[m] &- 0x30 < 10
    }

    /// The end of the longest known name (`CitationLexicon.knownNames`) written at `k`, words
    /// separated by any run of spaces; nil when none is.
    private func knownNameEnd(at k: Int, _ text: ScanText) -> Int? {
        let l = text.lower
        let n = l.count
        var e = k
        while e < n && l[e] != 0x20 && l[e] != 0x2C { e += 1 }
        guard e > k, let names = lexicon.knownNames[Array(l[k..<e])] else { return nil }
        for name in names {
            guard let m = CitedDate.spacedWords(l, name, at: k, before: n),
                  m == n || !CitedDate.isLetterByte(l[m]) || l[m] == ScanText.filler || text.view[m] != l[m] else { continue }
            return m
        }
        return nil
    }
}
