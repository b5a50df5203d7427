import Foundation
import Testing
import ZIPFoundation
@testable import CanCu
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuLexicon
@testable import CanCuInput
@testable import CanCuExtract
@testable import CanCuReview
@testable import CanCuIndex
@testable import CanCuGraph
@testable import CanCuViews
@testable import CanCuBenchmarks

/// .docx files built here with ZIPFoundation: a table whose cells would glue, footnotes, and zip
/// bombs that must be refused.
@Suite struct FormatsDocxTests {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    /// A .docx archive of `parts` (name → XML), written to a temporary file.
    static func makeDocx(_ parts: [String: Data], compression: CompressionMethod = .deflate) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-\(UUID().uuidString).docx")
        let archive = try Archive(url: url, accessMode: .create)
        var all = parts
        all["[Content_Types].xml"] = Data("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)
        for (name, data) in all.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }

    static func paragraph(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }

    @Test func tableCellsAndFootnotesKeepTheirPlace() throws {
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document \(Self.w)><w:body>
            \(Self.paragraph("Căn cứ Luật Tổ chức Chính phủ"))
            <w:p><w:r><w:t>Căn cứ Nghị định số 09/2019/NĐ-CP</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>;</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc>\(Self.paragraph("Luật Thanh niên năm 2020"))</w:tc><w:tc>\(Self.paragraph("72/2020/QH14"))</w:tc></w:tr>
            <w:tr><w:tc>\(Self.paragraph("08/2022/NĐ-CP"))\(Self.paragraph("(sửa đổi)"))</w:tc><w:tc>\(Self.paragraph("08/2022/NĐ-CP"))</w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>Điều 1.</w:t></w:r><w:r><w:tab/><w:t>Phạm vi</w:t></w:r><w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del></w:p>
            </w:body></w:document>
            """
        let footnotes = """
            <?xml version="1.0" encoding="UTF-8"?><w:footnotes \(Self.w)>
            <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
            <w:footnote w:id="1">\(Self.paragraph("Được sửa đổi bởi Nghị định số 154/2020/NĐ-CP."))</w:footnote></w:footnotes>
            """
        let url = try Self.makeDocx(["word/document.xml": Data(document.utf8), "word/footnotes.xml": Data(footnotes.utf8)])
        defer { try? FileManager.default.removeItem(at: url) }
        let read = try DocumentReader.read(url.path).get()
        #expect(read.encoding == "docx")
        #expect(!read.text.contains("202072/2020"))
        #expect(!read.text.contains("NĐ-CP08/2022"))
        #expect(!read.text.contains("bỏ"))
        let lines = read.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [
            "Căn cứ Luật Tổ chức Chính phủ",
            "Căn cứ Nghị định số 09/2019/NĐ-CP[1];",
            "Luật Thanh niên năm 2020\t72/2020/QH14",
            "08/2022/NĐ-CP (sửa đổi)\t08/2022/NĐ-CP",
            "Điều 1.\tPhạm vi",
            "",
            DocxFormat.notesSeparator,
            "[1] Được sửa đổi bởi Nghị định số 154/2020/NĐ-CP.",
            "",
        ])
        // Offsets point into this text: the citation is found where the text says.
        let range = try #require(read.text.range(of: "09/2019/NĐ-CP"))
        #expect(read.text.unicodeScalars.distance(from: read.text.startIndex, to: range.lowerBound) == 50)
    }

    @Test func zipBombIsRefused() throws {
        // 40 MB of one byte compresses about a thousandfold: an entry no Word file looks like.
        let bomb = Data(repeating: 0x20, count: 40 << 20)
        let url = try Self.makeDocx(["word/document.xml": bomb])
        defer { try? FileManager.default.removeItem(at: url) }
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        #expect(size < 1 << 20)
        switch DocumentReader.read(url.path) {
        case .success:
            Issue.record("a zip bomb was read")
        case .failure(let error):
            #expect(error.diagnostic.code == "zip_bomb")
            #expect(error.diagnostic.message.contains("bom ZIP"))
        }
    }

    @Test func oversizedStoredEntryIsRefusedByTotalCap() throws {
        // Stored (not compressed), so the ratio is 1: the total cap refuses it.
        let big = Data(repeating: 0x41, count: 3 << 20)
        let url = try Self.makeDocx(["word/document.xml": big], compression: .none)
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = [UInt8](try Data(contentsOf: url))
        do {
            _ = try DocxFormat(maxTotalBytes: 2 << 20).extractText(bytes: bytes, path: url.path)
            Issue.record("an entry beyond the cap was read")
        } catch {
            #expect(error.diagnostic.code == "zip_bomb")
        }
    }

    @Test func brokenDocxIsAClearError() throws {
        let url = try Self.makeDocx(["word/other.xml": Data("<x/>".utf8)])
        defer { try? FileManager.default.removeItem(at: url) }
        guard case .failure(let error) = DocumentReader.read(url.path) else { Issue.record("read"); return }
        #expect(error.diagnostic.code == "bad_docx")
        let truncated = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-\(UUID().uuidString).docx")
        try Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).write(to: truncated)
        defer { try? FileManager.default.removeItem(at: truncated) }
        guard case .failure(let error2) = DocumentReader.read(truncated.path) else { Issue.record("read"); return }
        #expect(error2.diagnostic.code == "bad_docx")
    }
}
