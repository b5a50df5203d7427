import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import CanCuGraph
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writing to standard output and standard error by file descriptor (callers pass
/// whole records, so there is one system call per record, and no shared C `FILE` state).
package enum Console {
    /// Writes bytes to standard output.
    public static func write(_ bytes: [UInt8]) { write(bytes, to: 1) }

    public static func write(_ text: String) { write(Array(text.utf8), to: 1) }

    /// Writes a line to standard error.
    public static func error(_ text: String) { write(Array((text + "\n").utf8), to: 2) }

    /// Kept for symmetry with buffered streams; writes are already unbuffered.
    public static func flush() {}

    /// True when standard error is a terminal (for progress bars).
    public static var standardErrorIsTerminal: Bool { isatty(2) != 0 }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBufferPointer { p in
            guard var base = p.baseAddress else { return }
            var remaining = p.count
            while remaining > 0 {
                let written = Glibc.write(descriptor, base, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // e.g. a closed pipe: nothing more to do
                }
                base += written
                remaining -= written
            }
        }
    }
}
