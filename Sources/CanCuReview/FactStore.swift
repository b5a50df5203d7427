import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
/// Where the reviewer finds what documents say about other documents: the facts learned from the
/// inputs of one run (`LearnedFacts`), or the SQLite index built by `cancu index`.
public protocol FactStore: Sendable {
    /// Every fact known about the document `symbol` (matched by `Registry.key`).
    func facts(about symbol: String) -> [DocumentFact]
}
