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
    ///
    /// Words of Latin letters (all the encoding detector meets in Vietnamese text and in most text
    /// read with a wrong table) take a path with a table built once; others, the general one. Both
    /// give the same answer (`EncodingTests`); the general one costs a Foundation decomposition and
    /// dozens of allocations a word, which made the detector slow on any text with invalid UTF-8.
    static func isSyllable(_ word: Substring) -> Bool {
        if let answer = latinIsSyllable(word) { return answer }
        return generalIsSyllable(word)
    }

    /// One Latin letter: its lower case without the tone (one scalar), whether it had a tone, and
    /// whether it is a capital.
    struct Letter: Sendable {
        var plain: UInt32
        var toned: Bool
        var upper: Bool
    }

    /// The letters of ASCII, Latin-1, Latin Extended-A/B and Latin Extended Additional whose lower
    /// case without a tone is one scalar, by scalar value (nil for the others).
    static let latinLetters: [Letter?] = {
        var table = [Letter?](repeating: nil, count: 0x1F00)
        let ranges: [ClosedRange<UInt32>] = [0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value), Character(scalar).isLetter else { continue }
            var tones = 0
            var plain = ""
            for s in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                if toneMarks.contains(s.value) { tones += 1 } else { plain.unicodeScalars.append(s) }
            }
            let composed = Array(plain.precomposedStringWithCanonicalMapping.unicodeScalars)
            guard tones <= 1, composed.count == 1 else { continue }
            table[Int(value)] = Letter(plain: composed[0].value, toned: tones == 1, upper: Character(scalar).isUppercase)
        }
        return table
    }()

    private static let vowelValues: Set<UInt32> = Set(vowels.map { $0.unicodeScalars.first!.value })
    private static let onsetValues: [[UInt32]] = onsets.map { $0.unicodeScalars.map(\.value) }
    private static let codaValues: Set<[UInt32]> = Set(codas.map { $0.unicodeScalars.map(\.value) })

    /// `isSyllable` for a word of table letters, or nil when a scalar is not one of them.
    static func latinIsSyllable(_ word: Substring) -> Bool? {
        var letters: [UInt32] = []
        letters.reserveCapacity(8)
        var upper = 0
        var firstUpper = false
        var tones = 0
        for scalar in word.unicodeScalars {
            guard Int(scalar.value) < latinLetters.count, let letter = latinLetters[Int(scalar.value)] else { return nil }
            if letter.upper {
                upper += 1
                if letters.isEmpty { firstUpper = true }
            }
            if letter.toned { tones += 1 }
            letters.append(letter.plain)
            if letters.count > 7 { return false }
        }
        guard !letters.isEmpty else { return false }
        guard upper == 0 || upper == letters.count || (upper == 1 && firstUpper) else { return false }
        guard tones <= 1 else { return false }
        var index = 0
        for onset in onsetValues where letters.count >= onset.count && letters.starts(with: onset) {
            index = onset.count
            break
        }
        var vowelCount = 0
        while index < letters.count, vowelValues.contains(letters[index]) {
            index += 1
            vowelCount += 1
        }
        if vowelCount == 0 {
            guard letters.count >= 2, letters[0] == 0x67, letters[1] == 0x69 else { return false }
        }
        guard vowelCount <= 3 else { return false }
        return codaValues.contains(Array(letters[index...]))
    }

    /// `isSyllable` for any word.
    static func generalIsSyllable(_ word: Substring) -> Bool {
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
