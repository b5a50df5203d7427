import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import CanCuGraph
/// A plain-text table for people: a header row, a rule, then rows; columns padded to their widest
/// cell (counted in characters, so Vietnamese letters with marks count as one), long cells cut
/// with "…".
///
/// ```swift
/// var table = TextTable(["Số hiệu", "Loại"])
/// table.append(["09/2019/NĐ-CP", "Nghị định"])
/// print(table.render())
/// ```
package struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]] = []
    /// The widest a cell may be before it is cut.
    public var maxWidth: Int

    public init(_ header: [String], maxWidth: Int = 70) {
        self.header = header
        self.maxWidth = maxWidth
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines of text (ending with a newline).
    public func render(indent: String = "") -> String {
        let cut = rows.map { $0.map { cell(clip($0)) } }
        var widths = header.map(\.count)
        for row in cut {
            for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, c) in cells.enumerated() {
                let last = i == cells.count - 1
                parts.append(last ? c : c + String(repeating: " ", count: max(0, widths[min(i, widths.count - 1)] - c.count)))
            }
            return indent + parts.joined(separator: "  ") + "\n"
        }
        var out = line(header)
        out += indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in cut { out += line(row) }
        return out
    }

    private func cell(_ text: String) -> String { text.isEmpty ? "–" : text }

    private func clip(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > maxWidth else { return flat }
        return String(flat.prefix(maxWidth - 1)) + "…"
    }
}
