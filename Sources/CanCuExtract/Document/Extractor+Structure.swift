import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
extension Extractor {
    /// The whole structure tree of a document (Phần … điểm, footer, annexes), for the index.
    ///
    /// ```swift
    /// let units = Extractor(lexicon: .builtIn).structure(of: document)
    /// ```
    public func structure(of document: SourceDocument) -> [StructureUnit] {
        structure.parse(pipeline.normalize(document))
    }

    /// The structure tree of already normalised text.
    public func structure(of text: NormalizedText) -> [StructureUnit] {
        structure.parse(text)
    }
}
