import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Word-at-a-time searches for the anchor bytes the scanners start from (digits, '%', a byte),
/// so that whole-text passes skip the bytes that cannot start a match eight at a time.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Flags (bit 7 of each byte) the bytes of `w` that equal `b`; the lowest flag is exact.
    @inline(__always)
    static func equalMask(_ w: UInt64, _ b: UInt8) -> UInt64 {
        let x = w ^ (ones &* UInt64(b))
        return (x &- ones) & ~x & highs
    }

    /// Flags the ASCII digits of `w`; the lowest flag is exact.
    @inline(__always)
    static func digitMask(_ w: UInt64) -> UInt64 {
        let x = w ^ (ones &* 0x30)  // digits become 0…9, every other byte >= 0x0A
        return (x &- ones &* 10) & ~x & highs
    }

    /// The first index >= `i` whose byte is an ASCII digit, or `p.count`.
    @inline(__always)
    static func nextDigit(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let n = p.count
        var k = i
        guard let base = p.baseAddress else { return n }
        let raw = UnsafeRawPointer(base)
        while k + 8 <= n {
            let m = digitMask(raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
            if m != 0 { return k + m.trailingZeroBitCount >> 3 }
            k += 8
        }
        while k < n, p[k] &- 0x30 >= 10 { k += 1 }
        return k
    }

    /// The first index >= `i` whose byte is an ASCII digit or `b`, or `p.count`.
    @inline(__always)
    static func nextDigit(or b: UInt8, _ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let n = p.count
        var k = i
        guard let base = p.baseAddress else { return n }
        let raw = UnsafeRawPointer(base)
        while k + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            let m = digitMask(w) | equalMask(w, b)
            if m != 0 {
                // The lowest flag of each mask is exact; their union's lowest flag is the lower of the two.
                return k + m.trailingZeroBitCount >> 3
            }
            k += 8
        }
        while k < n, p[k] &- 0x30 >= 10, p[k] != b { k += 1 }
        return k
    }

    /// The first index >= `i` whose byte is `a` or `b`, or `p.count`.
    @inline(__always)
    static func next(_ a: UInt8, or b: UInt8, _ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let n = p.count
        var k = i
        guard let base = p.baseAddress else { return n }
        let raw = UnsafeRawPointer(base)
        while k + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            let m = equalMask(w, a) | equalMask(w, b)
            if m != 0 { return k + m.trailingZeroBitCount >> 3 }
            k += 8
        }
        while k < n, p[k] != a, p[k] != b { k += 1 }
        return k
    }

    /// The first index >= `i` whose byte is `b` (memchr), or `p.count`.
    @inline(__always)
    static func next(_ b: UInt8, _ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let n = p.count
        guard i < n, let base = p.baseAddress else { return n }
        guard let hit = memchr(base + i, Int32(b), n - i) else { return n }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }
}
