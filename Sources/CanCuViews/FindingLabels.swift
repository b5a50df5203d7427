import CanCuModel
import CanCuLexicon
import CanCuReview

/// The Vietnamese words of review findings for people (`dictionaries/finding-labels.tsv`): a label
/// per finding code, severity and relation type, and what a finding says of the reference as of the document's
/// date or now. JSON keeps the codes; text, CSV and Markdown use these words.
///
/// ```swift
/// let labels = FindingLabels(lexicon: .builtIn)
/// labels.label(.unknownDocument)          // "văn bản chưa có trong danh mục"
/// labels.timing(.unknownDocument, .now)   // "chưa rõ hiệu lực"
/// labels.counts([.error: 3, .warning: 10]) // "3 lỗi, 10 cảnh báo"
/// ```
package struct FindingLabels: Sendable {
    private var codes: [String: (label: String, written: String, now: String)] = [:]
    private var severities: [String: String] = [:]
    private var relations: [String: String] = [:]

    /// The built-in words.
    public static let builtIn = FindingLabels(lexicon: .builtIn)

    public init(lexicon: Lexicon) {
        for row in lexicon.rows("finding-labels.tsv") where !row["code"].isEmpty && !row["label"].isEmpty {
            switch row["kind"] {
            case "severity": severities[row["code"]] = row["label"]
            case "relation": relations[row["code"]] = row["label"]
            default: codes[row["code"]] = (row["label"], row["written"], row["now"])
            }
        }
    }

    /// The kind of finding in words ("văn bản đã bị thay thế"); the code itself when the table lacks it.
    public func label(_ code: Finding.Code) -> String { codes[code.rawValue]?.label ?? code.rawValue }

    /// A severity as people count it: "lỗi", "cảnh báo", "lưu ý".
    public func severity(_ severity: Finding.Severity) -> String { severities[severity.rawValue] ?? severity.rawValue }

    /// A relation type in words ("amends" → "sửa đổi, bổ sung"); the code itself when unknown.
    public func relation(_ code: String) -> String { relations[code] ?? code }

    /// What the finding says of the reference: "lỗi thời khi ban hành", "lỗi thời hiện nay",
    /// "chưa rõ hiệu lực" (never "lỗi thời" for a document whose status is unknown).
    public func timing(_ code: Finding.Code, _ asOf: Finding.AsOf) -> String {
        guard let words = codes[code.rawValue] else { return asOf.rawValue }
        let text = asOf == .written ? words.written : words.now
        return text.isEmpty ? asOf.rawValue : text
    }

    /// "3 lỗi, 10 cảnh báo, 2 lưu ý" (severities with a count, most serious first).
    public func counts(_ counts: [Finding.Severity: Int]) -> String {
        [Finding.Severity.error, .warning, .info].compactMap { s in
            counts[s].flatMap { $0 > 0 ? "\($0) \(severity(s))" : nil }
        }.joined(separator: ", ")
    }
}
