import CanCuModel
import CICU
import Dispatch
import Synchronization

/// Normalises text for analysis (see `legal-conventions.md` §1.8), keeping a map back to the source:
///
/// 1. Unicode NFC, through ICU, only on the segments that need it (NFC input is copied as is);
/// 2. `Ð`/`ð` (U+00D0/U+00F0, typed for `Đ`/`đ`) → `Đ`/`đ`;
/// 3. dash variants (U+2010–U+2015, U+2212, small and full-width hyphen-minus) → `-`;
/// 4. no-break and other odd spaces → a space; zero-width characters, soft hyphens and stray BOMs
///    are removed;
/// 5. old tone placement → new ("hoà" → "hòa", "uỷ" → "ủy") at the end of a syllable, from
///    `dictionaries/tone-placement.tsv`.
///
/// Line breaks are kept: they carry structure ("Điều 5.", "a)", "Căn cứ …" lines).
public struct Normalizer: Sendable {
    /// Old → new tone placement, keyed by the two scalars of the old form.
    let tonePairs: [UInt64: (UInt32, UInt32)]

    /// Steps 1–4 only (no tone placement).
    public static let basic = Normalizer(tonePairs: [])

    /// A normaliser with these old → new tone pairs (lower case; capitalised and upper-case forms
    /// are derived).
    public init(tonePairs pairs: [(String, String)]) {
        var table: [UInt64: (UInt32, UInt32)] = [:]
        for (old, new) in pairs {
            let variants = [(old, new), (old.prefix(1).uppercased() + old.dropFirst(), new.prefix(1).uppercased() + new.dropFirst()),
                            (old.uppercased(), new.uppercased())]
            for (o, n) in variants {
                let os = Array(o.unicodeScalars), ns = Array(n.unicodeScalars)
                guard os.count == 2, ns.count == 2 else { continue }
                table[UInt64(os[0].value) << 32 | UInt64(os[1].value)] = (ns[0].value, ns[1].value)
            }
        }
        tonePairs = table
    }

    /// Normalises `source`, keeping the offset map.
    public func normalize(_ source: String) -> NormalizedText {
        normalize(source, utf8: nil)
    }

    /// Normalises `source`; `utf8`, when it holds exactly the UTF-8 of `source` (checked), is used
    /// as the source bytes instead of a fresh copy of them.
    package func normalize(_ source: String, utf8: [UInt8]?) -> NormalizedText {
        var source = source
        source.makeContiguousUTF8()
        let sourceBytes: [UInt8]
        if let utf8, LargeBuffer.sameBytes(utf8, source) { sourceBytes = utf8 } else { sourceBytes = LargeBuffer.bytes(of: source) }
        var passes: [EditList] = []
        var bytes = sourceBytes
        let (characterResult, composedRanges) = CharacterPass.run(sourceBytes, tonePairs: tonePairs)
        if let (changed, edits) = characterResult {
            bytes = changed
            passes.append(edits)
        }
        // Tone placement of NFC input is done in the character pass; text that had to be composed
        // (NFD input) gets a second look once composed.
        if !composedRanges.isEmpty, !tonePairs.isEmpty,
           let (changed, edits) = TonePass.run(bytes, pairs: tonePairs, within: composedRanges) {
            bytes = changed
            passes.append(edits)
        }
        return NormalizedText(source: source, sourceBytes: sourceBytes, bytes: bytes, passes: passes)
    }
}

/// Decodes the scalar at `i` of valid UTF-8; returns it and its length.
@inline(__always)
package func decodeScalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
    let b0 = UInt32(p[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
    if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3) }
    return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F), 4)
}

/// Appends the UTF-8 encoding of `c`.
@inline(__always)
package func appendScalar(_ c: UInt32, to out: inout [UInt8]) {
    if c < 0x80 { out.append(UInt8(c)) }
    else if c < 0x800 { out.append(UInt8(0xC0 | c >> 6)); out.append(UInt8(0x80 | c & 0x3F)) }
    else if c < 0x10000 {
        out.append(UInt8(0xE0 | c >> 12)); out.append(UInt8(0x80 | (c >> 6) & 0x3F)); out.append(UInt8(0x80 | c & 0x3F))
    } else {
        out.append(UInt8(0xF0 | c >> 18)); out.append(UInt8(0x80 | (c >> 12) & 0x3F))
        out.append(UInt8(0x80 | (c >> 6) & 0x3F)); out.append(UInt8(0x80 | c & 0x3F))
    }
}

