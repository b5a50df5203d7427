/// One input as the pipeline sees it: where it came from, its decoded text (every offset a user is
/// shown points into it, in Unicode scalars), and what reading it produced as warnings.
public struct SourceDocument: Sendable {
    /// The path as the user gave it (or found in a folder), or `-` for standard input.
    public var path: String
    /// The decoded source text.
    public var text: String
    /// The number of bytes read.
    public var byteCount: Int
    /// The encoding or format it was read as, e.g. `utf-8`, `utf-16le`.
    public var encoding: String
    public var warnings: [Diagnostic]
    /// The bytes read, when `text` is exactly their UTF-8 (plain UTF-8 without a BOM or repairs):
    /// the normaliser then uses them instead of copying the text's bytes again. A hint only: it is
    /// compared with `text` before use.
    package var utf8: [UInt8]? = nil

    public init(path: String, text: String, byteCount: Int, encoding: String = "utf-8", warnings: [Diagnostic] = []) {
        self.path = path
        self.text = text
        self.byteCount = byteCount
        self.encoding = encoding
        self.warnings = warnings
    }
}
