import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// RFC 4180 rows of a CSV text: quoted cells with `""` escapes and line breaks inside quotes,
/// CRLF or LF row ends; each row with its first line number and source span (Unicode scalars).
package struct CSVRows {
    package struct Row {
        package var cells: [String]
        package var line: Int
        var source: Range<Int>
        /// Set when the row is malformed (an unterminated quote).
        package var problem: String?
    }

    package static func parse(_ text: String) -> [Row] {
        var rows: [Row] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var inQuotes = false
        var afterQuote = false
        var line = 1, rowLine = 1
        var offset = 0, rowStart = 0
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func endRow(at end: Int, problem: String? = nil) {
            cells.append(String(cell))
            rows.append(Row(cells: cells, line: rowLine, source: rowStart..<end, problem: problem))
            cells = []
            cell = String.UnicodeScalarView()
        }
        while i < scalars.count {
            let c = scalars[i]
            offset = i
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" { cell.append("\""); i += 2; continue }
                    inQuotes = false
                    afterQuote = true
                } else {
                    if c == "\n" { line += 1 }
                    cell.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case "\"" where cell.isEmpty && !afterQuote:
                inQuotes = true
            case ",":
                cells.append(String(cell)); cell = String.UnicodeScalarView(); afterQuote = false
            case "\r" where i + 1 < scalars.count && scalars[i + 1] == "\n":
                break
            case "\n":
                endRow(at: offset > 0 && scalars[offset - 1] == "\r" ? offset - 1 : offset)
                line += 1
                rowLine = line
                rowStart = i + 1
                afterQuote = false
            default:
                cell.append(c)
            }
            i += 1
        }
        if inQuotes {
            endRow(at: scalars.count, problem: "unterminated quoted cell")
        } else if !cell.isEmpty || !cells.isEmpty {
            endRow(at: scalars.count)
        }
        return rows
    }
}
