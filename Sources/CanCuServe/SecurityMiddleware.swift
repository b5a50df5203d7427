import CanCu
import Hummingbird

/// Puts the security headers on every response (errors included) and turns errors into
/// Vietnamese pages, or JSON errors under `/api/`.
struct SecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    let app: ServeApp

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            if let allowed = Self.methods[request.uri.path], !allowed.contains(request.method) {
                throw HTTPError(.methodNotAllowed, headers: [.allow: allowed.map(\.rawValue).joined(separator: ", ")],
                                message: "phương thức \(request.method.rawValue) không dùng được ở đây")
            }
            response = try await next(request, context)
        } catch {
            response = Self.errorResponse(error, api: request.uri.path.hasPrefix("/api/"))
        }
        response.headers[.contentSecurityPolicy] = ServeApp.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// The methods each route answers; others get 405 with `Allow`.
    static var methods: [String: [HTTPRequest.Method]] { [
        "/": [.get], "/tim-kiem": [.get], "/thu-tuc": [.get], "/van-ban": [.get],
        "/kiem-tra": [.get, .post], "/api/v1/search": [.get], "/api/v1/basis": [.get],
        "/api/v1/show": [.get], "/api/v1/cited-by": [.get], "/api/v1/graph": [.get],
        "/api/v1/openapi.yaml": [.get], "/api/v1/review": [.post],
    ] }

    static func errorResponse(_ error: any Error, api: Bool) -> Response {
        let status: HTTPResponse.Status
        let message: String
        if let error = error as? HTTPError {
            status = error.status
            message = error.body ?? error.status.reasonPhrase
        } else if let error = error as? any HTTPResponseError {
            status = error.status
            message = status == .contentTooLarge ? "nội dung quá lớn" : status.reasonPhrase
        } else if let error = error as? IndexError {
            status = .internalServerError
            message = "\(error)"
        } else {
            status = .internalServerError
            message = "lỗi máy chủ"
        }
        let code: String
        switch status.code {
        case 400: code = "bad_request"
        case 404: code = "not_found"
        case 413: code = "too_large"
        case 503: code = "timeout"
        default: code = status.code == 405 ? "method_not_allowed" : "server_error"
        }
        var headers: HTTPFields = [:]
        if let error = error as? HTTPError, let allow = error.headers[.allow] { headers[.allow] = allow }
        if api {
            var json = JSONWriter()
            json.object { json in
                json.objectField("error") { json in
                    json.field("code", code)
                    json.field("message", message)
                }
            }
            json.newline()
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: json.bytes)))
        }
        let title = status == .notFound ? "Không tìm thấy" : "Lỗi \(status.code)"
        var response = ServeApp.html(Pages.message(title, message), status: status)
        if let allow = headers[.allow] { response.headers[.allow] = allow }
        return response
    }
}
