/// How `cancu serve` runs: where it listens, which index it reads, and its limits.
package struct ServeOptions: Sendable {
    package var host = "127.0.0.1"
    package var port = 8080
    package var database = "cancu.sqlite"
    /// The date statuses and findings are judged by (ISO; nil: today).
    package var asOf: String?
    /// The largest request body read (a review's text): larger ones get 413.
    package var maxBodyBytes = 2 * 1024 * 1024
    /// The longest a request may take before it gets 503.
    package var timeLimit: Duration = .seconds(10)
    /// Read connections to the index.
    package var connections = 2

    package init() {}

    /// True for an address only this machine reaches (127.0.0.0/8, ::1, localhost).
    package static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// The warning `cancu serve` prints when it listens beyond this machine.
    package static func exposureWarning(host: String) -> String {
        "cancu serve: CẢNH BÁO: lắng nghe trên \(host), không phải địa chỉ nội bộ (loopback): mọi máy truy cập được mạng này "
            + "đều đọc được chỉ mục. Không có xác thực hay mã hoá (HTTPS); chỉ dùng trong mạng tin cậy."
    }
}
