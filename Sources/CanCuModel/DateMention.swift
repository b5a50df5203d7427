/// A date in the text, with its value at the precision written ("2019-01-24", "2021-06", "2025") and role.
public struct DateMention: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Codable {
        case issued, effective, deadline, cited, mention
    }

    public var source: Range<Int>
    public var range: Range<Int>
    public var text: String
    public var value: LegalDate
    public var role: Role

    public init(source: Range<Int>, range: Range<Int>, text: String, value: LegalDate, role: Role) {
        self.source = source; self.range = range; self.text = text; self.value = value; self.role = role
    }
}

/// A period ("giai đoạn 2022 – 2025", "đến năm 2030"); `from` or `to` may be nil (an end only).
public struct Period: Sendable, Hashable, Codable {
    public var source: Range<Int>
    public var range: Range<Int>
    public var text: String
    public var from: LegalDate?
    public var to: LegalDate?

    public init(source: Range<Int>, range: Range<Int>, text: String, from: LegalDate?, to: LegalDate?) {
        self.source = source; self.range = range; self.text = text; self.from = from; self.to = to
    }
}

/// A quantified goal ("100% TTHC nội bộ … trước ngày 01/4/2023").
public struct Target: Sendable, Hashable, Codable {
    public enum Comparator: String, Sendable, Codable {
        case atLeast = "at_least", atMost = "at_most", exactly
    }

    public var source: Range<Int>
    public var range: Range<Int>
    public var text: String
    public var value: Double
    /// "%", "%/năm", "đề án", … as written.
    public var unit: String
    public var comparator: Comparator
    public var subject: String?
    /// Deadline, when the clause or its heading gives one.
    public var deadline: LegalDate?
    /// Period of the target, e.g. "2022-2025".
    public var period: String?

    public init(source: Range<Int>, range: Range<Int>, text: String, value: Double, unit: String,
                comparator: Comparator, subject: String?, deadline: LegalDate?, period: String?) {
        self.source = source; self.range = range; self.text = text; self.value = value; self.unit = unit
        self.comparator = comparator; self.subject = subject; self.deadline = deadline; self.period = period
    }
}
