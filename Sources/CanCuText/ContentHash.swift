import CanCuModel
/// A fast 64-bit content hash (four multiply-xor lanes over 8-byte words), to tell a changed file
/// from an unchanged one. Not cryptographic; the file size is compared alongside it.
///
/// ```swift
/// ContentHash.hex(of: Array("Nghị định".utf8))   // "9c1f…" (16 hex digits)
/// ```
package enum ContentHash {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9

    /// The hash of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw -> UInt64 in
            var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1, prime2, prime3, prime1 ^ prime2)
            let count = raw.count
            var offset = 0
            @inline(__always) func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
                var h = lane ^ (word &* prime2)
                h = (h << 31) | (h >> 33)
                return h &* prime1
            }
            while offset + 32 <= count {
                lanes.0 = mix(lanes.0, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                lanes.1 = mix(lanes.1, raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                lanes.2 = mix(lanes.2, raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                lanes.3 = mix(lanes.3, raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
            var h = mix(mix(mix(mix(UInt64(count), lanes.0), lanes.1), lanes.2), lanes.3)
            while offset < count {
                h = mix(h, UInt64(raw[offset]))
                offset += 1
            }
            h ^= h >> 29
            h = h &* prime3
            h ^= h >> 32
            return h
        }
    }

    /// The hash as 16 lower-case hex digits.
    public static func hex(of bytes: [UInt8]) -> String {
        let value = String(hash(bytes), radix: 16)
        return String(repeating: "0", count: 16 - value.count) + value
    }
}
