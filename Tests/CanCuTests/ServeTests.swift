import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
@testable import CanCu
@testable import CanCuIndex
@testable import CanCuViews
@testable import CanCuServe

/// `cancu serve`: the pages a person reads, the API's JSON (the command line's, byte for byte),
/// and the security limits.
@Suite("Serve")
struct ServeTests {
    static let asOf = "2026-01-01"

    /// A temporary index of the project's `corpus/` plus a document that carries a script.
    struct Fixture {
        var folder: URL
        var db: String
        var app: ServeApp

        static func make(maxBody: Int = 2 * 1024 * 1024) async throws -> Fixture {
            let folder = try IndexTestSupport.temporaryFolder("serve")
            let documents = folder.appendingPathComponent("docs")
            try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: SharedCorpus.projectCorpus.path) where name != "README.md" {
                try FileManager.default.copyItem(at: SharedCorpus.projectCorpus.appendingPathComponent(name),
                                                 to: documents.appendingPathComponent(name))
            }
            try Fixture.xss.write(to: documents.appendingPathComponent("xss.txt"), atomically: true, encoding: .utf8)
            let db = folder.appendingPathComponent("cancu.sqlite").path
            _ = try await Indexer(lexicon: .builtIn).run([documents.path], into: try DocumentIndex.create(path: db))
            var options = ServeOptions()
            options.database = db
            options.asOf = ServeTests.asOf
            options.maxBodyBytes = maxBody
            return Fixture(folder: folder, db: db, app: try ServeApp(options: options, lexicon: .builtIn))
        }

        static let xss = """
            ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 77/2026/QĐ-UBND\nBắc Kạn, ngày 02 tháng 3 năm 2026\n\nQUYẾT ĐỊNH\nVề việc thử <script>alert('xss')</script>\n\n\
            Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ;\n<img src=x onerror=alert(1)> "trích" & 'nháy'\n
            """

        func remove() { try? FileManager.default.removeItem(at: folder) }

