import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// The bytes the citation scanner reads: the normalised text with the same length and offsets,
/// where line breaks and tabs are spaces, page furniture (Gazette running headers, page numbers,
/// signature stamps, table headers repeated on every page) and the "Nơi nhận" footer are blanked,
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
        self.view = view
        self.lower = lower
        self.original = bytes
        blankFurniture(original: bytes, lexicon: lexicon, blankFooter: blankFooter)
    }

    /// Blanks page-furniture lines and the footer, in both arrays.
    private mutating func blankFurniture(original: [UInt8], lexicon: CitationLexicon, blankFooter: Bool) {
        let n = original.count
        var lineStarts: [Int] = []
        var headerLines: [Int] = []
        var noise: [Bool] = []
        var start = 0
        var inFooter = false
        while start <= n {
            let end = original.withUnsafeBufferPointer { ByteSearch.next(0x0A, $0, from: start) }
            let index = lineStarts.count
            lineStarts.append(start)
            var t = start
            while t < end && lower[t] == 0x20 { t += 1 }
            var isNoise = false
            var isHeader = false
            if t < end {
                var digitsOnly = end - t <= 6
                var k = t
                while k < end && digitsOnly { let b = lower[k]; if !(b >= 0x30 && b <= 0x39) && b != 0x20 { digitsOnly = false }; k += 1 }
                if digitsOnly { isNoise = true }
                else if lexicon.furnitureLeadBytes[Int(lower[t])] {
                    for prefix in lexicon.noiseLines where hasPrefix(prefix, at: t, end: end) {
                        isNoise = true
                        isHeader = prefix.first == 0x63 && prefix.count >= 9  // "công báo"
                        break
                    }
                }
                if blankFooter && (inFooter || lexicon.furnitureLeadBytes[Int(lower[t])]) {
                    if inFooter {
                        for prefix in lexicon.footerEnds where hasPrefix(prefix, at: t, end: end) { inFooter = false; break }
                    } else {
                        for prefix in lexicon.footerStarts where hasPrefix(prefix, at: t, end: end) {
                            var a = t + prefix.count
                            while a < end && lower[a] == 0x20 { a += 1 }
                            if a == end || lower[a] == 0x3A { inFooter = true }
                            break
                        }
                    }
                }
            }
            if isHeader { headerLines.append(index) }
            noise.append(isNoise || inFooter)
            if isNoise || inFooter { blank(start, end) }
            start = end + 1
        }
        guard headerLines.count >= 3 else { return }
        // Where line `index` ends (its line break, or the end of the text).
        func lineEnd(_ index: Int) -> Int { index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : n }
        // Lines repeated at the same distance from three or more running headers: a table header or
        // a page footer printed on every page.
        func content(_ index: Int) -> ArraySlice<UInt8>? {
            guard index >= 0, index < lineStarts.count else { return nil }
            let s = lineStarts[index]
            let e = lineEnd(index)
            var a = s, z = e
            while a < z && (original[a] == 0x20 || original[a] == 0x0D || original[a] == 0x09) { a += 1 }
            while z > a && (original[z - 1] == 0x20 || original[z - 1] == 0x0D || original[z - 1] == 0x09) { z -= 1 }
            // Repeated headers and footers are short lines.
            return a < z && z - a <= 80 ? original[a..<z] : nil
        }
        // The content lines around each running header, by their distance from it (skipping noise).
        func neighbours(of h: Int, _ direction: Int, _ visit: (_ step: Int, _ index: Int, _ content: ArraySlice<UInt8>) -> Bool) {
            var step = 0, index = h
            while step < 12 {
                index += direction
                guard index >= 0, index < lineStarts.count else { return }
                if noise[index] { continue }
                guard let c = content(index) else { continue }
                step += 1
                if !visit(step, index, c) { return }
            }
        }
        var counts: [RepeatedLine: Int] = [:]
        for h in headerLines {
            for direction in [-1, 1] {
                neighbours(of: h, direction) { step, _, c in
                    counts[RepeatedLine(step: step * direction, content: c), default: 0] += 1
                    return true
                }
            }
        }
        for h in headerLines {
            for direction in [-1, 1] {
                neighbours(of: h, direction) { step, index, c in
                    guard (counts[RepeatedLine(step: step * direction, content: c)] ?? 0) >= 3 else { return false }
                    blank(lineStarts[index], lineEnd(index))
                    return true
                }
            }
        }
    }

    /// A short line at a distance (in lines, signed) from a running header; hashed in bulk.
    private struct RepeatedLine: Hashable {
        var step: Int
        var content: ArraySlice<UInt8>

        func hash(into hasher: inout Hasher) {
            hasher.combine(step)
            content.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private func hasPrefix(_ prefix: [UInt8], at i: Int, end: Int) -> Bool {
        guard i + prefix.count <= end else { return false }
        for k in 0..<prefix.count where lower[i + k] != prefix[k] { return false }
        return true
    }

    private mutating func blank(_ s: Int, _ e: Int) {
        var k = s
        while k < e { view[k] = 0x20; lower[k] = 0x20; k += 1 }
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

