import Foundation
import Testing
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuLexicon
@testable import CanCuInput
@testable import CanCuExtract

/// Markdown as a first-class input (issue 16): the syntax is read as structure and blanked in place,
/// so offsets are the file's own; table-shaped headers give the fields of the printed layout.
@Suite struct MarkdownInputTests {
    static func read(_ markdown: String, path: String = "trang.md") throws -> SourceDocument {
        try DocumentReader.read(bytes: Array(markdown.utf8), path: path).get()
    }

    static func facts(_ document: SourceDocument) -> DocumentFacts {
        Extractor(lexicon: .builtIn).extract(document)
    }

    @Test(".md and .markdown are Markdown, by extension; folders list them")
    func kindAndFolders() throws {
        #expect(DocumentKind.of(bytes: Array("# Nghị định".utf8), path: "a.md") == .markdown)
        #expect(DocumentKind.of(bytes: Array("x".utf8), path: "thu-muc/B.MARKDOWN") == .markdown)
        #expect(DocumentKind.of(bytes: Array("# Nghị định".utf8), path: "a.txt") == .text)
        #expect(DocumentReader.documentExtensions.isSuperset(of: ["md", "markdown"]))
        #expect(try Self.read("x").encoding == "markdown")
        // A folder's README.md describes it: not one of its documents (given by name, it is read).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-md-list-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("con"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["README.md", "a.md", "b.markdown", "con/readme.MD", "con/c.md", "d.txt"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        let found = DocumentReader.expand([folder.path], extensions: DocumentReader.documentExtensions).map { String($0.dropFirst(folder.path.count + 1)) }
        #expect(found == ["a.md", "b.markdown", "con/c.md", "d.txt"])
        #expect(DocumentReader.expand([folder.appendingPathComponent("README.md").path]).count == 1)
    }

