import CanCuModel
/// Line numbers (1-based) of source scalar offsets, for messages people read.
package struct LineIndex: Sendable {
    /// Scalar offsets where each line starts.
    private let starts: [Int]

    public init(_ source: String) {
        var starts = [0]
        var offset = 0
        for scalar in source.unicodeScalars {
            offset += 1
            if scalar == "\n" { starts.append(offset) }
        }
        self.starts = starts
    }

    /// The 1-based line of a scalar offset.
    public func line(of offset: Int) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return max(1, low)
    }
}
