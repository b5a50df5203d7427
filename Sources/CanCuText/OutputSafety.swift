import CanCuModel

/// What document text must become before it reaches each kind of output, in one place for every
/// exporter and view. Text from documents and procedure records is untrusted: a CSV cell may be
/// read by a spreadsheet as a formula, XML 1.0 forbids some characters outright, and control
/// characters (ESC, BEL, …) act on a terminal. JSON needs none of this: `JSONWriter` escapes
/// every C0 control.
package enum OutputSafety {
    // MARK: CSV

    /// A CSV cell that a spreadsheet would not read as a formula: a value starting with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return gets a leading apostrophe (OWASP's "CSV injection"
    /// advice); other values are returned unchanged.
    public static func csvCell(_ value: String) -> String {
        guard let first = value.utf8.first, isFormulaStart(first) else { return value }
        return "'" + value
    }

    /// Whether a cell starting with this byte is read as a formula by Excel or LibreOffice.
    @inline(__always)
    static func isFormulaStart(_ b: UInt8) -> Bool {
        b == 0x3D || b == 0x2B || b == 0x2D || b == 0x40 || b == 0x09 || b == 0x0D
    }

    /// The UTF-8 byte order mark some spreadsheet programs (Excel) need to read a CSV file as UTF-8.
    public static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    // MARK: XML

    /// Whether `scalar` is a character XML 1.0 allows (`Char`: tab, LF, CR, U+0020–U+D7FF,
    /// U+E000–U+FFFD, U+10000–U+10FFFF; surrogates never occur in a Swift string).
    @inline(__always)
    public static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v == 0x09 || v == 0x0A || v == 0x0D }
        return v != 0xFFFE && v != 0xFFFF
    }

    /// `text` without the characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE;
    /// U+FFFF), for formats that end up in XML through another program (DOT → Graphviz's SVG).
    public static func xmlCharacters(_ text: String) -> String {
        var clean = true
        for b in text.utf8 where (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0xEF {
            clean = false
            break
        }
        if clean { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isXMLCharacter(scalar) { out.append(scalar) }
        return String(out)
    }

    /// Text safe in XML 1.0 elements and attributes: `& < > " '` as entities, line breaks and
    /// tabs as character references (kept through attribute-value normalisation), and the
    /// characters XML 1.0 forbids (other C0 controls, U+FFFE, U+FFFF) dropped.
    public static func xml(_ text: String) -> String {
        var clean = true
        for b in text.utf8 where b < 0x20 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 || b == 0xEF {
            clean = false
            break
        }
        if clean { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: if isXMLCharacter(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    // MARK: Terminal

    /// Text for a terminal: C0 controls other than tab and line feed, DEL and the C1 controls
    /// (U+0080–U+009F) are shown as visible symbols instead of acting on the terminal (ESC
    /// sequences, BEL, a carriage return that hides the start of a line): C0 and DEL as their
    /// Unicode control pictures (ESC → `␛`, BEL → `␇`, DEL → `␡`), C1 as U+FFFD. A carriage
    /// return before a line feed is kept (CRLF text). Text without any is returned unchanged.
    public static func terminal(_ text: String) -> String {
        var dirty = false, previous: UInt8 = 0
        for b in text.utf8 {
            if previous == 0x0D && b != 0x0A { dirty = true; break }
            if (b < 0x20 && b != 0x0A && b != 0x09 && b != 0x0D) || b == 0x7F || (previous == 0xC2 && b >= 0x80 && b <= 0x9F) {
                dirty = true
                break
            }
            previous = b
        }
        if previous == 0x0D { dirty = true }
        guard dirty else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            let v = scalar.value
            switch v {
            case 0x0A, 0x09: out.append(scalar)
            case 0x0D:
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { out.append(scalar) } else { out.append("\u{240D}") }
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + v)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80...0x9F: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