/// Steps 1–4 in one pass over the bytes. Output is built lazily: while nothing changes, nothing
/// is copied, and NFC input with no odd characters comes back as `nil` (unchanged).
enum CharacterPass {
    /// What to do with one scalar.
    enum Action { case keep, replace(UInt32), delete }

    @inline(__always)
    static func action(_ c: UInt32) -> Action {
        switch c {
        case 0xD0: return .replace(0x110)
        case 0xF0: return .replace(0x111)
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return .replace(0x2D)
        case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x1680: return .replace(0x20)
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD: return .delete
        default: return .keep
        }
    }

    /// The changed bytes and their edits (nil when nothing changed), and whether any segment had
    /// to be composed to NFC.
    static func run(_ source: [UInt8], tonePairs: [UInt64: (UInt32, UInt32)], concurrently: Bool = true) -> (([UInt8], EditList)?, [Range<Int>]) {
        if concurrently, source.count >= concurrentMinimum, let split = splitPoint(source) {
            return run(source, tonePairs: tonePairs, splitAt: split)
        }
        var state = State(tonePairs: tonePairs)
        source.withUnsafeBufferPointer { p in state.scan(p) }
        return (state.changed ? (state.out, state.edits) : nil, state.composedRanges)
    }

    /// From this many bytes on, the pass runs in two halves on two threads when the text has a
    /// place to cut (see `splitPoint`).
    static let concurrentMinimum = 256 * 1024

    /// Where the text can be cut in two with the same result as one pass: just after a character
    /// that the pass replaces or deletes (a dash, a no-break space, …), which ends any pending NFC
    /// run and leaves nothing pending, when an ASCII byte follows (so no combining mark looks back
    /// across the cut). The first such place after the middle, or nil.
    static func splitPoint(_ source: [UInt8]) -> Int? {
        source.withUnsafeBufferPointer { p in
            let n = p.count
            var i = n / 2
            while i < n && p[i] & 0xC0 == 0x80 { i += 1 }
            let limit = n - n / 8
            while i < limit {
                let lead = p[i]
                if lead < 0xC2 { i += 1; continue }
                let (c, length) = decodeScalar(p, i)
                let end = i + length
                if end < n, p[end] < 0x80 {
                    switch action(c) {
                    case .replace, .delete: return end
                    case .keep: break
                    }
                }
                i = end
            }
            return nil
        }
    }

