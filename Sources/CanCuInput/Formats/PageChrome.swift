import CanCuModel
import CanCuText
import CanCuLexicon

/// Where the document is inside a page saved from a legal portal (HTML or Markdown): the portal's
/// menus, breadcrumbs, search and login boxes come before it, its "Chủ đề liên quan", "Từ khóa"
/// and related-document lists after it. The data is `dictionaries/page-chrome.tsv`.
///
/// The document starts at the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", in any cell of
/// its line) or at the issuer block just above it (at most four upper-case lines, rules or "Số:"
/// lines); it ends before the first whole line that opens the chrome after it ("Chủ đề liên quan",
/// "Từ khóa: …"). A page without the motto is kept whole: a news article or a topic page has no
/// such block, and nothing of it is guessed to be chrome.
///
/// One pass over the lines; each line is looked at a bounded number of times.
package struct PageChrome: Sendable {
    /// HTML elements dropped with their content (lower case).
    package let elements: Set<String>
    /// Texts that open the document (UTF-8).
    let starts: [[UInt8]]
    /// Lines that open the chrome after the document (lower case).
    let ends: [String]
    /// Chrome lines that are never part of an issuer block (lower case).
    let skips: Set<String>
    /// The longest `ends` marker, in UTF-8 bytes.
    private let longestEnd: Int

    package static let builtIn = PageChrome(lexicon: .builtIn)

    package init(lexicon: Lexicon) {
        var elements: Set<String> = [], starts: [[UInt8]] = [], ends: [String] = [], skips: Set<String> = []
        for row in lexicon.rows("page-chrome.tsv") {
            let marker = row["marker"]
            guard !marker.isEmpty else { continue }
            switch row["kind"] {
            case "element": elements.insert(marker.lowercased())
            case "start": starts.append(Array(marker.utf8))
            case "end": ends.append(marker.lowercased())
            case "skip": skips.insert(marker.lowercased())
            default: break
            }
        }
        self.elements = elements
        self.starts = starts
        self.ends = ends.sorted { $0.utf8.count > $1.utf8.count }
        self.skips = skips
        longestEnd = ends.map(\.utf8.count).max() ?? 0
    }

    /// One line of the text: where it begins (after the previous line break) and its content
    /// without the white space around it.
    struct Line {
        var begin: Int
        var content: Range<Int>
    }

    static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        let n = bytes.count
        var begin = 0
        while begin < n {
            var end = begin
            while end < n && bytes[end] != 0x0A { end += 1 }
            var a = begin, b = end
            while a < b, isBlank(bytes[a]) { a += 1 }
            while b > a, isBlank(bytes[b - 1]) { b -= 1 }
            lines.append(Line(begin: begin, content: a..<b))
            begin = end + 1
        }
        return lines
    }

    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B }

    /// The byte range of the document in the text of a page, or nil when the page has no motto
    /// (keep it whole) or nothing is outside the document.
    package func documentRange(_ bytes: [UInt8]) -> Range<Int>? {
        bytes.withUnsafeBufferPointer { p -> Range<Int>? in
            let lines = Self.lines(p)
            guard let motto = lines.firstIndex(where: { !$0.content.isEmpty && containsStart(p, $0.content) }) else { return nil }
            // The issuer block above the motto: upper-case lines, rules and "Số:" lines.
            var first = motto
            var looked = 0
            var k = motto - 1
            while k >= 0, looked < 4 {
                let line = lines[k]
                if line.content.isEmpty { k -= 1; continue }
                looked += 1
                guard isIssuerBlockLine(p, line.content) else { break }
                first = k
                k -= 1
            }
            var last = lines.count
            for index in (motto + 1)..<max(motto + 1, lines.count) where isEnd(p, lines[index].content) {
                last = index
                break
            }
            let start = lines[first].begin
            let end = last < lines.count ? lines[last].begin : p.count
            guard start > 0 || end < p.count else { return nil }
            return start..<end
        }
    }

    private func containsStart(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        for marker in starts where marker.count <= r.count {
            let first = marker[0]
            var i = r.lowerBound
            let last = r.upperBound - marker.count
            while i <= last {
                if p[i] == first {
                    var m = 1
                    while m < marker.count && p[i + m] == marker[m] { m += 1 }
                    if m == marker.count { return true }
                }
                i += 1
            }
        }
        return false
    }

    private func text(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self)
    }

    /// Every cell (tab-separated) is upper case (with a letter), a rule, or a "Số:" label; and the
    /// line is not a chrome line of `skips`.
    private func isIssuerBlockLine(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard r.count <= 400 else { return false }
        let line = text(p, r)
        if skips.contains(line.lowercased()) { return false }
        for cell in line.split(separator: "\t") {
            let cell = cell.trimmingCharacters(in: " ")
            if cell.isEmpty { continue }
            if cell.allSatisfy({ "-_=*. ".contains($0) }) { continue }
            if cell.hasPrefix("Số:") || cell.hasPrefix("Số :") { continue }
            guard cell.contains(where: \.isLetter), !cell.contains(where: \.isLowercase) else { return false }
        }
        return true
    }

    /// A whole line that opens the chrome after the document ("Chủ đề liên quan", "Từ khóa: …").
    private func isEnd(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard !r.isEmpty else { return false }
        // Only the first bytes matter: the marker and what follows it.
        var end = min(r.upperBound, r.lowerBound + longestEnd + 8)
        while end < r.upperBound && p[end] & 0xC0 == 0x80 { end += 1 }
        let head = text(p, r.lowerBound..<end).lowercased()
        for marker in ends where head.hasPrefix(marker) {
            let rest = head.dropFirst(marker.count).drop { $0 == " " || $0 == "\t" }
            if rest.isEmpty && end == r.upperBound { return true }
            if rest.first == ":" { return true }
        }
        return false
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var s = self
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return s
    }
}
