import CanCuModel
/// A word-break token: a syllable, a number, a punctuation mark or a symbol. White space is not a
/// token. `range` is in normalised bytes; `source` is the contract's `[start, end)` in source scalars.
public struct Token: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable {
        case word, number, punctuation, symbol
    }

    public var kind: Kind
    /// Byte range in the normalised text.
    public var range: Range<Int>
    /// Scalar range in the source text.
    public var source: Range<Int>
}

/// A span of the text: a sentence or a line, in normalised bytes and in source scalars.
public struct TextSpan: Sendable, Hashable {
    public var range: Range<Int>
    public var source: Range<Int>

    package init(range: Range<Int>, source: Range<Int>) {
        self.range = range; self.source = source
    }
}
