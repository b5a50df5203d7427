import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// The legal basis of a procedure record: the portal's flattened table ("Tên văn bản pháp lý |
/// Mã văn bản", cells glued), read as one citation per row, each with the title its row gives.
extension CitationExtractor {
    /// The rows of a legal-basis table flattened into one field, as the National Public Service
    /// Portal gives `can_cu_phap_ly` ("Tên văn bản pháp lý | Mã văn bản", cells glued): one
    /// citation per row document. A document named only inside another row's title ("… quy định
    /// chi tiết thi hành Luật Căn cước") is not a row. Fields that are not such a table give every
    /// document cited, as `citations(inField:)`.
    public func basisRows(inField field: String) -> [Citation] {
        let text = normalizer.normalize(field)
        let bytes = text.bytes
        guard bytes.count > 0, Self.isFlattenedTable(bytes) else { return citations(inField: field) }
        let scan = ScanText(bytes, lexicon: tables, blankFooter: false)
        // A row starts where a cell was glued to the previous one, so its first character follows a
        // non-space; a mention inside a title follows a space.
        func glued(_ i: Int) -> Bool { i == 0 || (bytes[i - 1] != 0x20 && bytes[i - 1] != 0x0A && bytes[i - 1] != 0x09) }
        var seen = Set<String>()
        var result: [Citation] = []
        let found = find(scan, ownSymbol: nil).filter { $0.kind != .short }
        // A code cell ends the row: the next row's title is glued to it (a letter), or the field ends.
        func endsRow(_ f: FoundCitation) -> Bool {
            guard f.symbol != nil else { return false }
            var e = f.end
            while e < bytes.count && (bytes[e] == 0x20 || bytes[e] == 0x2E || bytes[e] == 0x3B) { e += 1 }
            if e >= bytes.count { return true }
            guard f.end == e else { return false }
            if bytes[e] >= 0x41 { return true }
            // Glued to digits: a code cell only when they repeat its own number ("…số 67/2011/QH1267/2011/QH12");
            // another number there is the next row's code, and this one was a mention in the title.
            guard let number = f.number, bytes[e] >= 0x30 && bytes[e] <= 0x39 else { return false }
            let prefix = Array((number + "/").utf8)
            return bytes.count - e >= prefix.count && Array(bytes[e..<(e + prefix.count)]) == prefix
        }
        let isCode = found.map { f in f.symbolStart.map(glued) == true || endsRow(f) }
        for (k, f) in found.enumerated() where glued(f.start) || isCode[k] {
            // A title cell naming its law, then the law's number in the code cell: one row.
            if f.symbol == nil, k + 1 < found.count, isCode[k + 1] { continue }
            let key = f.symbol ?? "\(f.kind.rawValue)|\(f.type ?? "")|\(Folding.fold(f.name ?? ""))|\(f.number ?? "")"
            guard seen.insert(key).inserted else { continue }
            result.append(makeCitation(f, text))
        }
        // A row whose cells name a law in capitals only ("BỘ LUẬT HÀNG HẢI VIỆT NAMBỘ LUẬT HÀNG HẢI
        // VIỆT NAM"): capitals are header lines elsewhere, so only here are they read as a name.
        let numbered = found.filter { $0.symbol != nil }
        for (start, end, type) in capitalNames(bytes, glued: glued)
        where !numbered.contains(where: { $0.start <= start && start < $0.end }) {
            var f = FoundCitation(start: start, end: end, kind: .name)
            f.type = type
            f.name = String(decoding: bytes[start..<end], as: UTF8.self).split(separator: " ").joined(separator: " ")
            let key = "\(f.kind.rawValue)|\(type)|\(Folding.fold(f.name ?? ""))|"
            guard seen.insert(key).inserted,
                  !result.contains(where: { $0.name.map(Folding.fold) == Folding.fold(f.name ?? "") }) else { continue }
            result.append(makeCitation(f, text))
        }
        result.sort { $0.range.lowerBound < $1.range.lowerBound }
        // Each numbered row's title cell: from the end of the previous row's code cell (or of the
        // header) to the start of its own code cell.
        let codes = found.indices.filter { isCode[$0] && found[$0].symbol != nil }.map { found[$0] }
        let headerEnd = Self.headerEnd(bytes)
        for i in result.indices {
            guard let symbol = result[i].symbol else { continue }
            let start = result[i].range.lowerBound
            guard let code = codes.first(where: { $0.start >= start }), code.symbol == symbol else { continue }
            // A code cell ends with its symbol, even when a name glued after it was read with it.
            let previousEnd = codes.last(where: { $0.start < start }).map { min($0.end, Self.symbolEnd(bytes, $0)) }
            let cellStart = max(headerEnd, previousEnd ?? headerEnd)
            let cellEnd = Self.codeCellStart(bytes, code)
            guard cellStart < cellEnd else { continue }
            result[i].title = rowTitles.title(ofCell: String(decoding: bytes[cellStart..<cellEnd], as: UTF8.self), type: result[i].type)
        }
        return result
    }

