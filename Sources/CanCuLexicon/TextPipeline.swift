import CanCuModel
import CanCuText
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
        normalizer.normalize(document.text, utf8: document.utf8)
    }
}

extension Normalizer {
    /// The normaliser with the built-in tone-placement table.
    public static let standard = Normalizer(lexicon: .builtIn)

    /// The normaliser with the lexicon's tone-placement table (`tone-placement.tsv`).
    public init(lexicon: Lexicon) {
        self.init(tonePairs: lexicon.rows("tone-placement.tsv").map { ($0["old"], $0["new"]) })
    }
}

extension Tokenizer {
    /// The tokenizer with the built-in sentence abbreviations.
    public static let standard = Tokenizer(lexicon: .builtIn)

    /// The tokenizer with the lexicon's sentence abbreviations (`sentence-abbreviations.tsv`).
    public init(lexicon: Lexicon, locale: String = "vi") {
        self.init(abbreviations: lexicon.rows("sentence-abbreviations.tsv").map { $0["abbreviation"] }, locale: locale)
    }
}
