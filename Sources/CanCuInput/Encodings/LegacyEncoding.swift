import CanCuModel
import CanCuText
import CanCuLexicon
import Foundation

/// The 8-bit Vietnamese encodings older documents were typed in, before Unicode: TCVN3 (ABC, the
/// ".Vn" fonts), VNI (VNI-Windows, a letter followed by a mark byte), VISCII, and CP1258 (Windows
/// Vietnamese, with combining tone marks). Their byte tables are data: `dictionaries/legacy-encodings.tsv`.
///
/// ```swift
/// LegacyEncoding.tcvn3.decode([0x43, 0xA8, 0x6E])   // "Căn"
/// LegacyEncoding.vni.encode("Căn")                 // [0x43, 0x61, 0xEA, 0x6E]
/// ```
public enum LegacyEncoding: String, Sendable, CaseIterable {
    case tcvn3, vni, viscii, cp1258

    /// The name people know it by, for messages.
    public var displayName: String {
        switch self {
        case .tcvn3: return "TCVN3 (ABC, phông .Vn)"
        case .vni: return "VNI (VNI-Windows)"
        case .viscii: return "VISCII"
        case .cp1258: return "CP1258 (Windows-1258)"
        }
    }

    /// Reads an encoding name as users and HTML `charset` declarations write it, or nil.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "tcvn3", "tcvn", "abc", "tcvn-3", "tcvn5712", "tcvn-5712", "tcvn5712-1", "x-viet-tcvn5712": self = .tcvn3
        case "vni", "vni-windows", "x-viet-vni": self = .vni
        case "viscii", "x-viet-viscii", "csviscii": self = .viscii
        case "cp1258", "windows-1258", "cp-1258", "x-cp1258": self = .cp1258
        default: return nil
        }
    }

    /// The byte table of this encoding.
    var table: EncodingTable { EncodingTable.all[self] ?? EncodingTable.latin1 }

    /// Decodes bytes to NFC text (mark bytes join the letter before them). Never fails: every byte
    /// stands for something. TCVN3 capitals with tones, typed as lower case, are restored in words
    /// written in capitals ("CHíNH PHủ" → "CHÍNH PHỦ").
    public func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let text = table.decode(bytes)
        return self == .tcvn3 ? Self.restoreCapitals(text) : text
    }

    /// Upper-cases the toned lower-case letters of each word whose other letters are capitals, one
    /// of them after the first letter ("CHíNH" → "CHÍNH", "ủY" → "ỦY"): TCVN3 cannot tell "HÀ" from
    /// "Hà", and a capital then toned letters ("Hà", "Số") stays as written.
    static func restoreCapitals(_ text: String) -> String {
        let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
        func isToned(_ scalar: Unicode.Scalar) -> Bool {
            guard scalar.value >= 0xC0 else { return false }
            return String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.contains { tones.contains($0.value) }
        }
        var scalars = Array(text.unicodeScalars)
        var changed = false
        var index = 0
        while index < scalars.count {
            guard scalars[index].properties.isAlphabetic else { index += 1; continue }
            let start = index
            var laterCapital = false
            var lower = false
            var ambiguous = false
            while index < scalars.count, scalars[index].properties.isAlphabetic {
                let scalar = scalars[index]
                if scalar.properties.isUppercase { if index > start { laterCapital = true } }
                else if isToned(scalar) { ambiguous = true }
                else if scalar.properties.isLowercase { lower = true }
                index += 1
            }
            guard ambiguous, laterCapital, !lower else { continue }
            for k in start..<index where scalars[k].properties.isLowercase {
                scalars[k] = String(scalars[k]).uppercased().unicodeScalars.first ?? scalars[k]
            }
            changed = true
        }
        return changed ? String(String.UnicodeScalarView(scalars)) : text
    }

    /// Encodes text, or nil when a character has no byte sequence. TCVN3 has no capitals with tones:
    /// they are written as their lower case, as the ".VnTimeH" capitals fonts expect.
    public func encode(_ text: String) -> [UInt8]? {
        table.encode(text, lowerCaseFallback: self == .tcvn3, capitalMarks: self == .vni)
    }
}

/// One encoding's byte table: what each byte decodes to, and the reverse (keyed by NFD scalars)
/// for encoding.
struct EncodingTable: Sendable {
    /// For each byte, the Unicode scalars it stands for.
    let decoding: [[Unicode.Scalar]]
    /// NFD scalar sequence → bytes.
    let encoding: [[Unicode.Scalar]: [UInt8]]
    /// For each byte, the UTF-8 of `decoding`.
    let decodingUTF8: [[UInt8]]
    /// Whether a byte decodes to something that needs NFC composition (combining marks).
    let hasMarks: Bool

    /// ASCII and Latin-1: the fallback for bytes an encoding leaves unassigned.
    static let latin1 = EncodingTable(rows: [], fallback: nil)