    /// Where the symbol of `f` ends in a glued cell ("47/2014/QH13Luật Xuất cảnh",
    /// "47/2019/TT-BTCNghị định", "NĐ-CPsửa đổi"): the raw text from the symbol's start is matched
    /// against the canonical symbol (spaces skipped, case, `/` for `-` and `D` for `Đ` allowed).
    /// When it does not match, the citation's end.
    private static func symbolEnd(_ bytes: [UInt8], _ f: FoundCitation) -> Int {
        guard let start = f.symbolStart, let symbol = f.symbol else { return f.end }
        let canonical = Array(symbol.utf8)
        guard var end = match(canonical, in: bytes, at: start) else { return f.end }
        // The title cell may have ended with the symbol, glued to the code cell that repeats it.
        while end < f.end, let again = match(canonical, in: bytes, at: end) { end = again }
        return end
    }

    /// Where the code cell of `f` starts: at the last copy of a symbol the title cell also ended
    /// with ("Luật Giá 16/2023/QH1516/2023/QH15"), at a symbol glued to the title ("Luật Căn
    /// cước26/2023/QH15"), else at the citation ("…thực vậtNghị định số 33/2026/NĐ-CP").
    private static func codeCellStart(_ bytes: [UInt8], _ f: FoundCitation) -> Int {
        guard let start = f.symbolStart, let symbol = f.symbol,
              var end = match(Array(symbol.utf8), in: bytes, at: start) else { return f.start }
        var last = start
        while end < f.end, let again = match(Array(symbol.utf8), in: bytes, at: end) { last = end; end = again }
        if last > start { return last }
        if start > f.start, bytes[start - 1] != 0x20 { return start }
        return f.start
    }

    /// The end of `canonical` written at `start` in `bytes`, or nil.
    private static func match(_ canonical: [UInt8], in bytes: [UInt8], at start: Int) -> Int? {
        var i = start, k = 0
        while k < canonical.count {
            guard i < bytes.count else { return nil }
            let r = bytes[i], c = canonical[k]
            if r == 0x20 && i > start { i += 1; continue }
            if r == c || (r < 0x80 && c < 0x80 && (r | 0x20) == (c | 0x20) && (r | 0x20) >= 0x61 && (r | 0x20) <= 0x7A)
                || ((r == 0x2F || r == 0x2D) && (c == 0x2F || c == 0x2D)) {
                i += 1; k += 1; continue
            }
            // Đ written as D (or đ as d): one raw byte for the two of Đ.
            if (r | 0x20) == 0x64, c == 0xC4, k + 1 < canonical.count, canonical[k + 1] == 0x90 || canonical[k + 1] == 0x91 {
                i += 1; k += 2; continue
            }
            // Đ and đ for each other.
            if r == 0xC4, c == 0xC4, i + 1 < bytes.count, k + 1 < canonical.count,
               (bytes[i + 1] | 1) == 0x91, (canonical[k + 1] | 1) == 0x91 {
                i += 2; k += 2; continue
            }
            return nil
        }
        return i
    }

    /// The offset just after the table's header ("Tên văn bản pháp lýMã văn bản"), or 0.
    private static func headerEnd(_ bytes: [UInt8]) -> Int {
        let header = Array("Mã văn bản".utf8)
        guard let at = firstIndex(of: header, in: bytes, from: 0), at < 200 else { return 0 }
        return at + header.count
    }

    /// Names in capitals that start a table row: a type cited by name (type-names.tsv
    /// `cited_by_name`) in capitals, glued to the cell before, then capitals up to the first lower
    /// case letter, digit or punctuation, cut where the same type word starts again (a repeated cell).
    private func capitalNames(_ bytes: [UInt8], glued: (Int) -> Bool) -> [(Int, Int, String)] {
        var result: [(Int, Int, String)] = []
        for (word, type) in tables.capitalTypeWords {
            var from = 0
            while let at = Self.firstIndex(of: word, in: bytes, from: from) {
                from = at + 1
                guard glued(at) else { continue }
                var end = at + word.count
                while end < bytes.count {
                    let b = bytes[end]
                    if b == 0x20 { end += 1; continue }
                    let (c, length) = bytes.withUnsafeBufferPointer { decodeScalar($0, end) }
                    guard (b >= 0x41 && b <= 0x5A) || (b >= 0x80 && ScanText.isUpperScalar(c)) else { break }
                    if end > at + word.count, bytes.count - end >= word.count, Array(bytes[end..<(end + word.count)]) == word { break }
                    end += length
                }
                // A number glued after it is the row's code cell: the row is that numbered document.
                if end < bytes.count && bytes[end] >= 0x30 && bytes[end] <= 0x39 { continue }
                while end > at && bytes[end - 1] == 0x20 { end -= 1 }
                if end > at + word.count + 1 { result.append((at, end, type)) }
            }
        }
        return result
    }

    private static func firstIndex(of word: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = word.first, bytes.count >= word.count else { return nil }
        var i = from
        while i + word.count <= bytes.count {
            if bytes[i] == first && bytes[i..<(i + word.count)].elementsEqual(word) { return i }
            i += 1
        }
        return nil
    }


    /// True when the field is the portal's flattened two-column table.
    static func isFlattenedTable(_ bytes: [UInt8]) -> Bool {
        let header = Array("Mã văn bản".utf8)
        let window = bytes.prefix(200)
        guard window.count >= header.count else { return false }
        return window.indices.dropLast(header.count - 1).contains { i in
            window[i] == header[0] && Array(window[i..<(i + header.count)]) == header
        }
    }
}
