import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
/// One outdated or doubtful reference found by `cancu review` (one JSON line of the contract).
public struct Finding: Sendable, Hashable {
    /// How serious a finding is; `error` makes `cancu review` exit 1.
    public typealias Severity = FindingSeverity

    /// The contract's finding codes.
    public enum Code: String, Sendable, CaseIterable {
        case docReplaced = "doc_replaced", docRepealed = "doc_repealed", docExpired = "doc_expired"
        case docExpiredByTerm = "doc_expired_by_term", docAmended = "doc_amended"
        case docNotYetIssued = "doc_not_yet_issued", dateMismatch = "date_mismatch"
        case issuerMerged = "issuer_merged", issuerRenamed = "issuer_renamed", issuerAbolished = "issuer_abolished"
        case unknownDocument = "unknown_document"
    }

    /// Whether the reference was already outdated when the document was written (as of its own
    /// issue date) or is outdated only now (as of today or `--as-of`).
    public enum AsOf: String, Sendable {
        case now, written
    }

    /// The input document.
    public var source: String
    /// Source range in Unicode scalars (`start`, `end`).
    public var range: Range<Int>
    /// The source text of the reference.
    public var text: String
    /// The cited document's symbol, when the finding is about a document.
    public var symbol: String?
    public var code: Code
    public var severity: Severity
    /// Vietnamese message for people.
    public var message: String
    /// The replacing document or successor body, when known.
    public var replacement: String?
    /// Where the fact came from: `dictionaries/documents.tsv:LINE`, or the document whose text says so.
    public var evidence: String
    public var asOf: AsOf
    /// The date the change took effect (ISO), when known.
    public var changed: String?
    /// The known issue date, for `date_mismatch`.
    public var expected: String?
    /// Disagreements between the registry and what documents say, for people to settle.
    public var note: String?

    public init(source: String, range: Range<Int>, text: String, symbol: String? = nil, code: Code, severity: Severity,
                message: String, replacement: String? = nil, evidence: String, asOf: AsOf, changed: String? = nil,
                expected: String? = nil, note: String? = nil) {
        self.source = source; self.range = range; self.text = text; self.symbol = symbol; self.code = code
        self.severity = severity; self.message = message; self.replacement = replacement; self.evidence = evidence
        self.asOf = asOf; self.changed = changed; self.expected = expected; self.note = note
    }
}
