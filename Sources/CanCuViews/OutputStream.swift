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
///
/// A write to standard output that fails (a full disk, a closed pipe, `> /dev/full`) is not
/// ignored: the command line stops at once with a message on standard error and exit status 1,
/// since whatever it goes on to print would be lost too. Nothing is buffered, so nothing is left to
/// flush at exit.
package enum Console {
    /// Writes bytes to standard output.
    public static func write(_ bytes: [UInt8]) {
        let failure = DescriptorWriter.writeAll(bytes, to: 1)
        if failure != 0 { outputFailed(failure) }
    }

    /// Writes text for people (every text view goes through here): control characters that came
    /// from documents or procedure records (ESC, BEL, C1, …) are shown as symbols instead of acting
    /// on the terminal (`OutputSafety.terminal`). Machine formats (JSON, `cancu text`) are bytes.
    public static func write(_ text: String) { write(Array(OutputSafety.terminal(text).utf8)) }

    /// Writes text a view made safe piece by piece and coloured for `style`: its ANSI colour
    /// sequences are kept when `style.color` is on; without colour, exactly as `write(_:)`.
    public static func write(_ text: String, style: TerminalStyle) {
        if style.color { write(Array(text.utf8)) } else { write(text) }
    }

    /// Writes a line of text for people to standard output.
    public static func line(_ text: String) { write(text + "\n") }

    /// Writes a line to standard error, controls shown as symbols (a failure there has nowhere to
    /// be reported).
    public static func error(_ text: String) {
        _ = DescriptorWriter.writeAll(Array((OutputSafety.terminal(text) + "\n").utf8), to: 2)
    }

    /// Kept for symmetry with buffered streams; writes are already unbuffered.
    public static func flush() {}

    /// True when standard error is a terminal (for progress bars).
    public static var standardErrorIsTerminal: Bool { isatty(2) != 0 }

    /// The message for a failed write to `target` ("đầu ra chuẩn" or a file name).
    public static func writeFailureMessage(_ code: Int32, target: String = "đầu ra chuẩn") -> String {
        "cancu: không ghi được \(target) (\(DescriptorWriter.message(code))); kết quả bị mất hoặc không đầy đủ"
    }

    /// Reports a failed write to standard output and exits with status 1.
    public static func outputFailed(_ code: Int32) -> Never {
        error(writeFailureMessage(code))
        exit(1)
    }
}
