import CanCuModel
import CanCuText
import CanCuLexicon
/// Word 97–2003 documents (.doc, OLE compound files), through Debian's `catdoc -d utf-8`, or
/// `antiword` when only that is installed.
package struct WordBinaryFormat: DocumentFormat {
    public var name: String { "doc" }
    /// The time limit for the converter, in seconds.
    public var timeout: Double

    /// A converter with a time limit of `timeout` seconds.
    public init(timeout: Double = 60) {
        self.timeout = timeout
    }

    public func extractText(bytes: [UInt8], path: String) throws(InputError) -> (text: String, warnings: [Diagnostic]) {
        let catdoc = ExternalTool(command: "catdoc", package: "catdoc")
        let antiword = ExternalTool(command: "antiword", package: "antiword")
        let file = try ExternalTool.fileForTool(bytes: bytes, path: path, suffix: "doc")
        defer { file.cleanup() }
        let output: ExternalTool.Output
        if catdoc.executable == nil, antiword.executable != nil {
            output = try antiword.run(["-m", "UTF-8.txt", "-w", "0", file.path], path: path, timeout: timeout)
        } else {
            output = try catdoc.run(["-d", "utf-8", file.path], path: path, timeout: timeout)
        }
        guard output.status == 0 else {
            let detail = output.stderr.split(separator: "\n").first.map(String.init) ?? "mã thoát \(output.status)"
            throw InputError(path: path, code: "tool_failed", message: "không chuyển được tệp .doc sang văn bản: \(detail)")
        }
        let decoded = TextDecoder.decodeUTF8(output.stdout, from: 0)
        if decoded.text.allSatisfy({ $0.isWhitespace }) {
            throw InputError(path: path, code: "empty_document", message: "tệp .doc không có chữ nào")
        }
        return (decoded.text, decoded.warnings)
    }
}
