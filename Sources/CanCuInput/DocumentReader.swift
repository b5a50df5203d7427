import CanCuModel
import CanCuText
import CanCuLexicon
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds and reads inputs: files, folders (recursively, by known extension) and `-` for standard
/// input. Each unreadable input becomes an `InputError` naming the file; the others go on.
///
/// ```swift
/// for item in DocumentReader.expand(["corpus"]) {
///     switch DocumentReader.read(item) { case .success(let doc): …; case .failure(let error): … }
/// }
/// ```
public enum DocumentReader {
    /// Extensions read as plain text when a folder is given.
    public static let textExtensions: Set<String> = ["txt", "text"]
    /// Extensions read when a folder is given to a command that reads documents: plain text,
    /// Markdown, HTML, Word (.docx, .doc) and PDF.
    public static let documentExtensions: Set<String> = textExtensions.union(["md", "markdown", "html", "htm", "xhtml", "docx", "doc", "pdf"])

    /// Expands folders into the files below them whose extension is in `extensions` (sorted, so
    /// output order is stable), but a Markdown `README` (it describes the folder); files and `-`
    /// are kept as given, whatever their extension.
    public static func expand(_ paths: [String], extensions: Set<String> = textExtensions) -> [String] {
        var result: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard path != "-", manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                result.append(path)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else { result.append(path); continue }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let ext = (relative as NSString).pathExtension.lowercased()
                guard extensions.contains(ext) else { continue }
                // A folder's README.md describes the folder; it is not one of its documents.
                if ext == "md" || ext == "markdown",
                   ((relative as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased() == "readme" { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var childIsDirectory: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &childIsDirectory), !childIsDirectory.boolValue {
                    found.append(full)
                }
            }
            result.append(contentsOf: found.sorted())
        }
        return result
    }

    /// Reads the raw bytes of a file or of standard input (`-`).
    public static func readBytes(_ path: String) throws(InputError) -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return [UInt8](data)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(path: path, code: "not_found", message: "không tìm thấy tệp")
        }
        if isDirectory.boolValue {
            throw InputError(path: path, code: "is_directory", message: "là thư mục nhưng không chứa tệp văn bản nào đọc được")
        }
        guard let bytes = readFile(path) else {
            throw InputError(path: path, code: "unreadable", message: "không đọc được tệp (quyền truy cập?)")
        }
        return bytes
    }

    /// The bytes of a file read straight into one array (no intermediate `Data` and copy), or nil
    /// when it cannot be opened or read.
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var info = stat()
        let size = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        // Capacity for the whole file and one more byte (to see the end); grown for pipes and
        // files that grow while read. Bytes are written by `read` only, never zero-filled first.
        var bytes: [UInt8] = []
        var capacity = max(size, 0) + 1
        while true {
            var failed = false
            let more = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                initialized = 0
                while initialized < buffer.count {
                    let n = Glibc.read(fd, buffer.baseAddress! + initialized, buffer.count - initialized)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failed = true
                        return
                    }
                    if n == 0 { break }
                    initialized += n
                }
            }
            if failed { return nil }
            let full = more.count == capacity
            if bytes.isEmpty { bytes = more } else { bytes.append(contentsOf: more) }
            if !full { return bytes }
            capacity = max(65_536, bytes.count)
        }
    }

    /// Reads one input as text: plain text (UTF-8/16, or a legacy Vietnamese encoding, detected
    /// or forced), Markdown, HTML, Word (.docx, .doc) or PDF, chosen by the leading bytes, then the
    /// extension. `SourceDocument.text` is the text every offset points into; `encoding` names
    /// what was read (`utf-8`, `tcvn3`, `html`, `docx`, `doc+tcvn3`, `pdf`…).
    public static func read(_ path: String, encoding forced: InputEncoding? = nil) -> Result<SourceDocument, InputError> {
        do {
            return read(bytes: try readBytes(path), path: path, encoding: forced)
        } catch {
            return .failure(error)
        }
    }

    /// Reads bytes already read from `path` as `read(_:encoding:)` does, so that a caller that
    /// hashes them (the index) analyses exactly the bytes it hashed.
    public static func read(bytes: [UInt8], path: String, encoding forced: InputEncoding? = nil) -> Result<SourceDocument, InputError> {
        do {
            let kind = DocumentKind.of(bytes: bytes, path: path)
            guard kind != .text else {
                let decoded = try decodeText(bytes, path: path, forcedEncoding: forced)
                var document = SourceDocument(
                    path: path, text: decoded.text, byteCount: bytes.count,
                    encoding: decoded.encoding, warnings: decoded.warnings)
                // Valid UTF-8 without a BOM: the text is these bytes (kept for the normaliser).
                if decoded.encoding == "utf-8", decoded.warnings.isEmpty { document.utf8 = bytes }
                return .success(document)
            }
            if kind == .markdown {
                let read = try MarkdownFormat(forcedEncoding: forced).read(bytes, path: path)
                return .success(SourceDocument(path: path, text: read.text, byteCount: bytes.count, encoding: read.encoding, warnings: read.warnings))
            }
            var forcedLegacy: LegacyEncoding?
            if case .legacy(let legacy) = forced { forcedLegacy = legacy }
            let format: any DocumentFormat = kind == .html ? HTMLFormat(forcedEncoding: forcedLegacy) : (kind.format ?? HTMLFormat())
            var (text, warnings) = try format.extractText(bytes: bytes, path: path)
            var name = format.name
            if kind != .html, forced != .utf8, let repaired = MisdecodedText.repair(text, forced: forcedLegacy) {
                text = repaired.text
                name += "+" + repaired.encoding.rawValue
                warnings.append(legacyWarning(repaired.encoding, forced: forcedLegacy != nil))
            }
            return .success(SourceDocument(path: path, text: text, byteCount: bytes.count, encoding: name, warnings: warnings))
        } catch {
            return .failure(error)
        }
    }

    /// Decodes plain-text bytes: as `forcedEncoding` when given; otherwise as UTF-8/16, and when
    /// that needs repairs, as the legacy encoding whose reading looks like Vietnamese, if any.
    package static func decodeText(_ bytes: [UInt8], path: String, forcedEncoding: InputEncoding?) throws(InputError) -> TextDecoder.Decoded {
        if case .legacy(let legacy) = forcedEncoding {
            if bytes.prefix(TextDecoder.binaryProbeSize).contains(0) {
                throw InputError(path: path, code: "binary", message: "tệp nhị phân, không phải văn bản (có byte NUL); bỏ qua")
            }
            return TextDecoder.Decoded(text: legacy.decode(bytes), encoding: legacy.rawValue, warnings: [legacyWarning(legacy, forced: true)])
        }
        let decoded = try TextDecoder.decode(bytes, path: path)
        guard forcedEncoding == nil, decoded.encoding == "utf-8", !decoded.warnings.isEmpty,
              let legacy = EncodingDetector.detect(bytes) else { return decoded }
        return TextDecoder.Decoded(text: legacy.decode(bytes), encoding: legacy.rawValue, warnings: [legacyWarning(legacy, forced: false)])
    }

    static func legacyWarning(_ encoding: LegacyEncoding, forced: Bool) -> Diagnostic {
        Diagnostic(
            code: "legacy_encoding",
            message: forced
                ? "đọc theo bảng mã \(encoding.displayName) (--encoding) và chuyển sang Unicode"
                : "văn bản mã \(encoding.displayName), nhận ra theo mẫu âm tiết tiếng Việt, đã chuyển sang Unicode; dùng --encoding nếu nhận sai")
    }
}
