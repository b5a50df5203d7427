import CanCuModel
import CanCuText
import CanCuLexicon
/// One kind of document the reader converts to text (HTML, Word, PDF). Each returns the text the
/// pipeline sees (every offset points into it) and what the conversion had to say.
package protocol DocumentFormat: Sendable {
    /// The name reported as `SourceDocument.encoding`, e.g. `docx`, `pdf`.
    var name: String { get }
    /// Converts the bytes of the input at `path` (the path names it in messages, and external
    /// tools read the file there).
    func extractText(bytes: [UInt8], path: String) throws(InputError) -> (text: String, warnings: [Diagnostic])
}

/// Which format an input is in: by its leading bytes first, then by its extension (Markdown, which
/// has no leading bytes of its own, by its extension only: `.md`, `.markdown`).
public enum DocumentKind: String, Sendable, CaseIterable {
    case text, html, markdown, docx, doc, pdf

    /// Extensions of each kind, as found in folders.
    public static let extensions: [String: DocumentKind] = [
        "txt": .text, "text": .text, "html": .html, "htm": .html, "xhtml": .html, "md": .markdown, "markdown": .markdown,
        "docx": .docx, "doc": .doc, "pdf": .pdf,
    ]

    /// The kind of an input: magic bytes (`PK\u{3}\u{4}` zip, `%PDF`, OLE `D0 CF 11 E0`, `<html` or
    /// `<!DOCTYPE` near the start), else the extension, else plain text.
    public static func of(bytes: [UInt8], path: String) -> DocumentKind {
        let ext = path.split(separator: "/").last.flatMap { name -> String? in
            guard let dot = name.lastIndex(of: ".") else { return nil }
            return name[name.index(after: dot)...].lowercased()
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        if bytes.starts(with: Array("%PDF".utf8)) { return .pdf }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .doc }
        if let ext, let kind = extensions[ext], kind != .text { return kind }
        if looksLikeHTML(bytes) { return .html }
        return .text
    }

    /// The format that converts this kind, or nil for plain text.
    package var format: (any DocumentFormat)? {
        switch self {
        case .text: return nil
        case .html: return HTMLFormat()
        case .markdown: return MarkdownFormat()
        case .docx: return DocxFormat()
        case .doc: return WordBinaryFormat()
        case .pdf: return PDFFormat()
        }
    }

    /// Starts with a tag (after a BOM and spaces), and `<!DOCTYPE html` or `<html` is among the
    /// first 1 KB (after comments, `<?xml …?>`, `<link>`…).
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var first = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while first < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[first]) { first += 1 }
        guard first < bytes.count, bytes[first] == 0x3C else { return false }
        let head = bytes.prefix(1024).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        for pattern in ["<!doctype html", "<html"] {
            let needle = Array(pattern.utf8)
            guard head.count >= needle.count else { continue }
            for start in 0...(head.count - needle.count) where head[start] == 0x3C {
                if Array(head[start..<start + needle.count]) == needle { return true }
            }
        }
        return false
    }
}
