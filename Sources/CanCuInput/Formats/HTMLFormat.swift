import CanCuModel
import CanCuText
import CanCuLexicon
import Foundation

/// HTML pages (saved from legal portals): the text with its block structure kept as lines —
/// paragraphs, headings, list items, `<br>` and table rows end a line, table cells are separated
/// by a tab — entities decoded, scripts and styles dropped, the declared charset honoured.
///
/// A tolerant byte scanner: unclosed tags, stray `<` and unknown entities are kept as text, never
/// an error.
package struct HTMLFormat: DocumentFormat {
    public var name: String { "html" }
    /// An encoding to use whatever the page declares (`--encoding`), or nil.
    public var forcedEncoding: LegacyEncoding?

    public init(forcedEncoding: LegacyEncoding? = nil) {
        self.forcedEncoding = forcedEncoding
    }

    /// Tags whose start and end break the line.
    static let blockTags: Set<String> = [
        "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "section", "article", "header", "footer", "nav", "aside", "form", "hr",
        "title", "address", "figure", "figcaption", "caption", "main", "center", "body", "html", "thead",
        "tbody", "tfoot", "fieldset", "legend", "details", "summary", "option",
    ]
    /// Tags dropped with their content.
    static let droppedTags: Set<String> = ["script", "style", "template", "noscript", "svg", "math"]

    public func extractText(bytes: [UInt8], path: String) throws(InputError) -> (text: String, warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        let utf8 = try decode(bytes, path: path, warnings: &warnings)
        return (HTMLScanner(utf8).text(), warnings)
    }

    /// The page decoded to UTF-8 (as `extractText` decodes it), its text (the same text
    /// `extractText` returns), and for each UTF-8 byte of the text the range of page bytes it came
    /// from: what `cancu annotate` needs to put links into the page's own markup.
    package func textWithMap(bytes: [UInt8], path: String) throws(InputError) -> HTMLTextMap {
        var warnings: [Diagnostic] = []
        let utf8 = try decode(bytes, path: path, warnings: &warnings)
        let mapped = HTMLScanner(utf8).textWithMap()
        return HTMLTextMap(page: utf8, text: mapped.text, starts: mapped.starts, ends: mapped.ends)
    }

    /// The page as UTF-8 bytes, decoded by (in order) `--encoding`, a byte-order mark, the
    /// declared `charset`, else UTF-8 (and, when that fails, the legacy-encoding detector).
    func decode(_ bytes: [UInt8], path: String, warnings: inout [Diagnostic]) throws(InputError) -> [UInt8] {
        if let forcedEncoding { return Array(forcedEncoding.decode(bytes).utf8) }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !hasBOM, let charset = Self.declaredCharset(bytes) {
            if let legacy = LegacyEncoding(name: charset) {
                return Array(legacy.decode(bytes).utf8)
            }
            if ["windows-1252", "iso-8859-1", "latin1", "latin-1", "us-ascii", "cp1252"].contains(charset) {
                let text = String(data: Data(bytes), encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
                return Array(text.utf8)
            }
            if !["utf-8", "utf8"].contains(charset) {
                warnings.append(Diagnostic(code: "unknown_charset", message: "bảng mã khai báo '\(charset)' chưa hỗ trợ; đọc như UTF-8"))
            }
        }
        let decoded = try DocumentReader.decodeText(bytes, path: path, forcedEncoding: nil)
        warnings += decoded.warnings
        return Array(decoded.text.utf8)
    }

    /// The `charset` of a `<meta>` among the first 4 KB, lower case, or nil.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let needle = Array("charset".utf8)
        guard head.count > needle.count else { return nil }
        var start = 0
        while start + needle.count < head.count {
            defer { start += 1 }
            guard head[start] == 0x63, Array(head[start..<start + needle.count]) == needle else { continue }
            var i = start + needle.count
            while i < head.count, head[i] == 0x20 { i += 1 }
            guard i < head.count, head[i] == 0x3D else { continue }
            i += 1
            while i < head.count, head[i] == 0x20 || head[i] == 0x22 || head[i] == 0x27 { i += 1 }
            var name: [UInt8] = []
            while i < head.count, name.count < 40 {
                let b = head[i]
                guard (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x3A else { break }
                name.append(b)
                i += 1
            }
            if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
        }
        return nil
    }
}

/// An HTML page's text with, for each UTF-8 byte of the text, the range of page bytes it came from.
package struct HTMLTextMap: Sendable {
    /// The page, decoded to UTF-8.
    package var page: [UInt8]
    /// The text every citation offset points into.
    package var text: String
    package var starts: [Int32]
    package var ends: [Int32]
}
