import CanCuModel
import CanCuText
import CanCuLexicon

/// Markdown read as structure: the syntax is blanked, so that the text keeps every character of the
/// file at its place (offsets in Unicode scalars are those of the file; line numbers too) and no
/// marker reaches a symbol, a name or a title.
///
/// - headings `#`, block quotes `>`, the bullets `*` and `+`, code fences and link reference
///   definitions become spaces (a `- ` bullet stays: it is the dash a printed document has);
/// - emphasis `**`, `__`, `*`, `_` (not inside a word: `NĐ_CP` stays), strike-through `~~`, code
///   spans' backticks, backslash escapes' backslash;
/// - links `[text](url)` keep their text, images `![alt](src)` and autolinks `<http://…>` go;
/// - HTML tags are blanked (`<br>` becomes a tab, a cell break), comments too, across lines;
///   `&amp;`, `&nbsp;`, `&#47;` and the other references to an ASCII character become that
///   character and spaces;
/// - table rows: the pipes between cells become tabs (the cell separator of HTML and Word tables),
///   the outer ones spaces; a separator row `|---|:--:|` becomes blank. A row is a line that starts
///   or ends with `|`, or a line with a `|` next to a separator row.
///
/// Then, when the file is a page saved from a portal, the site chrome around the document is
/// blanked too (`PageChrome`). Linear: one pass over the lines, look-ahead bounded per marker.
enum MarkdownScanner {
    /// How far a closing bracket, parenthesis, backtick run or `>` is looked for.
    static let lookAhead = 4096

