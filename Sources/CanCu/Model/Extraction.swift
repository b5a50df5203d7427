/// Everything `cancu extract` finds in one input document (one JSON line of the contract).
public struct Extraction: Sendable {
    public var source: String
    public var document: DocumentHeader
    public var citations: [Citation]
    public var relations: [Relation]
    public var dates: [DateMention]
    public var periods: [Period]
    public var targets: [Target]
    public var warnings: [Diagnostic]
    /// Notes for people about parts that take effect on other dates (text output only).
    public var effectNotes: [String]

    public init(source: String, document: DocumentHeader = DocumentHeader(), citations: [Citation] = [],
                relations: [Relation] = [], dates: [DateMention] = [], periods: [Period] = [],
                targets: [Target] = [], warnings: [Diagnostic] = [], effectNotes: [String] = []) {
        self.source = source; self.document = document; self.citations = citations; self.relations = relations
        self.dates = dates; self.periods = periods; self.targets = targets; self.warnings = warnings
        self.effectNotes = effectNotes
    }
}
