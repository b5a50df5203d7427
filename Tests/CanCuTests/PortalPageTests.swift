import Foundation
import Testing
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuLexicon
@testable import CanCuInput
@testable import CanCuExtract

/// HTML pages saved from the legal portals (issue 16): the document is found inside the site chrome,
/// its header read from it, and the chrome yields no citation and no name.
@Suite struct PortalPageTests {
    static func facts(_ html: String, path: String = "trang.html") throws -> (SourceDocument, DocumentFacts) {
        let document = try DocumentReader.read(bytes: Array(html.utf8), path: path).get()
        return (document, Extractor(lexicon: .builtIn).extract(document))
    }

    @Test("a portal page: header from the document, citations only from it, the own number never one")
    func portalPage() throws {
        #expect(PortalPages.html.split(separator: "\n").count > 100)
        let (document, facts) = try Self.facts(PortalPages.html)
        #expect(facts.document.symbol == "25/2025/NĐ-CP")
        #expect(facts.document.issuer == "CHÍNH PHỦ")
        #expect(facts.document.type == "Nghị định" && facts.document.place == "Hà Nội" && facts.document.issued == "2025-02-21")
        #expect(facts.document.title == PortalPages.title)
        #expect(Set(facts.citations.compactMap(\.symbol)) == PortalPages.documentSymbols)
        #expect(!facts.citations.contains { $0.symbol == "25/2025/NĐ-CP" })
        for symbol in PortalPages.chromeSymbols { #expect(!document.text.contains(symbol), "\(symbol)") }
        for citation in facts.citations {
            let name = citation.name ?? ""
            #expect(!name.contains("Chủ đề") && !name.contains("Từ khóa") && !name.contains("Chuyên mục") && !name.contains("Nhà Đất"), "\(name)")
        }
        #expect(document.text.hasPrefix("CHÍNH PHỦ\n"))
        #expect(document.text.contains("Nguyễn Văn A") && !document.text.contains("Chủ đề liên quan"))
        #expect(!document.text.contains("ĐĂNG NHẬP") && !document.text.contains("Tất cả lĩnh vực"))
    }

    @Test("the page map that annotate uses is the text the pipeline reads, cut the same way")
    func mapMatchesText() throws {
        let bytes = Array(PortalPages.html.utf8)
        let (text, _) = try HTMLFormat().extractText(bytes: bytes, path: "t.html")
        let map = try HTMLFormat().textWithMap(bytes: bytes, path: "t.html")
        #expect(map.text == text)
        #expect(map.starts.count == text.utf8.count && map.ends.count == text.utf8.count)
        // The first byte of the text comes from the "CHÍNH PHỦ" of the header table.
        let first = Int(try #require(map.starts.first))
        #expect(String(decoding: bytes[first...].prefix(12), as: UTF8.self).hasPrefix("CHÍNH"))
    }

    @Test("counter-examples: a page without the national motto is kept whole; a document's own <header> stays; an unclosed <nav> swallows nothing")
    func counterExamples() throws {
        let news = """
            <html><body><nav><a>Trang chủ</a> <a>Thời sự</a></nav>
            <p>Văn bản liên quan</p>
            <article><header><h1>Bắc Kạn rà soát thủ tục hành chính nội bộ</h1></header>
            <p>Thực hiện Nghị định số 09/2019/NĐ-CP, tỉnh đã rà soát.</p>
            <p>Từ khóa</p><p>Theo Nghị quyết số 131/NQ-CP, năm 2022 hoàn thành.</p>
            <footer>Tác giả: Nguyễn Văn B</footer></article>
            <footer>Bản quyền thuộc Báo Bắc Kạn</footer></body></html>
            """
        let (document, facts) = try Self.facts(news)
        #expect(document.text == "Văn bản liên quan\nBắc Kạn rà soát thủ tục hành chính nội bộ\nThực hiện Nghị định số 09/2019/NĐ-CP, tỉnh đã rà soát.\nTừ khóa\nTheo Nghị quyết số 131/NQ-CP, năm 2022 hoàn thành.\nTác giả: Nguyễn Văn B\n")
        #expect(Set(facts.citations.compactMap(\.symbol)) == ["09/2019/NĐ-CP", "131/NQ-CP"])

        let unclosed = "<html><body><nav><ul><li>Menu</li></ul>\n<p>CHÍNH PHỦ</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Số: 25/2025/NĐ-CP</p><p>Căn cứ Nghị định số 123/2016/NĐ-CP;</p></body></html>"
        let (read, readFacts) = try Self.facts(unclosed)
        #expect(read.text.hasPrefix("CHÍNH PHỦ\n") && read.text.contains("123/2016/NĐ-CP"))
        #expect(readFacts.document.symbol == "25/2025/NĐ-CP")

        // An end marker counts as a whole line only ("Điều 1. Bình luận khoa học" stays), and only after the start.
        let html = "<p>Chủ đề liên quan</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Điều 1. Bình luận khoa học</p><p>Bình luận</p><p>Ý kiến</p>"
        let (cut, _) = try Self.facts(html)
        #expect(cut.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐiều 1. Bình luận khoa học\n")
    }

    @Test("PageChrome: the issuer block above the motto, at most four lines, never a tab label")
    func documentRange() {
        let chrome = PageChrome(lexicon: .builtIn)
        func kept(_ text: String) -> String? {
            let bytes = Array(text.utf8)
            return chrome.documentRange(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
        #expect(kept("Menu\nVăn bản gốc\nBỘ CÔNG AN\nCỤC CẢNH SÁT PCCC VÀ CNCH\n\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐiều 1\nTừ khóa: Luật\nchân trang\n")
                == "BỘ CÔNG AN\nCỤC CẢNH SÁT PCCC VÀ CNCH\n\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐiều 1\n")
        #expect(kept("CHÍNH PHỦ\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐiều 1\n") == nil, "nothing to cut")
        #expect(kept("Tin tức\nBắc Kạn rà soát\nTừ khóa\nthủ tục\n") == nil, "no motto: kept whole")
    }
}