    /// The text of a Markdown file, with the same Unicode scalars at the same offsets.
    static func text(_ source: String, chrome: PageChrome? = .builtIn) -> String {
        var source = source
        let output: [UInt8] = source.withUTF8 { p in
            var scanner = Scan(p)
            scanner.run()
            var bytes = scanner.output()
            if let chrome, let range = chrome.documentRange(bytes) { bytes = blankOutside(bytes, range) }
            return bytes
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Every scalar outside `range` (but line breaks) as one space.
    static func blankOutside(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (i, b) in bytes.enumerated() {
            if range.contains(i) || b == 0x0A || b == 0x0D { out.append(b); continue }
            if b & 0xC0 == 0x80 { continue }
            out.append(0x20)
        }
        return out
    }

    struct Scan {
        let p: UnsafeBufferPointer<UInt8>
        /// For each input byte that starts a scalar: 0 to keep it, else the ASCII byte that replaces
        /// the whole scalar.
        var replace: [UInt8]
        var fence: (byte: UInt8, count: Int)?
        var inComment = false

        init(_ p: UnsafeBufferPointer<UInt8>) {
            self.p = p
            replace = [UInt8](repeating: 0, count: p.count)
        }

        /// The text: each replaced scalar as its one byte.
        func output() -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(p.count)
            var i = 0
            let n = p.count
            while i < n {
                let r = replace[i]
                if r == 0 { out.append(p[i]); i += 1; continue }
                out.append(r)
                i += 1
                while i < n && p[i] & 0xC0 == 0x80 { i += 1 }
            }
            return out
        }

        @inline(__always) mutating func blank(_ range: Range<Int>) {
            for k in range where p[k] & 0xC0 != 0x80 && p[k] != 0x0A && p[k] != 0x0D { replace[k] = 0x20 }
        }

        @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B }

        mutating func run() {
            // Lines (content without the line break).
            var lines: [Range<Int>] = []
            var begin = 0
            let n = p.count
            while begin <= n {
                var end = begin
                while end < n && p[end] != 0x0A { end += 1 }
                lines.append(begin..<end)
                if end >= n { break }
                begin = end + 1
            }
            // Table rows: separator rows, the rows next to them, and lines that start or end with '|'.
            let separators = lines.map(isSeparatorRow)
            var table = [Bool](repeating: false, count: lines.count)
            for (index, line) in lines.enumerated() {
                let t = trimmed(line)
                if !t.isEmpty && (p[t.lowerBound] == 0x7C || (p[t.upperBound - 1] == 0x7C && !(t.count >= 2 && p[t.upperBound - 2] == 0x5C))) {
                    table[index] = true
                }
            }
            for index in lines.indices where separators[index] {
                if index > 0, contains(lines[index - 1], 0x7C) { table[index - 1] = true }
                var k = index + 1
                while k < lines.count, !separators[k], !table[k], contains(lines[k], 0x7C) { table[k] = true; k += 1 }
            }
            for (index, line) in lines.enumerated() {
                if separators[index] && fence == nil && !inComment { blank(line); continue }
                self.line(line, table: table[index])
            }
        }

        func trimmed(_ r: Range<Int>) -> Range<Int> {
            var a = r.lowerBound, b = r.upperBound
            while a < b, Self.isSpace(p[a]) { a += 1 }
            while b > a, Self.isSpace(p[b - 1]) { b -= 1 }
            return a..<b
        }

        func contains(_ r: Range<Int>, _ byte: UInt8) -> Bool {
            for k in r where p[k] == byte { return true }
            return false
        }

        /// `|---|:---:|`, `--- | ---`: pipes, dashes, colons and spaces only, with a dash and a pipe.
        func isSeparatorRow(_ r: Range<Int>) -> Bool {
            var dash = false, pipe = false
            for k in r {
                switch p[k] {
                case 0x2D: dash = true
                case 0x7C: pipe = true
                case 0x3A, 0x20, 0x09, 0x0D: break
                default: return false
                }
            }
            return dash && pipe
        }

        mutating func line(_ r: Range<Int>, table: Bool) {
            var i = r.lowerBound
            let end = r.upperBound
            if inComment {
                guard let close = find([0x2D, 0x2D, 0x3E], from: i, to: end, limit: end - i) else { blank(r); return }
                blank(i..<close)
                inComment = false
                i = close
            }
            while i < end && Self.isSpace(p[i]) { i += 1 }
            // Inside a code fence: the text as written, up to the closing fence.
            if let open = fence {
                let count = run(of: open.byte, at: i, end: end)
                if count >= open.count, trimmed(i + count..<end).isEmpty {
                    blank(i..<end)
                    fence = nil
                }
                return
            }
            // Block quotes ("> > text").
            while i < end && p[i] == 0x3E {
                replace[i] = 0x20
                i += 1
                while i < end && Self.isSpace(p[i]) { i += 1 }
            }
            guard i < end else { return }
            let b = p[i]
            // A code fence opens: "```swift", "~~~".
            if b == 0x60 || b == 0x7E {
                let count = run(of: b, at: i, end: end)
                if count >= 3 && !(b == 0x60 && contains(i + count..<end, 0x60)) {
                    fence = (b, count)
                    blank(i..<end)
                    return
                }
            }
            // ATX heading "## Điều 1", with its optional closing "##".
            if b == 0x23 {
                let count = run(of: 0x23, at: i, end: end)
                if count <= 6 && (i + count == end || Self.isSpace(p[i + count])) {
                    blank(i..<i + count)
                    var z = trimmed(i + count..<end).upperBound
                    var hashes = z
                    while hashes > i + count && p[hashes - 1] == 0x23 { hashes -= 1 }
                    if hashes < z && (hashes == i + count || Self.isSpace(p[hashes - 1])) { blank(hashes..<z); z = hashes }
                    i += count
                }
            } else if (b == 0x2A || b == 0x2B) && i + 1 < end && Self.isSpace(p[i + 1]) {
                // A bullet "* " or "+ ".
                replace[i] = 0x20
                i += 1
            } else if b == 0x5B, let close = find([0x5D, 0x3A], from: i + 1, to: end, limit: 1000), !contains(i + 1..<close - 2, 0x5D) {
                // A link reference definition "[ref]: https://…" (not a footnote "[^1]: text").
                let target = trimmed(close..<end)
                if let first = target.first.map({ p[$0] }), first == 0x3C || first == 0x2F || first == 0x23 || startsWith(target, "http") || startsWith(target, "www.") {
                    blank(i..<end)
                    return
                }
            }
            inline(i, end, table: table)
        }

        func startsWith(_ r: Range<Int>, _ prefix: String) -> Bool {
            let bytes = Array(prefix.utf8)
            guard r.count >= bytes.count else { return false }
            for (m, b) in bytes.enumerated() where p[r.lowerBound + m] | 0x20 != b { return false }
            return true
        }

        /// How many `byte` in a row at `i`.
        func run(of byte: UInt8, at i: Int, end: Int) -> Int {
            var k = i
            while k < end && p[k] == byte { k += 1 }
            return k - i
        }

        /// The index after the first `needle` in `from..<to`, looking at most `limit` bytes ahead.
        func find(_ needle: [UInt8], from: Int, to: Int, limit: Int = MarkdownScanner.lookAhead) -> Int? {
            let last = min(to, from + limit) - needle.count
            guard last >= from else { return nil }
            var k = from
            while k <= last {
                if p[k] == needle[0] {
                    var m = 1
                    while m < needle.count && p[k + m] == needle[m] { m += 1 }
                    if m == needle.count { return k + needle.count }
                }
                k += 1
            }
            return nil
        }

        /// For each `[` and `(` of `start..<end` that is closed on the line, where (`]`, `)`):
        /// one pass with a stack each, escapes minded.
        func brackets(_ start: Int, _ end: Int) -> [Int: Int] {
            var pairs: [Int: Int] = [:]
            var squares: [Int] = [], rounds: [Int] = []
            var k = start
            while k < end {
                switch p[k] {
                case 0x5C: k += 1
                case 0x5B: squares.append(k)
                case 0x5D: if let open = squares.popLast() { pairs[open] = k }
                case 0x28: rounds.append(k)
                case 0x29: if let open = rounds.popLast() { pairs[open] = k }
                default: break
                }
                k += 1
            }
            return pairs
        }

        @inline(__always) func isWordByte(_ b: UInt8) -> Bool {
            b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        }

        static let asciiPunctuation: Set<UInt8> = Set(Array("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".utf8))

        mutating func inline(_ start: Int, _ end: Int, table: Bool) {
            var i = start
            // Where the text of a link or image ends, and what to skip there (its "](url)").
            var jumps: [(at: Int, to: Int)] = []
            let pairs = contains(start..<end, 0x5B) ? brackets(start, end) : [:]
            func closing(_ open: Int) -> Int? { pairs[open] }
            let contentStart = start
            let contentEnd = trimmed(start..<end).upperBound
            while i < end {
                if let jump = jumps.last, i >= jump.at {
                    jumps.removeLast()
                    i = max(i, jump.to)
                    continue
                }
                let b = p[i]
                switch b {
                case 0x5C: // backslash escape
                    if i + 1 < end, Self.asciiPunctuation.contains(p[i + 1]) {
                        replace[i] = 0x20
                        i += 2
                    } else {
                        if i + 1 >= contentEnd { replace[i] = 0x20 } // a hard line break
                        i += 1
                    }
                case 0x60: // a code span: its text as written
                    let count = run(of: 0x60, at: i, end: end)
                    let ticks = [UInt8](repeating: 0x60, count: count)
                    var k = i + count
                    var closeAt: Int?
                    while let found = find(ticks, from: k, to: end, limit: 1024) {
                        let at = found - count
                        if (at == 0 || p[at - 1] != 0x60) && (found >= end || p[found] != 0x60) { closeAt = at; break }
                        k = found
                        while k < end && p[k] == 0x60 { k += 1 }
                    }
                    if let closeAt {
                        blank(i..<i + count)
                        blank(closeAt..<closeAt + count)
                        i = closeAt + count
                    } else {
                        i += count
                    }
                case 0x21 where i + 1 < end && p[i + 1] == 0x5B: // an image: gone, with its alt text
                    if let close = closing(i + 1), close + 1 < end, p[close + 1] == 0x28,
                       let paren = closing(close + 1) {
                        blank(i..<paren + 1)
                        i = paren + 1
                    } else {
                        i += 1
                    }
                case 0x5B: // a link: its text stays
                    if let close = closing(i), close + 1 < end, p[close + 1] == 0x28,
                       let paren = closing(close + 1) {
                        replace[i] = 0x20
                        blank(close..<paren + 1)
                        jumps.append((close, paren + 1))
                    } else if let close = closing(i), close + 1 < end, p[close + 1] == 0x5B,
                              let ref = closing(close + 1) {
                        replace[i] = 0x20
                        blank(close..<ref + 1)
                        jumps.append((close, ref + 1))
                    }
                    i += 1
                case 0x3C: // autolinks, tags, comments
                    i = angle(i, end)
                case 0x26: // a character reference to an ASCII character
                    i = reference(i, end)
                case 0x2A, 0x5F, 0x7E: // emphasis, strike-through
                    let count = run(of: b, at: i, end: end)
                    let before: UInt8 = i > contentStart ? p[i - 1] : 0x20
                    let after: UInt8 = i + count < contentEnd ? p[i + count] : 0x20
                    let delimiter: Bool
                    switch b {
                    case 0x2A: delimiter = !(Self.isSpace(before) && Self.isSpace(after))
                    case 0x5F: delimiter = !(isWordByte(before) && isWordByte(after))
                    default: delimiter = count >= 2
                    }
                    if delimiter { blank(i..<i + count) }
                    i += count
                case 0x7C where table:
                    let first = trimmed(contentStart..<end).lowerBound == i
                    replace[i] = first || i + 1 >= contentEnd ? 0x20 : 0x09
                    i += 1
                default:
                    i += 1
                }
            }
        }

        /// `<…>` at `i`: an autolink or a tag is blanked (`<br>` a tab), a comment too (to its end,
        /// on a later line if need be); a lone `<` stays.
        mutating func angle(_ i: Int, _ end: Int) -> Int {
            guard i + 1 < end else { return i + 1 }
            let next = p[i + 1]
            if next == 0x21, i + 3 < end, p[i + 2] == 0x2D, p[i + 3] == 0x2D {
                if let close = find([0x2D, 0x2D, 0x3E], from: i + 4, to: end) { blank(i..<close); return close }
                blank(i..<end)
                inComment = true
                return end
            }
            let isLetter = (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A)
            guard isLetter || next == 0x2F || next == 0x21 else { return i + 1 }
            var k = i + 1
            var quote: UInt8 = 0
            let last = min(end, i + MarkdownScanner.lookAhead)
            while k < last {
                let b = p[k]
                if quote != 0 { if b == quote { quote = 0 } }
                else if b == 0x22 || b == 0x27 { quote = b }
                else if b == 0x3E { break }
                else if b == 0x3C { return i + 1 }
                k += 1
            }
            guard k < last, p[k] == 0x3E else { return i + 1 }
            // The tag's name: "br" becomes a cell break.
            var nameEnd = i + 1
            while nameEnd < k, isWordByte(p[nameEnd]), p[nameEnd] < 0x80 { nameEnd += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: p[(i + 1)..<nameEnd]), as: UTF8.self).lowercased()
            blank(i..<k + 1)
            if name == "br" { replace[i] = 0x09 }
            return k + 1
        }