    /// Every encoding's table, built once from `dictionaries/legacy-encodings.tsv`.
    static let all: [LegacyEncoding: EncodingTable] = {
        let rows = Lexicon.builtIn.rows("legacy-encodings.tsv")
        var byEncoding: [LegacyEncoding: [(UInt8, [Unicode.Scalar])]] = [:]
        for row in rows {
            guard let encoding = LegacyEncoding(rawValue: row["encoding"]),
                  let byte = UInt8(row["byte"], radix: 16) else { continue }
            let scalars = row["unicode"].split(separator: " ").compactMap { field -> Unicode.Scalar? in
                guard field.hasPrefix("U+"), let value = UInt32(field.dropFirst(2), radix: 16) else { return nil }
                return Unicode.Scalar(value)
            }
            guard !scalars.isEmpty else { continue }
            byEncoding[encoding, default: []].append((byte, scalars))
        }
        // Windows-1252 for 80-9F: what TCVN3 and VNI fonts showed for bytes they do not assign.
        let windows = (byEncoding[.cp1258] ?? []).filter { $0.0 < 0xA0 }
        var tables: [LegacyEncoding: EncodingTable] = [:]
        for encoding in LegacyEncoding.allCases {
            let own = byEncoding[encoding] ?? []
            let fallback = encoding == .tcvn3 || encoding == .vni ? windows : nil
            tables[encoding] = EncodingTable(rows: own, fallback: fallback)
        }
        return tables
    }()

    init(rows: [(UInt8, [Unicode.Scalar])], fallback: [(UInt8, [Unicode.Scalar])]?) {
        var decoding = (0..<256).map { [Unicode.Scalar(UInt8($0))] }
        var assigned = Set<UInt8>()
        for (byte, scalars) in rows {
            decoding[Int(byte)] = scalars
            assigned.insert(byte)
        }
        for (byte, scalars) in fallback ?? [] where !assigned.contains(byte) {
            decoding[Int(byte)] = scalars
        }
        var encoding: [[Unicode.Scalar]: [UInt8]] = [:]
        var hasMarks = false
        // ASCII first, then the table's own rows (first row wins), then the fallback.
        for byte in 0..<0x80 where !assigned.contains(UInt8(byte)) { encoding[[Unicode.Scalar(UInt8(byte))]] = [UInt8(byte)] }
        for (byte, scalars) in rows + (fallback ?? []) {
            let key = Array(String(String.UnicodeScalarView(scalars)).decomposedStringWithCanonicalMapping.unicodeScalars)
            if key.contains(where: { $0.properties.canonicalCombiningClass != .notReordered }) { hasMarks = true }
            if encoding[key] == nil { encoding[key] = [byte] }
        }
        self.decoding = decoding
        self.decodingUTF8 = decoding.map { Array(String(String.UnicodeScalarView($0)).utf8) }
        self.encoding = encoding
        self.hasMarks = hasMarks
    }

    func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        // UTF-8 bytes into one array, then one String: `UnicodeScalarView.append(contentsOf:)` in
        // this loop copied the whole string on every call (quadratic: 256 KB took 10 s).
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes { out.append(contentsOf: decodingUTF8[Int(byte)]) }
        return hasMarks ? Self.composed(out) : String(decoding: out, as: UTF8.self)
    }

    /// The NFC of UTF-8 text, composed piece by piece: Foundation's
    /// `precomposedStringWithCanonicalMapping` takes time quadratic in the length of the string
    /// (100 KB: 14 ms, 800 KB: 0.76 s). A piece ends before an ASCII byte at least `piece` bytes
    /// on: nothing composes with a following ASCII character and none is reordered, so the NFC
    /// of the pieces, put together, is the NFC of the whole.
    static func composed(_ utf8: [UInt8], piece: Int = 4096) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var start = 0
        while start < utf8.count {
            var end = min(start + piece, utf8.count)
            while end < utf8.count && utf8[end] >= 0x80 { end += 1 }
            result += String(decoding: utf8[start..<end], as: UTF8.self).precomposedStringWithCanonicalMapping
            start = end
        }
        return result
    }

    func encode(_ text: String, lowerCaseFallback: Bool, capitalMarks: Bool) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for character in text {
            if let sequence = encode(character, capitalMarks: capitalMarks) {
                bytes.append(contentsOf: sequence)
            } else if lowerCaseFallback, character.isUppercase,
                      let lower = character.lowercased().first, let sequence = encode(lower, capitalMarks: capitalMarks) {
                bytes.append(contentsOf: sequence)
            } else {
                return nil
            }
        }
        return bytes
    }

    /// One character: the whole letter; else letter-with-modifier then tone (CP1258 "â" + acute);
    /// else the base letter then its marks as one byte (VNI "a" + "á"), or one byte each.
    private func encode(_ character: Character, capitalMarks: Bool) -> [UInt8]? {
        let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
        if let whole = encoding[scalars] { return whole }
        guard let letter = scalars.first, scalars.count > 1 else { return nil }
        let marks = Array(scalars.dropFirst())
        let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
        let tone = marks.first { tones.contains($0.value) }
        let modifiers = marks.filter { !tones.contains($0.value) }
        let capital = capitalMarks && letter.properties.isUppercase
        func markBytes(_ key: [Unicode.Scalar]) -> [UInt8]? {
            guard var sequence = encoding[key] else { return nil }
            // VNI writes the marks of a capital with the capital mark bytes (20 lower).
            if capital, let byte = sequence.first, byte >= 0xE0 { sequence[0] = byte - 0x20 }
            return sequence
        }
        if let tone, !modifiers.isEmpty, let head = encoding[[letter] + modifiers], let tail = markBytes([tone]) {
            return head + tail
        }
        guard let head = encoding[[letter]] else { return nil }
        if let tail = markBytes(marks) { return head + tail }
        var result = head
        for mark in marks {
            guard let tail = markBytes([mark]) else { return nil }
            result += tail
        }
        return result
    }
}
