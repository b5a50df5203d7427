import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// The relation cues of `relation-cues.tsv` at the word starts of one document's lower-case
/// text, found one 2 KB chunk at a time when a question first touches the chunk and kept, so that
/// the resolver's many overlapping questions ("which cues lie between these two citations?")
/// read each part of the text at most once, and parts no question touches not at all.
final class CueIndex {
    /// A built index handed from the thread that built it to the one that reads it (one at a time).
    final class Handoff: @unchecked Sendable {
        let index: CueIndex
        init(_ index: CueIndex) { self.index = index }
    }

    /// The cues found in one chunk.
    private struct Chunk {
        /// Word starts where at least one cue matches, ascending.
        var positions: [Int] = []
        /// `ids[bounds[j]..<bounds[j + 1]]` are the cues matching at `positions[j]`, longest first.
        var bounds: [Int] = [0]
        var ids: [Int32] = []
        /// The length in the text of each match of `ids` (a space of the cue matches a run of spaces:
        /// "sửa \nđổi" at a line end is "sửa  đổi" here).
        var lengths: [Int32] = []
    }

    private static let chunkShift = 11
    private let text: [UInt8]
    private let lexicon: CitationLexicon
    private let lettersOnly: Bool
    private var chunks: [Chunk?]

    init(_ l: [UInt8], lexicon: CitationLexicon) {
        text = l
        self.lexicon = lexicon
        // When every cue starts with a letter, only letters after non-letters are looked at.
        lettersOnly = lexicon.cues.allSatisfy { CitedDate.isLetterByte($0.bytes[0]) }
        chunks = [Chunk?](repeating: nil, count: (l.count >> Self.chunkShift) + 1)
    }

    /// Finds the cues of every chunk now (the same chunks a question would find later), so that a
    /// thread other than the resolver's can do this part of the work.
    func buildAll() {
        for c in chunks.indices where chunks[c] == nil { chunks[c] = index(c) }
    }

