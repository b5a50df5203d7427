import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import CanCuGraph
/// A plain-text table for people: a header row, a rule, then rows; columns padded to their widest
/// cell (counted in characters, so Vietnamese letters with marks count as one). When the table
/// is wider than `width`, the widest columns are narrowed and their cells wrapped between words:
/// nothing is cut, and a word (a symbol, a date, a path) is never broken — a column is never
/// narrower than its longest word, so a table of long words may still overflow.
///
/// ```swift
/// var table = TextTable(["Số hiệu", "Loại"], width: 80)
/// table.append(["09/2019/NĐ-CP", "Nghị định"])
/// print(table.render())
/// ```
package struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]] = []
    /// The width the whole table (with its indent) should fit in.
    public var width: Int

    public init(_ header: [String], width: Int = TerminalStyle.defaultWidth) {
        self.header = header
        self.width = width
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines of text (ending with a newline).
    public func render(indent: String = "") -> String {
        let cells = rows.map { $0.map { cell(flat($0)) } }
        let widths = columnWidths(cells, indent: indent.count)
        func lines(_ row: [String]) -> String {
            let wrapped = row.enumerated().map { i, c in TextWrap.lines(c, width: widths[min(i, widths.count - 1)]) }
            let height = wrapped.map(\.count).max() ?? 1
            var out = ""
            for k in 0..<height {
                var parts: [String] = []
                for (i, column) in wrapped.enumerated() {
                    let text = k < column.count ? column[k] : ""
                    let last = i == wrapped.count - 1
                    parts.append(last ? text : text + String(repeating: " ", count: max(0, widths[min(i, widths.count - 1)] - text.count)))
                }
                out += indent + trimmedEnd(parts.joined(separator: "  ")) + "\n"
            }
            return out
        }
        var out = lines(header)
        out += indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += lines(row) }
        return out
    }

    /// Each column's width: its widest cell, narrowed (widest first, never below its longest word
    /// or header word, nor below `readable` characters when its cells are longer) until the table
    /// fits; a table whose long words cannot fit overflows rather than squeezing short columns
    /// into a word a line.
    private func columnWidths(_ cells: [[String]], indent: Int) -> [Int] {
        var widths = header.map(\.count)
        var floors = header.map(TextWrap.longestWord)
        for row in cells {
            for (i, c) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], c.count)
                floors[i] = max(floors[i], TextWrap.longestWord(c))
            }
        }
        for i in floors.indices { floors[i] = max(floors[i], min(widths[i], Self.readable)) }
        let available = width - indent - 2 * max(0, widths.count - 1)
        var total = widths.reduce(0, +)
        while total > available {
            guard let i = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
            let next = widths.indices.filter { $0 != i }.map { widths[$0] }.filter { $0 < widths[i] }.max() ?? floors[i]
            let step = max(1, min(widths[i] - max(next, floors[i]), total - available))
            widths[i] -= step
            total -= step
        }
        return widths
    }

    /// The narrowest a column of longer cells is made.
    static let readable = 12

    private func cell(_ text: String) -> String { text.isEmpty ? "–" : text }

    private func flat(_ text: String) -> String { text.split(whereSeparator: \.isNewline).joined(separator: " ") }

    private func trimmedEnd(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
