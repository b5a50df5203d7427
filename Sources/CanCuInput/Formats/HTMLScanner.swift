import CanCuModel
import CanCuText
import CanCuLexicon
/// The byte scanner behind `HTMLFormat`: walks the UTF-8 bytes of a page once, writing text and
/// line breaks. Tags are ASCII, so scanning bytes is safe for any UTF-8 content.
struct HTMLScanner {
    private let input: [UInt8]
    private var output: [UInt8] = []
    /// When recording: for each output byte, the input range it came from (a byte of text, a
    /// whole entity, or the space or tag a separator stands for). `cancu annotate` uses it to put
    /// links into the page's own markup.
    private var recording = false
    private var sourceStarts: [Int32] = []
    private var sourceEnds: [Int32] = []
    /// The input range of the current unit (set before each emit).
    private var unit: Range<Int> = 0..<0
    /// Where the white space that owes a space was.
    private var spaceAt = 0
    /// Whether a space is owed before the next text on the line.
    private var pendingSpace = false
    private var preDepth = 0
    /// Site chrome: the elements of `PageChrome` are dropped with their content, and the text is cut
    /// to the document when the page holds one (`PageChrome.documentRange`).
    private var chrome: PageChrome?
    /// The chrome elements open around the current position (innermost last): nothing is written
    /// while one is open.
    private var dropping: [String] = []
    /// Depth inside `<main>` and `<article>`, where `<header>` and `<footer>` belong to the content.
    private var contentDepth = 0

    init(_ input: [UInt8], chrome: PageChrome? = .builtIn) {
        self.input = input
        self.chrome = chrome
        output.reserveCapacity(input.count / 2)
    }

    /// The page's text.
    func text() -> String {
        String(decoding: scanned().output, as: UTF8.self)
    }

    /// The page's text, and for each of its UTF-8 bytes the range of input bytes it came from.
    func textWithMap() -> (text: String, starts: [Int32], ends: [Int32]) {
        var scanner = self
        scanner.recording = true
        scanner.sourceStarts.reserveCapacity(input.count / 2)
        scanner.sourceEnds.reserveCapacity(input.count / 2)
        let done = scanner.scanned()
        return (String(decoding: done.output, as: UTF8.self), done.sourceStarts, done.sourceEnds)
    }

    /// The scanner after a run: chrome elements dropped (but a page where one is never closed is read
    /// again without dropping any, so that a stray `<nav>` cannot swallow the document), then the
    /// text cut to the document.
    private func scanned() -> HTMLScanner {
        var scanner = self
        scanner.run()
        if !scanner.dropping.isEmpty {
            scanner = self
            scanner.chrome = nil
            scanner.run()
            scanner.chrome = chrome
        }
        if let range = chrome?.documentRange(scanner.output) {
            scanner.output = Array(scanner.output[range])
            if recording {
                scanner.sourceStarts = Array(scanner.sourceStarts[range])
                scanner.sourceEnds = Array(scanner.sourceEnds[range])
            }
        }
        return scanner
    }

    private mutating func append(_ byte: UInt8) {
        output.append(byte)
        if recording {
            sourceStarts.append(Int32(unit.lowerBound))
            sourceEnds.append(Int32(unit.upperBound))
        }
    }

    private mutating func removeLast() {
        output.removeLast()
        if recording { sourceStarts.removeLast(); sourceEnds.removeLast() }
    }

    private mutating func run() {
        let count = input.count
        var i = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < count {
            let b = input[i]
            unit = i..<(i + 1)
            if b == 0x3C { // <
                i = tag(at: i)
            } else if !dropping.isEmpty {
                i += 1
            } else if b == 0x26 { // &
                i = entity(at: i)
            } else if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C {
                if preDepth > 0 {
                    if b != 0x0D { append(b) }
                } else {
                    if !pendingSpace { spaceAt = i }
                    pendingSpace = true
                }
                i += 1
            } else {
                emitText(b)
                i += 1
            }
        }
        unit = count..<count
        trimLineEnd()
        while output.last == 0x0A { removeLast() }
        if !output.isEmpty { append(0x0A) }
    }

    private var atLineStart: Bool { output.isEmpty || output.last == 0x0A }

    private mutating func emitText(_ byte: UInt8) {
        if pendingSpace && !atLineStart && output.last != 0x09 {
            let current = unit
            unit = spaceAt..<(spaceAt + 1)
            append(0x20)
            unit = current
        }
        pendingSpace = false
        append(byte)
    }

    private mutating func emitScalar(_ scalar: Unicode.Scalar) {
        var first = true
        for byte in String(scalar).utf8 {
            if first { emitText(byte); first = false } else { append(byte) }
        }
    }

    private mutating func trimLineEnd() {
        while let last = output.last, last == 0x20 || last == 0x09 { removeLast() }
    }

    private mutating func lineBreak(force: Bool) {
        trimLineEnd()
        if force || !atLineStart { append(0x0A) }
        pendingSpace = false
    }

