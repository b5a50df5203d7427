import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Finds the names of changed bodies in a text ("Bộ Kế hoạch và Đầu tư", "UBND huyện",
/// "UBND tỉnh Bắc Kạn"), case-insensitively and on whole words, in one pass over the normalised
/// bytes: candidate phrases are looked up by their first two lower-cased bytes.
///
/// ```swift
/// let scanner = BodyScanner(changes: BodyChange.all(lexicon: .builtIn))
/// scanner.matches(in: Normalizer.standard.normalize("UBND huyện Ba Bể")).first?.change.oldBody  // "UBND huyện"
/// ```
package struct BodyScanner: Sendable {
    /// One phrase found: the normalised byte range, the change and the phrase's severity.
    public struct Match: Sendable {
        public var range: Range<Int>
        public var change: BodyChange
        public var severity: FindingSeverity
    }

    private struct Phrase: Sendable {
        var bytes: [UInt8]
        var change: Int
        var severity: FindingSeverity
    }

    public let changes: [BodyChange]
    private let phrases: [Phrase]
    /// Phrase indices by the first two bytes of the lower-cased phrase.
    private let buckets: [UInt16: [Int]]

    /// Lower-cased cues that make a name a description of the reorganisation
    /// (`dictionaries/merger-descriptions.tsv`): before the name, or right after it.
    private let cuesBefore: [[UInt8]]
    private let cuesAfter: [[UInt8]]
    /// How far before a name a cue may stand (`rules.tsv`: merger_description_window).
    private let window: Int

    /// `normalizer` is the one the texts are normalised with (the lexicon's, for its tone table);
    /// `descriptions` are the rows of `merger-descriptions.tsv` (cue, position).
    public init(changes: [BodyChange], normalizer: Normalizer = .standard, descriptions: [(cue: String, after: Bool)] = [],
                window: Int = 160) {
        self.changes = changes
        func bytes(_ cue: String) -> [UInt8] { LowerCase.bytes(Array(normalizer.normalize(cue).string.utf8)) }
        cuesBefore = descriptions.filter { !$0.after && !$0.cue.isEmpty }.map { bytes($0.cue) }
        cuesAfter = descriptions.filter { $0.after && !$0.cue.isEmpty }.map { bytes($0.cue) }
        self.window = window
        var phrases: [Phrase] = []
        var buckets: [UInt16: [Int]] = [:]
        for (c, change) in changes.enumerated() {
            for pattern in change.patterns {
                let bytes = LowerCase.bytes(Array(normalizer.normalize(pattern.phrase).string.utf8))
                guard bytes.count >= 2 else { continue }
                buckets[UInt16(bytes[0]) << 8 | UInt16(bytes[1]), default: []].append(phrases.count)
                phrases.append(Phrase(bytes: bytes, change: c, severity: pattern.severity))
            }
        }
        // Longest phrase first, so that "Chủ tịch UBND huyện" wins over "UBND huyện" at the same place.
        self.buckets = buckets.mapValues { $0.sorted { phrases[$0].bytes.count > phrases[$1].bytes.count } }
        self.phrases = phrases
    }

    /// The lexicon's scanner: its succession tables and its descriptions of the reorganisation.
    public init(lexicon: Lexicon, normalizer: Normalizer) {
        let rows = lexicon.rows("merger-descriptions.tsv").map { (cue: $0["cue"], after: $0["position"] == "after") }
        let window = lexicon.rules.int("merger_description_window")
        self.init(changes: BodyChange.all(lexicon: lexicon), normalizer: normalizer, descriptions: rows,
                  window: window > 0 ? window : 160)
    }

    /// The phrases found in `text`, in reading order, without overlaps (the earliest, then longest, wins).
    /// A province marked "(cũ)" or "cũ" (the former province) is not reported, nor a name in a
    /// clause that tells the reorganisation ("sắp xếp tỉnh Bắc Kạn và tỉnh Thái Nguyên").
    public func matches(in text: NormalizedText) -> [Match] {
        let lower = LowerCase.bytes(text.bytes)
        var found: [Match] = []
        lower.withUnsafeBufferPointer { p in
            let n = p.count
            var i = 0
            var covered = 0
            while i + 1 < n {
                defer { i += 1 }
                if i > 0 && Self.isWordByte(p[i - 1]) { continue }
                guard let candidates = buckets[UInt16(p[i]) << 8 | UInt16(p[i + 1])], i >= covered else { continue }
                for index in candidates {
                    let phrase = phrases[index]
                    guard let end = Self.match(phrase.bytes, p, at: i),
                          end == n || !Self.isWordByte(p[end]), !Self.marksFormer(p, end) else { continue }
                    if describesMerger(p, i, end) {
                        covered = end
                        break
                    }
                    found.append(Match(range: i..<end, change: changes[phrase.change], severity: phrase.severity))
                    covered = end
                    break
                }
            }
        }
        return found
    }

    /// The end of `phrase` matched at `start` (its first two bytes are known to match); a space of
    /// the phrase matches any run of white space, line breaks included (a header splits
    /// "ỦY BAN NHÂN DÂN / TỈNH BẮC KẠN" over two lines).
    private static func match(_ phrase: [UInt8], _ p: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var j = start + 2
        var k = 2
        let n = p.count
        while k < phrase.count {
            guard j < n else { return nil }
            if phrase[k] == 0x20 {
                guard isSpace(p[j]) else { return nil }
                while j < n && isSpace(p[j]) { j += 1 }
                k += 1
            } else {
                guard p[j] == phrase[k] else { return nil }
                j += 1
                k += 1
            }
        }
        return j
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// Letters and digits continue a word; bytes of non-ASCII scalars count as letters.
    private static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// True when a cue of the reorganisation stands before `start` in the same clause (within the
    /// window), or right after `end`.
    private func describesMerger(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var j = end
        while j < p.count && (p[j] == 0x20 || p[j] == 0x28) { j += 1 }
        for cue in cuesAfter where Self.starts(cue, p, at: j) { return true }
        guard !cuesBefore.isEmpty else { return false }
        var from = start
        while from > 0 && start - from < window {
            let b = p[from - 1]
            if b == 0x2E || b == 0x3B || b == 0x3A || b == 0x0A || b == 0x0D { break }
            from -= 1
        }
        guard from < start else { return false }
        for k in from..<start where k == 0 || !Self.isWordByte(p[k - 1]) {
            for cue in cuesBefore where Self.starts(cue, p, at: k) { return true }
        }
        return false
    }

    private static func starts(_ cue: [UInt8], _ p: UnsafeBufferPointer<UInt8>, at j: Int) -> Bool {
        guard !cue.isEmpty, j + cue.count <= p.count else { return false }
        for k in 0..<cue.count where p[j + k] != cue[k] { return false }
        return j + cue.count == p.count || !isWordByte(p[j + cue.count])
    }

    /// " (cũ)" or " cũ" right after a match: the text names the former unit on purpose.
    private static func marksFormer(_ p: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        let cu: [UInt8] = [0x63, 0xC5, 0xA9]  // "cũ"
        var j = end
        while j < p.count && p[j] == 0x20 { j += 1 }
        if j < p.count && p[j] == 0x28 { j += 1 }  // "("
        guard j + 3 <= p.count else { return false }
        for k in 0..<3 where p[j + k] != cu[k] { return false }
        return j + 3 == p.count || !isWordByte(p[j + 3])
    }
}