        /// `&amp;`, `&nbsp;`, `&#47;`: the ASCII character, then spaces; others stay as written.
        mutating func reference(_ i: Int, _ end: Int) -> Int {
            var k = i + 1
            let last = min(end, i + 34)
            var value: UInt32?
            if k < last && p[k] == 0x23 {
                k += 1
                var hex = false
                if k < last && (p[k] == 0x78 || p[k] == 0x58) { hex = true; k += 1 }
                var v: UInt32 = 0
                let digits = k
                while k < last, k - digits < 7 {
                    let b = p[k]
                    if b >= 0x30 && b <= 0x39 { v = v * (hex ? 16 : 10) + UInt32(b - 0x30) }
                    else if hex && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 { v = v * 16 + UInt32((b | 0x20) - 0x61 + 10) }
                    else { break }
                    k += 1
                }
                if k > digits { value = v }
            } else {
                let nameStart = k
                while k < last, isWordByte(p[k]), p[k] < 0x80 { k += 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: p[nameStart..<k]), as: UTF8.self)
                value = HTMLEntities.named[name].map(\.value)
            }
            guard let v = value, k < end, p[k] == 0x3B else { return i + 1 }
            let ascii: UInt8
            if v == 0xA0 { ascii = 0x20 }
            else if v >= 0x20 && v < 0x7F { ascii = UInt8(v) }
            else { return i + 1 }
            blank(i..<k + 1)
            replace[i] = ascii
            return k + 1
        }
    }
}