    /// The pass over `source[..<split]` and `source[split...]` on two threads, joined.
    static func run(_ source: [UInt8], tonePairs: [UInt64: (UInt32, UInt32)], splitAt split: Int) -> (([UInt8], EditList)?, [Range<Int>]) {
        let halves = Mutex<(first: State?, second: State?)>((nil, nil))
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            var state = State(tonePairs: tonePairs, outputLength: half == 0 ? source.count : nil)
            source.withUnsafeBufferPointer { p in
                state.scan(UnsafeBufferPointer(rebasing: half == 0 ? p[..<split] : p[split...]))
            }
            halves.withLock { if half == 0 { $0.first = state } else { $0.second = state } }
        }
        let (first, second) = halves.withLock { ($0.first!, $0.second!) }
        guard first.changed || second.changed else {
            return (nil, first.composedRanges + second.composedRanges.map { ($0.lowerBound + split)..<($0.upperBound + split) })
        }
        var out: [UInt8]
        if first.changed {
            out = first.out
        } else {
            out = LargeBuffer.empty(capacity: source.count + source.count / 16 + 16)
            out.append(contentsOf: source[..<split])
        }
        let shift = out.count
        if second.changed { out.append(contentsOf: second.out) } else { out.append(contentsOf: source[split...]) }
        var edits = first.edits
        edits.append(second.edits, source: split, output: shift)
        let composed = first.composedRanges + second.composedRanges.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
        return ((out, edits), composed)
    }

    struct State {
        var out: [UInt8] = []
        var edits = EditList()
        var changed = false
        /// Source bytes before `copyFrom` are already in `out` (or replaced).
        var copyFrom = 0
        /// The pending NFC segment (set only while `dirty`): its start in the source and output.
        var segmentSource = 0
        var segmentOutput = 0
        var dirty = false
        /// Output ranges that ICU composed (where old tone placement may have appeared).
        var composedRanges: [Range<Int>] = []
        let tonePairs: [UInt64: (UInt32, UInt32)]

        /// The length the output is sized for when it is first copied (nil: the scanned text's);
        /// the first half of a split pass sizes it for the whole text, so the second half's output
        /// is appended in place.
        let outputLength: Int?

        init(tonePairs: [UInt64: (UInt32, UInt32)], outputLength: Int? = nil) {
            self.tonePairs = tonePairs
            self.outputLength = outputLength
        }

        /// The longest run of text composed by one ICU call (decomposed input).
        static let maxRun = 1 << 16

        @inline(__always)
        func outputPosition(ofSource i: Int) -> Int { out.count + (i - copyFrom) }

        mutating func materialize(upTo i: Int, _ p: UnsafeBufferPointer<UInt8>) {
            if !changed {
                changed = true
                let length = outputLength ?? p.count
                out = LargeBuffer.empty(capacity: length + length / 16 + 16)
            }
            if copyFrom < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copyFrom..<i])) }
            copyFrom = i
        }

        /// One pass; the common case (NFC Vietnamese text with nothing to change) only reads.
        mutating func scan(_ p: UnsafeBufferPointer<UInt8>) {
            let n = p.count
            guard let base = p.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i < n {
                let lead = p[i]
                if lead < 0x80 {
                    // A pending NFC run is composed in one call, at a boundary once it is long.
                    if dirty && i - segmentSource >= Self.maxRun { flush(at: i, p) }
                    i += 1
                    while i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                    while i < n && p[i] < 0x80 { i += 1 }
                    continue
                }
                // Fast paths for Vietnamese letters, all NFC starters: Latin-1 letters (C3),
                // Latin Extended-A/B (C4..CB), Latin Extended Additional (E1 B8..BB).
                if lead >= 0xC4 && lead <= 0xCB {
                    i += 2
                    continue
                }
                if lead == 0xC3 && i + 1 < n && p[i + 1] != 0x90 && p[i + 1] != 0xB0 {
                    if !dirty, i > 0, isToneBase(p[i - 1]), rewriteTone(at: i, length: 2, p) { i += 2; continue }
                    i += 2
                    continue
                }
                if lead == 0xE1 && i + 2 < n && p[i + 1] >= 0xB8 && p[i + 1] <= 0xBB {
                    if !dirty, i > 0, isToneBase(p[i - 1]), rewriteTone(at: i, length: 3, p) { i += 3; continue }
                    i += 3
                    continue
                }
                // Combining diacritics (U+0300..U+036F) of decomposed text: never stable, never a
                // segment start; no need to ask ICU.
                if (lead == 0xCC || (lead == 0xCD && i + 1 < n && p[i + 1] <= 0xAF)) && i + 1 < n {
                    if !dirty { beginSegment(endingAt: i, startsHere: false, p) }
                    i += 2
                    continue
                }
                let (c, length) = decodeScalar(p, i)
                switch CharacterPass.action(c) {
                case .replace(let r):
                    if dirty { flush(at: i, p) }
                    materialize(upTo: i, p)
                    let start = out.count
                    appendScalar(r, to: &out)
                    copyFrom = i + length
                    edits.add(sourceStart: i, sourceEnd: i + length, outputStart: start, outputEnd: out.count)
                case .delete:
                    if dirty { flush(at: i, p) }
                    materialize(upTo: i, p)
                    copyFrom = i + length
                    edits.add(sourceStart: i, sourceEnd: i + length, outputStart: out.count, outputEnd: out.count)
                case .keep:
                    let flags: Int32
                    if c < 0x300 || (0x2016...0x206F).contains(c) || c == 0xFFFD {
                        flags = 3
                    } else {
                        flags = cicu_nfc_flags(Int32(bitPattern: c))
                    }
                    if flags & 2 == 0 && !dirty { beginSegment(endingAt: i, startsHere: flags & 1 != 0, p) }
                }
                i += length
            }
            if dirty { flush(at: n, p) }
            if changed { materialize(upTo: n, p) }
        }

        /// Marks the segment that holds the scalar at `i` as needing NFC: it starts at `i` when
        /// that scalar starts a segment, else at the nearest preceding starter.
        mutating func beginSegment(endingAt i: Int, startsHere: Bool, _ p: UnsafeBufferPointer<UInt8>) {
            dirty = true
            var start = i
            if !startsHere {
                // Back over combining marks (and their continuation bytes) to the previous starter.
                var j = i
                while j > 0 {
                    var k = j - 1
                    while k > 0 && p[k] & 0xC0 == 0x80 { k -= 1 }
                    let (c, _) = decodeScalar(p, k)
                    j = k
                    if c < 0x300 || cicu_combining_class(Int32(bitPattern: c)) == 0 { break }
                }
                start = j
            }
            if start >= copyFrom {
                segmentSource = start
                segmentOutput = outputPosition(ofSource: start)
            } else {
                // The starter was itself replaced (e.g. Ð, or a tone pair): the segment begins at
                // the last edit, which produced the end of `out`.
                segmentSource = min(start, edits.lastSourceStart ?? start)
                segmentOutput = edits.lastOutputStart ?? out.count
            }
        }

        @inline(__always)
        func isToneBase(_ b: UInt8) -> Bool { b == 0x6F || b == 0x75 || b == 0x4F || b == 0x55 }

        /// Old → new tone placement of the pair that ends with the vowel at `i` ("oà" → "òa"), at
        /// the end of a syllable and not after q. Returns false when it does not apply.
        mutating func rewriteTone(at i: Int, length: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
            if tonePairs.isEmpty { return false }
            let (vowel, _) = decodeScalar(p, i)
            guard let (first, second) = tonePairs[UInt64(p[i - 1]) << 32 | UInt64(vowel)] else { return false }
            if i >= 2 && (p[i - 2] == 0x71 || p[i - 2] == 0x51) { return false }
            let end = i + length
            if end < p.count && TonePass.isLetterOrMark(decodeScalar(p, end).0) { return false }
            materialize(upTo: i - 1, p)
            let start = out.count
            appendScalar(first, to: &out)
            appendScalar(second, to: &out)
            edits.add(sourceStart: i - 1, sourceEnd: end, outputStart: start, outputEnd: out.count)
            copyFrom = end
            return true
        }

        /// NFC of the pending run, which ends at source offset `i`. Its output is replaced with one
        /// edit per stretch between ASCII bytes (NFC leaves ASCII alone and never composes across
        /// it), so offsets inside the run stay exact.
        mutating func flush(at i: Int, _ p: UnsafeBufferPointer<UInt8>) {
            dirty = false
            let fromSource = segmentOutput >= out.count
            var segment: [UInt8]
            if fromSource {
                segment = Array(UnsafeBufferPointer(rebasing: p[segmentSource..<i]))
            } else {
                segment = Array(out[segmentOutput...])
                segment.append(contentsOf: UnsafeBufferPointer(rebasing: p[copyFrom..<i]))
            }
            var normalized = [UInt8](repeating: 0, count: segment.count * 3 + 16)
            let written = Int(segment.withUnsafeBufferPointer { s in
                normalized.withUnsafeMutableBufferPointer { d in
                    cicu_nfc_utf8(s.baseAddress, Int32(s.count), d.baseAddress, Int32(d.count))
                }
            })
            guard written >= 0, written <= normalized.count else { return }
            normalized.removeSubrange(written...)
            if normalized == segment { return }
            materialize(upTo: i, p)
            out.removeSubrange(segmentOutput...)
            out.append(contentsOf: normalized)
            composedRanges.append(segmentOutput..<out.count)
            guard fromSource else {
                edits.add(sourceStart: segmentSource, sourceEnd: i, outputStart: segmentOutput, outputEnd: out.count)
                return
            }
            // ASCII characters other than letters and < = > (which compose with U+0338) are starters
            // that never compose, so the stretches between them correspond one to one.
            @inline(__always) func isWhite(_ x: UInt8) -> Bool {
                x < 0x80 && !((x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A) && x != 0x3C && x != 0x3D && x != 0x3E
            }
            var a = 0, b = 0
            while a < segment.count || b < normalized.count {
                var a2 = a, b2 = b
                while a2 < segment.count && !isWhite(segment[a2]) { a2 += 1 }
                while b2 < normalized.count && !isWhite(normalized[b2]) { b2 += 1 }
                var run = 0
                while a2 + run < segment.count && isWhite(segment[a2 + run]) { run += 1 }
                // A character whose composition is such an ASCII character (U+1FEF → "`", U+037E →
                // ";") breaks the one-to-one stretches: the rest of the segment is one edit.
                let aligned = run == 0
                    ? a2 == segment.count && b2 == normalized.count
                    : b2 + run <= normalized.count && segment[a2..<a2 + run].elementsEqual(normalized[b2..<b2 + run])
                if !aligned {
                    edits.add(sourceStart: segmentSource + a, sourceEnd: segmentSource + segment.count,
                              outputStart: segmentOutput + b, outputEnd: segmentOutput + normalized.count)
                    break
                }
                if !segment[a..<a2].elementsEqual(normalized[b..<b2]) {
                    edits.add(sourceStart: segmentSource + a, sourceEnd: segmentSource + a2,
                              outputStart: segmentOutput + b, outputEnd: segmentOutput + b2)
                }
                if run == 0 { break }
                a = a2 + run
                b = b2 + run
            }
        }
    }
}

