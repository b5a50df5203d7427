/// A date as a legal text states it, at the precision it states: a day ("24/01/2019"), a month
/// ("tháng 6/2021") or a year ("năm 2025", or a header whose day and month were left blank).
///
/// A date of lower precision is an interval, so comparisons are three-valued: "2022" is neither
/// before nor after "2022-01-10". Use `isBefore(_:)` / `isAfter(_:)` for "certainly before/after"
/// and `sortsBefore(_:)` for a total order (for sorting only).
///
/// ```swift
/// let written = LegalDate(iso: "2022")!           // ngày … tháng … năm 2022
/// let issued = LegalDate(iso: "2022-01-10")!
/// issued.isAfter(written)                          // false: unknown, not "after"
/// LegalDate(iso: "2021-12-31")!.isBefore(written)  // true
/// ```
///
/// In JSON (and the index) a `LegalDate` is its ISO 8601 string at its precision.
public struct LegalDate: Sendable, Hashable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// The years a date of a Vietnamese document may have.
    public static let plausibleYears = 1900...2100

    /// A date when the parts make a real date (no 31/02, no month 13, a day only with a month);
    /// nil otherwise.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard Self.plausibleYears.contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day { guard day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil } }
        } else if day != nil {
            return nil
        }
        self.year = year; self.month = month; self.day = day
    }

    /// Reads "2019-01-24", "2021-06" or "2025"; nil for anything else or an impossible date.
    public init?(iso: String) {
        let parts = iso.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        var values: [Int] = []
        for part in parts {
            var value = 0
            for b in part {
                guard b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            values.append(value)
        }
        self.init(year: values[0], month: values.count > 1 ? values[1] : nil, day: values.count > 2 ? values[2] : nil)
    }

    /// Reads a date as a Vietnamese user types it: "31/12/2025", "31-12-2025", "31.12.2025",
    /// "12/2025", or ISO ("2025-12-31", "2025-12", "2025"). Impossible dates give nil.
    public init?(userInput: String) {
        let s = String(userInput.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        if let iso = LegalDate(iso: s) { self = iso; return }
        let parts: [String] = s.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 2 || parts.count == 3, let last = parts.last, last.count == 4, let year = Int(last) else { return nil }
        var numbers: [Int] = []
        for part in parts.dropLast() {
            guard part.count == 1 || part.count == 2, let value = Int(part) else { return nil }
            numbers.append(value)
        }
        if numbers.count == 2 {
            self.init(year: year, month: numbers[1], day: numbers[0])
        } else {
            self.init(year: year, month: numbers[0])
        }
    }

    /// The number of days of a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// What the date's precision is.
    public enum Precision: String, Sendable, Codable { case year, month, day }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// ISO 8601 at the date's precision ("2019-01-24", "2021-06", "2025").
    public var iso: String {
        var out = String(year)
        if let month {
            out += month < 10 ? "-0\(month)" : "-\(month)"
            if let day { out += day < 10 ? "-0\(day)" : "-\(day)" }
        }
        return out
    }

    public var description: String { iso }

    /// The date as Vietnamese readers write it: "24/01/2019", "06/2021", "2025".
    public var vietnamese: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        guard let month else { return String(year) }
        guard let day else { return "\(two(month))/\(year)" }
        return "\(two(day))/\(two(month))/\(year)"
    }

    /// Days since 1970-01-01 of the first and the last day the date may be.
    public var firstDay: Int { Self.dayNumber(year: year, month: month ?? 1, day: day ?? 1) }
    public var lastDay: Int {
        let m = month ?? 12
        return Self.dayNumber(year: year, month: m, day: day ?? Self.daysIn(month: m, year: year))
    }

    /// True when every day this date may be comes before every day `other` may be.
    public func isBefore(_ other: LegalDate) -> Bool { lastDay < other.firstDay }
    /// True when every day this date may be comes after every day `other` may be.
    public func isAfter(_ other: LegalDate) -> Bool { firstDay > other.lastDay }
    /// True when this date is certainly on or before `other` (not after it).
    public func isOnOrBefore(_ other: LegalDate) -> Bool { lastDay <= other.firstDay }
    /// True when this date is certainly on or after `other`.
    public func isOnOrAfter(_ other: LegalDate) -> Bool { firstDay >= other.lastDay }
    /// True when the two dates are stated at day precision and differ: a real disagreement.
    public func conflicts(with other: LegalDate) -> Bool { day != nil && other.day != nil && self != other }

    /// A total order for sorting (year, then month, then day; less precise first).
    public func sortsBefore(_ other: LegalDate) -> Bool {
        (year, month ?? 0, day ?? 0) < (other.year, other.month ?? 0, other.day ?? 0)
    }

    /// The date `days` days later (day precision only; nil otherwise).
    public func adding(days: Int) -> LegalDate? {
        guard let month, let day else { return nil }
        let (y, m, d) = Self.civil(fromDayNumber: Self.dayNumber(year: year, month: month, day: day) + days)
        return LegalDate(year: y, month: m, day: d)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let date = LegalDate(iso: string) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO date: \(string)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDayNumber z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
