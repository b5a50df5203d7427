import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import CanCuGraph
extension ReviewView {
    /// The outdated-references section of `cancu analyze`: counts by code, then the errors and
    /// warnings as `file:line`, errors first, in path and reading order, at most `limit` of each;
    /// `fullList` (a command) says where the rest is.
    public static func analyzeSection(_ findings: [(finding: Finding, line: Int)], documents: Int, limit: Int = 50,
                                      fullList: String? = nil) -> String {
        var counts: [String: Int] = [:]
        for (finding, _) in findings {
            counts[finding.code.rawValue, default: 0] += 1
            counts["severity:" + finding.severity.rawValue, default: 0] += 1
        }
        var out = "\nTham chiếu lỗi thời\n" + summary(counts, documents: documents)
        for severity in [Finding.Severity.error, .warning] {
            let listed = findings.filter { $0.finding.severity == severity }
            guard !listed.isEmpty else { continue }
            out += severity == .error ? "Lỗi:\n" : "Cảnh báo:\n"
            for (finding, line) in listed.prefix(limit) {
                let text = finding.text.split(whereSeparator: \.isNewline).joined(separator: " ")
                out += "  \(finding.source):\(line): \(finding.code.rawValue) «\(text)» — \(finding.message)"
                if let replacement = finding.replacement { out += " → \(replacement)" }
                out += "\n"
            }
            if listed.count > limit {
                out += "  … và \(listed.count - limit) \(severity == .error ? "lỗi" : "cảnh báo") khác"
                out += fullList.map { " (xem tất cả: \($0))" } ?? ""
                out += "\n"
            }
        }
        return out
    }
}
