import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import CanCuGraph
/// The views of `cancu review`: one JSON line per finding (the contract), or a text report for
/// people grouped by document in reading order.
package enum ReviewView {
    /// Appends one JSON line per finding.
    public static func writeJSON(_ findings: [Finding], to json: inout JSONWriter) {
        for finding in findings {
            json.object { json in
                json.field("source", finding.source)
                json.span(finding.range)
                json.field("text", finding.text)
                json.field("symbol", finding.symbol)
                json.field("code", finding.code.rawValue)
                json.field("severity", finding.severity.rawValue)
                json.field("message", finding.message)
                json.field("replacement", finding.replacement)
                json.field("evidence", finding.evidence)
                json.field("as_of", finding.asOf.rawValue)
                json.field("changed", finding.changed)
                if let expected = finding.expected { json.field("expected", expected) }
                if let note = finding.note { json.field("note", note) }
            }
            json.newline()
        }
    }

    /// The text report of one document: a heading, then each finding as a short block fitted in
    /// `style.width` (wrapped between words, nothing cut): its line, severity and kind in words,
    /// whether it was so when the document was written or only now, the cited text, the message
    /// (dates dd/mm/yyyy), the replacement, the source and any note.
    public static func text(source: String, written: String?, findings: [Finding], lineOf: (Int) -> Int,
                            style: TerminalStyle = .plain, labels: FindingLabels = .builtIn) -> String {
        var out = style.bold(safe(source)) + (written.map { " (ban hành \(TextDates.vietnamese($0)))" } ?? " (không rõ ngày ban hành)") + "\n"
        if findings.isEmpty { return out + "  không có phát hiện\n" }
        for finding in findings {
            out += block(finding, line: lineOf(finding.range.lowerBound), style: style, labels: labels)
        }
        return out
    }

    /// One finding for people, in lines of at most `style.width`.
    static func block(_ finding: Finding, line: Int, style: TerminalStyle, labels: FindingLabels) -> String {
        let mark = labels.severity(finding.severity).uppercased()
        let head = "dòng \(line) · \(mark) · \(labels.label(finding.code)) · \(labels.timing(finding.code, finding.asOf))"
        var out = TextWrap.block(head, width: style.width, first: "  ", rest: "      ")
        if style.color, let range = out.range(of: " · \(mark) · ") {
            out.replaceSubrange(range, with: " · " + style.paint(mark, finding.severity) + " · ")
        }
        let rest = "      "
        func add(_ text: String) { out += TextWrap.block(safe(text), width: style.width, first: rest, rest: rest) }
        add("«" + flat(finding.text) + "»")
        add(TextDates.inText(finding.message))
        if let replacement = finding.replacement { add("→ thay bằng: " + replacement) }
        add("nguồn: " + finding.evidence)
        if let note = finding.note { add("ghi chú: " + TextDates.inText(note)) }
        return out
    }

    /// The closing summary: documents, findings counted by severity in words ("3 lỗi, 10 cảnh
    /// báo"), then by kind; `counts` holds finding codes and `severity:`-prefixed severities.
    public static func summary(_ counts: [String: Int], documents: Int, style: TerminalStyle = .plain,
                               labels: FindingLabels = .builtIn) -> String {
        let total = counts.filter { !$0.key.contains(":") }.values.reduce(0, +)
        var out = "\(documents) văn bản, \(total) phát hiện"
        var severities: [Finding.Severity: Int] = [:]
        for s in [Finding.Severity.error, .warning, .info] { severities[s] = counts["severity:" + s.rawValue] }
        let bySeverity = labels.counts(severities)
        if !bySeverity.isEmpty { out += " (" + bySeverity + ")" }
        let parts = Finding.Code.allCases.compactMap { code in counts[code.rawValue].map { "\(labels.label(code)): \($0)" } }
        if !parts.isEmpty { out += "; " + parts.joined(separator: "; ") }
        return TextWrap.block(out, width: style.width, first: "", rest: "  ")
    }

    /// How many cited documents have a known status, by source: "Hiệu lực đã biết của 12/30 văn
    /// bản được trích dẫn (40%): danh mục 10, bảng đã nhập 1, văn bản 1; chưa rõ 18."
    public static func coverage(_ coverage: StatusCoverage, style: TerminalStyle = .plain) -> String {
        guard coverage.total > 0 else { return "" }
        let percent = Int((Double(coverage.known) * 100 / Double(coverage.total)).rounded())
        let words: [(StatusCoverage.Source, String)] = [(.registry, "danh mục"), (.imported, "bảng đã nhập"), (.documents, "văn bản")]
        let parts = words.compactMap { source, word in coverage.count(source) > 0 ? "\(word) \(coverage.count(source))" : nil }
        var out = "Hiệu lực đã biết của \(coverage.known)/\(coverage.total) văn bản được trích dẫn (\(percent)%)"
        if !parts.isEmpty { out += ": " + parts.joined(separator: ", ") }
        out += "; chưa rõ \(coverage.count(.unknown))."
        return TextWrap.block(out, width: style.width, first: "", rest: "  ")
    }

    /// Text from documents made safe for a terminal (controls shown as symbols).
    static func safe(_ text: String) -> String { OutputSafety.terminal(text) }

    /// Text on one line.
    static func flat(_ text: String) -> String { text.split(whereSeparator: \.isNewline).joined(separator: " ") }
}
