import CanCuModel
import CanCuText
import CanCuLexicon
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The text of one WordprocessingML part (document, footnotes, endnotes), with Foundation's
/// `XMLParser`: `w:t` runs, `w:tab` as a tab, `w:br`/`w:cr` as a line break, a line per paragraph,
/// table cells separated by a tab and rows by a line break, footnote references as "[n]", and
/// each footnote starting with its number. Deleted revisions and field codes are not text.
enum WordXMLText {
    static func extract(_ xml: Data, part: String, path: String) throws(InputError) -> String {
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "?"
            throw InputError(path: path, code: "bad_docx", message: "tệp .docx hỏng: \(part) không phải XML hợp lệ (dòng \(parser.lineNumber): \(reason))")
        }
        return collector.finish()
    }

    /// The parser delegate: writes text as the elements come.
    private final class Collector: NSObject, XMLParserDelegate {
        var output = ""
        var inText = false
        /// Depth of `w:tbl` and of the cell nesting; paragraphs in a cell are joined by a space.
        var cellDepth = 0
        var cellHasParagraph = false
        var skipDepth = 0
        var isNotes = false

        func finish() -> String {
            while output.hasSuffix("\n") || output.hasSuffix(" ") || output.hasSuffix("\t") { output.removeLast() }
            return output.isEmpty ? output : output + "\n"
        }

        private func trimTrailingBlanks() {
            while output.hasSuffix(" ") || output.hasSuffix("\t") { output.removeLast() }
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            if skipDepth > 0 { skipDepth += 1; return }
            switch elementName {
            case "w:footnotes", "w:endnotes":
                isNotes = true
            case "w:footnote", "w:endnote":
                let type = attributes["w:type"] ?? ""
                if type == "separator" || type == "continuationSeparator" || type == "continuationNotice" {
                    skipDepth = 1
                } else if let id = attributes["w:id"] {
                    output += "[\(id)] "
                }
            case "w:del", "w:instrText", "w:delText", "mc:Fallback":
                skipDepth = 1
            case "w:t":
                inText = true
            case "w:tab", "w:ptab":
                output += "\t"
            case "w:br", "w:cr":
                output += "\n"
            case "w:noBreakHyphen":
                output += "-"
            case "w:footnoteReference", "w:endnoteReference":
                if let id = attributes["w:id"] { output += "[\(id)]" }
            case "w:tc":
                cellDepth += 1
                cellHasParagraph = false
            case "w:p":
                if cellDepth > 0 {
                    if cellHasParagraph { trimTrailingBlanks(); output += " " }
                    cellHasParagraph = true
                }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            if skipDepth > 0 { skipDepth -= 1; return }
            switch elementName {
            case "w:t":
                inText = false
            case "w:p":
                if cellDepth == 0 {
                    trimTrailingBlanks()
                    output += "\n"
                }
            case "w:tc":
                cellDepth -= 1
                trimTrailingBlanks()
                output += "\t"
            case "w:tr":
                trimTrailingBlanks()
                output += "\n"
            case "w:footnote", "w:endnote":
                if !output.hasSuffix("\n") { output += "\n" }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText && skipDepth == 0 { output += string }
        }
    }
}
