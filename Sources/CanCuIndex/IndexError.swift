import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import Foundation
/// Why the index could not be opened or written; `description` is the message for the user.
public enum IndexError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No index file at the path (queries need one).
    case missing(path: String)
    /// The file is an index of another schema version.
    case schemaMismatch(path: String, found: Int, expected: Int)
    /// The file exists but is not a CanCu index (or not SQLite at all).
    case notAnIndex(path: String)
    /// SQLite failed (disk full, permissions, …).
    case database(path: String, message: String)
    /// Another process kept the index locked for writing longer than the writer waits.
    case locked(path: String, seconds: Double)
    /// `--rebuild` of a file that is not a CanCu index: it is not deleted.
    case rebuildRefused(path: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "không có chỉ mục \(path); tạo bằng: cancu index <thư mục> --db \(path)"
        case .schemaMismatch(let path, let found, let expected):
            return "chỉ mục \(path) dùng lược đồ phiên bản \(found), bản cancu này dùng phiên bản \(expected): "
                + "tạo lại bằng `cancu index <thư mục> --db \(path) --rebuild` hoặc xóa tệp \(path)"
        case .notAnIndex(let path):
            return "\(path) không phải chỉ mục của cancu: tạo lại bằng `cancu index <thư mục> --db \(path) --rebuild` "
                + "hoặc chọn tệp khác với --db"
        case .database(let path, let message):
            return "lỗi cơ sở dữ liệu \(path): \(message)"
        case .locked(let path, let seconds):
            return "chỉ mục \(path) đang được một tiến trình cancu khác ghi (khóa \(path).lock); đã chờ \(String(format: "%g", seconds)) giây: "
                + "chạy lại khi tiến trình đó xong, hoặc chờ lâu hơn với --lock-timeout"
        case .rebuildRefused(let path):
            return "--rebuild: \(path) không phải chỉ mục của cancu nên không bị xóa; chọn tệp khác với --db"
        }
    }
}
