import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// The bytes the citation scanner reads: the normalised text with the same length and offsets,
/// where line breaks and tabs are spaces, page furniture (Gazette running headers, page numbers,
/// signature stamps, table headers repeated on every page) and the "Nơi nhận" footer (the
/// recipient list, up to its "- Lưu" line or the next part: a form, an annex, a new header) are blanked,
/// and homoglyphs (Cyrillic `Т`, `С`) become their Latin letter followed by a 0x7F filler byte.
/// `lower` is the same text in lower case (each scalar keeps its UTF-8 length).
///
/// Because offsets do not move, a span found here is a span of `NormalizedText.bytes`.
struct ScanText {
    /// Case kept.
    var view: [UInt8]
    /// Lower case.
    var lower: [UInt8]
    /// The normalised bytes as given (line breaks kept).
    let original: [UInt8]
    /// The filler byte that follows a homoglyph's Latin letter.
    static let filler: UInt8 = 0x7F

    /// Bytes the case pass must look at (1): ASCII capitals, line breaks and tabs, and the lead
    /// bytes of scalars that may be capitals or homoglyphs. Every other byte is kept.
    private static let action: [UInt8] = (0..<256).map { b in
        if b >= 0x41 && b <= 0x5A { return 1 }
        if b == 0x0A || b == 0x0D || b == 0x09 { return 1 }
        return [0xC3, 0xC4, 0xC5, 0xC6, 0xD0, 0xD1, 0xE1].contains(b) ? 1 : 0
    }

    init(_ bytes: [UInt8], lexicon: CitationLexicon, blankFooter: Bool = true) {
        var view = bytes
        var lower = bytes
        let n = bytes.count
        Self.action.withUnsafeBufferPointer { action in
        view.withUnsafeMutableBufferPointer { v in
            lower.withUnsafeMutableBufferPointer { l in
                var i = 0
                while i < n {
                    // Most bytes (lower-case ASCII, spaces, continuation bytes, leads of scalars
                    // without case) stay as they are.
                    while i < n && action[Int(v[i])] == 0 { i += 1 }
                    guard i < n else { break }
                    let b = v[i]
                    if b < 0x80 {
                        if b < 0x20 { v[i] = 0x20; l[i] = 0x20 } else { l[i] = b | 0x20 }
                        i += 1
                        continue
                    }
                    let length = b < 0xE0 ? 2 : 3
                    guard i + length <= n else { break }
                    let b1 = v[i + 1]
                    switch b {
                    case 0xC3:  // U+00C0–U+00DE → +0x20
                        if b1 >= 0x80 && b1 <= 0x9E && b1 != 0x97 { l[i + 1] = b1 + 0x20 }
                    case 0xC4, 0xC5:  // U+0100–U+017F: even = capital
                        if b1 & 1 == 0 { l[i + 1] = b1 + 1 }
                    case 0xC6:  // Ơ, Ư
                        if b1 == 0xA0 || b1 == 0xAF { l[i + 1] = b1 + 1 }
                    case 0xD0, 0xD1:
                        if let latin = lexicon.homoglyphs[UInt16(b) << 8 | UInt16(b1)] {
                            v[i] = latin; v[i + 1] = Self.filler
                            l[i] = latin >= 0x41 && latin <= 0x5A ? latin | 0x20 : latin; l[i + 1] = Self.filler
                        }
                    default:  // 0xE1: U+1EA0–U+1EF9: even = capital
                        let b2 = v[i + 2]
                        if (b1 == 0xBA && b2 >= 0xA0) || (b1 == 0xBB && b2 <= 0xB9) { if b2 & 1 == 0 { l[i + 2] = b2 + 1 } }
                    }
                    i += length
                }
            }
        }
        }
        // Page furniture and the footer blanked in both arrays before they are stored: once
        // stored, writing through `self` could copy them again (a second reference to each may
        // still be alive here).
        bytes.withUnsafeBufferPointer { o in
            view.withUnsafeMutableBufferPointer { v in
                lower.withUnsafeMutableBufferPointer { l in
                    Self.blankFurniture(o, v, l, lexicon: lexicon, blankFooter: blankFooter)
                }
            }
        }
        self.view = view
        self.lower = lower
        self.original = bytes
    }

    private static func hasPrefix(_ l: UnsafeMutableBufferPointer<UInt8>, _ prefix: [UInt8], at i: Int, end: Int) -> Bool {
        let count = prefix.count
        guard i + count <= end else { return false }
        return prefix.withUnsafeBufferPointer { q in
            var k = 0
            while k < count && l[i + k] == q[k] { k += 1 }
            return k == count
        }
    }

