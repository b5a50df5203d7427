import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
/// A fact about a document learned from another document's text ("Nghị định này thay thế Nghị
/// định số 61/2018/NĐ-CP", an effect clause, a term), with the text as evidence.
public struct DocumentFact: Sendable, Hashable {
    /// What the fact says about `symbol`.
    public enum Kind: String, Sendable {
        /// `value`: its ISO issue date.
        case issued
        /// `value`: its ISO effective date.
        case effective
        /// `value`: the replacing document (nil when the replacing document's number is unknown).
        case replacedBy = "replaced_by"
        /// `value`: the repealing document.
        case repealedBy = "repealed_by"
        /// Declared no longer in effect; `value`: the declaring document.
        case expired
        /// `value`: the amending document.
        case amendedBy = "amended_by"
        /// `value`: the last year of its term ("2025").
        case termEnd = "term_end"
    }

    /// The document the fact is about (canonical symbol).
    public var symbol: String
    public var kind: Kind
    public var value: String?
    /// ISO date the fact took effect (the acting document's effective or issue date), when known.
    public var date: String?
    /// The document whose text says so (its path or index id).
    public var evidence: String
    /// The words that say so.
    public var sentence: String
    /// For a local body's symbol without a year ("45/KH-UBND", one in each province): the province
    /// of the document the fact is about (folded, "bac kan"), when known; nil for other symbols.
    public var province: String?

    public init(symbol: String, kind: Kind, value: String?, date: String?, evidence: String, sentence: String,
                province: String? = nil) {
        self.symbol = symbol; self.kind = kind; self.value = value; self.date = date
        self.evidence = evidence; self.sentence = sentence; self.province = province
    }
}
