/// A unit a citation points at ("điểm a khoản 2 Điều 5"); each key is optional.
public struct Pinpoint: Sendable, Hashable, Codable {
    public var part: String?
    public var chapter: String?
    public var section: String?
    public var article: String?
    public var clause: String?
    public var point: String?

    public init(part: String? = nil, chapter: String? = nil, section: String? = nil,
                article: String? = nil, clause: String? = nil, point: String? = nil) {
        self.part = part; self.chapter = chapter; self.section = section
        self.article = article; self.clause = clause; self.point = point
    }
}

/// A reference to another document, as the output contract describes it.
public struct Citation: Sendable, Hashable, Codable {
    /// How the document is cited.
    public enum Kind: String, Sendable, Codable {
        /// Number and symbol ("09/2019/NĐ-CP").
        case full
        /// Type and number, symbol incomplete ("Nghị quyết số 01 năm 2020").
        case partial
        /// By name ("Luật Đất đai năm 2024").
        case name
        /// A back-reference ("Nghị định nêu trên"), see `resolvesTo`.
        case short
    }

    /// Source range in Unicode scalars (the contract's `start`, `end`).
    public var source: Range<Int>
    /// Normalised byte range (for the pipeline's own use).
    public var range: Range<Int>
    /// The source text of the span.
    public var text: String
    /// Canonical number and symbol, or nil when cited by name or without a symbol.
    public var symbol: String?
    /// Full Vietnamese type name ("Nghị định").
    public var type: String?
    public var number: String?
    public var year: Int?
    /// Issuer abbreviations of the symbol, in order.
    public var issuers: [String]
    /// The issue date stated with the citation.
    public var issued: LegalDate?
    /// The name when cited by name ("Bộ luật Lao động").
    public var name: String?
    public var pinpoints: [Pinpoint]
    public var kind: Kind
    /// For `short` citations: the index of the citation it names.
    public var resolvesTo: Int?
    /// Extra tags, e.g. `party`, `nonstandard_cv`, `in_title` (a law named inside the title of an
    /// amending law, "… của Luật A, Luật B": its only relation is `amends` from that law).
    public var tags: [String]
    /// The node key of the document it names, set by the resolve stage of the index's analysis
    /// (`CitationTargets`): "s:09/2019/NĐ-CP", a name key, or nil before resolution.
    public var target: String?
    /// The document's title as the citing text gives it (the title cell of a procedure record's
    /// legal-basis row), when it gives one.
    public var title: String?

    public init(source: Range<Int>, range: Range<Int>, text: String, symbol: String? = nil, type: String? = nil,
                number: String? = nil, year: Int? = nil, issuers: [String] = [], issued: LegalDate? = nil,
                name: String? = nil, pinpoints: [Pinpoint] = [], kind: Kind, resolvesTo: Int? = nil, tags: [String] = []) {
        self.source = source; self.range = range; self.text = text; self.symbol = symbol; self.type = type
        self.number = number; self.year = year; self.issuers = issuers; self.issued = issued; self.name = name
        self.pinpoints = pinpoints; self.kind = kind; self.resolvesTo = resolvesTo; self.tags = tags
    }
}

/// A typed edge: from the input document (`self`) or a citation, to a citation.
public struct Relation: Sendable, Hashable, Codable {
    public enum RelationType: String, Sendable, Codable, CaseIterable {
        case basis, implements, amends, replaces, repeals, expires, corrects, suspends, extends
        case consolidates, publishes, refers
    }

    /// True for the types that change the cited document: it is replaced, repealed, ended or amended.
    public static func acts(_ type: RelationType) -> Bool {
        type == .replaces || type == .repeals || type == .expires || type == .amends
    }

    /// nil means the input document itself (`"self"` in JSON); otherwise a citation index.
    public var from: Int?
    public var to: Int
    public var type: RelationType
    /// Source range of the evidence (the clause or line that says so).
    public var source: Range<Int>

    public init(from: Int?, to: Int, type: RelationType, source: Range<Int>) {
        self.from = from; self.to = to; self.type = type; self.source = source
    }
}
