import CanCuModel
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

    /// Appends the edits of the text that follows (its offsets moved by `source` and `output`),
    /// all at or after these ones.
    mutating func append(_ other: EditList, source: Int, output: Int) {
        for k in 0..<other.count {
            add(sourceStart: other.sourceStarts[k] + source, sourceEnd: other.sourceEnds[k] + source,
                outputStart: other.outputStarts[k] + output, outputEnd: other.outputEnds[k] + output)
        }
    }

    /// The source offset of output offset `offset`. An offset strictly inside an edit maps to the
    /// edit's source start, or to its source end when `roundingUp` (for the end of a span).
    func sourceOffset(of offset: Int, roundingUp: Bool) -> Int {
        var hint = -1
        return sourceOffset(of: offset, roundingUp: roundingUp, hint: &hint)
    }

    /// As `sourceOffset(of:roundingUp:)`, walking forward from `hint` (the edit found last time)
    /// when offsets come in increasing order, so a forward scan costs O(1) per lookup.
    func sourceOffset(of offset: Int, roundingUp: Bool, hint: inout Int) -> Int {
        let count = outputStarts.count
        var index: Int
        if hint >= -1, hint < count, hint == -1 || outputStarts[hint] <= offset {
            index = hint
            var steps = 0
            while index + 1 < count, outputStarts[index + 1] <= offset, steps < 16 { index += 1; steps += 1 }
            if steps == 16 { index = Self.lastStart(outputStarts, atMost: offset) }
        } else {
            index = Self.lastStart(outputStarts, atMost: offset)
        }
        hint = index
        if index < 0 { return offset }
        if offset >= outputEnds[index] { return sourceEnds[index] + (offset - outputEnds[index]) }
        if offset == outputStarts[index] { return sourceStarts[index] }
        return roundingUp ? sourceEnds[index] : sourceStarts[index]
    }

    /// The index of the last start <= offset, or -1.
    private static func lastStart(_ starts: [Int], atMost offset: Int) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return low - 1
    }

    /// Maps a batch of output offsets to source offsets in place, in one pass with the arrays
    /// pinned (no reference counting per offset). Offsets at even indices are span starts (rounded
    /// down inside an edit), at odd indices span ends (rounded up). Fastest when nearly sorted.
    func mapBatch(_ offsets: UnsafeMutableBufferPointer<Int>) {
        if sourceStarts.isEmpty { return }
        sourceStarts.withUnsafeBufferPointer { ss in
            sourceEnds.withUnsafeBufferPointer { se in
                outputStarts.withUnsafeBufferPointer { os in
                    outputEnds.withUnsafeBufferPointer { oe in
                        let count = os.count
                        var index = -1
                        // Between edits the map is a shift: the usual case costs two comparisons.
                        var stretchStart = 0, stretchEnd = count > 0 ? os[0] : Int.max, shift = 0
                        for k in 0..<offsets.count {
                            let offset = offsets[k]
                            if offset >= stretchStart && offset < stretchEnd {
                                offsets[k] = offset + shift
                                continue
                            }
                            if index >= 0 && os[index] > offset {
                                // Went backwards: search again.
                                var low = 0, high = count
                                while low < high {
                                    let mid = (low + high) / 2
                                    if os[mid] <= offset { low = mid + 1 } else { high = mid }
                                }
                                index = low - 1
                            }
                            var steps = 0
                            while index + 1 < count && os[index + 1] <= offset {
                                index += 1
                                steps += 1
                                if steps == 32 {
                                    var low = index, high = count
                                    while low < high {
                                        let mid = (low + high) / 2
                                        if os[mid] <= offset { low = mid + 1 } else { high = mid }
                                    }
                                    index = low - 1
                                    break
                                }
                            }
                            if index < 0 { continue }
                            if offset >= oe[index] {
                                offsets[k] = se[index] + (offset - oe[index])
                                stretchStart = oe[index]
                                stretchEnd = index + 1 < count ? os[index + 1] : Int.max
                                shift = se[index] - oe[index]
                            } else if offset == os[index] {
                                offsets[k] = ss[index]
                            } else {
                                offsets[k] = k & 1 == 1 ? se[index] : ss[index]
                            }
                        }
                    }
                }
            }
        }
    }
}
