import Foundation
import Testing
import ZIPFoundation
@testable import CanCuModel
@testable import CanCuInput

/// Malformed .docx files that used to kill the process (libxml2 on bad UTF-8 in a name, comment or
/// processing instruction; ZIPFoundation on offsets past the end of the file) or cost minutes (DTD
/// entities): each is now an error naming the file, or text with a warning, and a folder holding
/// one still gets its other files read.
@Suite struct UntrustedDocxTests {
    static let w = FormatsDocxTests.w

    /// A .docx whose word/document.xml is `xml`, as bytes.
    static func docx(_ xml: [UInt8], compression: CompressionMethod = .deflate) throws -> [UInt8] {
        let url = try FormatsDocxTests.makeDocx(["word/document.xml": Data(xml)], compression: compression)
        defer { try? FileManager.default.removeItem(at: url) }
        return [UInt8](try Data(contentsOf: url))
    }

    static func body(_ inner: String) -> [UInt8] {
        Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(w)><w:body>\(inner)</w:body></w:document>".utf8)
    }

    static let citation = FormatsDocxTests.paragraph("Căn cứ Luật Đất đai số 31/2024/QH15;")

    /// `bytes` with the first occurrence of `old` replaced by `new`.
    static func replacing(_ old: String, with new: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        let needle = Array(old.utf8)
        let at = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle }!
        return Array(bytes[..<at]) + new + Array(bytes[(at + needle.count)...])
    }

    static func read(_ bytes: [UInt8], _ name: String = "b.docx") -> Result<SourceDocument, InputError> {
        DocumentReader.read(bytes: bytes, path: name)
    }

    /// The invalid UTF-8 that crashed XMLParser: in an element name, a comment, a processing-instruction target.
    static let badUTF8: [(String, [UInt8])] = [
        ("element name", replacing("<w:body>", with: Array("<w:bo".utf8) + [0xFF, 0xFE] + Array("dy>".utf8), in: body(citation))),
        ("comment", replacing("<w:body>", with: Array("<w:body><!-- ".utf8) + [0xC3, 0x28] + Array(" -->".utf8), in: body(citation))),
        ("processing instruction", replacing("<w:body>", with: Array("<?t".utf8) + [0xFF] + Array(" x?><w:body>".utf8), in: body(citation))),
        ("text", replacing("31/2024", with: [0xED, 0xA0, 0x80], in: body(citation))), // a UTF-16 surrogate
    ]

    @Test("invalid UTF-8 anywhere in document.xml is a bad_docx error naming the byte", arguments: 0..<4)
    func invalidUTF8IsAnError(_ index: Int) throws {
        let (place, xml) = Self.badUTF8[index]
        guard case .failure(let error) = Self.read(try Self.docx(xml)) else {
            Issue.record("\(place): a document with invalid UTF-8 was read")
            return
        }
        #expect(error.path == "b.docx")
        #expect(error.diagnostic.code == "bad_docx")
        #expect(error.diagnostic.message.contains("không phải UTF-8 hợp lệ"), "\(error.diagnostic.message)")
    }

    @Test("a processing instruction before the root is skipped with a warning; the text is read")
    func processingInstructionIsSkipped() throws {
        let xml = Array("<?foo bar?>".utf8) + Self.body(Self.citation).dropFirst("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8.count)
        let document = try Self.read(try Self.docx(xml)).get()
        #expect(document.text == "Căn cứ Luật Đất đai số 31/2024/QH15;\n")
        #expect(document.warnings.map(\.code) == ["docx_processing_instruction"])
    }

    @Test("a DTD with nested entities is skipped, not expanded: fast, the text is kept, a warning says so")
    func dtdEntitiesAreNotExpanded() throws {
        var dtd = "<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">"
        for level in 1..<12 { dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">" }
        dtd += "]>"
        let xml = "<?xml version=\"1.0\"?>\(dtd)<w:document \(Self.w)><w:body>"
            + FormatsDocxTests.paragraph("Căn cứ Luật Đất đai số 31/2024/QH15; &lol11;") + "</w:body></w:document>"
        let started = ContinuousClock.now
        let document = try Self.read(try Self.docx(Array(xml.utf8))).get()
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(document.text == "Căn cứ Luật Đất đai số 31/2024/QH15; \n" || document.text == "Căn cứ Luật Đất đai số 31/2024/QH15;\n")
        #expect(Set(document.warnings.map(\.code)) == ["docx_dtd", "docx_entity"])
    }

    @Test("the five XML entities, numeric references and CR LF line ends read as XML defines them")
    func referencesAndLineEnds() throws {
        let xml = Self.body("<w:p><w:r><w:t>a &lt;b&gt; &amp; &quot;c&apos; &#272;&#x1EA1;i\r\nx</w:t></w:r></w:p>")
        let document = try Self.read(try Self.docx(xml)).get()
        #expect(document.text == "a <b> & \"c' Đại\nx\n")
        #expect(document.warnings.isEmpty)
    }

    @Test("mismatched or unclosed tags are a bad_docx error with a line number")
    func malformedXMLIsAnError() throws {
        for xml in [Self.body("<w:p><w:r><w:t>x</w:r></w:t></w:p>"), Array(Self.body(Self.citation).dropLast(14))] {
            guard case .failure(let error) = Self.read(try Self.docx(xml)) else { Issue.record("read"); continue }
            #expect(error.diagnostic.code == "bad_docx")
            #expect(error.diagnostic.message.contains("dòng 1"))
        }
    }

    /// The offsets ZIPFoundation trusted: the end record's central-directory offset and an entry's
    /// local-header offset, each pointing past the end of the file.
    @Test("zip offsets past the end of the file are a bad_docx error, whatever the file's extension")
    func zipOffsetsAreChecked() throws {
        let good = try Self.docx(Self.body(Self.citation))
        let end = try #require((0...(good.count - 22)).last { good[$0..<$0 + 4] == [0x50, 0x4B, 0x05, 0x06] })
        let central = try #require((0...(good.count - 4)).last { good[$0..<$0 + 4] == [0x50, 0x4B, 0x01, 0x02] })
        func patched(_ at: Int, _ value: UInt32) -> [UInt8] {
            var bytes = good
            withUnsafeBytes(of: value.littleEndian) { for k in 0..<4 { bytes[at + k] = $0[k] } }
            return bytes
        }
        let cases: [(String, [UInt8], String)] = [
            ("central directory offset", patched(end + 16, UInt32(good.count + 1000)), "ra ngoài tệp"),
            ("central directory size", patched(end + 12, 0x7FFF_FFFF), "ra ngoài tệp"),
            ("local header offset", patched(central + 42, UInt32(good.count + 5)), "đầu mục"),
            ("compressed size", patched(central + 20, 0x7FFF_FFF0), "vượt ra ngoài"),
            ("truncated", Array(good.prefix(good.count - 30)), "bản ghi kết thúc"),
        ]
        for (what, bytes, reason) in cases {
            for name in ["b.docx", "b.txt"] {
                guard case .failure(let error) = Self.read(bytes, name) else { Issue.record("\(what): read"); continue }
                #expect(error.diagnostic.code == "bad_docx", "\(what)")
                #expect(error.diagnostic.message.contains(reason), "\(what): \(error.diagnostic.message)")
            }
        }
    }

    @Test("a document.xml of 40 MB (over libxml2's 10 MB) is read whole")
    func largePartIsRead() throws {
        // Numbered paragraphs, so that the part compresses as a real one does (not 1000:1).
        var inner = "", expected = ""
        var n = 0
        while inner.utf8.count < 40_000_000 {
            n += 1
            inner += FormatsDocxTests.paragraph("Điều \(n). Căn cứ Nghị định số \(n * 7919 % 100_000)/20\(n % 90 + 10)/NĐ-CP &amp; khác")
            expected += "Điều \(n). Căn cứ Nghị định số \(n * 7919 % 100_000)/20\(n % 90 + 10)/NĐ-CP & khác\n"
        }
        let document = try Self.read(try Self.docx(Self.body(inner))).get()
        #expect(document.text.utf8.count == expected.utf8.count)
        #expect(document.text == expected)
    }

    // MARK: - End to end

    /// The bad files of this suite, named as a user would find them.
    static func badFiles() throws -> [(String, [UInt8])] {
        let good = try docx(body(citation))
        let end = (0...(good.count - 22)).last { good[$0..<$0 + 4] == [0x50, 0x4B, 0x05, 0x06] }!
        var offset = good
        offset[end + 16] = 0xFF; offset[end + 17] = 0xFF; offset[end + 18] = 0xFF; offset[end + 19] = 0x0F
        return [
            ("b.docx", try docx(badUTF8[0].1)),
            ("b-comment.docx", try docx(badUTF8[1].1)),
            ("b-pi-target.docx", try docx(badUTF8[2].1)),
            ("b-offset.docx", offset),
            ("b-zip-named.txt", offset),
        ]
    }

    @Test("a folder with a.txt, bad .docx files and c.txt: extract, review and index read a and c, name each bad file, exit 1")
    func folderWithBadDocxGoesOn() throws {
        let folder = try IndexTestSupport.temporaryFolder("bad-docx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let docs = folder.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try Data("Căn cứ Luật Đất đai số 31/2024/QH15;\n".utf8).write(to: docs.appendingPathComponent("a.txt"))
        try Data("Căn cứ Nghị định số 102/2024/NĐ-CP;\n".utf8).write(to: docs.appendingPathComponent("c.txt"))
        let bad = try Self.badFiles()
        for (name, bytes) in bad { try Data(bytes).write(to: docs.appendingPathComponent(name)) }

        let extract = try CommandLineRun.cancu(["extract", "docs"], in: folder)
        #expect(extract.status == 1)
        let sources = extract.lines.compactMap { line -> String? in
            guard let json = try? JSONValue.parse(line) else { return nil }
            return json["source"]?.string
        }
        #expect(sources == ["docs/a.txt", "docs/b-comment.docx", "docs/b-offset.docx", "docs/b-pi-target.docx", "docs/b-zip-named.txt", "docs/b.docx", "docs/c.txt"])
        #expect(extract.text.components(separatedBy: "\"bad_docx\"").count - 1 == bad.count)
        for (name, _) in bad { #expect(extract.error.contains("docs/\(name): tệp .docx hỏng"), "\(name)") }

        let review = try CommandLineRun.cancu(["review", "docs"], in: folder)
        #expect(review.status == 1)
        #expect(review.text.contains("docs/a.txt") && review.text.contains("docs/c.txt"))
        #expect(review.error.contains("docs/b.docx: tệp .docx hỏng"))

        let index = try CommandLineRun.cancu(["index", "docs", "--db", "x.sqlite"], in: folder)
        #expect(index.status == 1)
        #expect(index.error.contains("docs/b-offset.docx: tệp .docx hỏng"))
        let show = try CommandLineRun.cancu(["cited-by", "31/2024/QH15", "--db", "x.sqlite", "--format", "json"], in: folder)
        #expect(show.status == 0)
        #expect(show.text.contains("docs/a.txt"))
    }
}