    /// Cue occurrences in `range`, longest first at each word start, not overlapping.
    func cues(in range: Range<Int>) -> [(cue: CitationLexicon.Cue, range: Range<Int>)] {
        var result: [(cue: CitationLexicon.Cue, range: Range<Int>)] = []
        guard !range.isEmpty, range.lowerBound < text.count else { return result }
        var k = range.lowerBound
        for c in (range.lowerBound >> Self.chunkShift)...((min(range.upperBound, text.count) - 1) >> Self.chunkShift) {
            if chunks[c] == nil { chunks[c] = index(c) }
            guard let chunk = chunks[c] else { continue }
            var lo = 0, hi = chunk.positions.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if chunk.positions[mid] < k { lo = mid + 1 } else { hi = mid }
            }
            var j = lo
            while j < chunk.positions.count && chunk.positions[j] < range.upperBound {
                let at = chunk.positions[j]
                j += 1
                guard at >= k else { continue }
                for slot in chunk.bounds[j - 1]..<chunk.bounds[j] {
                    let cue = lexicon.cues[Int(chunk.ids[slot])]
                    let length = Int(chunk.lengths[slot])
                    guard at + length <= range.upperBound else { continue }
                    result.append((cue, at..<(at + length)))
                    k = at + length
                    break
                }
            }
        }
        return result
    }

    /// The cue `cues(in: k..<limit)` would find first when it starts at `k`: the longest that matches
    /// at word start `k` and ends by `limit`. Nil when none does.
    func cue(at k: Int, limit: Int) -> CitationLexicon.Cue? {
        guard k < text.count, k == 0 || !CitedDate.isLetterByte(text[k - 1]) else { return nil }
        for index in lexicon.cuesByFirstByte[Int(text[k])] {
            let cue = lexicon.cues[index]
            let count = cue.bytes.count
            guard let e = text.withUnsafeBufferPointer({ Self.matchEnd($0, at: k, cue.bytes) }), e <= limit else { continue }
            if e < text.count && CitedDate.isLetterByte(text[e]) && CitedDate.isLetterByte(cue.bytes[count - 1]) { continue }
            return cue
        }
        return nil
    }

    /// The cues at the word starts of chunk `c`.
    private func index(_ c: Int) -> Chunk {
        var chunk = Chunk()
        let n = text.count
        let from = c << Self.chunkShift, to = min(n, (c + 1) << Self.chunkShift)
        let cues = lexicon.cues, byFirst = lexicon.cuesByFirstByte
        let lettersOnly = lettersOnly
        text.withUnsafeBufferPointer { p in
            lexicon.cueHeads.withUnsafeBufferPointer { heads in
            lexicon.shortCueFirstBytes.withUnsafeBufferPointer { short in
            lexicon.cueQuadKeys.withUnsafeBufferPointer { quadKeys in
                let lists = lexicon.cueQuadLists
                var k = from
                if lettersOnly, let base = p.baseAddress {
                    let raw = UnsafeRawPointer(base)
                    var previousNonLetter: UInt64 = k == 0 || !CitedDate.isLetterByte(p[k - 1]) ? 0x80 : 0
                    while k + 8 <= to {
                        let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
                        let nonLetter = Self.nonLetterMask(w)
                        var starts = (nonLetter << 8 | previousNonLetter) & ~nonLetter & 0x8080_8080_8080_8080
                        while starts != 0 {
                            Self.check(p, k + starts.trailingZeroBitCount >> 3, cues, heads, byFirst, short, quadKeys, lists, into: &chunk)
                            starts &= starts &- 1
                        }
                        previousNonLetter = (nonLetter >> 63) << 7
                        k += 8
                    }
                }
                while k < to {
                    if k == 0 || !CitedDate.isLetterByte(p[k - 1]) {
                        Self.check(p, k, cues, heads, byFirst, short, quadKeys, lists, into: &chunk)
                    }
                    k += 1
                }
            }
            }
            }
        }
        return chunk
    }

    /// Records the cues that match at word start `k`: those starting with its four bytes (a
    /// lookup in `cueQuadKeys`), or with its first byte when a cue that short may start there.
    @inline(__always)
    private static func check(_ p: UnsafeBufferPointer<UInt8>, _ k: Int, _ cues: [CitationLexicon.Cue],
                              _ heads: UnsafeBufferPointer<CitationLexicon.CueHead>, _ byFirst: [[Int]],
                              _ short: UnsafeBufferPointer<Bool>, _ quadKeys: UnsafeBufferPointer<UInt32>, _ lists: [[Int]],
                              into chunk: inout Chunk) {
        let n = p.count
        if k + 4 <= n {
            if short[Int(p[k])] {
                record(p, at: k, cues, heads, byFirst[Int(p[k])], into: &chunk)
                return
            }
            let x = UInt32(littleEndian: UnsafeRawPointer(p.baseAddress!).loadUnaligned(fromByteOffset: k, as: UInt32.self))
            var slot = CitationLexicon.quadHash(x)
            while true {
                let key = quadKeys[slot]
                if key == 0 { return }
                if key == x { break }
                slot = (slot + 1) & (quadKeys.count - 1)
            }
            record(p, at: k, cues, heads, lists[slot], into: &chunk)
        } else if !byFirst[Int(p[k])].isEmpty {
            record(p, at: k, cues, heads, byFirst[Int(p[k])], into: &chunk)
        }
    }

    /// Bit 7 of each byte of `w` set where the byte is no letter (`CitedDate.isLetterByte`): an
    /// ASCII byte other than A–Z and a–z, or 0xE2. Exact for every byte.
    @inline(__always)
    static func nonLetterMask(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let folded = (w & low7) | 0x2020_2020_2020_2020
        let alpha = (folded &+ ones &* (0x80 - 0x61)) & ~(folded &+ ones &* (0x80 - 0x7B)) & highs
        let x = w ^ (ones &* 0xE2)
        let e2 = ~(((x & low7) &+ low7) | x) & highs
        return (~w & highs & ~alpha) | e2
    }

    /// Where `cue` ends when it matches at `k` (its first byte already checked), a space of the cue
    /// matching a run of spaces of the text; nil when it does not match.
    @inline(__always)
    static func matchEnd(_ p: UnsafeBufferPointer<UInt8>, at k: Int, _ cue: [UInt8]) -> Int? {
        let n = p.count, count = cue.count
        guard k + count <= n else { return nil }
        var i = k + 1, m = 1
        while m < count {
            guard i < n, p[i] == cue[m] else { return nil }
            i += 1
            if cue[m] == 0x20 { while i < n && p[i] == 0x20 { i += 1 } }
            m += 1
        }
        return i
    }

    /// Bit 7 of each byte of `w` (loaded little-endian) set exactly where the byte is a space.
    @inline(__always)
    static func spaceMask(_ w: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, highs: UInt64 = 0x8080_8080_8080_8080
        let x = w ^ 0x2020_2020_2020_2020
        return ~(((x & low7) &+ low7) | x) & highs
    }

    /// Records the cues of `candidates` (indices into `cues`, longest first) that match at `k`.
    private static func record(_ p: UnsafeBufferPointer<UInt8>, at k: Int, _ cues: [CitationLexicon.Cue],
                               _ heads: UnsafeBufferPointer<CitationLexicon.CueHead>, _ candidates: [Int],
                               into chunk: inout Chunk) {
        let n = p.count
        let before = chunk.ids.count
        // The text's next 16 bytes, to reject most candidates by their head (`cueHeads`). A space
        // of a cue matches a run of spaces, so a cue's bytes sit at fixed offsets from `k` only
        // while the text has no two spaces in a row: with a run of spaces in these 16 bytes
        // every candidate goes to `matchEnd`.
        var wide = k + 16 <= n
        var w0: UInt64 = 0, w1: UInt64 = 0
        if wide, let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            w0 = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            w1 = raw.loadUnaligned(fromByteOffset: k + 8, as: UInt64.self)
            let s0 = spaceMask(w0), s1 = spaceMask(w1)
            if s0 & (s0 >> 8) != 0 || s1 & (s1 >> 8) != 0 || (s0 >> 63 != 0 && s1 & 0x80 != 0) { wide = false }
        }
        for index in candidates {
            if wide {
                let h = heads[index]
                if w0 & h.mask0 != h.bytes0 || w1 & h.mask1 != h.bytes1 { continue }
            }
            let bytes = cues[index].bytes
            let count = bytes.count
            guard let e = matchEnd(p, at: k, bytes) else { continue }
            if e < n && CitedDate.isLetterByte(p[e]) && CitedDate.isLetterByte(bytes[count - 1]) { continue }
            chunk.ids.append(Int32(index))
            chunk.lengths.append(Int32(e - k))
        }
        if chunk.ids.count > before {
            chunk.positions.append(k)
            chunk.bounds.append(chunk.ids.count)
        }
    }
}
