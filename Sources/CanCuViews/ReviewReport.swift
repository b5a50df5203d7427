import CanCuModel
import CanCuText
import CanCuReview

/// The reviewer's reports of `cancu review`: a CSV table with one row per finding for a
/// spreadsheet, and a Markdown report to paste into a memo (a heading and a table per document,
/// counts in Vietnamese words). Dates are dd/mm/yyyy; the stable code stays in its own column.
///
/// ```swift
/// var csv = ReviewReport.csvHeader
/// csv += ReviewReport.csvRows(source: "qd.txt", findings: findings, lineOf: lines)
/// ```
package enum ReviewReport {
    // MARK: CSV

    /// The CSV columns.
    public static let csvColumns = ["file", "line", "severity", "code", "label", "text", "symbol", "replacement", "as_of",
                                    "date", "message", "evidence"]

    /// The header line.
    public static var csvHeader: String { csvColumns.joined(separator: ",") + "\n" }

    /// One CSV row per finding: severity and label in Vietnamese words, `as_of` as the contract
    /// writes it (written, now), `date` (the change's date, or the known issue date of a
    /// date_mismatch) dd/mm/yyyy, every cell Excel-safe (`OutputSafety.csvCell`) and quoted as RFC
    /// 4180 asks.
    public static func csvRows(source: String, findings: [Finding], lineOf: (Int) -> Int,
                               labels: FindingLabels = .builtIn) -> String {
        var out = ""
        for finding in findings {
            let cells: [String?] = [
                source, String(lineOf(finding.range.lowerBound)), labels.severity(finding.severity), finding.code.rawValue,
                labels.label(finding.code), flat(finding.text), finding.symbol, finding.replacement, finding.asOf.rawValue,
                (finding.changed ?? finding.expected).map(TextDates.vietnamese), TextDates.inText(finding.message),
                finding.evidence,
            ]
            out += cells.map { csvField($0 ?? "") }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// A CSV field: formula starts neutralised, quoted when it holds a comma, a quote or a line break.
    static func csvField(_ value: String) -> String {
        let safe = OutputSafety.csvCell(value)
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: Markdown

    /// The report's title.
    public static func markdownTitle(asOf: String) -> String {
        "# Rà soát tham chiếu văn bản\n\nTính đến ngày \(TextDates.vietnamese(asOf)).\n\n"
    }

    /// One document: a heading with its issue date, its counts, then a table of its findings.
    public static func markdown(source: String, written: String?, findings: [Finding], lineOf: (Int) -> Int,
                                labels: FindingLabels = .builtIn) -> String {
        var out = "## " + cell(source) + (written.map { " (ban hành \(TextDates.vietnamese($0)))" } ?? " (không rõ ngày ban hành)") + "\n\n"
        if findings.isEmpty { return out + "Không có phát hiện.\n\n" }
        var severities: [Finding.Severity: Int] = [:]
        for finding in findings { severities[finding.severity, default: 0] += 1 }
        out += "\(findings.count) phát hiện: \(labels.counts(severities)).\n\n"
        out += "| Dòng | Mức độ | Phát hiện | Trích dẫn | Nội dung | Thay bằng | Nguồn |\n"
        out += "|---:|---|---|---|---|---|---|\n"
        for finding in findings {
            let kind = labels.label(finding.code) + " (" + labels.timing(finding.code, finding.asOf) + ")"
            var message = TextDates.inText(finding.message)
            if let note = finding.note { message += "; ghi chú: " + TextDates.inText(note) }
            let cells = [String(lineOf(finding.range.lowerBound)), labels.severity(finding.severity), kind, finding.text,
                         message, finding.replacement ?? "", finding.evidence]
            out += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    /// The closing section: documents and findings counted in words, by severity and by kind.
    public static func markdownSummary(_ counts: [String: Int], documents: Int, labels: FindingLabels = .builtIn) -> String {
        let total = counts.filter { !$0.key.contains(":") }.values.reduce(0, +)
        var severities: [Finding.Severity: Int] = [:]
        for s in [Finding.Severity.error, .warning, .info] { severities[s] = counts["severity:" + s.rawValue] }
        var out = "## Tổng cộng\n\n\(documents) văn bản, \(total) phát hiện"
        let bySeverity = labels.counts(severities)
        out += bySeverity.isEmpty ? ".\n\n" : ": \(bySeverity).\n\n"
        for code in Finding.Code.allCases {
            if let n = counts[code.rawValue] { out += "- \(labels.label(code)): \(n)\n" }
        }
        return out
    }

    /// Text in a Markdown table cell: one line, controls shown as symbols, the characters Markdown
    /// would read as syntax escaped (`|` ends a cell, `*` `_` emphasise, `<` opens HTML).
    static func cell(_ text: String) -> String {
        var out = ""
        for ch in OutputSafety.terminal(flat(text)) {
            if "\\|*_`[]<>#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    static func flat(_ text: String) -> String { text.split(whereSeparator: \.isNewline).joined(separator: " ") }
}
