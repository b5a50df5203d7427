import CanCuModel
import CanCuText
import CanCuLexicon
import CInflate
import Foundation

/// Word documents (.docx, a ZIP of XML): paragraphs and table cells in reading order, cells
/// separated by a tab and rows by a line break (so "năm 2020" and "72/2020/QH14" in two cells never
/// glue), footnotes and endnotes appended after the body under a separator line.
///
/// Zip bombs are refused: an entry may not expand beyond `maxEntryBytes`, the whole read beyond
/// `maxTotalBytes`, nor an entry beyond `maxRatio` times its compressed size (counted while
/// inflating, so a lying header does not help). Parts up to `maxTotalBytes` (300 MB) are read.
///
/// The archive's layout is checked against the file's length (`ZipLayout`), its entries are
/// inflated here with zlib into a buffer of their declared size (a stream that is truncated, longer
/// than declared or fails its CRC is refused), and the XML parts are read by a byte scanner
/// (`WordXMLScanner`), not libxml2: a malformed file is an error naming it, never a crash or a hang.
package struct DocxFormat: DocumentFormat {
    public var name: String { "docx" }
    /// The most bytes read out of the archive in all.
    public var maxTotalBytes: Int
    /// The largest expansion ratio accepted for an entry bigger than 1 MB.
    public var maxRatio: Int

    public init(maxTotalBytes: Int = 300 * 1024 * 1024, maxRatio: Int = 200) {
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
    }

    /// The separator line between the body and the notes.
    public static let notesSeparator = "――――――――――"

    public func extractText(bytes: [UInt8], path: String) throws(InputError) -> (text: String, warnings: [Diagnostic]) {
        let archive: [String: ZipLayout.Entry]
        switch ZipLayout.entries(bytes) {
        case .success(let entries): archive = entries
        case .failure(let problem): throw InputError(path: path, code: "bad_docx", message: "tệp .docx hỏng: \(problem.reason)")
        }
        var budget = maxTotalBytes
        guard let body = try entry("word/document.xml", in: archive, bytes: bytes, path: path, budget: &budget) else {
            throw InputError(path: path, code: "bad_docx", message: "tệp ZIP không phải văn bản Word: thiếu word/document.xml")
        }
        var (text, warnings) = try Self.text(of: body, part: "word/document.xml", path: path)
        var notes: [String] = []
        for part in ["word/footnotes.xml", "word/endnotes.xml"] {
            guard let xml = try entry(part, in: archive, bytes: bytes, path: path, budget: &budget) else { continue }
            do {
                let extracted = try Self.text(of: xml, part: part, path: path)
                warnings += extracted.warnings
                if !extracted.text.isEmpty { notes.append(extracted.text) }
            } catch {
                warnings.append(Diagnostic(code: "bad_docx_part", message: "bỏ qua \(part): \(error.diagnostic.message)"))
            }
        }
        if !notes.isEmpty {
            if !text.hasSuffix("\n") { text += "\n" }
            text += "\n" + Self.notesSeparator + "\n" + notes.joined(separator: "\n")
        }
        return (text, warnings)
    }

    /// The text of one XML part read out of the archive.
    private static func text(of xml: [UInt8], part: String, path: String) throws(InputError) -> (text: String, warnings: [Diagnostic]) {
        try WordXMLText.extract(xml, part: part, path: path)
    }

    /// The bytes of one entry, or nil when absent; refuses entries that expand beyond the bounds
    /// (judged on the declared size: the output buffer has that size and inflating stops there).
    private func entry(_ name: String, in archive: [String: ZipLayout.Entry], bytes: [UInt8], path: String,
                       budget: inout Int) throws(InputError) -> [UInt8]? {
        guard let entry = archive[name] else { return nil }
        let compressed = max(entry.compressedSize, 1)
        let declared = entry.size
        if declared > budget || (declared > 1 << 20 && declared / compressed > maxRatio) {
            throw bomb(path: path, name: name, size: declared, compressed: compressed)
        }
        func corrupt(_ why: String) -> InputError {
            InputError(path: path, code: "bad_docx", message: "tệp .docx hỏng: không giải nén được \(name) (\(why))")
        }
        let data: [UInt8]
        if entry.method == 0 {
            data = Array(bytes[entry.dataStart..<entry.dataStart + entry.compressedSize])
        } else {
            var status: Int32 = 0
            data = [UInt8](unsafeUninitializedCapacity: max(declared, 1)) { buffer, count in
                var written = 0
                status = bytes.withUnsafeBufferPointer { input in
                    cancu_inflate_raw(input.baseAddress! + entry.dataStart, entry.compressedSize,
                                      buffer.baseAddress!, declared, &written)
                }
                count = min(written, declared)
            }
            switch status {
            case 0: break
            case 2: throw corrupt("dữ liệu bung ra dài hơn kích thước khai báo \(declared) byte")
            case 3: throw corrupt("zlib không khởi tạo được")
            default: throw corrupt("dữ liệu nén hỏng hoặc bị cắt")
            }
        }
        guard data.count == declared else { throw corrupt("bung ra \(data.count) byte, khai báo \(declared) byte") }
        let crc = data.withUnsafeBufferPointer { cancu_crc32($0.baseAddress, $0.count) }
        guard crc == entry.crc32 else { throw corrupt("sai mã kiểm tra CRC-32") }
        budget -= data.count
        return data
    }

    private func bomb(path: String, name: String, size: Int, compressed: Int) -> InputError {
        InputError(
            path: path, code: "zip_bomb",
            message: "từ chối tệp .docx: \(name) bung ra hơn \(size / (1 << 20)) MB từ \(compressed) byte nén (giới hạn \(maxTotalBytes / (1 << 20)) MB, tỉ lệ \(maxRatio):1) — có thể là bom ZIP")
    }
}
