import CanCuIndex

/// The four colours a citation is shown in, from what the index and registry know of the
/// document it names. A document nobody knows is `unknown` ("chưa rõ"), never outdated.
package enum CitationStatus: String, Sendable, CaseIterable {
    case inForce = "in-force"
    case amended
    case outdated
    case unknown

    package init(_ facts: NodeFacts) {
        let outdatedFlags: Set<String> = ["replaced", "repealed", "doc_replaced", "doc_repealed", "doc_expired", "doc_expired_by_term"]
        if facts.status == "expired" || facts.flags.contains(where: outdatedFlags.contains) {
            self = .outdated
        } else if facts.status == "partly_expired" || facts.flags.contains("amended") || facts.flags.contains("doc_amended") {
            self = .amended
        } else if facts.status == "in_force" {
            self = .inForce
        } else {
            self = .unknown
        }
    }

    /// The legend's words.
    package var label: String {
        switch self {
        case .inForce: return "còn hiệu lực"
        case .amended: return "còn hiệu lực, đã được sửa đổi"
        case .outdated: return "bị thay thế, bãi bỏ hoặc hết hiệu lực"
        case .unknown: return "chưa rõ"
        }
    }

    /// The CSS class of a citation link.
    package var cssClass: String { "st-" + rawValue }
}
