import CanCuModel

/// The byte scanner behind `WordXMLText`: one pass over a WordprocessingML part, in time linear in
/// its size. The bytes must be UTF-8 (checked first, so a bad byte in a name, comment or
/// processing instruction is an error, never a crash); markup is ASCII, so scanning bytes is
/// safe for any UTF-8 content.
///
/// What XML allows and Word never writes is skipped with a note in `skipped`: a DOCTYPE (its
/// entities are not expanded, so a "billion laughs" costs nothing), processing instructions
/// other than the `<?xml …?>` declaration, and references to entities other than the five XML
/// ones and numeric references. End tags must match their start tags.
struct WordXMLScanner {
    /// Why the part could not be read, and the line where that was seen.
    struct Failure: Error {
        var line: Int
        var reason: String
    }

    private let input: UnsafeBufferPointer<UInt8>
    private var output: [UInt8] = []
    /// What was skipped (code, message), each kind once.
    private(set) var skipped: [(code: String, message: String)] = []

    private var inText = false
    /// Depth inside `w:tc`; paragraphs in a cell are joined by a space.
    private var cellDepth = 0
    private var cellHasParagraph = false
    /// Depth inside an element whose content is not text (deleted runs, field codes, separators).
    private var skipDepth = 0
    /// The open elements, as ranges of their names in `input`.
    private var open: [Range<Int>] = []

    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        output.reserveCapacity(input.count / 4)
    }

    /// The text written, with trailing blanks and line breaks trimmed and one final line break.
    func text() -> String {
        var end = output.count
        while end > 0, output[end - 1] == 0x0A || output[end - 1] == 0x20 || output[end - 1] == 0x09 { end -= 1 }
        guard end > 0 else { return "" }
        return String(decoding: output[..<end], as: UTF8.self) + "\n"
    }

    // MARK: - The pass

    mutating func run() throws(Failure) {
        let count = input.count
        var i = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let bad = Self.firstInvalidUTF8(input, from: i) {
            throw failure(at: bad, "byte 0x\(String(input[bad], radix: 16, uppercase: true)) không phải UTF-8 hợp lệ")
        }
        var sawRoot = false
        while i < count {
            let b = input[i]
            if b == 0x3C { // <
                i = try markup(at: i, sawRoot: &sawRoot)
            } else if b == 0x26 { // &
                i = try reference(at: i, emit: inText && skipDepth == 0)
            } else {
                // A run of character data up to the next markup.
                var end = i + 1
                while end < count, input[end] != 0x3C, input[end] != 0x26 { end += 1 }
                if inText && skipDepth == 0 { appendCharacters(i..<end) }
                i = end
            }
        }
        if let last = open.last {
            throw failure(at: count, "thiếu thẻ đóng </\(name(last))>")
        }
        if !sawRoot { throw failure(at: count, "không có phần tử gốc") }
    }

    /// Handles the markup starting with `<` at `start`; returns the index after it.
    private mutating func markup(at start: Int, sawRoot: inout Bool) throws(Failure) -> Int {
        let count = input.count
        guard start + 1 < count else { throw failure(at: start, "dấu < ở cuối tệp") }
        switch input[start + 1] {
        case 0x3F: // <?
            guard let end = find([0x3F, 0x3E], from: start + 2) else { throw failure(at: start, "chỉ thị xử lý <? không đóng") }
            let target = nameEnd(from: start + 2)
            let isDeclaration = start == (input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
                && target - (start + 2) == 3 && lowercased(start + 2..<target) == Array("xml".utf8)
            if !isDeclaration {
                note("docx_processing_instruction", "bỏ qua chỉ thị xử lý <?\(name(start + 2..<min(target, start + 42)))…?> (Word không dùng)")
            }
            return end + 2
        case 0x21: // <!
            if matches("<!--", at: start) {
                guard let end = find(Array("-->".utf8), from: start + 4) else { throw failure(at: start, "chú thích <!-- không đóng") }
                return end + 3
            }
            if matches("<![CDATA[", at: start) {
                guard let end = find(Array("]]>".utf8), from: start + 9) else { throw failure(at: start, "khối CDATA không đóng") }
                if inText && skipDepth == 0 { appendCharacters(start + 9..<end) }
                return end + 3
            }
            if matches("<!DOCTYPE", at: start) {
                guard !sawRoot else { throw failure(at: start, "DOCTYPE sau phần tử gốc") }
                note("docx_dtd", "bỏ qua khai báo DOCTYPE (Word không dùng; thực thể trong đó không được mở rộng)")
                return try skipDoctype(from: start + 9)
            }
            throw failure(at: start, "khai báo <! không rõ")
        case 0x2F: // </
            let nameStart = start + 2
            let end = nameEnd(from: nameStart)
            var close = end
            while close < count, isSpace(input[close]) { close += 1 }
            guard close < count, input[close] == 0x3E else { throw failure(at: start, "thẻ đóng không kết thúc bằng >") }
            guard let top = open.popLast(), equal(top, nameStart..<end) else {
                throw failure(at: start, "thẻ đóng </\(name(nameStart..<end))> không khớp thẻ mở")
            }
            endElement(nameStart..<end)
            return close + 1
        default:
            let nameStart = start + 1
            let end = nameEnd(from: nameStart)
            guard end > nameStart else { throw failure(at: start, "thẻ không có tên") }
            if open.isEmpty {
                guard !sawRoot else { throw failure(at: start, "nội dung sau phần tử gốc") }
                sawRoot = true
            }
            var attributes: [(name: Range<Int>, value: Range<Int>)] = []
            var i = end
            while true {
                while i < count, isSpace(input[i]) { i += 1 }
                guard i < count else { throw failure(at: start, "thẻ không đóng") }
                if input[i] == 0x3E { // >
                    open.append(nameStart..<end)
                    startElement(nameStart..<end, attributes)
                    return i + 1
                }
                if input[i] == 0x2F { // />
                    guard i + 1 < count, input[i + 1] == 0x3E else { throw failure(at: i, "sau / phải là >") }
                    startElement(nameStart..<end, attributes)
                    endElement(nameStart..<end)
                    return i + 2
                }
                let attributeStart = i
                let attributeEnd = nameEnd(from: i)
                guard attributeEnd > attributeStart else { throw failure(at: i, "ký tự lạ trong thẻ") }
                i = attributeEnd
                while i < count, isSpace(input[i]) { i += 1 }
                guard i < count, input[i] == 0x3D else { throw failure(at: i, "thuộc tính thiếu dấu =") }
                i += 1
                while i < count, isSpace(input[i]) { i += 1 }
                guard i < count, input[i] == 0x22 || input[i] == 0x27 else { throw failure(at: i, "giá trị thuộc tính thiếu dấu nháy") }
                let quote = input[i]
                var valueEnd = i + 1
                while valueEnd < count, input[valueEnd] != quote {
                    if input[valueEnd] == 0x3C { throw failure(at: valueEnd, "dấu < trong giá trị thuộc tính") }
                    valueEnd += 1
                }
                guard valueEnd < count else { throw failure(at: i, "giá trị thuộc tính không đóng") }
                attributes.append((attributeStart..<attributeEnd, i + 1..<valueEnd))
                i = valueEnd + 1
            }
        }
    }

    /// Skips a DOCTYPE's body (quoted strings and an internal subset in brackets included);
    /// returns the index after its closing `>`.
    private func skipDoctype(from start: Int) throws(Failure) -> Int {
        var i = start
        var quote: UInt8 = 0
        var bracket = false
        while i < input.count {
            let b = input[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if bracket {
                if b == 0x5D { bracket = false }
            } else if b == 0x5B {
                bracket = true
            } else if b == 0x3E {
                return i + 1
            }
            i += 1
        }
        throw failure(at: start, "khai báo DOCTYPE không đóng")
    }

    /// Handles `&…;` at `start`; writes its character when `emit`; returns the index after it.
    private mutating func reference(at start: Int, emit: Bool) throws(Failure) -> Int {
        let count = input.count
        var end = start + 1
        while end < count, end - start < 40, input[end] != 0x3B { end += 1 }
        guard end < count, input[end] == 0x3B, end > start + 1 else { throw failure(at: start, "dấu & không bắt đầu một tham chiếu") }
        if let scalar = try decodeReference(start + 1..<end) {
            if emit { output.append(contentsOf: String(scalar).utf8) }
        } else {
            note("docx_entity", "bỏ qua thực thể không thuộc XML &\(name(start + 1..<end));")
        }
        return end + 1
    }

    /// The character of the reference named by `body` (between `&` and `;`), nil for a named
    /// entity XML does not predefine.
    private func decodeReference(_ body: Range<Int>) throws(Failure) -> Unicode.Scalar? {
        if input[body.lowerBound] == 0x23 { // #
            var i = body.lowerBound + 1
            var radix: UInt32 = 10
            if i < body.upperBound, input[i] == 0x78 { radix = 16; i += 1 }
            guard i < body.upperBound else { throw failure(at: body.lowerBound, "tham chiếu số rỗng") }
            var value: UInt32 = 0
            while i < body.upperBound {
                guard let digit = Self.digit(input[i], radix: radix) else { throw failure(at: i, "tham chiếu số có ký tự lạ") }
                value = min(value * radix + digit, 0x110000)
                i += 1
            }
            guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
            return scalar
        }
        switch name(body) {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default: return nil
        }
    }

    /// Copies character data, normalising line ends as XML does (CR LF and CR alone to LF).
    private mutating func appendCharacters(_ range: Range<Int>) {
        var i = range.lowerBound
        while i < range.upperBound {
            let b = input[i]
            if b == 0x0D {
                output.append(0x0A)
                if i + 1 < range.upperBound, input[i + 1] == 0x0A { i += 1 }
            } else {
                output.append(b)
            }
            i += 1
        }
    }

    // MARK: - WordprocessingML

    /// The name of an element this scanner acts on (`w:…`, `mc:…`, short), or "" for any other.
    private func known(_ element: Range<Int>) -> String {
        guard element.count >= 3, element.count <= 20, input[element.lowerBound] == 0x77 || input[element.lowerBound] == 0x6D else { return "" }
        return name(element)
    }

    private mutating func startElement(_ element: Range<Int>, _ attributes: [(name: Range<Int>, value: Range<Int>)]) {
        if skipDepth > 0 { skipDepth += 1; return }
        switch known(element) {
        case "w:footnote", "w:endnote":
            let type = attribute("w:type", attributes) ?? ""
            if type == "separator" || type == "continuationSeparator" || type == "continuationNotice" {
                skipDepth = 1
            } else if let id = attribute("w:id", attributes) {
                output.append(contentsOf: "[\(id)] ".utf8)
            }
        case "w:del", "w:instrText", "w:delText", "mc:Fallback":
            skipDepth = 1
        case "w:t":
            inText = true
        case "w:tab", "w:ptab":
            output.append(0x09)
        case "w:br", "w:cr":
            output.append(0x0A)
        case "w:noBreakHyphen":
            output.append(0x2D)
        case "w:footnoteReference", "w:endnoteReference":
            if let id = attribute("w:id", attributes) { output.append(contentsOf: "[\(id)]".utf8) }
        case "w:tc":
            cellDepth += 1
            cellHasParagraph = false
        case "w:p":
            if cellDepth > 0 {
                if cellHasParagraph { trimTrailingBlanks(); output.append(0x20) }
                cellHasParagraph = true
            }
        default:
            break
        }
    }

    private mutating func endElement(_ element: Range<Int>) {
        if skipDepth > 0 { skipDepth -= 1; return }
        switch known(element) {
        case "w:t":
            inText = false
        case "w:p":
            if cellDepth == 0 {
                trimTrailingBlanks()
                output.append(0x0A)
            }
        case "w:tc":
            cellDepth = max(0, cellDepth - 1)
            trimTrailingBlanks()
            output.append(0x09)
        case "w:tr":
            trimTrailingBlanks()
            output.append(0x0A)
        case "w:footnote", "w:endnote":
            if output.last != 0x0A { output.append(0x0A) }
        default:
            break
        }
    }

    private mutating func trimTrailingBlanks() {
        while let last = output.last, last == 0x20 || last == 0x09 { output.removeLast() }
    }

    /// The decoded value of the attribute `wanted`, if present.
    private func attribute(_ wanted: String, _ attributes: [(name: Range<Int>, value: Range<Int>)]) -> String? {
        guard let found = attributes.first(where: { name($0.name) == wanted }) else { return nil }
        var value: [UInt8] = []
        var i = found.value.lowerBound
        while i < found.value.upperBound {
            if input[i] == 0x26, let semicolon = (i + 1..<min(found.value.upperBound, i + 41)).first(where: { input[$0] == 0x3B }),
               let scalar = try? decodeReference(i + 1..<semicolon) {
                value.append(contentsOf: String(scalar).utf8)
                i = semicolon + 1
            } else {
                value.append(isSpace(input[i]) ? 0x20 : input[i])
                i += 1
            }
        }
        return String(decoding: value, as: UTF8.self)
    }

    // MARK: - Bytes

    /// The end of a name starting at `start`: up to a space, `/`, `>`, `=`, `?` or the end.
    private func nameEnd(from start: Int) -> Int {
        var i = start
        while i < input.count {
            let b = input[i]
            if isSpace(b) || b == 0x2F || b == 0x3E || b == 0x3D || b == 0x3F || b == 0x3C { break }
            i += 1
        }
        return i
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private func name(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self)
    }

    private func equal(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && input[a].elementsEqual(input[b])
    }

    private func lowercased(_ range: Range<Int>) -> [UInt8] {
        input[range].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    }

    private func matches(_ literal: StaticString, at start: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard start + count <= input.count else { return false }
        return literal.withUTF8Buffer { input[start..<start + count].elementsEqual($0) }
    }

    /// The first index at or after `start` where `needle` occurs (linear: the needles here have
    /// no repeated prefix that would need backtracking beyond their length).
    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= input.count else { return nil }
        var i = start
        let last = input.count - needle.count
        while i <= last {
            if input[i] == needle[0] {
                var k = 1
                while k < needle.count, input[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    private mutating func note(_ code: String, _ message: String) {
        guard !skipped.contains(where: { $0.code == code }) else { return }
        skipped.append((code, message))
    }

    /// A failure at byte `offset`, with its line number (counted only when failing).
    private func failure(at offset: Int, _ reason: String) -> Failure {
        var line = 1
        for b in input[..<min(offset, input.count)] where b == 0x0A { line += 1 }
        return Failure(line: line, reason: reason)
    }

    private static func digit(_ b: UInt8, radix: UInt32) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x61...0x66 where radix == 16: return UInt32(b - 0x61 + 10)
        case 0x41...0x46 where radix == 16: return UInt32(b - 0x41 + 10)
        default: return nil
        }
    }

    /// The offset of the first byte that is not part of well-formed UTF-8 (overlong forms,
    /// surrogates and values beyond U+10FFFF included), or nil.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= count else { return i }
            let second = bytes[i + 1]
            guard second >= low && second <= high else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
