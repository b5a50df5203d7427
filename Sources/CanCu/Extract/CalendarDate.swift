/// A calendar date with year, month or day precision ("2019-01-24", "2021-06", "2025").
public struct CalendarDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// The years a date of a Vietnamese document may have.
    public static let plausibleYears = 1900...2100

    /// A date when the parts make a real date (no 31/02, no month 13); nil otherwise.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard Self.plausibleYears.contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year; self.month = month; self.day = day
    }

    /// The number of days of a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601 at the date's precision.
    public var iso: String {
        var out = String(year)
        if let month {
            out += month < 10 ? "-0\(month)" : "-\(month)"
            if let day { out += day < 10 ? "-0\(day)" : "-\(day)" }
        }
        return out
    }

    /// The date `days` days later (day precision only; nil otherwise).
    public func adding(days: Int) -> CalendarDate? {
        guard let month, let day else { return nil }
        let n = Self.dayNumber(year: year, month: month, day: day) + days
        let (y, m, d) = Self.civil(fromDayNumber: n)
        return CalendarDate(year: y, month: m, day: d)
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
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
