import CanCuModel
import CanCuText
import CanCuLexicon
/// HTML character references: the named ones of `dictionaries/html-entities.tsv` and numeric ones
/// (with the Windows-1252 reading of 128–159 that browsers apply).
enum HTMLEntities {
    /// Entity name → character.
    static let named: [String: Unicode.Scalar] = {
        var table: [String: Unicode.Scalar] = [:]
        for row in Lexicon.builtIn.rows("html-entities.tsv") {
            let code = row["unicode"]
            guard code.hasPrefix("U+"), let value = UInt32(code.dropFirst(2), radix: 16),
                  let scalar = Unicode.Scalar(value) else { continue }
            table[row["name"]] = scalar
        }
        return table
    }()

    /// The character of `&#value;`: U+FFFD for NUL, surrogates and values beyond Unicode.
    static func numeric(_ value: UInt32) -> Unicode.Scalar {
        if value >= 0x80 && value <= 0x9F {
            let windows = LegacyEncoding.cp1258.decode([UInt8(value)]).unicodeScalars
            if windows.count == 1, let scalar = windows.first { return scalar }
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }
}
