import CanCu
import Logging
import Foundation
import Hummingbird
import ServiceLifecycle
import Synchronization

/// `cancu serve`: the web app and the HTTP API over a read-only index.
///
/// Pages (Vietnamese, rendered on the server, no scripts): `/` and `/tim-kiem?q=` search,
/// `/thu-tuc?ma=CODE` a procedure, `/van-ban?so=SYMBOL` a document, `/kiem-tra` review of a pasted
/// text. API (`/api/v1/…`, described by `/api/v1/openapi.yaml`): the JSON of the command line's
/// `--format json`, byte for byte.
package struct ServeApp: Sendable {
    package let options: ServeOptions
    package let pool: QueryPool
    package let graphs: GraphCache
    let reviewer: Reviewer
    let extractor: Extractor
    /// Reads a pasted search text (built once: building one per request cost the search page).
    let analyzer: FileAnalyzer

    package init(options: ServeOptions, lexicon: Lexicon) throws(IndexError) {
        self.options = options
        pool = try QueryPool(path: options.database, lexicon: lexicon, asOf: options.asOf, size: options.connections)
        graphs = GraphCache(path: options.database, lexicon: lexicon)
        reviewer = Reviewer(lexicon: lexicon)
        extractor = Extractor(lexicon: lexicon)
        analyzer = FileAnalyzer(lexicon: lexicon)
    }

    var lexicon: Lexicon { pool.lexicon }

    /// The Content-Security-Policy of every response: nothing but the app's own forms and inline
    /// styles; no script runs.
    package static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    // MARK: Application

    package func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityMiddleware(app: self))
        router.get("/") { request, _ in
            let form = Self.query(request)
            if let q = form["q"], !q.isEmpty { return try await self.searchPage(q) }
            return Self.html(Pages.home())
        }
        router.get("/tim-kiem") { request, _ in try await self.searchPage(Self.query(request)["q"] ?? "") }
        router.get("/thu-tuc") { request, _ in try await self.procedurePage(Self.query(request)) }
        router.get("/van-ban") { request, _ in try await self.documentPage(Self.query(request)) }
        router.get("/kiem-tra") { _, _ in Self.html(Pages.page("Kiểm tra văn bản", Pages.reviewForm())) }
        router.post("/kiem-tra") { request, _ in
            let body = try await self.body(request)
            let text = FormData(String(buffer: body))["text"] ?? ""
            let findings = try await self.limited { try self.review(Array(text.utf8)) }
            return Self.html(Pages.review(text: findings.text, findings: findings.findings))
        }
        let api = router.group("api/v1")
        api.get("openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.bytes)))
        }
        api.get("search") { request, _ in
            guard let q = Self.query(request)["q"] else { throw Self.badRequest("thiếu tham số q") }
            let result = try await self.querying { queries in try Search.run(q, queries: queries, analyzer: self.analyzer) }
            var json = JSONWriter()
            result.writeJSON(to: &json)
            return Self.json(json.bytes)
        }
        api.get("basis") { request, _ in
            let form = Self.query(request)
            guard let q = form["q"], !q.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw Self.badRequest("thiếu tham số q") }
            let limit = try Self.integer(form["limit"], default: 10, range: 1...100, name: "limit")
            let matches = try await self.querying { queries in try queries.basis(q, limit: limit) }
            var json = JSONWriter()
            for match in matches { QueryView.writeJSON(match, to: &json) }
            return Self.json(json.bytes, lines: true)
        }
        api.get("show") { request, _ in
            guard let symbol = Self.query(request)["symbol"], !symbol.isEmpty else { throw Self.badRequest("thiếu tham số symbol") }
            let queries = self.pool.queries
            guard let report = try await self.querying({ queries in try queries.show(symbol) }) else {
                throw Self.notFound("chỉ mục và danh mục văn bản không biết văn bản \(queries.canonicalSymbol(symbol))")
            }
            var json = JSONWriter()
            QueryView.writeJSON(report, to: &json)
            return Self.json(json.bytes)
        }
        api.get("cited-by") { request, _ in
            guard let symbol = Self.query(request)["symbol"], !symbol.isEmpty else { throw Self.badRequest("thiếu tham số symbol") }
            let queries = self.pool.queries
            let items = try await self.querying { queries in try queries.citedBy(symbol) }
            var json = JSONWriter()
            let canonical = queries.canonicalSymbol(symbol)
            for item in items { QueryView.writeJSON(item, symbol: canonical, to: &json) }
            return Self.json(json.bytes, lines: true)
        }
        api.post("review") { request, _ in
            let body = try await self.body(request)
            // No body at all (no length, no type) is a mistake; an empty text has no findings.
            guard body.readableBytes > 0 || request.headers[.contentType] != nil else {
                throw Self.badRequest("thiếu nội dung: gửi văn bản cần kiểm tra trong thân yêu cầu")
            }
            let reviewed = try await self.limited { try self.review(Array(body.readableBytesView)) }
            var json = JSONWriter()
            ReviewView.writeJSON(reviewed.findings, to: &json)
            return Self.json(json.bytes, lines: true)
        }
        api.get("graph") { request, _ in
            let form = Self.query(request)
            guard let around = form["around"], !around.isEmpty else { throw Self.badRequest("thiếu tham số around") }
            let depth = try Self.integer(form["depth"], default: 1, range: 0...3, name: "depth")
            guard let direction = GraphFilter.Direction(rawValue: form["direction"] ?? "both") else {
                throw Self.badRequest("direction: in, out hoặc both")
            }
            let graph = try await self.querying { queries throws -> CitationGraph in
                do { return try self.graphs.around(around, depth: depth, direction: direction, queries: queries) } catch let error as GraphFilter.Failure {
                    throw Self.notFound(error.description)
                }
            }
            return Self.json(GraphExport.bytes(graph, format: .json))
        }
        return router
    }

    /// The application (for tests: `app.test(.router)`).
    package func application() -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(options.host, port: options.port)), logger: Self.logger)
    }

    // MARK: Pages

    func searchPage(_ q: String) async throws -> Response {
        let result = try await querying { queries in try Search.run(q, queries: queries, analyzer: self.analyzer) }
        return Self.html(Pages.search(result), status: result.isEmpty && !q.isEmpty ? .ok : .ok)
    }

    func procedurePage(_ form: FormData) async throws -> Response {
        let code = form["ma"], name = form["ten"]
        guard let wanted = code ?? name, !wanted.isEmpty else { throw Self.badRequest("thiếu mã (ma) hoặc tên (ten) thủ tục") }
        let match = try await querying { queries throws -> BasisMatch? in
            // Choose the procedure first, then read the legal basis of that one only.
            let matches = try queries.basis(wanted, limit: 5, withBasis: false)
            let chosen = code.map { code in matches.first { $0.procedure.code == code } }
                ?? matches.first { Folding.fold($0.procedure.name) == Folding.fold(wanted) } ?? matches.first.flatMap { $0.score >= 1 ? $0 : nil }
            return try chosen.map { try queries.withBasis($0) }
        }
        guard let match else { return Self.html(Pages.message("Không tìm thấy", "Không có thủ tục «\(wanted)» trong chỉ mục."), status: .notFound) }
        return Self.html(Pages.procedure(match))
    }

    func documentPage(_ form: FormData) async throws -> Response {
        let link = AnnotatedDocument.symbolLink(base: "/van-ban?so=")
        if let id = form["id"].flatMap({ Int64($0) }) {
            let page = try await querying { queries throws -> String? in
                guard let stored = try queries.storedDocument(id: id) else { return nil }
                let nodes = try queries.citationFacts(stored.facts.citations)
                let text = AnnotatedDocument(facts: stored.facts, text: stored.text, nodes: nodes, link: link).textHTML
                return Pages.unnumbered(stored, text: text)
            }
            guard let page else { return Self.html(Pages.message("Không tìm thấy", "Không có văn bản số \(id) trong chỉ mục."), status: .notFound) }
            return Self.html(page)
        }
        guard let symbol = form["so"], !symbol.isEmpty else { throw Self.badRequest("thiếu số hiệu văn bản (so)") }
        let page = try await querying { queries throws -> String? in
            guard let report = try queries.show(symbol) else { return nil }
            var text: String?
            if let first = report.documents.first, let stored = try queries.storedDocument(id: first.id) {
                let nodes = try queries.citationFacts(stored.facts.citations)
                text = AnnotatedDocument(facts: stored.facts, text: stored.text, nodes: nodes, link: link).textHTML
            }
            return Pages.document(report, text: text, graph: self.graphs.drawing(report.symbol, queries: queries))
        }
        guard let page else {
            return Self.html(Pages.message("Không tìm thấy", "Chỉ mục và danh mục văn bản không biết văn bản «\(symbol)»."), status: .notFound)
        }
        return Self.html(page)
    }

    /// Reviews a text as `cancu review - --format json` does: read (any format), analysed, facts
    /// learned from itself, reviewed. Nothing is stored.
    func review(_ bytes: [UInt8]) throws -> (text: String, findings: [Finding]) {
        let source: SourceDocument
        switch DocumentReader.read(bytes: bytes, path: "-") {
        case .success(let document): source = document
        case .failure(let error): throw Self.badRequest(error.diagnostic.message)
        }
        var facts = extractor.extract(source)
        facts.text = nil
        let learned = LearnedFacts(FactLearner.learn(from: facts))
        return (source.text, reviewer.review(facts, asOf: options.asOf ?? Reviewer.today(), facts: learned))
    }

    // MARK: Limits

    /// The request body, refused with 413 when larger than the limit.
    func body(_ request: Request) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > options.maxBodyBytes {
            throw HTTPError(.contentTooLarge, message: "nội dung quá lớn (tối đa \(options.maxBodyBytes) byte)")
        }
        var request = request
        do {
            return try await request.collectBody(upTo: options.maxBodyBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw HTTPError(.contentTooLarge, message: "nội dung quá lớn (tối đa \(options.maxBodyBytes) byte)")
        }
    }

    /// Runs blocking work that needs no index (a review's analysis) on a thread of its own, answering 503 when it takes
    /// longer than the time limit (the work then finishes unseen).
    func limited<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let once = OnceContinuation<T>()
        return try await withCheckedThrowingContinuation { continuation in
            once.set(continuation)
            DispatchQueue.global().async { once.resume(with: Result { try work() }) }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeLimitSeconds) {
                once.resume(with: .failure(HTTPError(.serviceUnavailable, message: "yêu cầu quá thời gian cho phép")))
            }
        }
    }

    /// Runs index queries on one of the pool's connection threads, first come first served,
    /// answering 503 when the answer takes longer than the time limit (a request still queued
    /// then is dropped without running).
    func querying<T: Sendable>(_ work: @escaping @Sendable (IndexQueries) throws -> T) async throws -> T {
        let once = OnceContinuation<T>()
        return try await withCheckedThrowingContinuation { continuation in
            once.set(continuation)
            pool.run { queries in
                guard once.isPending else { return }
                once.resume(with: Result { try work(queries) })
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeLimitSeconds) {
                once.resume(with: .failure(HTTPError(.serviceUnavailable, message: "yêu cầu quá thời gian cho phép")))
            }
        }
    }

    var timeLimitSeconds: Double {
        Double(options.timeLimit.components.seconds) + Double(options.timeLimit.components.attoseconds) / 1e18
    }

    // MARK: Helpers

    static func query(_ request: Request) -> FormData { FormData(request.uri.query ?? "") }

    static func integer(_ text: String?, default value: Int, range: ClosedRange<Int>, name: String) throws -> Int {
        guard let text else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw badRequest("\(name): một số từ \(range.lowerBound) đến \(range.upperBound)")
        }
        return number
    }

    static func badRequest(_ message: String) -> HTTPError { HTTPError(.badRequest, message: message) }
    static func notFound(_ message: String) -> HTTPError { HTTPError(.notFound, message: message) }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// JSON as the command line writes it: one object (`application/json`) or JSON Lines.
    static func json(_ bytes: [UInt8], lines: Bool = false) -> Response {
        Response(status: .ok, headers: [.contentType: lines ? "application/x-ndjson; charset=utf-8" : "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// A continuation resumed once: by the work or by the time limit, whichever comes first.
final class OnceContinuation<T: Sendable>: Sendable {
    private let state = Mutex<CheckedContinuation<T, any Error>?>(nil)

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        state.withLock { $0 = continuation }
    }

    /// Not resumed yet.
    var isPending: Bool { state.withLock { $0 != nil } }

    func resume(with result: Result<T, any Error>) {
        let continuation = state.withLock { value -> CheckedContinuation<T, any Error>? in
            let c = value
            value = nil
            return c
        }
        continuation?.resume(with: result)
    }
}

extension ServeApp {
    /// Serves until interrupted; `started` is told the address and port actually bound.
    package func run(started: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        // Build the citation graph once in the background, so the first document page is fast.
        let graphs = self.graphs, queries = pool.queries
        DispatchQueue.global(qos: .utility).async { _ = try? graphs.graph(queries) }
        let host = options.host
        let app = Application(router: router(), server: .http1(configuration: .init(idleTimeout: .seconds(30))),
                              configuration: .init(address: .hostname(host, port: options.port), serverName: "cancu"),
                              onServerRunning: { channel in
                                  let port = channel.localAddress?.port ?? 0
                                  started((host.contains(":") ? "[\(host)]" : host) + ":\(port)")
                              },
                              logger: Self.logger)
        // SIGTERM and SIGINT stop it gracefully, but never for long: requests still running
        // after 3 s are cancelled, and the process is not kept waiting on them.
        var configuration = ServiceGroupConfiguration(services: [.init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: Self.logger)
        configuration.maximumGracefulShutdownDuration = .seconds(3)
        configuration.maximumCancellationDuration = .seconds(2)
        try await ServiceGroup(configuration: configuration).run()
    }

    static var logger: Logger {
        var logger = Logger(label: "cancu-serve")
        logger.logLevel = .warning
        return logger
    }
}
