import CanCuInput

/// Puts citation marks into a document: into its plain text (escaped, lines kept), or into an
/// HTML page's own markup at the places its text came from.
package enum Annotator {
    /// Marks sorted by start, overlapping ones dropped (the first wins), empty or out-of-range ones
    /// too.
    static func ordered(_ marks: [CitationMark], limit: Int) -> [CitationMark] {
        var result: [CitationMark] = []
        var end = 0
        for mark in marks.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard mark.range.lowerBound >= end, !mark.range.isEmpty, mark.range.upperBound <= limit else { continue }
            result.append(mark)
            end = mark.range.upperBound
        }
        return result
    }

    /// The text as HTML (every character escaped) with each mark a link; lines are kept by the
    /// page's `white-space: pre-wrap`.
    package static func annotate(text: String, marks: [CitationMark]) -> String {
        annotate(text: text, spans: marks.map { ($0.range, $0.openTag, $0.closeTag + $0.badges) })
    }

    /// The text as HTML (every character escaped) with each span's range between its `open` and
    /// `close` markup (overlapping spans dropped, the first wins).
    package static func annotate(text: String, spans: [(range: Range<Int>, open: String, close: String)]) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        out.reserveCapacity(text.utf8.count + spans.count * 200)
        var position = 0
        func copy(to end: Int) {
            if position < end {
                var piece = String.UnicodeScalarView()
                piece.append(contentsOf: scalars[position..<end])
                out += HTML.escape(String(piece))
            }
            position = end
        }
        var end = 0
        for span in spans.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard span.range.lowerBound >= end, !span.range.isEmpty, span.range.upperBound <= scalars.count else { continue }
            end = span.range.upperBound
            copy(to: span.range.lowerBound)
            out += span.open
            copy(to: span.range.upperBound)
            out += span.close
        }
        copy(to: scalars.count)
        return out
    }

    /// The page of `map` with each mark's text wrapped in a link where it stands in the markup.
    /// A citation broken by tags (`<b>Nghị định</b> số 09/2019/NĐ-CP`) becomes one link per run
    /// of text, so the markup stays well nested; text inside `<title>` is left alone. The rest of
    /// the page is kept byte for byte, except that `head` gets the styles, and a
    /// Content-Security-Policy that stops the page's own scripts and outside assets.
    package static func annotate(html map: HTMLTextMap, marks: [CitationMark], style: String, legend: String) -> String {
        let page = map.page
        // Scalar offsets → UTF-8 offsets of the text.
        var utf8Offsets: [Int] = []
        utf8Offsets.reserveCapacity(map.text.utf8.count + 1)
        var offset = 0
        for scalar in map.text.unicodeScalars {
            utf8Offsets.append(offset)
            offset += String(scalar).utf8.count
        }
        utf8Offsets.append(offset)
        let titles = ranges(of: "title", in: page)
        var insertions: [(at: Int, order: Int, text: String)] = []
        var order = 0
        for mark in ordered(marks, limit: utf8Offsets.count - 1) {
            let first = utf8Offsets[mark.range.lowerBound]
            let last = utf8Offsets[mark.range.upperBound]
            var segments: [Range<Int>] = []
            var current: Range<Int>?
            for k in first..<last where k < map.starts.count {
                let start = Int(map.starts[k])
                let end = Int(map.ends[k])
                if start < page.count, page[start] == 0x3C { // a separator a tag stands for
                    if let c = current { segments.append(c); current = nil }
                    continue
                }
                if let c = current {
                    if start < c.upperBound || !page[c.upperBound..<start].contains(0x3C) {
                        current = c.lowerBound..<max(c.upperBound, end)
                        continue
                    }
                    segments.append(c)
                }
                current = start..<end
            }
            if let c = current { segments.append(c) }
            segments = segments.compactMap { segment -> Range<Int>? in
                var lower = segment.lowerBound, upper = segment.upperBound
                while lower < upper, isSpace(page[lower]) { lower += 1 }
                while upper > lower, isSpace(page[upper - 1]) { upper -= 1 }
                guard lower < upper, !titles.contains(where: { $0.contains(lower) }) else { return nil }
                return lower..<upper
            }
            guard !segments.isEmpty else { continue }
            for (i, segment) in segments.enumerated() {
                order += 1
                insertions.append((segment.lowerBound, order, mark.openTag))
                order += 1
                insertions.append((segment.upperBound, order, mark.closeTag + (i == segments.count - 1 ? mark.badges : "")))
            }
        }
        // The head: a policy and the styles right after `<head…>`, else at the very start.
        let headEnd = tagEnd(of: "head", in: page) ?? 0
        insertions.append((headEnd, -1, "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTML.escape(policy))\">"
                           + "<style>" + style + "</style>"))
        let bodyClose = lastIndex(of: "</body", in: page) ?? page.count
        order += 1
        insertions.append((bodyClose, order, legend))
        insertions.sort { $0.at != $1.at ? $0.at < $1.at : $0.order < $1.order }
        var out: [UInt8] = []
        out.reserveCapacity(page.count + insertions.count * 120)
        var position = 0
        for insertion in insertions {
            if insertion.at > position { out += page[position..<insertion.at]; position = insertion.at }
            out += Array(insertion.text.utf8)
        }
        if position < page.count { out += page[position...] }
        return String(decoding: out, as: UTF8.self)
    }

    /// The policy of an annotated page: no scripts, nothing from elsewhere; inline styles and
    /// images in `data:` only.
    package static let policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C }

    /// Byte ranges between `<name…>` and `</name`, case-insensitive.
    static func ranges(of name: String, in page: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var from = 0
        while let open = find("<" + name, in: page, from: from), let close = find("</" + name, in: page, from: open) {
            result.append(open..<close)
            from = close + 1
        }
        return result
    }

    /// The index after the `>` of the first `<name` or `<name …>` tag, or nil.
    static func tagEnd(of name: String, in page: [UInt8]) -> Int? {
        var from = 0
        while let open = find("<" + name, in: page, from: from) {
            let next = open + name.utf8.count + 1
            if next < page.count, page[next] == 0x3E || page[next] == 0x20 || page[next] == 0x09 || page[next] == 0x0A || page[next] == 0x0D {
                guard let close = page[next...].firstIndex(of: 0x3E) else { return nil }
                return close + 1
            }
            from = next
        }
        return nil
    }

    static func lastIndex(of needle: String, in page: [UInt8]) -> Int? {
        var last: Int?
        var from = 0
        while let found = find(needle, in: page, from: from) { last = found; from = found + 1 }
        return last
    }

    /// The first ASCII-case-insensitive occurrence of `needle` at or after `from`.
    static func find(_ needle: String, in page: [UInt8], from: Int) -> Int? {
        let bytes = Array(needle.lowercased().utf8)
        guard !bytes.isEmpty, page.count >= bytes.count else { return nil }
        var i = from
        while i + bytes.count <= page.count {
            var match = true
            for k in 0..<bytes.count {
                let b = page[i + k]
                if (b >= 0x41 && b <= 0x5A ? b + 0x20 : b) != bytes[k] { match = false; break }
            }
            if match { return i }
            i += 1
        }
        return nil
    }
}
