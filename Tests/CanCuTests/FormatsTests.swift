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

/// Whitespace runs as one space, ends trimmed: how converted text is compared.
func collapsedWhitespace(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

/// Converted documents: the originals of ../shared/corpus/original against their Debian
/// conversions, the HTML pages of phapdien/demuc-html against their articles, and .docx files
/// built here (a table, footnotes, a zip bomb).
@Suite struct FormatsTests {
    static func toolInstalled(_ command: String) -> Bool {
        ExternalTool(command: command, package: "").executable != nil
    }

    @Test(.enabled(if: FormatsTests.toolInstalled("catdoc"), "'catdoc' is not installed (apt-get install catdoc)"),
          .enabled(if: !SharedCorpus.files(in: "original", extension: "doc").isEmpty, SharedCorpus.missing("original/*.doc")))
    func docOriginalsMatchTheirTextConversion() throws {
        try originalsMatchTheirTextConversion("doc")
    }

    @Test(.enabled(if: FormatsTests.toolInstalled("pdftotext"), "'pdftotext' is not installed (apt-get install poppler-utils)"),
          .enabled(if: !SharedCorpus.files(in: "original", extension: "pdf").isEmpty, SharedCorpus.missing("original/*.pdf")))
    func pdfOriginalsMatchTheirTextConversion() throws {
        try originalsMatchTheirTextConversion("pdf")
    }

    func originalsMatchTheirTextConversion(_ ext: String) throws {
        let originals = try SharedCorpus.requireFiles(in: "original", extension: ext)
        for url in originals {
            let suffix = ext == "doc" ? ".catdoc.txt" : ".pdftotext.txt"
            let expectedURL = url.deletingPathExtension().appendingPathExtension(String(suffix.dropFirst()))
            let expected = String(decoding: try #require(FileManager.default.contents(atPath: expectedURL.path)), as: UTF8.self)
            let document = try DocumentReader.read(url.path).get()
            #expect(document.encoding == ext)
            #expect(!document.text.isEmpty)
            let (got, want) = (collapsedWhitespace(document.text), collapsedWhitespace(expected))
            if got != want {
                let common = zip(got.unicodeScalars, want.unicodeScalars).prefix { $0 == $1 }.count
                print("\(url.lastPathComponent): similarity \(Double(common) / Double(max(got.unicodeScalars.count, want.unicodeScalars.count)))")
            }
            #expect(got == want, "\(url.lastPathComponent) differs from its text conversion")
            #expect(document.text == expected, "\(url.lastPathComponent): not byte-identical to the Debian tool's output")
        }
    }

    @Test(.enabled(if: FormatsTests.toolInstalled("pdftotext"), "'pdftotext' is not installed (apt-get install poppler-utils)"))
    func scannedPDFHasNoTextLayer() throws {
        // A one-page PDF that only draws a rectangle: no text layer, as a scan.
        let stream = "0 0 1 rg 10 10 100 100 re f"
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
        ]
        for (i, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-scan-\(UUID().uuidString).pdf")
        try Data(pdf.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        switch DocumentReader.read(url.path) {
        case .success(let document):
            Issue.record("a PDF without text was read as \(document.text.debugDescription)")
        case .failure(let error):
            #expect(error.diagnostic.code == "no_text_layer")
            #expect(error.diagnostic.message.contains("PDF không có lớp văn bản"))
        }
    }

    @Test func missingToolIsNamedWithItsPackage() {
        let tool = ExternalTool(command: "cancu-no-such-converter", package: "poppler-utils")
        #expect(tool.executable == nil)
        do {
            _ = try tool.run([], path: "a.pdf")
            Issue.record("a missing tool ran")
        } catch {
            #expect(error.diagnostic.code == "tool_missing")
            #expect(error.diagnostic.message.contains("poppler-utils"))
        }
    }

    @Test(.enabled(if: FormatsTests.toolInstalled("sleep"), "'sleep' is not installed (coreutils)"))
    func slowToolIsStopped() throws {
        let tool = ExternalTool(command: "sleep", package: "coreutils")
        let start = Date()
        do {
            _ = try tool.run(["30"], path: "x", timeout: 0.5)
            Issue.record("sleep 30 finished within 0.5 s")
        } catch {
            #expect(error.diagnostic.code == "tool_timeout")
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test(.enabled(if: SharedCorpus.has("phapdien/demuc-html"), SharedCorpus.missing("phapdien/demuc-html")))
    func phapdienPagesHoldTheirArticles() throws {
        let pages = try SharedCorpus.requireFiles(in: "phapdien/demuc-html", extension: "html")
        var checked = 0
        for page in pages {
            let document = try DocumentReader.read(page.path).get()
            #expect(document.encoding == "html")
            #expect(!document.text.contains("<p"))
            #expect(!document.text.contains("&nbsp;"))
            // The reference conversion put a space at each inline tag inside a note: "( Điều 13";
            // spaces after "(" are not compared.
            func comparable(_ value: String) -> String { collapsedWhitespace(value).replacingOccurrences(of: "( ", with: "(") }
            let text = comparable(document.text)
            let articles = SharedCorpus.jsonLines(page.deletingPathExtension().appendingPathExtension("articles.jsonl"))
            #expect(!articles.isEmpty)
            var missing = 0
            for article in articles {
                for key in ["article_heading", "note", "text"] {
                    guard let value = article[key] as? String, !value.isEmpty else { continue }
                    if !text.contains(comparable(value)) {
                        missing += 1
                        if missing <= 3 { print("\(page.lastPathComponent): \(key) not found: \(value.prefix(120))") }
                    }
                    checked += 1
                }
            }
            #expect(missing == 0, "\(page.lastPathComponent): \(missing) article fields not in the extracted text")
            // Headings start their own line.
            for article in articles.prefix(20) {
                if let heading = article["article_heading"] as? String {
                    #expect(document.text.contains("\n" + heading + "\n"))
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func htmlBlocksEntitiesScriptsAndCharset() throws {
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Tiêu đề</title>
            <style>p { color: red }</style><script>var a = "<p>không</p>";</script></head>
            <body><h1>Căn cứ</h1><p>Luật số 64/2025/QH15&nbsp;ngày 19&#47;02&#x2F;2025 &ndash; &ldquo;Luật&rdquo; &amp; &Aacute; &#7879;&hellip;</p>
            <div>Dòng 1<br>Dòng 2</div><table><tr><td>năm 2020</td><td>72/2020/QH14</td></tr><tr><th>a</th><td>b</td></tr></table>
            <ul><li>một</li><li>hai <b>ba</b></li></ul><!-- <p>chú thích</p> --> a &lt; b &unknown; c</body></html>
            """
        let (text, warnings) = try HTMLFormat().extractText(bytes: Array(html.utf8), path: "t.html")
        #expect(warnings.isEmpty)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines == [
            "Tiêu đề", "Căn cứ",
            "Luật số 64/2025/QH15\u{A0}ngày 19/02/2025 – “Luật” & Á ệ…",
            "Dòng 1", "Dòng 2", "năm 2020\t72/2020/QH14", "a\tb", "một", "hai ba", "a < b &unknown; c",
        ])
        #expect(!text.contains("color") && !text.contains("không") && !text.contains("chú thích"))
    }

    @Test func htmlDeclaredWindows1258IsHonoured() throws {
        let body = "<p>Căn cứ Nghị định số 09/2019/NĐ-CP</p>"
        let bytes = try #require(LegacyEncoding.cp1258.encode(body))
        let page = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head><body>".utf8) + bytes
        let (text, _) = try HTMLFormat().extractText(bytes: page, path: "t.html")
        #expect(text == "Căn cứ Nghị định số 09/2019/NĐ-CP\n")
    }

    @Test func kindIsSniffedFromBytes() {
        #expect(DocumentKind.of(bytes: [0x50, 0x4B, 0x03, 0x04, 0], path: "a.txt") == .docx)
        #expect(DocumentKind.of(bytes: Array("%PDF-1.7".utf8), path: "a") == .pdf)
        #expect(DocumentKind.of(bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], path: "-") == .doc)
        #expect(DocumentKind.of(bytes: Array("\n  <!DOCTYPE HTML><p>x".utf8), path: "-") == .html)
        #expect(DocumentKind.of(bytes: Array("\u{FEFF}<!-- lưu từ cổng -->\n<html><p>x".utf8), path: "-") == .html)
        #expect(DocumentKind.of(bytes: Array("Căn cứ <html> trong văn bản".utf8), path: "a.txt") == .text)
        #expect(DocumentKind.of(bytes: Array("Căn cứ Luật".utf8), path: "a.txt") == .text)
        #expect(DocumentKind.of(bytes: Array("<p>x</p>".utf8), path: "trang.HTM") == .html)
    }

    @Test func folderExpansionFindsDocuments() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-expand-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.txt", "b.html", "c.docx", "d.doc", "e.pdf", "f.png", "g.htm"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        let found = DocumentReader.expand([folder.path], extensions: DocumentReader.documentExtensions).map { ($0 as NSString).lastPathComponent }
        #expect(found == ["a.txt", "b.html", "c.docx", "d.doc", "e.pdf", "g.htm"])
        #expect(DocumentReader.expand([folder.path]).map { ($0 as NSString).lastPathComponent } == ["a.txt"])
    }
}
