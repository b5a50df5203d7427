import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// Options of the exporters that only some formats read.
public struct GraphExportOptions: Sendable {
    /// The CSV header conventions.
    public enum CSVDialect: String, Sendable, CaseIterable {
        /// Gephi's spreadsheet import: `Id,Label,…` and `Source,Target,Type,Label`.
        case gephi
        /// `neo4j-admin database import`: `id:ID,…,:LABEL` and `:START_ID,:END_ID,:TYPE`.
        case neo4j
    }

    public var csvDialect: CSVDialect = .gephi
    /// CSV: write the edges only.
    public var edgesOnly = false
    /// CSV: start each file (or the stream) with a UTF-8 byte order mark, which Excel needs to read
    /// UTF-8 text as such.
    public var byteOrderMark = false
    /// Mermaid: wrap the flowchart in a ```` ```mermaid ```` fence (for `.md` files).
    public var markdownFence = false

    public init(csvDialect: CSVDialect = .gephi, edgesOnly: Bool = false, markdownFence: Bool = false, byteOrderMark: Bool = false) {
        self.csvDialect = csvDialect; self.edgesOnly = edgesOnly; self.markdownFence = markdownFence
        self.byteOrderMark = byteOrderMark
    }
}
