import CanCuModel
import CanCuText
import Foundation
/// What the registry (`dictionaries/documents.tsv`) knows of one document: the one record type of
/// the registry (`Registry`), read by review, the index, the graph and name look-ups.
public struct DocumentRecord: Sendable, Hashable, Codable {
    /// The status of a document as of `statusAsOf`.
    public enum Status: String, Sendable, Codable {
        case inForce = "in_force", expired, partlyExpired = "partly_expired", notYetInForce = "not_yet_in_force", unknown
    }

    /// Canonical number and symbol ("09/2019/NĐ-CP").
    public var symbol: String
    /// Full type name ("Nghị định").
    public var type: String?
    public var issuer: String?
    public var title: String?
    /// ISO issue date.
    public var issued: String?
    /// ISO effective date.
    public var effective: String?
    public var status: Status
    /// The date or year the status was true on.
    public var statusAsOf: String?
    /// ISO date from which the document no longer has effect.
    public var expiredOn: String?
    /// Last year of a time-bound document's term ("giai đoạn 2022-2025" → 2025).
    public var termEnd: Int?
    public var replacedBy: [String]
    public var amendedBy: [String]
    public var repealedBy: [String]
    /// Confidence mark of the row (V, V3, M, M?, U).
    public var confidence: String
    /// Remarks and conflicts between sources.
    public var note: String
    /// Where the row is: `dictionaries/documents.tsv:LINE` (or a user's file and line).
    public var origin: String

    public init(symbol: String, type: String? = nil, issuer: String? = nil, title: String? = nil, issued: String? = nil,
                effective: String? = nil, status: Status = .unknown, statusAsOf: String? = nil, expiredOn: String? = nil,
                termEnd: Int? = nil, replacedBy: [String] = [], amendedBy: [String] = [], repealedBy: [String] = [],
                confidence: String = "", note: String = "", origin: String = "") {
        self.symbol = symbol; self.type = type; self.issuer = issuer; self.title = title; self.issued = issued
        self.effective = effective; self.status = status; self.statusAsOf = statusAsOf; self.expiredOn = expiredOn
        self.termEnd = termEnd; self.replacedBy = replacedBy; self.amendedBy = amendedBy; self.repealedBy = repealedBy
        self.confidence = confidence; self.note = note; self.origin = origin
    }

    /// The identity key of its symbol (`Registry.key`: "09/2019/NĐ-CP" → "9/2019/NĐ-CP").
    public var key: String { Registry.key(symbol) }

    /// The year of issue: the symbol's ("09/2019/NĐ-CP" → 2019), else the issue date's.
    public var year: Int? { Registry.year(of: symbol) ?? issued.flatMap { Int($0.prefix(4)) } }

    /// The issuers of a joint document ("BCA|BQP" → ["BCA", "BQP"]).
    public var issuers: [String] {
        issuer?.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
    }

    /// True when the row's facts are marked uncertain (M? or U).
    public var isUncertain: Bool { confidence.hasPrefix("M?") || confidence == "U" }
}
