import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import CanCuGraph
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
        json.object { json in
            json.field("source", document.path)
            json.field("bytes", document.byteCount)
            json.field("tokens", tokenizer.countWords(text))
            json.field("sentences", tokenizer.sentences(text).count)
            json.field("lines", tokenizer.countLines(text))
        }
        json.newline()
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
        return Array(out.utf8)
    }
}
