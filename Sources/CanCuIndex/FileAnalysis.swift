import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
/// Everything the index stores for one input file: the documents it holds (one for a document
/// file, none for a file of procedure records) and the procedures it lists.
public struct FileAnalysis: Sendable, Codable {
    /// What kind of input the file is.
    public enum Kind: String, Sendable, Codable {
        /// A text, HTML, Word or PDF document.
        case document
        /// Procedure records (JSON Lines or CSV).
        case records
    }

    public var path: String
    public var kind: Kind
    /// The facts of each document of the file (with the procedures it publishes).
    public var documents: [DocumentFacts]
    /// The procedures of a file of procedure records.
    public var records: [Procedure]
    /// What the reader could not do with parts of the input.
    public var warnings: [Diagnostic]
    /// Names this file ties to symbols ("n:luat cu tru|2020" → "s:68/2020/QH14"), from the resolve stage.
    public var aliases: [String: String] = [:]

    public init(path: String, kind: Kind, documents: [DocumentFacts] = [], records: [Procedure] = [], warnings: [Diagnostic] = []) {
        self.path = path; self.kind = kind; self.documents = documents; self.records = records; self.warnings = warnings
    }

    /// Every procedure of the file: its records', or those its documents publish.
    public var procedures: [Procedure] { records + documents.flatMap(\.procedures) }
}
