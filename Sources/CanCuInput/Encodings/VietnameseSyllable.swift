import CanCuModel
import CanCuText
import CanCuLexicon
/// Tells whether a word is spelled like a Vietnamese syllable: onset consonant(s), one to three
/// vowels, an allowed final consonant, at most one tone, and one case pattern (lower, Capitalised,
/// or UPPER). Encoding detection counts such words: text decoded with the wrong table yields
/// letters in impossible places ("vỔ", "cña").
enum VietnameseSyllable {
    /// Vowels after removing the tone (lower case).
    private static let vowels: Set<Character> = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    private static let onsets: [String] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
    ]
    private static let codas: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
    private static let toneMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

    /// Whether `word` (NFC letters only) is a plausible Vietnamese syllable.
    static func isSyllable(_ word: Substring) -> Bool {
        guard !word.isEmpty, word.count <= 7 else { return false }
        // Case: all lower, all upper, or a capital then lower.
        var upper = 0
        var firstUpper = false
        for (i, c) in word.enumerated() where c.isUppercase {
            upper += 1
            if i == 0 { firstUpper = true }
        }
        guard upper == 0 || upper == word.count || (upper == 1 && firstUpper) else { return false }
        // Strip tones, count them.
        var tones = 0
        var plain = ""
        for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if toneMarks.contains(scalar.value) { tones += 1 } else { plain.unicodeScalars.append(scalar) }
        }
        guard tones <= 1 else { return false }
        let letters = Array(plain.precomposedStringWithCanonicalMapping)
        var index = 0
        for onset in onsets where letters.count >= onset.count {
            if String(letters[0..<onset.count]) == onset {
                index = onset.count
                break
            }
        }
        // "gi" and "qu" may be followed directly by the final ("gìn" is g-i-n, "quá").
        var vowelCount = 0
        while index < letters.count, vowels.contains(letters[index]) {
            index += 1
            vowelCount += 1
        }
        if vowelCount == 0 {
            // "gi" + coda, e.g. "gìn": the onset's i is the vowel.
            guard letters.count >= 2, letters[0] == "g", letters[1] == "i" else { return false }
        }
        guard vowelCount <= 3 else { return false }
        return codas.contains(String(letters[index...]))
    }
}