    /// The characters (scalars) of `l[start..<end]` without its trailing spaces.
    private static func characters(_ l: UnsafeMutableBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var z = end
        while z > start && l[z - 1] == 0x20 { z -= 1 }
        var count = 0
        for k in start..<z where l[k] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    @inline(__always)
    private static func blank(_ v: UnsafeMutableBufferPointer<UInt8>, _ l: UnsafeMutableBufferPointer<UInt8>, _ s: Int, _ e: Int) {
        var k = s
        while k < e { v[k] = 0x20; l[k] = 0x20; k += 1 }
    }

    private static func blankFurniture(_ original: UnsafeBufferPointer<UInt8>, _ v: UnsafeMutableBufferPointer<UInt8>,
                                       _ lower: UnsafeMutableBufferPointer<UInt8>, lexicon: CitationLexicon, blankFooter: Bool) {
        let n = original.count
        var lineStarts: [Int] = []
        lineStarts.reserveCapacity(n / 32 + 16)
        var headerLines: [Int] = []
        var noise: [Bool] = []
        noise.reserveCapacity(n / 32 + 16)
        var start = 0
        var inFooter = false
        var footerLines = 0
        let lead = lexicon.furnitureLeadBytes
        let noiseLines = lexicon.noiseLines, footerStarts = lexicon.footerStarts, footerEnds = lexicon.footerEnds
        let footerLasts = lexicon.footerLasts, footerMaxLines = lexicon.footerMaxLines
        while start <= n {
            let end = ByteSearch.next(0x0A, original, from: start)
            let index = lineStarts.count
            lineStarts.append(start)
            var t = start
            while t < end && lower[t] == 0x20 { t += 1 }
            var isNoise = false
            var isHeader = false
            var endsFooter = false
            if t < end {
                var digitsOnly = end - t <= 6
                var k = t
                while k < end && digitsOnly { let b = lower[k]; if !(b >= 0x30 && b <= 0x39) && b != 0x20 { digitsOnly = false }; k += 1 }
                let isLead = lead[Int(lower[t])]
                if digitsOnly { isNoise = true }
                else if isLead {
                    for line in noiseLines where hasPrefix(lower, line.prefix, at: t, end: end) {
                        // Only a short line is furniture: a running header with text glued to it is read.
                        if line.maxLength > 0 && characters(lower, t, end) > line.maxLength { break }
                        isNoise = true
                        isHeader = line.prefix.first == 0x63 && line.prefix.count >= 9  // "công báo"
                        break
                    }
                }
                if blankFooter && (inFooter || isLead) {
                    if inFooter {
                        footerLines += 1
                        for prefix in footerEnds where hasPrefix(lower, prefix, at: t, end: end) { inFooter = false; break }
                        if inFooter {
                            // "- Lưu: VT, …" is the recipient list's last line; a list without one
                            // ends after footerMaxLines lines.
                            for prefix in footerLasts where hasPrefix(lower, prefix, at: t, end: end) { endsFooter = true; break }
                            if footerMaxLines > 0 && footerLines >= footerMaxLines { endsFooter = true }
                        }
                    } else {
                        for prefix in footerStarts where hasPrefix(lower, prefix, at: t, end: end) {
                            var a = t + prefix.count
                            while a < end && lower[a] == 0x20 { a += 1 }
                            if a == end || lower[a] == 0x3A { inFooter = true; footerLines = 0 }
                            break
                        }
                    }
                }
            }
            if isHeader { headerLines.append(index) }
            noise.append(isNoise || inFooter)
            if isNoise || inFooter { blank(v, lower, start, end) }
            if endsFooter { inFooter = false }
            start = end + 1
        }
        guard headerLines.count >= 3 else { return }
        // Where line `index` ends (its line break, or the end of the text).
        func lineEnd(_ index: Int) -> Int { index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : n }
        // Lines repeated at the same distance from three or more running headers: a table header or
        // a page footer printed on every page.
        func content(_ index: Int) -> Range<Int>? {
            let s = lineStarts[index]
            let e = lineEnd(index)
            var a = s, z = e
            while a < z && (original[a] == 0x20 || original[a] == 0x0D || original[a] == 0x09) { a += 1 }
            while z > a && (original[z - 1] == 0x20 || original[z - 1] == 0x0D || original[z - 1] == 0x09) { z -= 1 }
            // Repeated headers and footers are short lines.
            return a < z && z - a <= 80 ? a..<z : nil
        }
        // The content lines around each running header, by their distance from it (skipping noise).
        // Each line's content is interned once: equal contents get the same id.
        var lineID = [Int](repeating: -2, count: lineStarts.count)
        var interner = LineInterner(original)
        // Counts by (signed step, content id).
        var counts = IntCounts()
        for pass in 0..<2 {
            for h in headerLines {
                for direction in [-1, 1] {
                    var step = 0, index = h
                    while step < 12 {
                        index += direction
                        guard index >= 0, index < lineStarts.count else { break }
                        if noise[index] { continue }
                        if lineID[index] == -2 { lineID[index] = content(index).map { interner.id(of: $0) } ?? -1 }
                        let c = lineID[index]
                        guard c >= 0 else { continue }
                        step += 1
                        let key = c &* 32 &+ (step * direction &+ 16)
                        if pass == 0 {
                            counts.increment(key)
                        } else {
                            guard counts.count(key) >= 3 else { break }
                            blank(v, lower, lineStarts[index], lineEnd(index))
                        }
                    }
                }
            }
        }
    }

    /// Counts by non-negative integer key: open addressing with a multiplicative hash.
    private struct IntCounts {
        private var keys = [Int](repeating: -1, count: 1024)
        private var values = [Int](repeating: 0, count: 1024)
        private var used = 0

        @inline(__always) private func slot(_ key: Int) -> Int {
            let mask = keys.count - 1
            var i = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
            while keys[i] != -1 && keys[i] != key { i = (i + 1) & mask }
            return i
        }

        mutating func increment(_ key: Int) {
            if (used + 1) * 2 > keys.count {
                let oldKeys = keys, oldValues = values
                keys = [Int](repeating: -1, count: oldKeys.count * 2)
                values = [Int](repeating: 0, count: oldKeys.count * 2)
                for (k, v) in zip(oldKeys, oldValues) where k != -1 { let i = slot(k); keys[i] = k; values[i] = v }
            }
            let i = slot(key)
            if keys[i] == -1 { keys[i] = key; used += 1 }
            values[i] += 1
        }

        func count(_ key: Int) -> Int {
            let i = slot(key)
            return keys[i] == -1 ? 0 : values[i]
        }
    }

    /// Gives equal byte strings (short lines of one text) the same small integer: an
    /// open-addressing table keyed by a hash, contents compared byte for byte on a hash match.
    private struct LineInterner {
        let text: UnsafeBufferPointer<UInt8>
        private var slots: [(hash: UInt64, start: Int, end: Int, id: Int)]
        private var used = 0

        init(_ text: UnsafeBufferPointer<UInt8>) {
            self.text = text
            slots = Array(repeating: (0, -1, -1, 0), count: 1024)
        }

        private func hash(_ r: Range<Int>) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for k in r { h = (h ^ UInt64(text[k])) &* 0x100_0000_01b3 }
            return h ^ (h >> 29)
        }

        private func same(_ a: Range<Int>, _ bStart: Int, _ bEnd: Int) -> Bool {
            guard a.count == bEnd - bStart else { return false }
            var k = 0
            while k < a.count && text[a.lowerBound + k] == text[bStart + k] { k += 1 }
            return k == a.count
        }

        mutating func id(of r: Range<Int>) -> Int {
            if (used + 1) * 2 > slots.count { grow() }
            let h = hash(r)
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i].start >= 0 {
                if slots[i].hash == h && same(r, slots[i].start, slots[i].end) { return slots[i].id }
                i = (i + 1) & mask
            }
            slots[i] = (h, r.lowerBound, r.upperBound, used)
            used += 1
            return used - 1
        }

