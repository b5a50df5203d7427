import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import CanCuGraph
import Dispatch
import Synchronization
/// The outputs of `cancu tokenize` (JSON and count as in the contract; text for people).
package enum TokenView {
    /// The contract's line for one document. With `sink`, the line is handed out in pieces of
    /// about a megabyte as it grows, so memory stays bounded however many tokens there are.
    public static func writeJSON(_ document: SourceDocument, _ text: NormalizedText, _ tokenizer: Tokenizer, to json: inout JSONWriter,
                                 sink: (([UInt8]) -> Void)? = nil) {
        let sentences = tokenizer.sentences(text)
        let lines = tokenizer.lines(text)
        json.object { json in
            json.field("source", document.path)
            json.arrayField("tokens") { json in
                if let sink {
                    // The bulk of the line: written straight to the sink, byte for byte what the
                    // writer below gives.
                    json.drain(sink)
                    writeTokens(text, tokenizer, sink: sink)
                    return
                }
                tokenizer.forEachWord(text) { token in
                    json.object { json in
                        json.span(token.source)
                        json.field("text", text.text(ofBytes: token.range))
                        json.field("kind", token.kind.rawValue)
                    }
                    if let sink, json.bytes.count >= 1 << 20 { json.drain(sink) }
                }
            }
            writeSpans("sentences", sentences, to: &json, sink: sink)
            writeSpans("lines", lines, to: &json, sink: sink)
            writeWarnings(document.warnings, to: &json)
        }
        json.newline()
    }

    static func writeSpans(_ name: String, _ spans: [TextSpan], to json: inout JSONWriter, sink: (([UInt8]) -> Void)? = nil) {
        json.arrayField(name) { json in
            if let sink {
                json.drain(sink)
                let out = ByteBuffer(sink: sink)
                for (i, span) in spans.enumerated() {
                    if i > 0 { out.byte(0x2C) }
                    out.put(Self.startKey)
                    out.put(span.source.lowerBound)
                    out.put(Self.endKey)
                    out.put(span.source.upperBound)
                    out.byte(0x7D)
                    out.flushIfFull()
                }
                out.flush()
                return
            }
            for span in spans {
                json.object { json in
                    json.span(span.source)
                }
                if let sink, json.bytes.count >= 1 << 20 { json.drain(sink) }
            }
        }
    }

    /// The contract's `warnings` array.
    public static func writeWarnings(_ warnings: [Diagnostic], to json: inout JSONWriter) {
        json.arrayField("warnings") { json in
            for warning in warnings {
                json.object { json in
                    json.field("code", warning.code)
                    json.field("message", warning.message)
                }
            }
        }
    }

    public static func writeCount(_ document: SourceDocument, _ text: NormalizedText, _ tokenizer: Tokenizer, to json: inout JSONWriter) {
        let (words, sentences, lines) = counts(text, tokenizer)
        json.object { json in
            json.field("source", document.path)
            json.field("bytes", document.byteCount)
            json.field("tokens", words)
            json.field("sentences", sentences)
            json.field("lines", lines)
        }
        json.newline()
    }

    /// From this many bytes of text on, words and lines are counted on one thread, sentences on another.
    static let concurrentCountsMinimum = 32 * 1024

    /// The numbers of words, sentences and lines; each count is independent of the others, so on
    /// a large text they are made on two threads (on Gazette text, callgrind: words 132 M and lines
    /// 40 M instructions against sentences 135 M for 4.4 MB).
    static func counts(_ text: NormalizedText, _ tokenizer: Tokenizer) -> (words: Int, sentences: Int, lines: Int) {
        guard text.bytes.count >= concurrentCountsMinimum else {
            return (tokenizer.countWords(text), tokenizer.countSentences(text), tokenizer.countLines(text))
        }
        let counted = Mutex<(words: Int, sentences: Int, lines: Int)>((0, 0, 0))
        DispatchQueue.concurrentPerform(iterations: 2) { task in
            if task == 0 {
                let words = tokenizer.countWords(text), lines = tokenizer.countLines(text)
                counted.withLock { $0.words = words; $0.lines = lines }
            } else {
                let sentences = tokenizer.countSentences(text)
                counted.withLock { $0.sentences = sentences }
            }
        }
        return counted.withLock { $0 }
    }

    private static let startKey = Array(#"{"start":"#.utf8)
    private static let endKey = Array(#","end":"#.utf8)
    private static let textKey = Array(#","text":""#.utf8)
    private static let kindValues: [Token.Kind: [UInt8]] = Dictionary(uniqueKeysWithValues: [Token.Kind.word, .number, .punctuation, .symbol].map {
        ($0, Array(#"","kind":"\#($0.rawValue)"}"#.utf8))
    })

    /// The objects of the `tokens` array, as `JSONWriter` writes them, straight into `sink`.
    static func writeTokens(_ text: NormalizedText, _ tokenizer: Tokenizer, sink: @escaping ([UInt8]) -> Void) {
        let word = kindValues[.word]!, number = kindValues[.number]!
        let punctuation = kindValues[.punctuation]!, symbol = kindValues[.symbol]!
        let out = ByteBuffer(sink: sink)
        var first = true
        text.bytes.withUnsafeBufferPointer { bytes in
            tokenizer.forEachWord(text) { token in
                if !first { out.byte(0x2C) }
                first = false
                out.put(startKey)
                out.put(token.source.lowerBound)
                out.put(endKey)
                out.put(token.source.upperBound)
                out.put(textKey)
                out.putEscaped(UnsafeBufferPointer(rebasing: bytes[token.range]))
                switch token.kind {
                case .word: out.put(word)
                case .number: out.put(number)
                case .punctuation: out.put(punctuation)
                case .symbol: out.put(symbol)
                }
                out.flushIfFull()
            }
        }
        out.flush()
    }

    /// One token per line ("start-end kind text"), then the sentences and lines.
    public static func text(_ document: SourceDocument, _ text: NormalizedText, _ tokenizer: Tokenizer) -> [UInt8] {
        var out = "== \(document.path)\n"
        for warning in document.warnings { out += "! \(warning.code): \(warning.message)\n" }
        for token in tokenizer.words(text) {
            out += "\(token.source.lowerBound)-\(token.source.upperBound)\t\(token.kind.rawValue)\t\(text.text(ofBytes: token.range))\n"
        }
        let sentences = tokenizer.sentences(text)
        out += "-- \(sentences.count) câu\n"
        for (i, s) in sentences.enumerated() {
            out += "[\(i + 1)] \(s.source.lowerBound)-\(s.source.upperBound)\t\(text.text(ofBytes: s.range))\n"
        }
        let lines = tokenizer.lines(text)
        out += "-- \(lines.count) dòng\n"
        return Array(OutputSafety.terminal(out).utf8)
    }
}

/// A megabyte of output written with plain stores, handed to a sink when full.
private final class ByteBuffer {
    let sink: ([UInt8]) -> Void
    let base: UnsafeMutablePointer<UInt8>
    var count = 0
    static let capacity = 1 << 20
    /// Room for the largest single write between two `flushIfFull` calls but a token's text.
    static let slack = 256

    init(sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
        base = .allocate(capacity: Self.capacity + Self.slack)
    }

    deinit { base.deallocate() }

    func flushIfFull() { if count >= Self.capacity { flush() } }

    func flush() {
        if count == 0 { return }
        sink(Array(UnsafeBufferPointer(start: base, count: count)))
        count = 0
    }

    @inline(__always) func byte(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    @inline(__always) func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { p in
            (base + count).update(from: p.baseAddress!, count: p.count)
            count += p.count
        }
    }

    /// A non-negative integer in decimal (a negative one through `String`).
    @inline(__always) func put(_ value: Int) {
        guard value >= 0 else { put(Array(String(value).utf8)); return }
        var digits = 1, rest = value
        while rest >= 10 { rest /= 10; digits += 1 }
        var v = value, i = count + digits - 1
        repeat {
            base[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
            v /= 10
            i -= 1
        } while v > 0
        count += digits
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string's contents, escaped as `JSONWriter` escapes them.
    func putEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Room for every byte escaped (six bytes) and the fields that close the object.
        if count + bytes.count * 6 + 64 > Self.capacity + Self.slack { flush() }
        if bytes.count * 6 + 64 > Self.capacity + Self.slack {
            // A huge token: through an array, in one piece.
            flush()
            var big: [UInt8] = []
            big.reserveCapacity(bytes.count * 6)
            for b in bytes { Self.escape(b, into: &big) }
            sink(big)
            return
        }
        for b in bytes {
            if b >= 0x20 && b != 0x22 && b != 0x5C {
                base[count] = b
                count += 1
            } else {
                var escaped: [UInt8] = []
                Self.escape(b, into: &escaped)
                put(escaped)
            }
        }
    }

    private static func escape(_ b: UInt8, into out: inout [UInt8]) {
        switch b {
        case 0x22: out.append(0x5C); out.append(0x22)
        case 0x5C: out.append(0x5C); out.append(0x5C)
        case 0x0A: out.append(0x5C); out.append(0x6E)
        case 0x0D: out.append(0x5C); out.append(0x72)
        case 0x09: out.append(0x5C); out.append(0x74)
        case 0..<0x20: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
        default: out.append(b)
        }
    }
}
