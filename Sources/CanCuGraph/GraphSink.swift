import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an export goes: a byte buffer written out to a file descriptor each megabyte (so memory
/// stays bounded whatever the graph's size), or kept whole in memory.
package struct GraphSink {
    /// Bytes not yet written (all of them for a memory sink).
    public private(set) var bytes: [UInt8] = []
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// The first write error (`errno`), if any.
    public private(set) var writeError: Int32 = 0
    private static let chunk = 1 << 20

    /// A sink that keeps everything in `bytes`.
    public static func memory() -> GraphSink { GraphSink(descriptor: -1, owns: false) }

    /// Standard output.
    public static func standardOutput() -> GraphSink { GraphSink(descriptor: 1, owns: false) }

    /// A new file (replaced if it exists); nil with `errno` set when it cannot be created.
    public static func file(_ path: String) -> GraphSink? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return nil }
        return GraphSink(descriptor: fd, owns: true)
    }

    private init(descriptor: Int32, owns: Bool) {
        self.descriptor = descriptor
        ownsDescriptor = owns
        bytes.reserveCapacity(descriptor >= 0 ? Self.chunk + 4096 : 4096)
    }

    /// Appends text.
    @inline(__always)
    public mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= Self.chunk { drain() }
    }

    /// Appends bytes.
    public mutating func write(bytes more: [UInt8]) {
        bytes.append(contentsOf: more)
        if bytes.count >= Self.chunk { drain() }
    }

    /// Appends one byte.
    @inline(__always)
    public mutating func byte(_ b: UInt8) {
        bytes.append(b)
    }

    /// Appends a decimal number.
    public mutating func number(_ value: Int) { write(String(value)) }

    /// Writes out the buffer when it is full (call after a record).
    @inline(__always)
    public mutating func flushIfFull() {
        if bytes.count >= Self.chunk { drain() }
    }

    /// Writes out everything and closes a file sink; returns false when a write failed.
    @discardableResult
    public mutating func finish() -> Bool {
        if descriptor >= 0 {
            drain()
            if ownsDescriptor && close(descriptor) != 0 && writeError == 0 { writeError = errno }
        }
        return writeError == 0
    }

    private mutating func drain() {
        guard descriptor >= 0 else { return }
        if writeError == 0 { writeError = DescriptorWriter.writeAll(bytes, to: descriptor) }
        bytes.removeAll(keepingCapacity: true)
    }
}
