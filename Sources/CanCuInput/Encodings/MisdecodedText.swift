import CanCuModel
import CanCuText
import CanCuLexicon
/// Repairs text that was typed in a legacy 8-bit font but reached us as Unicode read byte for
/// byte as Windows-1252 — what old Word files in ".VnTime" or "VNI-Times" fonts give through
/// `catdoc` or a .docx ("Céng hoµ x· héi" for "Cộng hòa xã hội").
enum MisdecodedText {
    /// Windows-1252's characters for 80-9F, back to their byte.
    private static let windowsBytes: [Unicode.Scalar: UInt8] = {
        var table: [Unicode.Scalar: UInt8] = [:]
        for byte in UInt8(0x80)...UInt8(0x9F) {
            let scalars = LegacyEncoding.cp1258.decode([byte]).unicodeScalars
            if scalars.count == 1, let scalar = scalars.first, scalar.value > 0xFF { table[scalar] = byte }
        }
        return table
    }()

    /// The byte a scalar stood for when read as Windows-1252, or nil.
    private static func byte(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value <= 0xFF { return UInt8(scalar.value) }
        return windowsBytes[scalar]
    }

    /// The text read again in `forced` (or in the encoding whose reading makes its words
    /// Vietnamese syllables where they were not), or nil when it reads fine as it is.
    static func repair(_ text: String, forced: LegacyEncoding?) -> (text: String, encoding: LegacyEncoding)? {
        let encoding: LegacyEncoding
        if let forced {
            encoding = forced
        } else {
            let sample = String(text.prefix(EncodingDetector.sampleSize))
            let current = EncodingDetector.score(sample)
            guard current.others >= EncodingDetector.minimumWords, current.share < 0.5 else { return nil }
            let bytes = sample.unicodeScalars.compactMap(byte)
            guard let detected = EncodingDetector.detect(bytes) else { return nil }
            encoding = detected
        }
        // Runs of scalars that map back to bytes are read again; anything else is kept.
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var run: [UInt8] = []
        for scalar in text.unicodeScalars {
            if let b = byte(scalar) {
                run.append(b)
            } else {
                if !run.isEmpty { result += encoding.decode(run); run.removeAll(keepingCapacity: true) }
                result.unicodeScalars.append(scalar)
            }
        }
        if !run.isEmpty { result += encoding.decode(run) }
        return (result, encoding)
    }
}
