import CanCuModel
import CanCuText
import CanCuLexicon
/// Finds the legacy encoding of text that is not UTF-8, by the byte patterns of Vietnamese
/// syllables: each candidate table decodes a sample, and the one whose non-ASCII words are spelled
/// like Vietnamese syllables wins. ASCII-only text (English) and valid UTF-8 never reach it.
///
/// ```swift
/// EncodingDetector.detect(bytes)   // .tcvn3, or nil when no table reads like Vietnamese
/// ```
package enum EncodingDetector {
    /// The bytes inspected (from the start of the input).
    public static let sampleSize = 64 * 1024
    /// At least this many distinct words with non-ASCII letters must read as syllables.
    public static let minimumWords = 3
    /// And at least this share of the words with non-ASCII letters.
    public static let minimumShare = 0.8

    /// Typographic punctuation that ends a word.
    private static let typographic: Set<Character> = ["«", "»", "“", "”", "‘", "’", "…", "–", "—"]

    /// The score of one candidate: non-ASCII words that read as syllables, and those that do not.
    public struct Score: Sendable, Equatable {
        public var syllables: Int
        public var others: Int
        /// The share of words with non-ASCII letters that read as Vietnamese syllables.
        public var share: Double { syllables + others == 0 ? 0 : Double(syllables) / Double(syllables + others) }
    }

    /// The encoding the bytes are most likely in, or nil when none reads like Vietnamese.
    public static func detect<Bytes: Collection>(_ bytes: Bytes) -> LegacyEncoding? where Bytes.Element == UInt8 {
        let sample = Array(bytes.prefix(sampleSize))
        guard sample.contains(where: { $0 >= 0x80 }) else { return nil }
        var best: (LegacyEncoding, Score)?
        for encoding in LegacyEncoding.allCases {
            let score = self.score(encoding.decode(sample))
            guard score.syllables >= minimumWords, score.share >= minimumShare else { continue }
            if best == nil || score.syllables - score.others > best!.1.syllables - best!.1.others {
                best = (encoding, score)
            }
        }
        return best?.0
    }

    /// Scores decoded text: its words that hold a non-ASCII character. A word is a run of letters,
    /// marks and non-ASCII symbols (text read with the wrong table glues symbols such as "·" or "¬"
    /// to letters); ASCII punctuation, digits, spaces and typographic punctuation end it.
    public static func score(_ text: String) -> Score {
        var score = Score(syllables: 0, others: 0)
        var start = text.startIndex
        var index = text.startIndex
        var inWord = false
        var hasNonASCII = false
        var hasLetter = false
        var allLetters = true
        func finish(_ end: String.Index) {
            guard hasNonASCII, hasLetter else { return }
            if allLetters && VietnameseSyllable.isSyllable(text[start..<end]) {
                score.syllables += 1
            } else {
                score.others += 1
            }
        }
        while index < text.endIndex {
            let character = text[index]
            let partOfWord: Bool
            if character.isASCII {
                partOfWord = character.isLetter
            } else if let scalar = character.unicodeScalars.first {
                partOfWord = !character.isWhitespace && !(0x2000...0x206F).contains(scalar.value)
                    && scalar.value != 0xFFFD && !typographic.contains(character)
            } else {
                partOfWord = false
            }
            if partOfWord {
                if !inWord {
                    inWord = true
                    start = index
                    hasNonASCII = false
                    hasLetter = false
                    allLetters = true
                }
                if !character.isASCII { hasNonASCII = true }
                if character.isLetter { hasLetter = true } else { allLetters = false }
            } else if inWord {
                finish(index)
                inWord = false
            }
            index = text.index(after: index)
        }
        if inWord { finish(text.endIndex) }
        return score
    }
}