/// Step 5: old → new tone placement at the end of a syllable, not after `q` ("quý" stays).
enum TonePass {
    @inline(__always)
    static func isLetterOrMark(_ c: UInt32) -> Bool {
        switch c {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0xC0...0x24F: return c != 0xD7 && c != 0xF7
        case 0x300...0x36F, 0x1E00...0x1EFF: return true
        default: return false
        }
    }

    /// Applies the pairs inside `ranges` of `source` (the stretches that were composed).
    static func run(_ source: [UInt8], pairs: [UInt64: (UInt32, UInt32)], within ranges: [Range<Int>]) -> ([UInt8], EditList)? {
        var out: [UInt8] = []
        var edits = EditList()
        var copyFrom = 0
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        source.withUnsafeBufferPointer { p in
            let n = p.count
            for range in sorted {
                var i = max(copyFrom, range.lowerBound - 1)
                let stop = min(n, range.upperBound + 1)
                while i + 2 < n && i < stop {
                    let b = p[i]
                    // 'o', 'O', 'u', 'U' followed by a 2- or 3-byte scalar starting C3 or E1.
                    guard b == 0x6F || b == 0x4F || b == 0x75 || b == 0x55, p[i + 1] == 0xC3 || p[i + 1] == 0xE1 else {
                        i += 1
                        continue
                    }
                    let (vowel, length) = decodeScalar(p, i + 1)
                    guard let (first, second) = pairs[UInt64(b) << 32 | UInt64(vowel)] else { i += 1; continue }
                    let end = i + 1 + length
                    let afterQ = i > 0 && (p[i - 1] == 0x71 || p[i - 1] == 0x51)
                    let syllableGoesOn = end < n && isLetterOrMark(decodeScalar(p, end).0)
                    if afterQ || syllableGoesOn { i = end; continue }
                    if out.isEmpty { out = LargeBuffer.empty(capacity: n + 16) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copyFrom..<i]))
                    let start = out.count
                    appendScalar(first, to: &out)
                    appendScalar(second, to: &out)
                    edits.add(sourceStart: i, sourceEnd: end, outputStart: start, outputEnd: out.count)
                    copyFrom = end
                    i = end
                }
            }
            if !edits.isEmpty { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copyFrom..<n])) }
        }
        return edits.isEmpty ? nil : (out, edits)
    }
}
