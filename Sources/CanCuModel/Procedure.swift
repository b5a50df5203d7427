/// An administrative procedure (thủ tục hành chính) and the documents it rests on.
public struct Procedure: Sendable, Hashable, Codable {
    /// Where the procedure was found.
    public enum Origin: String, Sendable, Codable {
        /// A procedure record (JSON Lines or CSV with the National Public Service Portal's fields).
        case record
        /// A publishing decision (Quyết định công bố) or its annex.
        case decision
        /// An internal procedure (TTHC nội bộ) published by a decision.
        case internalProcedure = "internal"
    }

    /// The national code ("1.004222"), when there is one.
    public var code: String?
    /// Other codes of the same procedure (legal-conventions.md §6.5): legacy codes such as
    /// "T-BKA-290103-TT" or "BTP-263563", and a provincial variant "1.001193.000.00.00.H35".
    public var aliases: [String]
    public var name: String
    public var agency: String?
    /// Lĩnh vực.
    public var field: String?
    /// Cấp thực hiện.
    public var level: String?
    /// The publishing decision's symbol ("5710/QĐ-BCA-C06").
    public var publishedBy: String?
    /// The legal basis: citations with pinpoints, from `can_cu_phap_ly` or the annex section.
    public var basis: [Citation]
    /// The raw legal-basis text as written.
    public var basisText: String
    /// Normalised byte range of the legal-basis section in its document (annex procedures), for the
    /// citation stage; nil for records.
    public var basisRange: Range<Int>?
    public var origin: Origin
    /// The file it came from, and the source range inside it (scalars; for records, the line's).
    public var sourcePath: String
    public var source: Range<Int>

    public init(code: String?, name: String, agency: String? = nil, field: String? = nil, level: String? = nil,
                publishedBy: String? = nil, basis: [Citation] = [], basisText: String = "", origin: Origin,
                sourcePath: String, source: Range<Int>, basisRange: Range<Int>? = nil, aliases: [String] = []) {
        self.code = code; self.name = name; self.agency = agency; self.field = field; self.level = level
        self.publishedBy = publishedBy; self.basis = basis; self.basisText = basisText; self.origin = origin
        self.sourcePath = sourcePath; self.source = source; self.basisRange = basisRange
        self.aliases = aliases
    }
}
