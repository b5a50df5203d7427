import Foundation
import Testing
@testable import CanCu
@testable import CanCuInput
@testable import CanCuIndex
@testable import CanCuViews

/// `cancu annotate`: citations become links coloured by status, document text is escaped, and an
/// HTML page keeps its own markup with the links where the citations stand.
@Suite("Annotate")
struct AnnotateTests {
    static let asOf = "2026-01-01"

    /// The annotated page of `text` (read as the file `path`), statuses from the registry.
    static func annotate(_ text: String, path: String = "van-ban.txt") throws -> (page: String, document: AnnotatedDocument) {
        let bytes = Array(text.utf8)
        let source = try DocumentReader.read(bytes: bytes, path: path).get()
        let facts = try #require(FileAnalyzer(lexicon: .builtIn).analyze(source).documents.first)
        let nodes = RegistryFacts(lexicon: .builtIn, asOf: asOf).describe(facts.citations, learned: LearnedFacts(FactLearner.learn(from: facts)))
        let document = AnnotatedDocument(facts: facts, text: source.text, nodes: nodes, link: AnnotatedDocument.symbolLink(base: "/van-ban?so="))
        if DocumentKind.of(bytes: bytes, path: path) == .html {
            let map = try HTMLFormat().textWithMap(bytes: bytes, path: path)
            #expect(map.text == source.text)
            return (document.page(html: map), document)
        }
        return (document.page(), document)
    }

    @Test("each citation links to its document and takes its status colour; unknown is 'chưa rõ', not outdated")
    func coloursAndLinks() throws {
        let text = """
            Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ;
            Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
            Căn cứ Quyết định số 4321/QĐ-XYZ ngày 01/02/2020;
            Thực hiện khoản 2 Điều 5 Nghị định số 63/2010/NĐ-CP.
            """
        let (page, document) = try Self.annotate(text)
        let marks = document.marks
        func mark(_ symbol: String) throws -> CitationMark {
            try #require(marks.first { $0.href == "/van-ban?so=" + HTML.queryValue(symbol) }, "no link for \(symbol)")
        }
        #expect(try mark("61/2018/NĐ-CP").status == .outdated)      // replaced by 118/2025/NĐ-CP on 2025-07-01
        #expect(try mark("72/2025/QH15").status == .inForce)
        #expect(try mark("4321/QĐ-XYZ").status == .unknown)        // no one knows it: unknown, never outdated
        #expect(try mark("63/2010/NĐ-CP").pinpoint == "khoản 2 Điều 5")
        #expect(page.contains("href=\"/van-ban?so=61%2F2018%2FN%C4%90-CP\""))
        #expect(page.contains("class=\"cite st-outdated\""))
        #expect(page.contains("class=\"cite st-unknown\""))
        #expect(page.contains("class=\"cite st-in-force pin\"") || page.contains("class=\"cite st-amended pin\""))
        #expect(page.contains("<sup class=\"rel rel-basis\">căn cứ</sup>"))
        #expect(page.contains("Chú giải:") && page.contains("chưa rõ"))
        #expect(page.contains("Content-Security-Policy"))
        #expect(!page.contains("src=\"http") && !page.contains("href=\"http"))  // no outside assets
    }

    @Test("document text is escaped: a <script> shows as text")
    func escapesText() throws {
        let (page, _) = try Self.annotate("<script>alert('x')</script> Căn cứ Nghị định số 61/2018/NĐ-CP & \"khác\";\n")
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(!page.contains("<script"))
        #expect(page.contains("&amp; &quot;khác&quot;"))
    }

    @Test("dates are written dd/mm/yyyy")
    func dates() {
        #expect(HTML.date("2019-01-24") == "24/01/2019")
        #expect(HTML.date("2019-01") == "01/2019")
        #expect(HTML.date("2019") == "2019")
        #expect(HTML.date(nil) == "")
    }

