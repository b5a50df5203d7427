import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// A node of the citation graph: a document (by canonical symbol, or by name and year) or an
/// administrative procedure (by code, or by name when it has none).
public struct GraphNode: Sendable, Hashable {
    /// What the node stands for.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case document, procedure
    }

    /// The node's identity: "09/2019/NĐ-CP", "Luật Đất đai (2024)", "1.000889".
    public var id: String
    public var kind: Kind
    /// The canonical number and symbol, when known.
    public var symbol: String?
    /// Full type name ("Nghị định").
    public var type: String?
    /// Issuer abbreviation(s) ("CP", "BNV-BTC") or, when only the header names it, the body.
    public var issuer: String?
    public var year: Int?
    /// ISO issue date, when known (used by `--since` and `--until`).
    public var issued: String?
    /// Status from the registry (`in_force`, `expired`, `partly_expired`, `unknown`), or nil.
    public var status: String?
    /// A short title for people.
    public var label: String?

    public init(id: String, kind: Kind, symbol: String? = nil, type: String? = nil, issuer: String? = nil,
                year: Int? = nil, issued: String? = nil, status: String? = nil, label: String? = nil) {
        self.id = id; self.kind = kind; self.symbol = symbol; self.type = type; self.issuer = issuer
        self.year = year; self.issued = issued; self.status = status; self.label = label
    }

    /// Fills the attributes this node lacks from `other` (known values are kept).
    public mutating func fill(from other: GraphNode) {
        if symbol == nil { symbol = other.symbol }
        if type == nil { type = other.type }
        if issuer == nil { issuer = other.issuer }
        if year == nil { year = other.year }
        if issued == nil { issued = other.issued }
        if status == nil { status = other.status }
        if label == nil { label = other.label }
    }

    /// The issue date, or the year alone, as an ISO prefix ("2019-01-24", "2019"); nil if unknown.
    public var date: String? {
        if let issued, !issued.isEmpty { return issued }
        return year.map { String($0) }
    }
}
