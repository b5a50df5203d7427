import CanCuModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies of whole texts. A large copy asks the kernel for huge pages first, so that a 100 MB
/// document costs fifty page faults instead of twenty-five thousand.
enum LargeBuffer {
    /// Below this size a plain copy is as fast.
    static let threshold = 1 << 22

    /// The UTF-8 bytes of `text`, in a fresh array.
    package static func bytes(of text: String) -> [UInt8] {
        let count = text.utf8.count
        guard count >= threshold else { return Array(text.utf8) }
        let copy = text.utf8.withContiguousStorageIfAvailable { source in
            [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
                buffer.baseAddress!.initialize(from: source.baseAddress!, count: count)
                initialized = count
            }
        }
        return copy ?? Array(text.utf8)
    }

    /// Whether `bytes` are exactly the UTF-8 of `text` (one `memcmp`).
    package static func sameBytes(_ bytes: [UInt8], _ text: String) -> Bool {
        guard bytes.count == text.utf8.count else { return false }
        return text.utf8.withContiguousStorageIfAvailable { source in
            bytes.withUnsafeBufferPointer { own in
                own.count == 0 || memcmp(own.baseAddress!, source.baseAddress!, own.count) == 0
            }
        } ?? false
    }

    /// An empty array with room for `capacity` bytes (huge pages when large).
    static func empty(capacity: Int) -> [UInt8] {
        guard capacity >= threshold else {
            var array: [UInt8] = []
            array.reserveCapacity(capacity)
            return array
        }
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            initialized = 0
        }
    }

    /// Asks for transparent huge pages on the whole 2 MiB pages inside `buffer` (Linux only; a
    /// hint the kernel may ignore).
    static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard let base = buffer.baseAddress else { return }
        let huge = 1 << 21
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, 14 /* MADV_HUGEPAGE */)
        #endif
    }
}
