import CanCuModel
import CanCuReview
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the text views fit the reader's terminal: the width to wrap at and whether severities are
/// coloured.
///
/// The width is `--width N`, else `COLUMNS`, else the terminal's width (`TIOCGWINSZ` on standard
/// output), else 100 (a pipe or a file). Colour is `--color always|never`, or with `auto` only when
/// standard output is a terminal and `NO_COLOR` is not set (https://no-color.org).
///
/// ```swift
/// let style = TerminalStyle.detect(width: nil, color: .auto)
/// style.paint("LỖI", .error)   // "\u{1B}[1;31mLỖI\u{1B}[0m" on a terminal, "LỖI" in a pipe
/// ```
package struct TerminalStyle: Sendable {
    /// `--color`.
    public enum ColorChoice: String, Sendable, CaseIterable {
        case auto, always, never
    }

    /// The width to fit lines in, in characters.
    public var width: Int
    /// Whether severities are coloured (ANSI escape sequences).
    public var color: Bool

    /// The width used when nothing says otherwise (not a terminal, no `COLUMNS`).
    public static let defaultWidth = 100
    /// Narrower than this, wrapping does more harm than good.
    public static let minimumWidth = 40
    /// Plain text of the default width: what tests and library callers get.
    public static let plain = TerminalStyle(width: defaultWidth, color: false)

    public init(width: Int, color: Bool) {
        self.width = max(Self.minimumWidth, width)
        self.color = color
    }

    /// The style for standard output from the options and the environment.
    public static func detect(width: Int?, color: ColorChoice,
                              environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        let isTerminal = isatty(1) != 0
        let columns = width
            ?? environment["COLUMNS"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0 > 0 ? $0 : nil }
            ?? (isTerminal ? terminalWidth() : nil)
            ?? defaultWidth
        let colored: Bool
        switch color {
        case .always: colored = true
        case .never: colored = false
        case .auto: colored = isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
        }
        return TerminalStyle(width: columns, color: colored)
    }

    /// The width of the terminal on standard output, or nil.
    private static func terminalWidth() -> Int? {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// `text` in the colour of `severity` (bold red errors, yellow warnings, cyan notes) when
    /// colour is on; `text` as it is otherwise. `text` must be safe for a terminal already.
    public func paint(_ text: String, _ severity: Finding.Severity) -> String {
        guard color else { return text }
        let code = switch severity {
        case .error: "1;31"
        case .warning: "33"
        case .info: "36"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// `text` in bold when colour is on (headings).
    public func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}

/// Word wrapping for the text views: lines of at most a width, broken between words only; a word
/// longer than the width (a symbol, a path) stays whole on a line of its own, never cut.
package enum TextWrap {
    /// The lines of `text` (its line breaks kept as breaks) fitted in `width` characters.
    public static func lines(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    out.append(line)
                    line = String(word)
                }
            }
            out.append(line)
        }
        return out
    }

    /// `text` wrapped to `width` with `first` before its first line and `rest` before the others,
    /// ending with a newline.
    public static func block(_ text: String, width: Int, first: String, rest: String) -> String {
        let lines = lines(text, width: max(10, width - rest.count))
        var out = ""
        for (i, line) in lines.enumerated() { out += (i == 0 ? first : rest) + line + "\n" }
        return out
    }

    /// The longest word of `text`, in characters.
    public static func longestWord(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(\.count).max() ?? 0
    }
}

/// Dates as Vietnamese readers write them, for the text views (JSON keeps ISO dates).
package enum TextDates {
    /// "2025-07-01" → "01/07/2025"; a year-month "2025-07" → "07/2025"; other text unchanged.
    public static func vietnamese(_ iso: String) -> String {
        LegalDate(iso: iso)?.vietnamese ?? iso
    }

    /// Every ISO day (yyyy-mm-dd) in `text` written dd/mm/yyyy ("hết hiệu lực từ 2025-07-01" →
    /// "hết hiệu lực từ 01/07/2025"); digits that are part of a longer number are left alone.
    public static func inText(_ text: String) -> String {
        let chars = Array(text.utf8)
        guard chars.count >= 10, chars.contains(UInt8(ascii: "-")) else { return text }
        func digit(_ i: Int) -> Bool { i >= 0 && i < chars.count && chars[i] >= 0x30 && chars[i] <= 0x39 }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count)
        var i = 0
        while i < chars.count {
            if i + 10 <= chars.count, !digit(i - 1), !digit(i + 10),
               (0..<4).allSatisfy({ digit(i + $0) }), chars[i + 4] == UInt8(ascii: "-"), digit(i + 5), digit(i + 6),
               chars[i + 7] == UInt8(ascii: "-"), digit(i + 8), digit(i + 9),
               i == 0 || (chars[i - 1] != UInt8(ascii: "-") && chars[i - 1] != UInt8(ascii: "/")),
               i + 10 == chars.count || (chars[i + 10] != UInt8(ascii: "-") && chars[i + 10] != UInt8(ascii: "/")) {
                let y = chars[i..<i + 4], m = chars[i + 5..<i + 7], d = chars[i + 8..<i + 10]
                out += d + [UInt8(ascii: "/")] + m + [UInt8(ascii: "/")] + y
                i += 10
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