        /// GET (or POST `body`) through the router; the status, headers and body.
        func request(_ uri: String, method: HTTPRequest.Method = .get, body: String? = nil,
                     contentType: String = "text/plain") async throws -> (status: HTTPResponse.Status, headers: HTTPFields, body: String) {
            try await app.application().test(.router) { client in
                var headers: HTTPFields = [:]
                if body != nil { headers[.contentType] = contentType }
                return try await client.execute(uri: uri, method: method, headers: headers,
                                                body: body.map { ByteBuffer(string: $0) }) { response in
                    (response.status, response.headers, String(buffer: response.body))
                }
            }
        }
    }

    static func encoded(_ text: String) -> String { HTML.queryValue(text) }

    @Test("search: a procedure by code or by words without diacritics, a document by symbol; 'không tìm thấy' otherwise")
    func search() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.remove() }
        let byCode = try await fixture.request("/tim-kiem?q=1.004222")
        #expect(byCode.status == .ok)
        #expect(byCode.body.contains("href=\"/thu-tuc?ma=1.004222\""))
        let byWords = try await fixture.request("/tim-kiem?q=dang+ky+thuong+tru")
        #expect(byWords.body.contains("1.004222 – Đăng ký thường trú"))
        let bySymbol = try await fixture.request("/?q=" + Self.encoded("61/2018/ND-CP"))
        #expect(bySymbol.body.contains("href=\"/van-ban?so=61%2F2018%2FN%C4%90-CP\""))
        #expect(bySymbol.body.contains("st-outdated"))
        let pasted = try await fixture.request("/tim-kiem?q=" + Self.encoded("theo Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ"))
        #expect(pasted.body.contains("/van-ban?so=63%2F2010%2FN%C4%90-CP"))
        let none = try await fixture.request("/tim-kiem?q=xyzzy+qwerty")
        #expect(none.body.contains("Không tìm thấy"))
        #expect(!none.body.contains("<table class=\"results"))
    }

    @Test("procedure page: its legal basis with each document's status and flags, linked")
    func procedurePage() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.remove() }
        let page = try await fixture.request("/thu-tuc?ma=1.001193")
        #expect(page.status == .ok)
        #expect(page.body.contains("<h1>Thủ tục 1.001193 – Đăng ký khai sinh</h1>"))
        // 61/2018/NĐ-CP was replaced on 2025-07-01: outdated, in red, with its flags.
        let row = try #require(page.body.components(separatedBy: "<tr>").first { $0.contains("/van-ban?so=61%2F2018%2FN%C4%90-CP") })
        #expect(row.contains("st-outdated") && row.contains("bị thay thế"))
        #expect(page.body.contains("Chú giải:"))
        let missing = try await fixture.request("/thu-tuc?ma=9.999999")
        #expect(missing.status == .notFound)
    }

    @Test("document page: metadata, status, relations by type, procedures, graph and the annotated text")
    func documentPage() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.remove() }
        let page = try await fixture.request("/van-ban?so=" + Self.encoded("999/2026/NĐ-CP"))
        #expect(page.status == .ok)
        #expect(page.body.contains("Ngày ban hành</th><td>15/05/2026"))
        for heading in ["<h3>căn cứ</h3>", "<h3>sửa đổi, bổ sung</h3>", "<h3>thay thế</h3>", "<h3>bãi bỏ</h3>", "Sơ đồ văn bản liên quan", "Toàn văn"] {
            #expect(page.body.contains(heading), "\(heading)")
        }
        // The full text: citations are links to their pages, coloured by status.
        #expect(page.body.contains("<a class=\"cite st-outdated"))
        #expect(page.body.contains("href=\"/van-ban?so=61%2F2018%2FN%C4%90-CP\">"))
        // What rests on it: the procedures whose basis 61/2018/NĐ-CP is.
        let cited = try await fixture.request("/van-ban?so=" + Self.encoded("61/2018/NĐ-CP"))
        #expect(cited.body.contains("Thủ tục hành chính có căn cứ là văn bản này"))
        #expect(cited.body.contains("/thu-tuc?ma=1.001193"))
        #expect(cited.body.contains("Văn bản dựa vào văn bản này"))
        let unknown = try await fixture.request("/van-ban?so=" + Self.encoded("1/2099/NĐ-CP"))
        #expect(unknown.status == .notFound)
    }

    @Test("a document or a query carrying <script> shows it as text", arguments: [
        "/van-ban?so=77%2F2026%2FQ%C4%90-UBND",
        "/tim-kiem?q=%3Cscript%3Ealert(%27xss%27)%3C%2Fscript%3E",
        "/thu-tuc?ten=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ])
    func escapesScripts(uri: String) async throws {
        let fixture = try await Fixture.make()
        defer { fixture.remove() }
        let page = try await fixture.request(uri)
        #expect(!page.body.contains("<script"))
        #expect(!page.body.contains("<img src=x"))
        #expect(page.body.contains("&lt;script&gt;alert(") || page.body.contains("&lt;script&gt;"))
        #expect(page.headers[.contentSecurityPolicy] == ServeApp.contentSecurityPolicy)
    }

    @Test("every response has the Content-Security-Policy, errors too")
    func securityHeaders() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.remove() }
        for uri in ["/", "/kiem-tra", "/api/v1/basis?q=1.004222", "/khong-co", "/api/v1/show?symbol=1%2F2099%2FND-CP"] {
            let response = try await fixture.request(uri)
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true, "\(uri)")
            #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
        }
        let wrong = try await fixture.request("/api/v1/show?symbol=x", method: .delete)
        #expect(wrong.status == .methodNotAllowed)
        #expect(wrong.headers[.allow] == "GET")
        #expect(wrong.headers[.contentSecurityPolicy] != nil)
        let error = try await fixture.request("/api/v1/show?symbol=1%2F2099%2FND-CP")
        #expect(error.status == .notFound)
        #expect(error.body.contains("\"code\":\"not_found\""))
    }

    @Test("review: a pasted text's findings inline; an oversized body is refused with 413")
    func review() async throws {
        let fixture = try await Fixture.make(maxBody: 64 * 1024)
        defer { fixture.remove() }
        let text = "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ; <script>alert(1)</script>"
        let form = "text=" + Self.encoded(text)
        let page = try await fixture.request("/kiem-tra", method: .post, body: form, contentType: "application/x-www-form-urlencoded")
        #expect(page.status == .ok)
        #expect(page.body.contains("<mark class=\"finding sev-"))
        #expect(page.body.contains("doc_replaced"))
        #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.body.contains("<script>"))
        let big = String(repeating: "a", count: 64 * 1024 + 1)
        let refused = try await fixture.request("/api/v1/review", method: .post, body: big)
        #expect(refused.status == .contentTooLarge)
        #expect(refused.body.contains("too_large"))
        let refusedForm = try await fixture.request("/kiem-tra", method: .post, body: "text=" + big, contentType: "application/x-www-form-urlencoded")
        #expect(refusedForm.status == .contentTooLarge)
    }

    @Test("the API answers the command line's JSON byte for byte", .enabled(if: IndexKillTests.cancu != nil, "build cancu first"))
    func apiEqualsCommandLine() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.remove() }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let db = ["--db", fixture.db, "--as-of", Self.asOf]
        let cases: [(uri: String, command: [String])] = [
            ("/api/v1/basis?q=1.001193", ["basis", "1.001193", "--format", "json"] + db),
            ("/api/v1/basis?q=dang+ky+thuong+tru", ["basis", "dang ky thuong tru", "--format", "json"] + db),
            ("/api/v1/show?symbol=" + Self.encoded("999/2026/NĐ-CP"), ["show", "999/2026/NĐ-CP", "--format", "json"] + db),
            ("/api/v1/show?symbol=" + Self.encoded("61/2018/ND-CP"), ["show", "61/2018/ND-CP", "--format", "json"] + db),
            ("/api/v1/cited-by?symbol=" + Self.encoded("61/2018/NĐ-CP"), ["cited-by", "61/2018/NĐ-CP", "--format", "json"] + db),
            ("/api/v1/graph?around=" + Self.encoded("63/2010/NĐ-CP") + "&depth=2&direction=in",
             ["graph", "--db", fixture.db, "--around", "63/2010/NĐ-CP", "--depth", "2", "--direction", "in", "--format", "json"]),
        ]
        for (uri, command) in cases {
            let api = try await fixture.request(uri)
            let cli = try CommandLineRun.cancu(command, in: here)
            #expect(api.status == .ok, "\(uri)")
            #expect(!cli.text.isEmpty, "\(command)")
            #expect(api.body == cli.text, "\(uri)")
        }
        // review: the API names its input "-", as `cancu review -` does.
        let path = SharedCorpus.projectCorpus.appendingPathComponent("nghi-dinh-mau.txt").path
        let cli = try CommandLineRun.cancu(["review", path, "--as-of", Self.asOf, "--format", "json"], in: here)
        let api = try await fixture.request("/api/v1/review", method: .post, body: try String(contentsOfFile: path, encoding: .utf8))
        #expect(!cli.text.isEmpty)
        #expect(api.body == cli.text.replacingOccurrences(of: "{\"source\":\"\(path)\"", with: "{\"source\":\"-\""))
        let spec = try await fixture.request("/api/v1/openapi.yaml")
        #expect(spec.body.hasPrefix("openapi: 3") && spec.body.contains("/api/v1/basis:"))
    }

    @Test("the server keeps answering while the index is updated, and sees the update")
    func servesDuringIndexing() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.remove() }
        let added = fixture.folder.appendingPathComponent("docs/moi.txt")
        try """
            BỘ TƯ PHÁP\nSố: 88/2026/TT-BTP\nHà Nội, ngày 05 tháng 1 năm 2026\n\nTHÔNG TƯ\nHướng dẫn thử nghiệm cập nhật chỉ mục\n\n\
            Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ;\n
            """.write(to: added, atomically: true, encoding: .utf8)
        let writer = Task { try await Indexer(lexicon: .builtIn).run([fixture.folder.appendingPathComponent("docs").path],
                                                                     into: try DocumentIndex.create(path: fixture.db)) }
        for _ in 0..<5 {
            let page = try await fixture.request("/thu-tuc?ma=1.004222")
            #expect(page.status == .ok)
        }
        _ = try await writer.value
        let after = try await fixture.request("/api/v1/show?symbol=" + Self.encoded("88/2026/TT-BTP"))
        #expect(after.status == .ok)
        #expect(after.body.contains("\"symbol\":\"88/2026/TT-BTP\""))
    }

    @Test("queries run first come, first served on the pool's connection threads, and 100 at once all answer")
    func queryPoolOrder() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.remove() }
        let pool = try QueryPool(path: fixture.db, lexicon: .builtIn, size: 1)
        let order = Mutex<[Int]>([])
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            for n in 0..<200 {
                pool.run { queries in
                    _ = try? queries.basis("1.004222", limit: 1)
                    let count = order.withLock { $0.append(n); return $0.count }
                    if count == 200 { done.resume() }
                }
            }
        }
        #expect(order.withLock { $0 } == Array(0..<200))
        let pages = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
            for _ in 0..<100 { group.addTask { try await fixture.request("/thu-tuc?ma=1.004222").status } }
            return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
        }
        #expect(pages.count == 100 && pages.allSatisfy { $0 == .ok })
    }

    @Test("a query still waiting when the time limit passes is answered 503 and never runs")
    func queuedPastTheLimit() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.remove() }
        var options = fixture.app.options
        options.timeLimit = .milliseconds(200)
        options.connections = 1
        let app = try ServeApp(options: options, lexicon: .builtIn)
        let ran = Mutex(false)
        // Occupy the only connection for longer than the limit.
        app.pool.run { _ in Thread.sleep(forTimeInterval: 0.6) }
        await #expect(throws: HTTPError.self) {
            _ = try await app.querying { _ in ran.withLock { $0 = true } }
        }
        try await Task.sleep(for: .milliseconds(800))
        #expect(ran.withLock { $0 } == false)
    }

    @Test("loopback addresses are told apart from the others")
    func loopback() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] { #expect(ServeOptions.isLoopback(host), "\(host)") }
        for host in ["0.0.0.0", "192.168.1.5", "::", "example.vn"] { #expect(!ServeOptions.isLoopback(host), "\(host)") }
    }

    @Test("cancu serve warns on standard error when it listens beyond loopback", .enabled(if: IndexKillTests.cancu != nil, "build cancu first"))
    func nonLoopbackWarning() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.remove() }
        func firstLines(_ host: String) throws -> String {
            let executable = try #require(IndexKillTests.cancu)
            let process = Process()
            process.executableURL = executable
            process.arguments = ["serve", "--db", fixture.db, "--host", host, "--port", "0"]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            defer { process.terminate(); process.waitUntilExit() }
            var seen = ""
            let deadline = Date().addingTimeInterval(30)
            while !seen.contains("cancu serve: http://"), Date() < deadline {
                let chunk = errors.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
            }
            return seen
        }
        let open = try firstLines("0.0.0.0")
        #expect(open.contains("CẢNH BÁO") && open.contains("0.0.0.0"))
        #expect(open.contains("cancu serve: http://0.0.0.0:"))
        let local = try firstLines("127.0.0.1")
        #expect(local.contains("cancu serve: http://127.0.0.1:"))
        #expect(!local.contains("CẢNH BÁO"))
    }
}
