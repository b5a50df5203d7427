import CanCuModel
/// Converts UTF-8 byte offsets of a text into Unicode-scalar offsets, with one checkpoint every
/// 256 bytes (memory 1/32 of the text) and word-at-a-time counting.
struct ScalarIndex: Sendable {
    private let bytes: [UInt8]
    private let checkpoints: [Int]
    private static let shift = 8

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var checkpoints = [Int](repeating: 0, count: bytes.count >> Self.shift + 2)
        bytes.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            let step = 1 << Self.shift
            var scalars = 0
            var block = 0
            var i = 0
            // Whole blocks, eight bytes at a time: continuation bytes are 10xxxxxx.
            while i + step <= p.count {
                checkpoints[block] = scalars
                var continuation = 0
                var j = i
                while j < i + step {
                    let w = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
                    continuation &+= (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                    j += 8
                }
                scalars += step - continuation
                block += 1
                i += step
            }
            checkpoints[block] = scalars
            scalars += Self.countScalars(p, from: i, to: p.count)
            checkpoints[block + 1] = scalars
            if block + 2 < checkpoints.count { checkpoints.removeSubrange((block + 2)...) }
        }
        self.checkpoints = checkpoints
    }

    /// The number of scalar starts (non-continuation bytes) in `p[from..<to]`.
    @inline(__always)
    static func countScalars(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var i = from
        let raw = UnsafeRawPointer(p.baseAddress!)
        while i + 8 <= to {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // Continuation bytes are 10xxxxxx: bit 7 set and bit 6 clear.
            let continuation = w & ~(w << 1) & 0x8080_8080_8080_8080
            count += 8 - continuation.nonzeroBitCount
            i += 8
        }
        while i < to {
            if p[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// The number of scalars that start before byte `offset`.
    func scalarOffset(ofByte offset: Int) -> Int {
        let clamped = max(0, min(offset, bytes.count))
        let block = clamped >> Self.shift
        let from = block << Self.shift
        if from == clamped { return checkpoints[block] }
        return checkpoints[block] + bytes.withUnsafeBufferPointer { Self.countScalars($0, from: from, to: clamped) }
    }

    /// Scalars between two byte offsets (`from <= to`), counted directly.
    func scalars(from: Int, to: Int) -> Int {
        bytes.withUnsafeBufferPointer { Self.countScalars($0, from: from, to: min(to, $0.count)) }
    }

    /// The total number of scalars.
    var scalarCount: Int { checkpoints.last ?? 0 }

    /// Converts a batch of byte offsets to scalar offsets in place, walking forward between
    /// nearby offsets (a masked word count for the usual gap of under eight bytes) and using the
    /// checkpoints otherwise.
    func mapBatch(_ offsets: UnsafeMutableBufferPointer<Int>) {
        bytes.withUnsafeBufferPointer { p in
            checkpoints.withUnsafeBufferPointer { c in
                guard let base = p.baseAddress else {
                    for k in 0..<offsets.count { offsets[k] = 0 }
                    return
                }
                let raw = UnsafeRawPointer(base)
                let count = p.count
                var lastByte = 0, lastScalar = 0
                for k in 0..<offsets.count {
                    let target = max(0, min(offsets[k], count))
                    let gap = target &- lastByte
                    if gap >= 0 && gap < 8 && lastByte + 8 <= count {
                        let w = raw.loadUnaligned(fromByteOffset: lastByte, as: UInt64.self)
                        let mask: UInt64 = gap == 0 ? 0 : ~0 >> UInt64(64 - 8 * gap)
                        lastScalar += gap - (w & ~(w << 1) & 0x8080_8080_8080_8080 & mask).nonzeroBitCount
                    } else if gap >= 0 && gap < 512 {
                        lastScalar += Self.countScalars(p, from: lastByte, to: target)
                    } else {
                        let block = target >> Self.shift
                        lastScalar = c[block] + Self.countScalars(p, from: block << Self.shift, to: target)
                    }
                    lastByte = target
                    offsets[k] = lastScalar
                }
            }
        }
    }
}
