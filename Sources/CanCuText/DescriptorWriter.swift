import CanCuModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place output bytes reach a file descriptor: every byte is written (short writes and
/// `EINTR` retried) or the error is returned, so that no output is lost silently. The command
/// line's `Console` and the graph exporters' `GraphSink` both write through here.
package enum DescriptorWriter {
    /// Writes all of `bytes` to `descriptor`; 0 when done, else the `errno` of the failed write.
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        guard var base = bytes.baseAddress else { return 0 }
        var remaining = bytes.count
        while remaining > 0 {
            #if canImport(Glibc)
            let written = Glibc.write(descriptor, base, remaining)
            #else
            let written = Darwin.write(descriptor, base, remaining)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            base += written
            remaining -= written
        }
        return 0
    }

    /// `writeAll` over an array.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
    }

    /// The system's message for `code` (`strerror`).
    public static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
