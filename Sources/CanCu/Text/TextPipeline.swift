/// The text stage of the pipeline, configured once from the dictionaries and passed down.
public struct TextPipeline: Sendable {
    public let lexicon: Lexicon
    public let normalizer: Normalizer
    public let tokenizer: Tokenizer

    public init(lexicon: Lexicon = .builtIn) {
        self.lexicon = lexicon
        normalizer = Normalizer(lexicon: lexicon)
        tokenizer = Tokenizer(lexicon: lexicon)
    }

    /// Normalises a document's text.
    public func normalize(_ document: SourceDocument) -> NormalizedText {
        normalizer.normalize(document.text)
    }
}
