import CanCuModel

/// In tests, an ISO literal stands for a `LegalDate` ("2019-01-24", "2021-06", "2025"); an invalid
/// literal stops the test run, as a typo in a test should.
extension LegalDate: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        guard let date = LegalDate(iso: value) else { fatalError("not an ISO date: \(value)") }
        self = date
    }
}
