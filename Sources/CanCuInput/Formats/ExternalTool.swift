import CanCuModel
import CanCuText
import CanCuLexicon
import Foundation

/// A Debian command-line converter run as a child process with a time limit (`catdoc`,
/// `antiword`, `pdftotext`). Output goes to a temporary file, so a large output never blocks the
/// child; on timeout the child is terminated, then killed.
package struct ExternalTool: Sendable {
    /// The command name, looked up on `PATH`.
    package var command: String
    /// The Debian package that provides it, for the message when it is missing.
    package var package: String

    /// The default time limit, in seconds.
    package static let defaultTimeout: Double = 60

    /// The full path of the command, or nil when it is not installed.
    package var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(folder)/\(command)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// What a run produced.
    package struct Output: Sendable {
        package var status: Int32
        package var stdout: [UInt8]
        package var stderr: String
    }

    package init(command: String, package: String) {
        self.command = command
        self.package = package
    }

    /// Runs the command on `arguments`; `path` names the input in messages.
    package func run(_ arguments: [String], path: String, timeout: Double = defaultTimeout) throws(InputError) -> Output {
        guard let executable else {
            throw InputError(
                path: path, code: "tool_missing",
                message: "cần chương trình '\(command)' để đọc tệp này; cài gói Debian \(package) (apt-get install \(package))")
        }
        let folder = FileManager.default.temporaryDirectory
        let token = UUID().uuidString
        let outURL = folder.appendingPathComponent("cancu-\(token).out")
        let errURL = folder.appendingPathComponent("cancu-\(token).err")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        do {
            _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            let out = try FileHandle(forWritingTo: outURL)
            let err = try FileHandle(forWritingTo: errURL)
            defer {
                try? out.close()
                try? err.close()
            }
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            let finished = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in finished.signal() }
            try process.run()
            if finished.wait(timeout: .now() + timeout) == .timedOut {
                process.terminate()
                if finished.wait(timeout: .now() + 2) == .timedOut {
                    kill(process.processIdentifier, SIGKILL)
                    _ = finished.wait(timeout: .now() + 2)
                }
                throw InputError(
                    path: path, code: "tool_timeout",
                    message: "'\(command)' chạy quá \(Int(timeout)) giây, đã dừng; tệp có thể hỏng hoặc quá lớn")
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(path: path, code: "tool_failed", message: "không chạy được '\(command)': \(error)")
        }
        let stdout = (try? Data(contentsOf: outURL)).map { [UInt8]($0) } ?? []
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return Output(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// The input as a file a tool can open: the path itself, or (for standard input) a temporary
    /// copy that `cleanup` removes.
    package static func fileForTool(bytes: [UInt8], path: String, suffix: String) throws(InputError) -> (path: String, cleanup: @Sendable () -> Void) {
        var isDirectory: ObjCBool = false
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            return (path, {})
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-\(UUID().uuidString).\(suffix)")
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) else {
            throw InputError(path: path, code: "unreadable", message: "không ghi được tệp tạm để chuyển đổi")
        }
        return (url.path, { try? FileManager.default.removeItem(at: url) })
    }
}
