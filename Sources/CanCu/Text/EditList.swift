/// The places where a text transformation changed bytes: each edit says that source bytes
/// `[sourceStart, sourceEnd)` became output bytes `[outputStart, outputEnd)`. Everything between
/// edits was copied unchanged, so one sorted list maps any output offset back to the source.
struct EditList: Sendable {
    private(set) var sourceStarts: [Int] = []
    private(set) var sourceEnds: [Int] = []
    private(set) var outputStarts: [Int] = []
    private(set) var outputEnds: [Int] = []

    var isEmpty: Bool { sourceStarts.isEmpty }
    var lastSourceStart: Int? { sourceStarts.last }
    var lastOutputStart: Int? { outputStarts.last }
    var count: Int { sourceStarts.count }

    /// Adds an edit at or after the previous ones; one that overlaps earlier edits is merged with
    /// them. Touching edits stay apart, so each replaced character keeps its own position.
    mutating func add(sourceStart: Int, sourceEnd: Int, outputStart: Int, outputEnd: Int) {
        var s0 = sourceStart, s1 = sourceEnd, o0 = outputStart, o1 = outputEnd
        while let last = sourceEnds.last, last > s0 {
            s0 = min(s0, sourceStarts.removeLast())
            s1 = max(s1, sourceEnds.removeLast())
            o0 = min(o0, outputStarts.removeLast())
            o1 = max(o1, outputEnds.removeLast())
        }
        sourceStarts.append(s0)
        sourceEnds.append(s1)
        outputStarts.append(o0)
        outputEnds.append(o1)
    }

    /// The source offset of output offset `offset`. An offset strictly inside an edit maps to the
    /// edit's source start, or to its source end when `roundingUp` (for the end of a span).
    func sourceOffset(of offset: Int, roundingUp: Bool) -> Int {
        // The last edit whose output start is <= offset.
        var low = 0, high = outputStarts.count
        while low < high {
            let mid = (low + high) / 2
            if outputStarts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        let index = low - 1
        if index < 0 { return offset }
        if offset >= outputEnds[index] { return sourceEnds[index] + (offset - outputEnds[index]) }
        if offset == outputStarts[index] { return sourceStarts[index] }
        return roundingUp ? sourceEnds[index] : sourceStarts[index]
    }
}
