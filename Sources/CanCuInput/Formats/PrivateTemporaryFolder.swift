import CanCuModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The process's private folder for temporary files: created on first use under `$TMPDIR` (or
/// /tmp) with mode 0700, each file in it created with mode 0600, so another user can neither
/// read a document's converted text nor plant a file there. The helper processes started for
/// conversions are registered here too.
///
/// On SIGINT, SIGTERM or SIGHUP the helpers' process groups are killed, the folder is removed,
/// and the signal is raised again (so the exit status still says which signal); at a normal exit
/// the (by then empty) folder is removed.
package final class PrivateTemporaryFolder: @unchecked Sendable {
    package static let shared = PrivateTemporaryFolder()

    private let lock = NSLock()
    private var folder: String?
    private var files: Set<String> = []
    /// Running helpers (each the leader of its own process group).
    private var children: Set<pid_t> = []
    private var signalSources: [any DispatchSourceSignal] = []
    private var counter = 0

    /// The folder, created (and the signal handlers installed) on first use.
    package func path() throws(InputError) -> String {
        lock.lock()
        defer { lock.unlock() }
        return try folderLocked()
    }

    private func folderLocked() throws(InputError) -> String {
        if let folder { return folder }
        installHandlersLocked()
        var base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        if base.isEmpty { base = "/tmp" }
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        var template = Array((base + "/cancu-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw InputError(path: base, code: "temporary_folder", message: "không tạo được thư mục tạm riêng (\(String(cString: strerror(errno))))")
        }
        let created = String(cString: made)
        folder = created
        return created
    }

    /// A new empty file in the folder (mode 0600, created exclusively), open for writing: its
    /// path and descriptor. `remove` deletes it.
    package func createFile(suffix: String) throws(InputError) -> (path: String, descriptor: Int32) {
        lock.lock()
        defer { lock.unlock() }
        let folder = try folderLocked()
        counter += 1
        let path = "\(folder)/\(counter).\(suffix)"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw InputError(path: path, code: "temporary_folder", message: "không tạo được tệp tạm (\(String(cString: strerror(errno))))")
        }
        files.insert(path)
        return (path, descriptor)
    }

    /// Deletes a file made by `createFile`.
    package func remove(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        unlink(path)
        files.remove(path)
    }

    /// Starts a helper with `start` (which returns its pid, or -1) and registers it under the
    /// lock, so that a signal arriving meanwhile still finds it.
    package func spawn(_ start: () -> pid_t) -> pid_t {
        lock.lock()
        defer { lock.unlock() }
        let pid = start()
        if pid > 0 { children.insert(pid) }
        return pid
    }

    /// Forgets a helper that has been waited for.
    package func finished(_ pid: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        children.remove(pid)
    }

    /// Kills the helpers' groups and deletes the files and the folder.
    private func cleanUpLocked() {
        for pid in children { kill(-pid, SIGKILL) }
        children.removeAll()
        for file in files { unlink(file) }
        files.removeAll()
        if let folder { rmdir(folder) }
        folder = nil
    }

    private func installHandlersLocked() {
        guard signalSources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            // Only when the signal is not already ignored (`nohup`, a shell's background job).
            var current = sigaction()
            guard sigaction(signalNumber, nil, &current) == 0,
                  unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self)
            else { continue }
            // A handler already there (libdispatch's, for `cancu serve`'s graceful shutdown) stays:
            // ignoring the signal would silence it, and the new source shares it.
            if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_DFL, to: Int.self) {
                signal(signalNumber, SIG_IGN)
            }
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in
                lock.lock()
                cleanUpLocked()
                // Dispatch reads the signal through a signalfd, so it is blocked: unblock it in this
                // thread and raise it again with its default action. The lock stays held, so no
                // conversion starts meanwhile.
                signal(signalNumber, SIG_DFL)
                var set = sigset_t()
                sigemptyset(&set)
                sigaddset(&set, signalNumber)
                pthread_sigmask(SIG_UNBLOCK, &set, nil)
                raise(signalNumber)
                while true { pause() }
            }
            source.resume()
            signalSources.append(source)
        }
        atexit { PrivateTemporaryFolder.shared.cleanUpAtExit() }
    }

    private func cleanUpAtExit() {
        // Never wait at exit for a lock a signal handler or a worker might hold.
        guard lock.try() else { return }
        cleanUpLocked()
        lock.unlock()
    }
}
