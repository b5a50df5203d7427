import CanCuModel
import CanCuText
import CanCuLexicon

/// Markdown files (`.md`, `.markdown`), among them pages saved from legal portals: decoded as plain
/// text is (UTF-8/16, a legacy encoding detected or forced), then read by `MarkdownScanner`, which
/// blanks the syntax and the site chrome. The text has the file's characters at the file's
/// offsets, so every span points into the file as written.
package struct MarkdownFormat: DocumentFormat {
    public var name: String { "markdown" }
    /// An encoding to use whatever the bytes look like (`--encoding`), or nil.
    public var forcedEncoding: InputEncoding?

    public init(forcedEncoding: InputEncoding? = nil) {
        self.forcedEncoding = forcedEncoding
    }

    public func extractText(bytes: [UInt8], path: String) throws(InputError) -> (text: String, warnings: [Diagnostic]) {
        let read = try read(bytes, path: path)
        return (read.text, read.warnings)
    }

    /// The text, the encoding's name (`markdown`, `markdown+tcvn3`) and the decoder's warnings.
    func read(_ bytes: [UInt8], path: String) throws(InputError) -> (text: String, encoding: String, warnings: [Diagnostic]) {
        let decoded = try source(bytes, path: path)
        let encoding = decoded.encoding.hasPrefix("utf") ? name : name + "+" + decoded.encoding
        return (MarkdownScanner.text(decoded.text), encoding, decoded.warnings)
    }

    /// The file decoded, syntax and all: what `cancu annotate` shows (the same scalars at the same
    /// offsets as the text the pipeline reads).
    package func source(_ bytes: [UInt8], path: String) throws(InputError) -> TextDecoder.Decoded {
        try DocumentReader.decodeText(bytes, path: path, forcedEncoding: forcedEncoding)
    }
}
