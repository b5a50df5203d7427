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

    /// The text report of one document: a heading, then one line per finding with its line number.
    public static func text(source: String, written: String?, findings: [Finding], lineOf: (Int) -> Int) -> String {
        var out = "\(source)" + (written.map { " (ban hành \($0))" } ?? " (không rõ ngày ban hành)") + "\n"
        if findings.isEmpty { return out + "  không có phát hiện\n" }
        for finding in findings {
            let mark = finding.severity == .error ? "LỖI" : finding.severity == .warning ? "CẢNH BÁO" : "lưu ý"
            out += "  dòng \(lineOf(finding.range.lowerBound)): [\(mark)] \(finding.code.rawValue) «\(finding.text.split(whereSeparator: \.isNewline).joined(separator: " "))» — \(finding.message)"
            if let replacement = finding.replacement { out += " → \(replacement)" }
            out += " [\(FindingLabels.builtIn.timing(finding.code, finding.asOf)); nguồn: \(finding.evidence)]\n"
            if let note = finding.note { out += "      ghi chú: \(note)\n" }
        }
        return out
    }

    /// The closing summary: counts by code and severity.
    public static func summary(_ counts: [String: Int], documents: Int) -> String {
        let total = counts.filter { !$0.key.contains(":") }.values.reduce(0, +)
        var out = "\(documents) văn bản, \(total) phát hiện"
        let parts = Finding.Code.allCases.compactMap { code in counts[code.rawValue].map { "\(code.rawValue) \($0)" } }
        if !parts.isEmpty { out += ": " + parts.joined(separator: ", ") }
        let severities = [Finding.Severity.error, .warning, .info].compactMap { s in counts["severity:" + s.rawValue].map { "\(s.rawValue) \($0)" } }
        if !severities.isEmpty { out += " (" + severities.joined(separator: ", ") + ")" }
        return out + "\n"
    }
}
