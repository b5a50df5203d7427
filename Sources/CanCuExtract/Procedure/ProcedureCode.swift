import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Procedure codes (legal-conventions.md §6.5): the national database code "1.004222" (also inside
/// a provincial variant "1.001193.000.00.00.H35") and the legacy codes kept as aliases,
/// "T-BKA-290103-TT", "T-BPC-280421", "BTP-263563". A legacy code is upper-case letters, '-', six
/// digits and an optional "-TT" suffix, standing alone (so "09/2019/NĐ-CP" and the dossier number
/// "H15.50.05.13-261008-0975" are not codes).
///
/// ```swift
/// ProcedureCode.national(in: "Mã số TTHC: 1.004222")   // "1.004222"
/// ProcedureCode.legacy(in: "(Mã số TTHC cũ: T-BKA-290103-TT)")   // ["T-BKA-290103-TT"]
/// ```
enum ProcedureCode {
    /// The first national code "d.dddddd" in a text.
    static func national(in s: String) -> String? {
        let chars = Array(s.utf8)
        var i = 0
        while i + 8 <= chars.count {
            if ByteScan.isDigit(chars[i]), chars[i + 1] == 0x2E, (2..<8).allSatisfy({ ByteScan.isDigit(chars[i + $0]) }),
               i + 8 == chars.count || !ByteScan.isDigit(chars[i + 8]), i == 0 || !ByteScan.isDigit(chars[i - 1]) {
                return String(decoding: chars[i..<(i + 8)], as: UTF8.self)
            }
            i += 1
        }
        return nil
    }

    /// The legacy codes in a text, in order, without repeats.
    static func legacy(in s: String) -> [String] {
        let c = Array(s.utf8)
        var found: [String] = []
        var i = 0
        while i < c.count {
            // A code starts at a word boundary with an upper-case ASCII letter.
            guard ByteScan.isASCIIUpper(c[i]), i == 0 || !isCodeByte(c[i - 1]) else { i += 1; continue }
            var j = i
            // Optional "T-" prefix, then the letters of the province or ministry.
            if c[j] == 0x54, j + 1 < c.count, c[j + 1] == 0x2D { j += 2 }
            let letters = j
            while j < c.count, ByteScan.isASCIIUpper(c[j]) { j += 1 }
            guard j - letters >= 2, j - letters <= 5, j < c.count, c[j] == 0x2D else { i = max(j, i + 1); continue }
            j += 1
            let digits = j
            while j < c.count, ByteScan.isDigit(c[j]) { j += 1 }
            guard j - digits == 6 else { i = max(j, i + 1); continue }
            // Optional "-TT" (or another upper-case suffix of 1–3 letters).
            if j + 1 < c.count, c[j] == 0x2D, ByteScan.isASCIIUpper(c[j + 1]) {
                var k = j + 1
                while k < c.count, ByteScan.isASCIIUpper(c[k]) { k += 1 }
                if k - (j + 1) <= 3 { j = k }
            }
            // It must end there: not glued to more letters, digits, '-', '/' or ".5".
            if j < c.count {
                let b = c[j]
                if isCodeByte(b) || b == 0x2D || b == 0x2F || (b == 0x2E && j + 1 < c.count && ByteScan.isDigit(c[j + 1])) { i = j; continue }
            }
            let code = String(decoding: c[i..<j], as: UTF8.self)
            if !found.contains(code) { found.append(code) }
            i = j
        }
        return found
    }

    @inline(__always) private static func isCodeByte(_ b: UInt8) -> Bool {
        ByteScan.isDigit(b) || ByteScan.isASCIIUpper(b) || ByteScan.isASCIILower(b) || b >= 0x80
    }

    /// A record's code field split into the national code and the aliases: legacy codes, and the
    /// whole value when it is a provincial variant of the national code. A value in no known form
    /// stays the code.
    static func split(_ value: String?) -> (code: String?, aliases: [String]) {
        guard let value = value?.trimmingSpaces, !value.isEmpty else { return (nil, []) }
        let legacy = legacy(in: value)
        if let national = national(in: value) {
            var aliases = legacy
            let variant = value.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," }).first { $0.hasPrefix(national + ".") }
            if let variant { aliases.insert(String(variant), at: 0) }
            return (national, aliases)
        }
        return legacy.isEmpty ? (value, []) : (nil, legacy)
    }
}