    /// Handles `<…>` at `start`; returns the index after it.
    private mutating func tag(at start: Int) -> Int {
        let count = input.count
        var i = start + 1
        guard i < count else { emitText(0x3C); return count }
        if input[i] == 0x21 { // <!
            if i + 2 < count, input[i + 1] == 0x2D, input[i + 2] == 0x2D {
                return find([0x2D, 0x2D, 0x3E], from: i + 3) ?? count
            }
            return (find([0x3E], from: i) ?? count)
        }
        if input[i] == 0x3F { return find([0x3E], from: i) ?? count } // <? … >
        var closing = false
        if input[i] == 0x2F { closing = true; i += 1 }
        let nameStart = i
        while i < count, isNameByte(input[i]) { i += 1 }
        guard i > nameStart else { emitText(0x3C); return start + 1 } // a stray '<'
        let name = String(decoding: input[nameStart..<i].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        // Skip attributes, minding quotes.
        var quote: UInt8 = 0
        while i < count {
            let b = input[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x3E {
                break
            }
            i += 1
        }
        let end = min(i + 1, count)
        let selfClosing = i > 0 && i <= count && input[i - 1] == 0x2F
        if !closing && HTMLFormat.droppedTags.contains(name) && !selfClosing {
            return skipContent(of: name, from: end)
        }
        if let chrome, chrome.elements.contains(name), contentDepth == 0 || (name != "header" && name != "footer") {
            if closing {
                if let open = dropping.lastIndex(of: name) { dropping.removeSubrange(open...) }
            } else if !selfClosing {
                dropping.append(name)
            }
            if dropping.isEmpty { lineBreak(force: false) }
            return end
        }
        guard dropping.isEmpty else { return end }
        if name == "main" || name == "article" { contentDepth = max(0, contentDepth + (closing ? -1 : 1)) }
        switch name {
        case "br":
            lineBreak(force: true)
        case "td", "th":
            if !closing {
                trimLineEnd()
                if !atLineStart { append(0x09) }
                pendingSpace = false
            }
        case "pre":
            lineBreak(force: false)
            preDepth = max(0, preDepth + (closing ? -1 : 1))
        default:
            if HTMLFormat.blockTags.contains(name) { lineBreak(force: false) }
        }
        return end
    }

    /// Skips to after `</name…>` (scripts and styles), or to the end.
    private func skipContent(of name: String, from start: Int) -> Int {
        let needle = Array(("</" + name).utf8)
        var i = start
        let count = input.count
        while i + needle.count <= count {
            if input[i] == 0x3C {
                var match = true
                for k in 1..<needle.count {
                    let b = input[i + k]
                    if (b >= 0x41 && b <= 0x5A ? b + 0x20 : b) != needle[k] { match = false; break }
                }
                if match { return (find([0x3E], from: i) ?? count) }
            }
            i += 1
        }
        return count
    }

    /// The index after the first occurrence of `needle` at or after `from`, or nil.
    private func find(_ needle: [UInt8], from: Int) -> Int? {
        var i = from
        while i + needle.count <= input.count {
            if input[i] == needle[0] {
                var match = true
                for k in 1..<needle.count where input[i + k] != needle[k] { match = false; break }
                if match { return i + needle.count }
            }
            i += 1
        }
        return nil
    }

    private func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x3A
    }

    /// Handles `&…;` at `start`: a named or numeric reference becomes its character; anything else
    /// stays as written.
    private mutating func entity(at start: Int) -> Int {
        let count = input.count
        var i = start + 1
        if i < count, input[i] == 0x23 { // &#
            i += 1
            var hex = false
            if i < count, input[i] == 0x78 || input[i] == 0x58 { hex = true; i += 1 }
            var value: UInt32 = 0
            let digitsStart = i
            while i < count, i - digitsStart < 8 {
                let b = input[i]
                let digit: UInt32
                if b >= 0x30 && b <= 0x39 { digit = UInt32(b - 0x30) }
                else if hex && b >= 0x61 && b <= 0x66 { digit = UInt32(b - 0x61 + 10) }
                else if hex && b >= 0x41 && b <= 0x46 { digit = UInt32(b - 0x41 + 10) }
                else { break }
                value = value * (hex ? 16 : 10) + digit
                i += 1
            }
            guard i > digitsStart else { emitText(0x26); return start + 1 }
            if i < count, input[i] == 0x3B { i += 1 }
            unit = start..<i
            emitScalar(HTMLEntities.numeric(value))
            return i
        }
        let nameStart = i
        while i < count, i - nameStart < 32, isNameByte(input[i]) { i += 1 }
        let name = String(decoding: input[nameStart..<i], as: UTF8.self)
        if i < count, input[i] == 0x3B, let scalar = HTMLEntities.named[name] {
            unit = start..<(i + 1)
            emitScalar(scalar)
            return i + 1
        }
        // Common references written without ';'.
        if let scalar = HTMLEntities.named[name], ["amp", "lt", "gt", "quot", "nbsp"].contains(name) {
            unit = start..<i
            emitScalar(scalar)
            return i
        }
        emitText(0x26)
        return start + 1
    }
}
