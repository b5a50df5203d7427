import CanCuModel
import CanCuText
/// One change of a body in the 2025 reorganisation (a merged ministry or province, a renamed
/// province, the abolished district level), with the phrases that name the old body in a text.
/// Read from `succession.tsv` and `provinces.tsv`.
package struct BodyChange: Sendable, Hashable {
    /// What happened to the body.
    public enum Event: String, Sendable {
        case merged, renamed, converted, abolished, moved
    }

    /// The old body ("Bộ Kế hoạch và Đầu tư", "tỉnh Bắc Kạn", "UBND huyện").
    public var oldBody: String
    public var event: Event
    /// ISO date from which naming the old body is outdated.
    public var effective: String
    /// The successor bodies, main one first.
    public var successors: [String]
    /// The legal act that made the change ("176/2025/QH15").
    public var basis: String?
    /// Phrases that name the old body in a text, each with the severity of a finding in a
    /// document dated on/after `effective`.
    public var patterns: [(phrase: String, severity: FindingSeverity)]
    /// `file:line` of the row.
    public var origin: String

    public static func == (a: BodyChange, b: BodyChange) -> Bool { a.origin == b.origin && a.oldBody == b.oldBody }
    public func hash(into hasher: inout Hasher) { hasher.combine(origin); hasher.combine(oldBody) }

    public init(oldBody: String, event: Event, effective: String, successors: [String], basis: String?,
                patterns: [(phrase: String, severity: FindingSeverity)], origin: String) {
        self.oldBody = oldBody; self.event = event; self.effective = effective; self.successors = successors
        self.basis = basis; self.patterns = patterns; self.origin = origin
    }

    /// The dated changes of the dictionaries that have phrases to scan for.
    public static func all(lexicon: Lexicon) -> [BodyChange] {
        var changes: [BodyChange] = []
        var described: [String] = []
        if let table = lexicon.table("succession.tsv") {
            for (row, origin) in zip(table.rows, table.origins) {
                described.append(row["old_body"])
                guard let event = Event(rawValue: row["event"]), !row["effective"].isEmpty else { continue }
                let severity = FindingSeverity(rawValue: row["severity"]) ?? .warning
                let patterns = row.values("patterns").map { (phrase: $0, severity: severity) }
                guard !patterns.isEmpty else { continue }
                changes.append(BodyChange(oldBody: row["old_body"], event: event, effective: row["effective"],
                                          successors: row.values("successor_body"), basis: row["basis"].nonEmpty,
                                          patterns: patterns, origin: origin))
            }
        }
        if let table = lexicon.table("provinces.tsv") {
            for (row, origin) in zip(table.rows, table.origins) {
                let old = row["old_name"], new = row["new_name"]
                guard !row["effective"].isEmpty, !old.isEmpty, old != new,
                      !described.contains(where: { $0.hasPrefix(old) }) else { continue }
                let type = row["old_type"].isEmpty ? "tỉnh" : row["old_type"]
                var names = [old]
                if old.contains(" - ") { names.append(old.replacingOccurrences(of: " - ", with: "-")) }
                var patterns: [(phrase: String, severity: FindingSeverity)] = []
                for name in names {
                    for body in ["UBND", "Ủy ban nhân dân", "HĐND", "Hội đồng nhân dân"] {
                        patterns.append((phrase: "\(body) \(type) \(name)", severity: .error))
                    }
                    patterns.append((phrase: "\(type) \(name)", severity: .warning))
                }
                let newType = row["new_type"].isEmpty ? "tỉnh" : row["new_type"]
                changes.append(BodyChange(oldBody: "\(type) \(old)", event: .merged, effective: row["effective"],
                                          successors: ["\(newType) \(new)"], basis: row["basis"].nonEmpty,
                                          patterns: patterns, origin: origin))
            }
        }
        return changes
    }
}
