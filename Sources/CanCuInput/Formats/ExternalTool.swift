import CanCuModel
import CanCuText
import CanCuLexicon
import CSpawn
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Debian command-line converter run as a child process with a time limit (`catdoc`,
/// `antiword`, `pdftotext`), found through `PATH`. Output goes to files in the process's private
/// temporary folder (`PrivateTemporaryFolder`: mode 0700, files 0600, removed on SIGINT/SIGTERM),
/// so a large output never blocks the child. The child runs in a process group of its own and
/// dies with its parent (even one killed by SIGKILL); on timeout its group is terminated, then
/// killed.
package struct ExternalTool: Sendable {
    /// The command name, looked up on `PATH`.
    package var command: String
    /// The Debian package that provides it, for the message when it is missing.
    package var package: String

    /// The default time limit, in seconds.
    package static let defaultTimeout: Double = 60

    /// The full path of the command: the first executable file of that name in a folder of
    /// `PATH` (then /usr/bin, /usr/local/bin), or nil when it is not installed.
    package var executable: String? {
        let manager = FileManager.default
        func usable(_ candidate: String) -> Bool {
            var isDirectory: ObjCBool = false
            return manager.fileExists(atPath: candidate, isDirectory: &isDirectory) && !isDirectory.boolValue
                && manager.isExecutableFile(atPath: candidate)
        }
        if command.contains("/") { return usable(command) ? command : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let folders = path.split(separator: ":", omittingEmptySubsequences: false).map { $0.isEmpty ? "." : String($0) }
        for folder in folders + ["/usr/bin", "/usr/local/bin"] {
            let candidate = folder.hasSuffix("/") ? folder + command : folder + "/" + command
            if usable(candidate) { return candidate }
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

    /// A file name as an argument that no tool takes for an option: `-V.doc` becomes `./-V.doc`.
    package static func argument(forFile path: String) -> String {
        path.hasPrefix("-") ? "./" + path : path
    }

    /// Runs the command on `arguments`; `path` names the input in messages.
    package func run(_ arguments: [String], path: String, timeout: Double = defaultTimeout) throws(InputError) -> Output {
        guard let executable else {
            throw InputError(
                path: path, code: "tool_missing",
                message: "cần chương trình '\(command)' để đọc tệp này; cài gói Debian \(package) (apt-get install \(package))")
        }
        let temporary = PrivateTemporaryFolder.shared
        let out = try temporary.createFile(suffix: "out")
        defer { temporary.remove(out.path) }
        let err: (path: String, descriptor: Int32)
        do throws(InputError) {
            err = try temporary.createFile(suffix: "err")
        } catch {
            close(out.descriptor)
            throw error
        }
        defer { temporary.remove(err.path) }
        let null = open("/dev/null", O_RDONLY | O_CLOEXEC)
        let argv = ([command] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let pid: pid_t = temporary.spawn {
            argv.withUnsafeBufferPointer { arguments -> pid_t in
                cancu_spawn(executable, arguments.baseAddress, environ, null, out.descriptor, err.descriptor)
            }
        }
        let spawnError = errno
        close(null)
        close(out.descriptor)
        close(err.descriptor)
        guard pid > 0 else {
            throw InputError(path: path, code: "tool_failed", message: "không chạy được '\(command)': \(String(cString: strerror(spawnError)))")
        }
        defer { temporary.finished(pid) }
        guard let status = Self.wait(pid, timeout: timeout) else {
            throw InputError(
                path: path, code: "tool_timeout",
                message: "'\(command)' chạy quá \(Int(timeout)) giây, đã dừng; tệp có thể hỏng hoặc quá lớn")
        }
        // Anything the tool left running in its group goes with it.
        kill(-pid, SIGKILL)
        if status == 127 {
            throw InputError(path: path, code: "tool_failed", message: "không chạy được '\(command)' (\(executable))")
        }
        let stdout = DocumentReader.readFile(out.path) ?? []
        let stderr = String(decoding: DocumentReader.readFile(err.path) ?? [], as: UTF8.self)
        return Output(status: status, stdout: stdout, stderr: stderr)
    }

    /// Waits for the child `pid` up to `timeout` seconds: its exit status (128 + the signal when
    /// killed by one), or nil after terminating its process group (SIGTERM, then SIGKILL 2 s later).
    private static func wait(_ pid: pid_t, timeout: Double) -> Int32? {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var pause: useconds_t = 1000
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return decode(status) }
            if result < 0 && errno != EINTR { return -1 }
            if ContinuousClock.now >= deadline { break }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
        kill(-pid, SIGTERM)
        let grace = ContinuousClock.now + .seconds(2)
        while ContinuousClock.now < grace {
            if waitpid(pid, &status, WNOHANG) == pid { kill(-pid, SIGKILL); return nil }
            usleep(10_000)
        }
        kill(-pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return nil
    }

    /// The exit code in a `waitpid` status, or 128 + the signal that ended the process.
    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// The input as a file a tool can open, as an argument (`./` before a name starting with
    /// `-`): the path itself, or (for standard input) a copy in the private temporary folder that
    /// `cleanup` removes.
    package static func fileForTool(bytes: [UInt8], path: String, suffix: String) throws(InputError) -> (path: String, cleanup: @Sendable () -> Void) {
        var isDirectory: ObjCBool = false
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            return (argument(forFile: path), {})
        }
        let temporary = PrivateTemporaryFolder.shared
        let file = try temporary.createFile(suffix: suffix)
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = write(file.descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        close(file.descriptor)
        guard written else {
            temporary.remove(file.path)
            throw InputError(path: path, code: "unreadable", message: "không ghi được tệp tạm để chuyển đổi")
        }
        let made = file.path
        return (made, { PrivateTemporaryFolder.shared.remove(made) })
    }
}