        private mutating func grow() {
            let old = slots
            slots = Array(repeating: (0, -1, -1, 0), count: old.count * 2)
            let mask = slots.count - 1
            for s in old where s.start >= 0 {
                var i = Int(truncatingIfNeeded: s.hash) & mask
                while slots[i].start >= 0 { i = (i + 1) & mask }
                slots[i] = s
            }
        }
    }

    /// The lower-case form of a Vietnamese letter (same UTF-8 length), or `c`.
    static func lowerScalar(_ c: UInt32) -> UInt32 {
        switch c {
        case 0x41...0x5A: return c | 0x20
        case 0xC0...0xDE where c != 0xD7: return c + 0x20
        case 0x100...0x17F where c & 1 == 0: return c + 1
        case 0x1A0, 0x1AF: return c + 1
        case 0x1EA0...0x1EF9 where c & 1 == 0: return c + 1
        default: return c
        }
    }

    /// Whether `c` is an upper-case letter of Vietnamese text.
    static func isUpperScalar(_ c: UInt32) -> Bool {
        switch c {
        case 0x41...0x5A: return true
        case 0xC0...0xDE: return c != 0xD7
        case 0x100...0x17F: return c & 1 == 0
        case 0x1A0, 0x1AF: return true
        case 0x1EA0...0x1EF9: return c & 1 == 0
        default: return false
        }
    }
}