    @Test("an HTML page keeps its markup; links go around the citation's text, one per run between tags")
    func htmlInput() throws {
        let html = """
            <!DOCTYPE html><html><head><title>Nghị định 999/2026/NĐ-CP</title></head><body>
            <p>Căn cứ <b>Nghị định số</b> 61/2018/NĐ-CP ngày 23&nbsp;tháng 4 năm 2018;</p>
            <p>Căn cứ Luật Cư trú số 68/2020/QH14 &amp; các văn bản;</p>
            <table><tr><td>Bãi bỏ Quyết định số 45/2016/QĐ-TTg</td></tr></table>
            <script>var x = "61/2018/NĐ-CP";</script>
            </body></html>
            """
        let (page, _) = try Self.annotate(html, path: "trang.html")
        // Nothing of the page is lost or reordered: remove what annotate inserted and the page is back.
        var stripped = page
        for pattern in [#"<meta http-equiv="Content-Security-Policy"[^>]*><style>[^<]*</style>"#, #"<a class="cite[^>]*>"#, "</a>",
                        #"<sup class="rel[^>]*>[^<]*</sup>"#, #"<div class="legend">.*?</div>"#] {
            stripped = stripped.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        #expect(stripped == html)
        // The citation broken by <b> is two links that each stay inside their element.
        #expect(page.contains(#"<b><a class="cite st-outdated""#))
        #expect(page.contains("Nghị định số</a></b> <a class=\"cite st-outdated\""))
        #expect(page.contains(">68/2020/QH14</a>") || page.contains("68/2020/QH14</a>"))
        #expect(page.contains("<td>Bãi bỏ <a class=\"cite"))
        // Not inside <title>, nor in the script, which the policy stops anyway.
        #expect(page.contains("<title>Nghị định 999/2026/NĐ-CP</title>"))
        #expect(page.contains("<script>var x = \"61/2018/NĐ-CP\";</script>"))
        #expect(page.contains("content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:\""))
    }

    @Test("real Pháp điển pages keep every byte of their markup, and their citations become links",
          .enabled(if: SharedCorpus.has("phapdien/demuc-html"), SharedCorpus.missing("phapdien/demuc-html")))
    func realHTML() throws {
        let folder = try SharedCorpus.require("phapdien/demuc-html")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }.sorted().prefix(5)
        #expect(files.count >= 3)
        for name in files {
            let path = folder.appendingPathComponent(name).path
            let bytes = try #require(FileManager.default.contents(atPath: path))
            let (page, document) = try Self.annotate(String(decoding: bytes, as: UTF8.self), path: name)
            let original = String(decoding: try HTMLFormat().textWithMap(bytes: [UInt8](bytes), path: name).page, as: UTF8.self)
            // Closing tags cannot be told from the page's own, so they are compared by count, and
            // everything else byte for byte, in order.
            func closings(_ text: String) -> Int { text.components(separatedBy: "</a>").count + text.components(separatedBy: "</span>").count - 2 }
            func withoutClosings(_ text: String) -> String {
                text.replacingOccurrences(of: "</a>", with: "").replacingOccurrences(of: "</span>", with: "")
            }
            let legend = try #require(page.range(of: #"<div class="legend">.*?</div>"#, options: .regularExpression))
            let body = page.replacingCharacters(in: legend, with: "")
            let opened = body.components(separatedBy: "<a class=\"cite").count + body.components(separatedBy: "<span class=\"cite").count - 2
            #expect(closings(body) == closings(original) + opened, "\(name)")
            var stripped = withoutClosings(body)
            for pattern in [#"<meta http-equiv="Content-Security-Policy"[^>]*><style>[^<]*</style>"#, #"<a class="cite[^>]*>"#,
                            #"<span class="cite[^>]*>"#, #"<sup class="rel[^>]*>[^<]*</sup>"#] {
                stripped = stripped.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
            }
            #expect(stripped == withoutClosings(original), "\(name)")
            #expect(opened >= document.facts.citations.count, "\(name): \(opened) links for \(document.facts.citations.count) citations")
        }
    }

    @Test("the HTML scanner's map points each text byte at the page byte it came from")
    func scannerMap() throws {
        let html = Array("<p>Đi&ecirc;u <i>5</i>&#7843;\n  x</p><br>y".utf8)
        let map = try HTMLFormat().textWithMap(bytes: html, path: "a.html")
        let textBytes = Array(map.text.utf8)
        #expect(map.text == "Điêu 5ả x\n\ny\n")   // </p> ends the line, <br> breaks one more
        #expect(map.starts.count == textBytes.count && map.ends.count == textBytes.count)
        for (k, byte) in textBytes.enumerated() where byte > 0x20 && byte < 0x80 {
            #expect(html[Int(map.starts[k])] == byte)
        }
        let entity = map.text.utf8.firstIndex(of: 0xC3).map { map.text.utf8.distance(from: map.text.utf8.startIndex, to: $0) }
        let k = try #require(entity)
        #expect(String(decoding: html[Int(map.starts[k])..<Int(map.ends[k])], as: UTF8.self) == "&ecirc;")
    }

    @Test("cancu annotate writes a standalone page", .enabled(if: IndexKillTests.cancu != nil, "build cancu first"))
    func command() throws {
        let folder = try IndexTestSupport.temporaryFolder("annotate")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = SharedCorpus.projectCorpus.appendingPathComponent("nghi-dinh-mau.txt").path
        let run = try CommandLineRun.cancu(["annotate", input, "--as-of", Self.asOf, "--output", "out.html",
                                            "--link-base", "https://example.vn/vb?so="], in: folder)
        #expect(run.status == 0, "\(run.error)")
        let page = try String(contentsOf: folder.appendingPathComponent("out.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("href=\"https://example.vn/vb?so=61%2F2018%2FN%C4%90-CP\""))
        #expect(page.contains("st-outdated"))
        let missing = try CommandLineRun.cancu(["annotate", "khong-co.txt"], in: folder)
        #expect(missing.status == 1 && missing.error.contains("khong-co.txt"))
    }
}
