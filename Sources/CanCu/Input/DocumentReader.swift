import Foundation

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

    /// Expands folders into the files below them whose extension is in `extensions` (sorted, so
    /// output order is stable); files and `-` are kept as given, whatever their extension.
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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(path: path, code: "unreadable", message: "không đọc được tệp (quyền truy cập?)")
        }
        return [UInt8](data)
    }

    /// Reads and decodes one input as text.
    public static func read(_ path: String) -> Result<SourceDocument, InputError> {
        do {
            let bytes = try readBytes(path)
            let decoded = try TextDecoder.decode(bytes, path: path)
            return .success(SourceDocument(
                path: path, text: decoded.text, byteCount: bytes.count,
                encoding: decoded.encoding, warnings: decoded.warnings))
        } catch {
            return .failure(error)
        }
    }
}
