import CanCu

/// The `--as-of` date of `review`, `analyze` and the queries: a whole day, written as Vietnamese
/// readers write it (31/12/2025, 31-12-2025) or in ISO (2025-12-31); an impossible day
/// (2025-02-31) is refused.
enum AsOfDate {
    /// The ISO date of `argument`, or nil when it is not a real day.
    static func iso(_ argument: String) -> String? {
        guard let date = LegalDate(userInput: argument), date.precision == .day else { return nil }
        return date.iso
    }

    /// The message for an argument `iso` refuses.
    static func refusal(_ argument: String) -> String {
        "--as-of: '\(argument)' không phải một ngày có thật; ghi ngày/tháng/năm (31/12/2025) hoặc năm-tháng-ngày (2025-12-31)"
    }
}
