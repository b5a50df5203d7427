/// Everything the index stores for one input file: the documents it holds (one for a document
/// file, none for a file of procedure records) and the procedures it lists.
public struct FileAnalysis: Sendable {
    /// What kind of input the file is.
    public enum Kind: String, Sendable {
        /// A text, HTML, Word or PDF document.
        case document
        /// Procedure records (JSON Lines or CSV).
        case records
    }

    /// One document of the file: its header, citations, relations and structure.
    public struct Document: Sendable {
        public var header: DocumentHeader
        public var citations: [Citation]
        public var relations: [Relation]
        public var structure: [StructureUnit]
        /// What `cancu review --db` needs besides (own date and symbol, relation words, changed
        /// bodies named); nil for synthetic documents (their header stands in).
        public var review: ReviewDocument.Extras?

        public init(header: DocumentHeader, citations: [Citation], relations: [Relation], structure: [StructureUnit],
                    review: ReviewDocument.Extras? = nil) {
            self.header = header; self.citations = citations; self.relations = relations; self.structure = structure
            self.review = review
        }
    }

    public var path: String
    public var kind: Kind
    public var documents: [Document]
    /// The procedures; those of a document file belong to its first document.
    public var procedures: [Procedure]
    /// What the reader could not do with parts of the input.
    public var warnings: [Diagnostic]

    public init(path: String, kind: Kind, documents: [Document] = [], procedures: [Procedure] = [], warnings: [Diagnostic] = []) {
        self.path = path; self.kind = kind; self.documents = documents; self.procedures = procedures; self.warnings = warnings
    }
}
