import CanCuModel
import CanCuText
import CanCuLexicon
/// PDF documents, through Debian's `pdftotext -layout FILE -` (poppler-utils). Pages are
/// separated by a form feed, as `pdftotext` writes them. A PDF without a text layer (a scan) is an
/// error that says so, not an empty document.
package struct PDFFormat: DocumentFormat {
    public var name: String { "pdf" }
    /// The time limit for the converter, in seconds.
    public var timeout: Double

    /// A converter with a time limit of `timeout` seconds.
    public init(timeout: Double = 60) {
        self.timeout = timeout
    }

    public func extractText(bytes: [UInt8], path: String) throws(InputError) -> (text: String, warnings: [Diagnostic]) {
        let tool = ExternalTool(command: "pdftotext", package: "poppler-utils")
        let file = try ExternalTool.fileForTool(bytes: bytes, path: path, suffix: "pdf")
        defer { file.cleanup() }
        let output = try tool.run(["-layout", "-enc", "UTF-8", file.path, "-"], path: path, timeout: timeout)
        guard output.status == 0 else {
            let detail = output.stderr.split(separator: "\n").first.map(String.init) ?? "mã thoát \(output.status)"
            throw InputError(path: path, code: "tool_failed", message: "không chuyển được tệp PDF sang văn bản: \(detail)")
        }
        let decoded = TextDecoder.decodeUTF8(output.stdout, from: 0)
        if decoded.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw InputError(
                path: path, code: "no_text_layer",
                message: "PDF không có lớp văn bản (bản quét?): không có chữ nào để đọc; cần nhận dạng ký tự (OCR) trước, ví dụ ocrmypdf")
        }
        return (decoded.text, decoded.warnings)
    }
}
