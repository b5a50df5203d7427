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

    /// `normalizer` is the one the texts are normalised with (the lexicon's, for its tone table).
    public init(changes: [BodyChange], normalizer: Normalizer = .standard) {
        self.changes = changes
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

    /// The phrases found in `text`, in reading order, without overlaps (the earliest, then longest, wins).
    /// A province marked "(cũ)" or "cũ" (the former province) is not reported.
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
