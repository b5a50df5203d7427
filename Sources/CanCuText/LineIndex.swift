import CanCuModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where lines start, found in one pass, and for any position the line holding it, by binary search:
/// line numbers (1-based) of source scalar offsets for messages people read, and line starts of
/// UTF-8 bytes for scanners, which so stay linear however long a line is.
package struct LineIndex: Sendable {
    /// Offsets (scalars or bytes, as built) where each line starts; the first is 0.
    private let starts: [Int]
    /// The length of what was indexed (the end of the last line).
    private let count: Int

    /// The lines of a text, in Unicode-scalar offsets.
    public init(_ source: String) {
        var starts = [0]
        var offset = 0
        for scalar in source.unicodeScalars {
            offset += 1
            if scalar == "\n" { starts.append(offset) }
        }
        self.starts = starts
        count = offset
    }

    /// The lines of UTF-8 bytes, in byte offsets.
    package init(bytes p: UnsafeBufferPointer<UInt8>) {
        var starts = [0]
        starts.reserveCapacity(p.count / 40 + 16)
        // Line feeds found by memchr (vectorised), not byte by byte.
        if let base = p.baseAddress {
            var k = 0
            let n = p.count
            while k < n, let hit = memchr(base + k, 0x0A, n - k) {
                k = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
                starts.append(k)
            }
        }
        self.starts = starts
        count = p.count
    }

    /// The index in `starts` of the line holding `offset` (the last start at or before it).
    private func index(of offset: Int) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return max(0, low - 1)
    }

    /// The 1-based line of an offset.
    public func line(of offset: Int) -> Int { index(of: offset) + 1 }

    /// The offset where the line holding `offset` starts.
    package func start(of offset: Int) -> Int { starts[index(of: offset)] }

    /// The end of the line holding `offset`: the offset of its line feed, or the end of the text.
    package func end(of offset: Int) -> Int {
        let i = index(of: offset)
        return i + 1 < starts.count ? starts[i + 1] - 1 : count
    }
}
