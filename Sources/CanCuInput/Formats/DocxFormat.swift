import CanCuModel
import CanCuText
import CanCuLexicon
import Foundation
import ZIPFoundation

/// Word documents (.docx, a ZIP of XML): paragraphs and table cells in reading order, cells
/// separated by a tab and rows by a line break (so "năm 2020" and "72/2020/QH14" in two cells never
/// glue), footnotes and endnotes appended after the body under a separator line.
///
/// Zip bombs are refused: an entry may not expand beyond `maxEntryBytes`, the whole read beyond
/// `maxTotalBytes`, nor an entry beyond `maxRatio` times its compressed size (counted while
/// inflating, so a lying header does not help). Parts up to `maxTotalBytes` (300 MB) are read.
///
/// The archive's layout is checked against the file's length (`ZipLayout`) before ZIPFoundation
/// opens it, and the XML parts are read by a byte scanner (`WordXMLScanner`), not libxml2: a
/// malformed file is an error naming it, never a crash.
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
        if let problem = ZipLayout.problem(bytes) {
            throw InputError(path: path, code: "bad_docx", message: "tệp .docx hỏng: \(problem)")
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw InputError(path: path, code: "bad_docx", message: "tệp .docx hỏng: không mở được như tệp ZIP (\(error))")
        }
        var budget = maxTotalBytes
        guard let body = try entry("word/document.xml", in: archive, path: path, budget: &budget) else {
            throw InputError(path: path, code: "bad_docx", message: "tệp ZIP không phải văn bản Word: thiếu word/document.xml")
        }
        var (text, warnings) = try Self.text(of: body, part: "word/document.xml", path: path)
        var notes: [String] = []
        for part in ["word/footnotes.xml", "word/endnotes.xml"] {
            guard let xml = try entry(part, in: archive, path: path, budget: &budget) else { continue }
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
    private static func text(of xml: Data, part: String, path: String) throws(InputError) -> (text: String, warnings: [Diagnostic]) {
        let result = xml.withUnsafeBytes { raw in
            Result { () throws(InputError) in try WordXMLText.extract(raw, part: part, path: path) }
        }
        return try result.get()
    }

    /// The bytes of one entry, or nil when absent; refuses entries that expand beyond the bounds.
    private func entry(_ name: String, in archive: Archive, path: String, budget: inout Int) throws(InputError) -> Data? {
        guard let entry = archive[name] else { return nil }
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        let declared = Int(clamping: entry.uncompressedSize)
        if declared > budget || (declared > 1 << 20 && declared / compressed > maxRatio) {
            throw bomb(path: path, name: name, size: declared, compressed: compressed)
        }
        var data = Data()
        let limit = budget
        let ratioLimit = max(1 << 20, compressed.multipliedReportingOverflow(by: maxRatio).partialValue)
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > limit || data.count > ratioLimit { throw ZipBombStop() }
            }
        } catch is ZipBombStop {
            throw bomb(path: path, name: name, size: data.count, compressed: compressed)
        } catch {
            throw InputError(path: path, code: "bad_docx", message: "tệp .docx hỏng: không giải nén được \(name) (\(error))")
        }
        budget -= data.count
        return data
    }

    private func bomb(path: String, name: String, size: Int, compressed: Int) -> InputError {
        InputError(
            path: path, code: "zip_bomb",
            message: "từ chối tệp .docx: \(name) bung ra hơn \(size / (1 << 20)) MB từ \(compressed) byte nén (giới hạn \(maxTotalBytes / (1 << 20)) MB, tỉ lệ \(maxRatio):1) — có thể là bom ZIP")
    }
}

/// Stops inflating an entry that grew beyond its bound.
private struct ZipBombStop: Error {}
