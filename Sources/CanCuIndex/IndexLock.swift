import CanCuModel
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The writers' lock on an index: an advisory `flock` on the sidecar file `DB.lock`, held for as
/// long as a writable `DocumentIndex` lives, so that `--rebuild`, schema creation and indexing
/// never run at the same time as another process writing the same index. A second writer waits
/// for it up to a timeout, then fails with `IndexError.locked`. Readers do not take it: SQLite's
/// WAL lets them read while a writer writes.
///
/// Within one process the lock is shared (counted) between the writable indexes of one path:
/// `flock` would otherwise make a process wait for itself.
final class IndexLock: Sendable {
    /// The lock file's path.
    let path: String

    private struct Held { var descriptor: Int32; var count: Int }
    private static let held = Mutex<[String: Held]>([:])

    private init(path: String) { self.path = path }

    /// The lock file of the index at `indexPath`.
    static func lockPath(for indexPath: String) -> String {
        URL(fileURLWithPath: indexPath).standardizedFileURL.path + ".lock"
    }

    /// Takes the lock of the index at `indexPath`, waiting up to `timeout` seconds for another
    /// process to release it.
    static func acquire(for indexPath: String, timeout: Double) throws(IndexError) -> IndexLock {
        let path = lockPath(for: indexPath)
        let shared = held.withLock { held -> Bool in
            guard held[path] != nil else { return false }
            held[path]!.count += 1
            return true
        }
        if shared { return IndexLock(path: path) }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .database(path: indexPath, message: "không tạo được tệp khóa \(path): \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(max(0, timeout))
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            guard error == EWOULDBLOCK || error == EINTR else {
                close(descriptor)
                throw .database(path: indexPath, message: "không khóa được \(path): \(String(cString: strerror(error)))")
            }
            guard Date() < deadline else {
                close(descriptor)
                throw .locked(path: indexPath, seconds: timeout)
            }
            usleep(50_000)
        }
        held.withLock { held in
            if var entry = held[path] {
                // Another thread of this process took it meanwhile: keep one descriptor.
                entry.count += 1
                held[path] = entry
                close(descriptor)
            } else {
                held[path] = Held(descriptor: descriptor, count: 1)
            }
        }
        return IndexLock(path: path)
    }

    deinit {
        let path = self.path
        Self.held.withLock { held in
            guard var entry = held[path] else { return }
            entry.count -= 1
            if entry.count == 0 {
                close(entry.descriptor)  // releases the flock
                held[path] = nil
            } else {
                held[path] = entry
            }
        }
    }
}
