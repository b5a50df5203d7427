/// What a document says of itself in its header (the contract's `document` object).
public struct DocumentHeader: Sendable, Hashable, Codable {
    /// Its own number and symbol, canonical ("45/KH-UBND").
    public var symbol: String?
    /// Full type name ("Kế hoạch").
    public var type: String?
    /// The issuing body, with its parent line when there is one ("UBND TỈNH X / SỞ Y").
    public var issuer: String?
    /// Issue date (a year only when the header leaves day and month blank).
    public var issued: LegalDate?
    public var place: String?
    /// The trích yếu.
    public var title: String?
    /// Effective date, when the effect clause gives or implies one.
    public var effective: LegalDate?
    /// Source range of the header (everything before the title's end).
    public var source: Range<Int>?

    public init(symbol: String? = nil, type: String? = nil, issuer: String? = nil, issued: LegalDate? = nil,
                place: String? = nil, title: String? = nil, effective: LegalDate? = nil, source: Range<Int>? = nil) {
        self.symbol = symbol; self.type = type; self.issuer = issuer; self.issued = issued
        self.place = place; self.title = title; self.effective = effective; self.source = source
    }
}
