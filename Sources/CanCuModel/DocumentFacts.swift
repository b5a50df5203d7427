/// Everything CanCu knows of one document, produced once by the pipeline (`Analyzer`: read →
/// normalise → header → find → resolve) and consumed by every later stage: `extract` prints it
/// (the output contract's JSON line), `review` judges it, the graph and the index are built from it,
/// and the index stores it whole, so nothing is extracted twice.
///
/// Offsets (`start`, `end` of citations, relations, dates, …) are Unicode-scalar offsets into
/// `text`, the decoded source.
///
/// ```swift
/// let facts = Analyzer(lexicon: .builtIn).analyze(document)
/// facts.citations.map(\.symbol)       // ["09/2019/NĐ-CP", …]
/// let data = try JSONEncoder().encode(facts)
/// ```
public struct DocumentFacts: Sendable, Codable {
    /// The input's path, as given (or as stored in the index).
    public var path: String
    /// The decoded source text every offset points into; nil when dropped to save memory.
    public var text: String?
    /// What the document says of itself in its header (the contract's `document`).
    public var document: DocumentHeader
    /// Its structure tree (Phần … Điểm, annexes); empty unless the analysis asked for it.
    public var structure: [StructureUnit]
    public var citations: [Citation]
    public var relations: [Relation]
    public var dates: [DateMention]
    public var periods: [Period]
    public var targets: [Target]
    /// The administrative procedures it publishes (a Quyết định công bố), each with its legal basis.
    public var procedures: [Procedure]
    /// What review needs besides: its own number and dates as the whole text gives them, its term,
    /// the words of acting relations, citation lines and the changed bodies it names.
    public var review: ReviewFacts
    public var warnings: [Diagnostic]
    /// Notes for people about parts that take effect on other dates (text output only).
    public var effectNotes: [String]

    public init(path: String, text: String? = nil, document: DocumentHeader = DocumentHeader(), structure: [StructureUnit] = [],
                citations: [Citation] = [], relations: [Relation] = [], dates: [DateMention] = [], periods: [Period] = [],
                targets: [Target] = [], procedures: [Procedure] = [], review: ReviewFacts = ReviewFacts(),
                warnings: [Diagnostic] = [], effectNotes: [String] = []) {
        self.path = path; self.text = text; self.document = document; self.structure = structure
        self.citations = citations; self.relations = relations; self.dates = dates; self.periods = periods
        self.targets = targets; self.procedures = procedures; self.review = review
        self.warnings = warnings; self.effectNotes = effectNotes
    }

    /// The 1-based line of a citation's or a body mention's start offset (from the lines found when
    /// the document was analysed).
    public func lines() -> (Int) -> Int {
        var table: [Int: Int] = [:]
        for (i, citation) in citations.enumerated() where i < review.citationLines.count {
            if table[citation.source.lowerBound] == nil { table[citation.source.lowerBound] = review.citationLines[i] }
        }
        for body in review.bodies where table[body.range.lowerBound] == nil { table[body.range.lowerBound] = body.line }
        return { table[$0] ?? 1 }
    }
}

/// What review needs of a document besides its citations and relations: values found by scanning
/// the whole text (not only the header), computed once when the document is analysed.
public struct ReviewFacts: Sendable, Hashable, Codable {
    /// A changed body's name found in the text ("Sở Kế hoạch và Đầu tư").
    public struct BodyMention: Sendable, Hashable, Codable {
        /// Source range in Unicode scalars.
        public var range: Range<Int>
        /// The exact source text.
        public var text: String
        /// 1-based line of the start.
        public var line: Int
        /// The succession row (`BodyChange.origin`) and the old body it names.
        public var origin: String
        public var oldBody: String
        /// The severity of the phrase that matched.
        public var severity: FindingSeverity

        public init(range: Range<Int>, text: String, line: Int, origin: String, oldBody: String, severity: FindingSeverity) {
            self.range = range; self.text = text; self.line = line; self.origin = origin; self.oldBody = oldBody
            self.severity = severity
        }
    }

    /// The document's own symbol (header, else its "Số:" line).
    public var ownSymbol: String?
    /// The date it was written (header, else the date line of a consolidated text's closing block
    /// or a Gazette running header).
    public var written: LegalDate?
    /// Its effective date (header, else its effect clause).
    public var effective: LegalDate?
    /// The last year of its term ("giai đoạn 2022 - 2025").
    public var termEnd: Int?
    /// The words of each relation that replaces, repeals, ends or amends, by relation index.
    public var sentences: [Int: String]
    /// The 1-based line of each citation's start, by citation index.
    public var citationLines: [Int]
    /// The 1-based line where the words of each acting relation start (`sentences`), by relation
    /// index: learned facts name their clause as FILE:LINE. Optional so that facts stored by an
    /// older version still decode (they name the file only).
    public var relationLines: [Int: Int]?
    /// The 1-based lines of the document's own number ("Số: …") and of its effect clause, when found.
    public var symbolLine: Int?
    public var effectiveLine: Int?
    /// The province the words after a local year-less citation name ("45/KH-UBND ngày … của UBND
    /// tỉnh Thái Nguyên" → "thai nguyen", folded), by citation index; nil when none does.
    public var citationProvinces: [Int: String]?
    /// The changed bodies named, in reading order.
    public var bodies: [BodyMention]

    public init(ownSymbol: String? = nil, written: LegalDate? = nil, effective: LegalDate? = nil, termEnd: Int? = nil,
                sentences: [Int: String] = [:], citationLines: [Int] = [], bodies: [BodyMention] = []) {
        self.ownSymbol = ownSymbol; self.written = written; self.effective = effective; self.termEnd = termEnd
        self.sentences = sentences; self.citationLines = citationLines; self.bodies = bodies
    }
}

/// How serious a review finding is; `error` makes `cancu review` exit 1.
public enum FindingSeverity: String, Sendable, Codable, Comparable {
    case info, warning, error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: FindingSeverity, b: FindingSeverity) -> Bool { a.rank < b.rank }
}