    @Test("every kind of syntax is blanked where it stands; the text keeps the file's scalars and lines")
    func syntaxIsBlankedInPlace() throws {
        let markdown = """
            # Điều 1. **Phạm vi** điều chỉnh #
            > Căn cứ [Nghị định số 09/2019/NĐ-CP](https://vbpl.vn/van-ban?so=09/2019/NĐ-CP "xem") ngày 24/01/2019;
            * Thông tư __02/2017/TT-VPCP__ và *Luật số 64/2025/QH15*
            + ![Logo Thư viện pháp luật](https://thuvienphapluat.vn/logo.png)Quyết định <span class="x">số 1085/QĐ-TTg</span>
            - Công văn 6828/VPCP\\-KSTT, 1 \\* 2 = 2 * 1, tệp ten_tep_NĐ_CP.docx, ~~bỏ~~ ~ 5%
            `mã 61/2018/NĐ-CP` &amp; &nbsp;Tp.&#32;Hà Nội <https://example.vn/61/2018/nd-cp>
            [ref]: https://example.vn/tham-chieu
            ```text
            **giữ nguyên trong khối mã**
            ```
            <!-- ghi chú
            nhiều dòng 99/2099/NĐ-CP --> hết
            """
        let document = try Self.read(markdown)
        #expect(document.text.unicodeScalars.count == markdown.unicodeScalars.count)
        #expect(document.text.split(separator: "\n", omittingEmptySubsequences: false).count == markdown.split(separator: "\n", omittingEmptySubsequences: false).count)
        let lines = document.text.split(separator: "\n", omittingEmptySubsequences: false).map { collapsedWhitespace(String($0)) }
        #expect(lines == [
            "Điều 1. Phạm vi điều chỉnh",
            "Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019;",
            "Thông tư 02/2017/TT-VPCP và Luật số 64/2025/QH15",
            "Quyết định số 1085/QĐ-TTg",
            "- Công văn 6828/VPCP -KSTT, 1 * 2 = 2 * 1, tệp ten_tep_NĐ_CP.docx, bỏ ~ 5%",
            "mã 61/2018/NĐ-CP & Tp. Hà Nội",
            "",
            "",
            "**giữ nguyên trong khối mã**",
            "",
            "",
            "hết",
        ])
        // Every span shown is the file's own text at the file's own offsets.
        let facts = Self.facts(document)
        let scalars = Array(markdown.unicodeScalars)
        let blanked = Array(document.text.unicodeScalars)
        for citation in facts.citations {
            var shown = "", written = ""
            shown.unicodeScalars.append(contentsOf: blanked[citation.source])
            written.unicodeScalars.append(contentsOf: scalars[citation.source])
            #expect(shown == citation.text)
            // The file at the same offsets: the same text, give or take the syntax blanked.
            func letters(_ s: String) -> String {
                var out = "", inTag = false
                for c in s {
                    if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag && !c.isWhitespace && !"*_`[]\\".contains(c) { out.append(c) }
                }
                return out
            }
            #expect(letters(written) == letters(citation.text), "\(written) | \(citation.text)")
            #expect(!citation.text.contains("**") && !citation.text.contains("](") && !citation.text.contains("__"))
        }
        let symbols = Set(facts.citations.compactMap(\.symbol))
        #expect(symbols.isSuperset(of: ["09/2019/NĐ-CP", "02/2017/TT-VPCP", "64/2025/QH15", "1085/QĐ-TTg", "6828/VPCP-KSTT"]))
        #expect(!symbols.contains("99/2099/NĐ-CP"), "a comment is not text")
        #expect(!facts.citations.contains { $0.text.contains("https") || $0.text.contains("Logo") })
    }

    @Test("issue 16's one-line table header: symbol 25/2025/NĐ-CP and the date 21/02/2025, not the glued row")
    func oneLineTableHeader() throws {
        for (path, text) in [("a.md", "Số: 25/2025/NĐ-CP | Hà Nội, ngày 21 tháng 02 năm 2025 |\n"),
                             ("b.md", "| Số: 25/2025/NĐ-CP | Hà Nội, ngày 21 tháng 02 năm 2025 |\n|---|---|\n"),
                             ("c.txt", "Số: 25/2025/NĐ-CP | Hà Nội, ngày 21 tháng 02 năm 2025 |\n")] {
            let header = Self.facts(try Self.read(text, path: path)).document
            #expect(header.symbol == "25/2025/NĐ-CP", "\(path)")
            #expect(header.issued == "2025-02-21", "\(path)")
            #expect(header.place == "Hà Nội", "\(path)")
        }
    }

    @Test("table-shaped headers (pipes, HTML table, tab rows, Word table) give the printed layout's fields")
    func tableHeadersMatchThePrintedLayout() throws {
        func fields(_ header: DocumentHeader) -> [String?] {
            [header.symbol, header.type, header.issuer, header.place, header.issued?.iso, header.title]
        }
        let printed = fields(Self.facts(try Self.read(PortalPages.printedHeader, path: "in.txt")).document)
        #expect(printed == ["25/2025/NĐ-CP", "Nghị định", "CHÍNH PHỦ", "Hà Nội", "2025-02-21", PortalPages.title])
        let layouts: [(String, String)] = [
            ("tab.txt", PortalPages.tabbedHeader), ("pipes.md", PortalPages.pipeHeader), ("bang.html", PortalPages.htmlTableHeader),
        ]
        for (path, text) in layouts {
            #expect(fields(Self.facts(try Self.read(text, path: path)).document) == printed, "\(path)")
        }
        // A Word table: the cells of a row are tab-separated, a cell's paragraphs joined by a space.
        func cell(_ paragraphs: String...) -> String { "<w:tc>" + paragraphs.map(FormatsDocxTests.paragraph).joined() + "</w:tc>" }
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document \(FormatsDocxTests.w)><w:body>
            <w:tbl><w:tr>\(cell("CHÍNH PHỦ", "-------"))\(cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------"))</w:tr>
            <w:tr>\(cell("Số: 25/2025/NĐ-CP"))\(cell("Hà Nội, ngày 21 tháng 02 năm 2025"))</w:tr></w:tbl>
            \(FormatsDocxTests.paragraph("NGHỊ ĐỊNH"))\(FormatsDocxTests.paragraph(PortalPages.title))
            \(PortalPages.body.map(FormatsDocxTests.paragraph).joined())
            </w:body></w:document>
            """
        let url = try FormatsDocxTests.makeDocx(["word/document.xml": Data(xml.utf8)])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(fields(Self.facts(try DocumentReader.read(url.path).get()).document) == printed, "docx")
    }

    @Test("pdftotext -layout: the columns of a header line are cells; the blanks of an unfilled date are not")
    func layoutColumns() throws {
        let text = """
                   BỘ TÀI CHÍNH               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                     ---------                    Độc lập - Tự do - Hạnh phúc
             Số: 15/2024/TT-BTC                       Hà Nội, ngày 08 tháng 3 năm 2024

                                            THÔNG TƯ
                          QUY ĐỊNH MỨC THU PHÍ THẨM ĐỊNH
            Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;

            """
        let header = Self.facts(try Self.read(text, path: "a.txt")).document
        #expect(header.issuer == "BỘ TÀI CHÍNH" && header.symbol == "15/2024/TT-BTC")
        #expect(header.place == "Hà Nội" && header.issued == "2024-03-08" && header.type == "Thông tư")
        let blank = "       BỘ CÔNG AN         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCỤC CẢNH SÁT PCCC VÀ CNCH       Độc lập - Tự do - Hạnh phúc\n\n"
            + " Số:          /PCCC-P6                      Hà Nội, ngày        tháng       năm 2026\n   V/v đề nghị góp ý\n\nKính gửi: các đơn vị\n"
        let letter = Self.facts(try Self.read(blank, path: "b.txt")).document
        #expect(letter.issuer == "BỘ CÔNG AN / CỤC CẢNH SÁT PCCC VÀ CNCH" && letter.place == "Hà Nội" && letter.issued == "2026")
    }

    @Test("the issuer is the block just above the header cells, not menu or heading lines glued to it")
    func issuerIsNotGluedLines() throws {
        let text = "VĂN BẢN PHÁP LUẬT\nTra cứu văn bản\nBỘ TÀI CHÍNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            + "Số: 02/2021/TT-BTC\tHà Nội, ngày 08 tháng 01 năm 2021\n\nTHÔNG TƯ\nQuy định mức thu phí\n\nCăn cứ Luật Phí và lệ phí;\n"
        let header = Self.facts(try Self.read(text, path: "a.txt")).document
        #expect(header.issuer == "BỘ TÀI CHÍNH")
        #expect(header.symbol == "02/2021/TT-BTC" && header.issued == "2021-01-08" && header.type == "Thông tư")
        // Counter-example: a two-line issuer and a parent body stay whole.
        let two = Self.facts(try Self.read("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nSỞ TƯ PHÁP\n-------\nSố: 12/KH-STP\tQuảng Bình, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH\nTuyên truyền\n", path: "b.txt")).document
        #expect(two.issuer == "ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH / SỞ TƯ PHÁP")
    }

    @Test("a portal page saved as Markdown: the header from the document, nothing from the chrome, the own number never cited")
    func portalPage() throws {
        let document = try Self.read(PortalPages.markdown)
        #expect(document.text.unicodeScalars.count == PortalPages.markdown.unicodeScalars.count)
        let facts = Self.facts(document)
        #expect(facts.document.symbol == "25/2025/NĐ-CP")
        #expect(facts.document.issuer == "CHÍNH PHỦ")
        #expect(facts.document.issued == "2025-02-21" && facts.document.place == "Hà Nội" && facts.document.type == "Nghị định")
        #expect(facts.document.title == PortalPages.title)
        #expect(Set(facts.citations.compactMap(\.symbol)) == PortalPages.documentSymbols)
        for citation in facts.citations {
            #expect(!(citation.name ?? "").contains("Chủ đề") && !(citation.name ?? "").contains("Từ khóa") && !(citation.name ?? "").contains("Chuyên mục"), "\(citation.text)")
        }
        #expect(!document.text.contains("Trang chủ") && !document.text.contains("Từ khóa") && !document.text.contains("thuvienphapluat.vn"))
        #expect(document.text.contains("Nghị định này có hiệu lực thi hành"))
    }

    @Test("cancu extract reads a folder of .md files; cancu text prints the blanked text at the file's offsets")
    func commandLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-md-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(PortalPages.markdown.utf8).write(to: folder.appendingPathComponent("trang.md"))
        try Data(PortalPages.pipeHeader.utf8).write(to: folder.appendingPathComponent("nghi-dinh.markdown"))
        let run = try CommandLineRun.cancu(["extract", folder.path, "--format", "json"], in: folder)
        #expect(run.status == 0, "\(run.error)")
        let documents = run.lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(documents.count == 2)
        for document in documents {
            let header = try #require(document["document"] as? [String: Any])
            #expect(header["symbol"] as? String == "25/2025/NĐ-CP")
            let citations = try #require(document["citations"] as? [[String: Any]])
            #expect(Set(citations.compactMap { $0["symbol"] as? String }) == PortalPages.documentSymbols)
        }
        let text = try CommandLineRun.cancu(["text", "trang.md"], in: folder)
        #expect(text.status == 0)
        #expect(text.text.unicodeScalars.count >= PortalPages.markdown.unicodeScalars.count)
        #expect(!text.text.contains("**") && !text.text.contains("]("))
        // annotate shows the file as written, links at the same offsets.
        let page = try CommandLineRun.cancu(["annotate", "nghi-dinh.markdown"], in: folder)
        #expect(page.status == 0, "\(page.error)")
        #expect(page.text.contains("**CHÍNH PHỦ**") && page.text.contains("<a ") && page.text.contains("63/2025/QH15"))
    }

    @Test("arbitrary bytes and pathological runs: no crash, the file's scalar count, linear time")
    func arbitraryInput() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("[]()!<>`*_~|\\#>+-:&;#/\n\t aĐđ1é".utf8) + [0xFF, 0xC3, 0xE1, 0x00]
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0..<400, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            guard let source = try? MarkdownFormat().source(bytes, path: "x.md").text else { continue }
            let document = try #require(try? DocumentReader.read(bytes: bytes, path: "x.md").get())
            #expect(document.text.unicodeScalars.count == source.unicodeScalars.count, "\(bytes)")
        }
        let started = ContinuousClock.now
        for unit in ["[", "](", "`", " `` ", "<a", "&#", "**_", "| ", "|---|\n", "\\", "![", "<!--"] {
            let text = String(repeating: unit, count: 200_000 / unit.utf8.count)
            #expect(MarkdownScanner.text(text).unicodeScalars.count == text.unicodeScalars.count, "\(unit)")
        }
        #expect(ContinuousClock.now - started < .seconds(20))
    }
}
