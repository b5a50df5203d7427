/// Converts UTF-8 byte offsets of a text into Unicode-scalar offsets in O(1) amortised time, with
/// one checkpoint every 256 bytes (so memory is 1/32 of the text).
struct ScalarIndex: Sendable {
    private let bytes: [UInt8]
    private let checkpoints: [Int]
    private static let shift = 8

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(bytes.count >> Self.shift + 2)
        var scalars = 0
        bytes.withUnsafeBufferPointer { p in
            let step = 1 << Self.shift
            var i = 0
            while i < p.count {
                checkpoints.append(scalars)
                let end = min(p.count, i + step)
                var j = i
                while j < end {
                    scalars &+= (p[j] & 0xC0 != 0x80) ? 1 : 0
                    j += 1
                }
                i = end
            }
            checkpoints.append(scalars)
        }
        self.checkpoints = checkpoints
    }

    /// The number of scalars that start before byte `offset`.
    func scalarOffset(ofByte offset: Int) -> Int {
        let clamped = max(0, min(offset, bytes.count))
        let block = clamped >> Self.shift
        var count = checkpoints[block]
        var i = block << Self.shift
        while i < clamped {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// The total number of scalars.
    var scalarCount: Int { checkpoints.last ?? 0 }
}
