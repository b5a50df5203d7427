import Foundation

/// `application/x-www-form-urlencoded` data, as query strings and HTML forms send it (`+` is a
/// space). The last value of a repeated name wins.
package struct FormData: Sendable {
    package var values: [String: String] = [:]

    package init(_ raw: String) {
        for pair in raw[...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first.map(Self.decode), !name.isEmpty else { continue }
            values[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
    }

    package subscript(_ name: String) -> String? { values[name] }

    static func decode(_ text: Substring.SubSequence) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
