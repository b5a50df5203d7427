import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import CanCuGraph
extension ReviewView {
    /// The outdated-references section of `cancu analyze`: counts by severity and kind, then the
    /// errors and warnings as `file:line`, errors first, in path and reading order, at most
    /// `limit` of each, each wrapped to `style.width`; `fullList` (a command) says where the rest is.
    public static func analyzeSection(_ findings: [(finding: Finding, line: Int)], documents: Int, limit: Int = 50,
                                      fullList: String? = nil, style: TerminalStyle = .plain,
                                      labels: FindingLabels = .builtIn) -> String {
        var counts: [String: Int] = [:]
        for (finding, _) in findings {
            counts[finding.code.rawValue, default: 0] += 1
            counts["severity:" + finding.severity.rawValue, default: 0] += 1
        }
        var out = "\n" + style.bold("Tham chiếu lỗi thời") + "\n" + summary(counts, documents: documents, style: style, labels: labels)
        for severity in [Finding.Severity.error, .warning] {
            let listed = findings.filter { $0.finding.severity == severity }
            guard !listed.isEmpty else { continue }
            out += style.paint(severity == .error ? "Lỗi:" : "Cảnh báo:", severity) + "\n"
            for (finding, line) in listed.prefix(limit) {
                var text = "\(finding.source):\(line): \(labels.label(finding.code)) «\(flat(finding.text))» — \(TextDates.inText(finding.message))"
                if let replacement = finding.replacement { text += " → \(replacement)" }
                out += TextWrap.block(safe(text), width: style.width, first: "  ", rest: "      ")
            }
            if listed.count > limit {
                out += "  … và \(listed.count - limit) \(labels.severity(severity)) khác"
                out += fullList.map { " (xem tất cả: \($0))" } ?? ""
                out += "\n"
            }
        }
        return out
    }
}
