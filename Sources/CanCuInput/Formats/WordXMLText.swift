import CanCuModel
import CanCuText
import CanCuLexicon

/// The text of one WordprocessingML part (document, footnotes, endnotes): `w:t` runs, `w:tab` as a
/// tab, `w:br`/`w:cr` as a line break, a line per paragraph, table cells separated by a tab and
/// rows by a line break, footnote references as "[n]", and each footnote starting with its number.
/// Deleted revisions and field codes are not text.
///
/// The part is untrusted bytes, so it is read by `WordXMLScanner` (one linear pass over the bytes,
/// UTF-8 checked first) rather than by libxml2: no DTD, no entity expansion, no size limit
/// below the archive's own bounds, nothing a malformed name or comment can crash.
enum WordXMLText {
    /// The part's text and what was skipped on the way (DTD, processing instructions, unknown
    /// entities), or an error naming `part` when the bytes are not well-formed enough to read.
    static func extract(_ xml: UnsafeRawBufferPointer, part: String, path: String) throws(InputError) -> (text: String, warnings: [Diagnostic]) {
        var scanner = WordXMLScanner(xml.bindMemory(to: UInt8.self))
        do {
            try scanner.run()
        } catch {
            throw InputError(
                path: path, code: "bad_docx",
                message: "tệp .docx hỏng: \(part) không phải XML hợp lệ (dòng \(error.line): \(error.reason))")
        }
        let warnings = scanner.skipped.map { Diagnostic(code: $0.code, message: "\(part): \($0.message)") }
        return (scanner.text(), warnings)
    }

    /// `extract` over bytes in an array.
    static func extract(_ xml: [UInt8], part: String, path: String) throws(InputError) -> (text: String, warnings: [Diagnostic]) {
        let result = xml.withUnsafeBytes { raw in
            Result { () throws(InputError) in try extract(raw, part: part, path: path) }
        }
        return try result.get()
    }
}
