import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Finds, normalises, resolves and types every reference of a document to another document:
/// number-and-symbol citations ("Nghị định số 09/2019/NĐ-CP ngày 24/01/2019"), party documents
/// ("18-NQ/TW"), citations by name ("Luật Đất đai năm 2024"), partial ones ("Nghị quyết số 01 năm
/// 2020"), back-references ("Nghị quyết nêu trên"), each with its pinpoints and stated issue date,
/// and the typed relations between the document and what it cites.
///
/// Byte-level scanners over the normalised text (no regular expressions); the patterns are data
/// in `dictionaries/` (types, issuers, repairs, cues, words around a citation).
///
/// ```swift
/// let extractor = CitationExtractor(lexicon: .builtIn)
/// let (citations, relations) = extractor.extract(Normalizer.standard.normalize(text))
/// CitationExtractor.builtIn.citations(inField: "Luật Cư trú 202068/2020/QH14").map(\.symbol)  // ["68/2020/QH14"]
/// ```
package struct CitationExtractor: Sendable {
    /// The compiled dictionaries.
    public let tables: CitationLexicon
    let normalizer: Normalizer
    let rowTitles: BasisRowTitle
    /// The header reader, for the document's own number when `extract` is not given it.
    let header: HeaderParser

    /// The extractor of the built-in dictionaries.
    public static let builtIn = CitationExtractor(lexicon: .builtIn)

    /// Compiles the dictionaries of `lexicon`.
    public init(lexicon: Lexicon) {
        tables = CitationLexicon(lexicon)
        normalizer = Normalizer(lexicon: lexicon)
        rowTitles = BasisRowTitle(lexicon: lexicon)
        header = HeaderParser(lexicon: lexicon)
    }

    /// `builtIn` when `lexicon` is exactly the built-in dictionaries (same content), else a new
    /// extractor of `lexicon`.
    public static func shared(for lexicon: Lexicon) -> CitationExtractor {
        lexicon.isBuiltIn ? builtIn : CitationExtractor(lexicon: lexicon)
    }

    /// The citations and relations of one document (its own number, read by the header reader,
    /// is not a citation).
    public func extract(_ text: NormalizedText) -> (citations: [Citation], relations: [Relation]) {
        extract(text, ownSymbol: header.parse(text).symbol)
    }

    /// The citations and relations of one document whose own number is `ownSymbol` (the header's:
    /// "Số: 09/2019/NĐ-CP" is never a citation).
    public func extract(_ text: NormalizedText, ownSymbol: String?) -> (citations: [Citation], relations: [Relation]) {
        let (scan, found) = found(text, ownSymbol: ownSymbol)
        return (citations(found, text), relations(found, scan: scan, text: text))
    }

    /// The first step of `extract`: the scan text and the citations found in it. The two next
    /// steps, `citations` and `relations`, read only these and the text.
    func found(_ text: NormalizedText, ownSymbol: String?) -> (scan: ScanText, found: [FoundCitation]) {
        let scan = scanText(text)
        return (scan, find(scan, ownSymbol: ownSymbol))
    }

    /// The scan text of a document (the first part of `found`).
    func scanText(_ text: NormalizedText) -> ScanText {
        ScanText(text.bytes, lexicon: tables)
    }

    /// The citations of the found ones, with their source spans and texts.
    func citations(_ found: [FoundCitation], _ text: NormalizedText) -> [Citation] {
        var cursor = text.cursor()
        return found.map { makeCitation($0, text, cursor: &cursor) }
    }

    /// The typed relations between the found citations; `cues`, when given, is `cueIndex(scan)`.
    func relations(_ found: [FoundCitation], scan: ScanText, text: NormalizedText, cues: CueIndex.Handoff? = nil) -> [Relation] {
        RelationResolver(lexicon: tables).relations(found, scan: scan, bytes: text.bytes, text: text, cues: cues?.index)
    }

    /// The relation cues of the whole scan text, found ahead of `relations` (on another thread).
    func cueIndex(_ scan: ScanText) -> CueIndex.Handoff {
        let index = CueIndex(scan.lower, lexicon: tables)
        index.buildAll()
        return CueIndex.Handoff(index)
    }

    /// The documents cited in one field of a procedure record (`can_cu_phap_ly`), whose table cells
    /// are often glued together ("Luật Cư trú 202068/2020/QH14", "08/2022/NĐ-CP08/2022/NĐ-CP").
    /// One citation per distinct document, in order of first mention; back-references are left out.
    public func citations(inField field: String) -> [Citation] {
        let text = normalizer.normalize(field)
        let scan = ScanText(text.bytes, lexicon: tables, blankFooter: false)
        var seen = Set<String>()
        var result: [Citation] = []
        for f in find(scan, ownSymbol: nil) where f.kind != .short && !f.tags.contains(FoundCitation.inTitle) {
            let key = f.symbol ?? "\(f.kind.rawValue)|\(f.type ?? "")|\(f.name ?? "")|\(f.number ?? "")|\(f.year.map(String.init) ?? "")"
            guard seen.insert(key).inserted else { continue }
            result.append(makeCitation(f, text))
        }
        return result
    }

    /// The citation of a found one, with its source span and text.
    func makeCitation(_ f: FoundCitation, _ text: NormalizedText) -> Citation {
        var cursor = text.cursor()
        return makeCitation(f, text, cursor: &cursor)
    }

    /// As `makeCitation(_:_:)`, mapping offsets with a cursor (citations come in reading order).
    func makeCitation(_ f: FoundCitation, _ text: NormalizedText, cursor: inout SourceCursor) -> Citation {
        Citation(source: cursor.sourceRange(ofBytes: f.start..<f.end), range: f.start..<f.end, text: text.sourceText(ofBytes: f.start..<f.end),
                 symbol: f.symbol, type: f.type, number: f.number, year: f.year, issuers: f.issuers, issued: f.issued.flatMap(LegalDate.init(iso:)),
                 name: f.name, pinpoints: f.pinpoints, kind: f.kind, resolvesTo: f.resolvesTo, tags: f.tags)
    }

    // MARK: Finding

    /// The type words of the scan text (the part of `find` that another thread may do first).
    func typeWords(_ scan: ScanText) -> [TypeWordHit] {
        TypeWordScanner(lexicon: tables).scan(scan)
    }

    /// The citations of the scan text; `words`, when given, is `typeWords(scan)`.
    func find(_ scan: ScanText, ownSymbol: String?, words: [TypeWordHit]? = nil) -> [FoundCitation] {
        let symbols = SymbolScanner(lexicon: tables).scan(scan)
        let words = words ?? typeWords(scan)
        let l = scan.lower
        var anchors: [Int: Int] = [:]
        for (index, s) in symbols.enumerated() {
            anchors[s.start] = index
            if let g = s.gluedYearStart { anchors[g] = index }
        }
        var used = [Bool](repeating: false, count: symbols.count)
        var found: [FoundCitation] = []
        var inTitle: [FoundCitation] = []

        for t in words {
            let word = tables.typeWords[t.word]
            let after = CitedDate.skip(l, t.end)
            if CitedDate.word(l, "này", at: after) != nil { continue }
            // Link to the symbol that follows: "Nghị định số 09/…", "Luật Đất đai số 31/…",
            // "Luật Cư trú năm 202068/2020/QH14", "Thông tư liên tịch 21/…".
            if let e = t.nameEnd, CitedDate.word(l, "sửa", at: CitedDate.skip(l, t.end)) != nil {
                inTitle.append(contentsOf: titleNames(scan, from: t.end, to: e))
            }
            var q = CitedDate.skip(l, t.nameEnd ?? t.end)
            var nameYear: Int?
            if t.nameEnd != nil, anchors[q] == nil, let (y, e) = CitedDate.year(l, at: q, bare: true) {
                if anchors[e - 4] != nil { q = e - 4 } else { nameYear = y; q = CitedDate.skip(l, e) }
            }
            if let e = CitedDate.word(l, "số", at: q) { q = CitedDate.skip(l, e) }
            if q < l.count && l[q] == 0x3A { q = CitedDate.skip(l, q + 1) }
            if let s = anchors[q], !used[s], compatible(t, symbols[s]) {
                used[s] = true
                if var f = full(symbols[s], scan, typeWord: word.name, start: t.start) {
                    if let e = t.nameEnd, e > t.end || word.name == "Hiến pháp" { f.name = nameText(scan, t.start, e) }
                    found.append(f)
                }
                continue
            }
            if let e = t.nameEnd {
                var f = FoundCitation(start: t.start, end: e, kind: .name)
                f.type = word.name
                f.name = nameText(scan, t.start, e)
                f.year = nameYear
                if nameYear != nil, let (_, ye) = CitedDate.year(l, at: CitedDate.skip(l, e), bare: true) { f.end = ye }
                found.append(f)
                continue
            }
            found.append(contentsOf: partialOrShort(t, word.name, scan))
        }
        for (index, s) in symbols.enumerated() where !used[index] {
            if let f = full(s, scan, typeWord: nil, start: s.start) { found.append(f) }
        }
        found.append(contentsOf: inTitle)
        found.sort { $0.start < $1.start }

        // The document's own number ("Số: 09/2019/NĐ-CP" in the header) is never a citation.
        if let own = ownSymbol { found.removeAll { $0.symbol == own } }
        found = mergeGluedDuplicates(found, scan)
        found = mergeLawNames(found, scan)

        let pinpoints = PinpointParser(lexicon: tables)
        var claimedDates = Set<Int>()
        for index in found.indices {
            // A law named inside an amending law's title has neither pinpoints nor a date of its own.
            if found[index].tags.contains(FoundCitation.inTitle) { found[index].chainStart = found[index].start; continue }
            if let (pins, start) = pinpoints.chain(before: found[index].start, in: scan) {
                found[index].pinpoints = pins
                found[index].chainStart = start
            } else {
                found[index].chainStart = found[index].start
            }
            attachDate(&found[index], scan, claimed: &claimedDates)
        }
        for index in found.indices where found[index].kind == .full && found[index].issued == nil {
            titleDate(&found, index, scan, claimed: claimedDates)
        }
        for index in found.indices where found[index].year == nil {
            if let issued = found[index].issued { found[index].year = Int(issued.prefix(4)) }
        }
        BackReferenceResolver(lexicon: tables).resolve(&found, scan)
        return found
    }

    /// The laws named inside the title of an amending law at `from..<end` ("Luật sửa đổi, bổ sung một số
    /// điều của Luật Thuế thu nhập cá nhân, Luật Thuế giá trị gia tăng và Luật Thuế tiêu thụ đặc biệt",
    /// "Luật sửa đổi Luật Doanh nghiệp"): each is a citation by name of its own, tagged `in_title`, so that
    /// the amending law's edge can point at it. An item starts with a capitalised type word cited by name
    /// after "của", "sửa đổi", "bổ sung", a comma or "và", and runs to the next item; its name may start in
    /// lower case ("Luật khiếu nại").
    func titleNames(_ scan: ScanText, from: Int, to end: Int) -> [FoundCitation] {
        let l = scan.lower, v = scan.view
        var items: [(start: Int, typeEnd: Int, type: String)] = []
        var k = from
        while k < end {
            // Word starts only.
            guard k > 0, l[k - 1] == 0x20 || l[k - 1] == 0x2C, l[k] != 0x20, v[k] != l[k] else { k += 1; continue }
            var matched: (Int, String)?
            for word in tables.typeWords where word.citedByName {
                guard let m = CitedDate.spacedWords(l, word.lower, at: k, before: end) else { continue }
                if (m == l.count || !CitedDate.isLetterByte(l[m])) && (matched == nil || m > matched!.0) { matched = (m, word.name) }
            }
            guard let (typeEnd, type) = matched else { k += 1; continue }
            // The word before: "của", "đổi", "sung", "và" or a comma.
            var p = k
            while p > from && l[p - 1] == 0x20 { p -= 1 }
            var s = p
            while s > from && l[s - 1] != 0x20 && l[s - 1] != 0x2C { s -= 1 }
            let previous = String(decoding: l[s..<p], as: UTF8.self)
            guard (p > from && l[p - 1] == 0x2C) || ["của", "đổi", "sung", "và"].contains(previous) else { k = typeEnd; continue }
            items.append((k, typeEnd, type))
            k = typeEnd
        }
        var result: [FoundCitation] = []
        let names = TypeWordScanner(lexicon: tables)
        for (n, item) in items.enumerated() {
            // Another amending law in the list ("…, Luật sửa đổi, bổ sung một số điều của Luật Y"): it has
            // no citation of its own, and the laws after it are its, not this title's.
            if CitedDate.word(l, "sửa", at: CitedDate.skip(l, item.typeEnd)) != nil { break }
            var e = n + 1 < items.count ? items[n + 1].start : end
            // A plain name ends as a name of its own would ("Luật Phòng cháy và chữa cháy là tổ chức …").
            if let plain = names.nameEnd(after: item.typeEnd, isConstitution: false, scan), plain < e { e = plain }
            // Back over the separator before the next item, and a dangling "năm" before a year.
            while e > item.typeEnd && (l[e - 1] == 0x20 || l[e - 1] == 0x2C) { e -= 1 }
            for word in ["và", "năm"] where e - word.utf8.count > item.typeEnd && Array(l[(e - word.utf8.count)..<e]) == Array(word.utf8)
                && l[e - word.utf8.count - 1] == 0x20 {
                e -= word.utf8.count
                while e > item.typeEnd && (l[e - 1] == 0x20 || l[e - 1] == 0x2C) { e -= 1 }
            }
            guard e > CitedDate.skip(l, item.typeEnd) else { continue }
            var f = FoundCitation(start: item.start, end: e, kind: .name)
            f.type = item.type
            f.name = nameText(scan, item.start, e)
            f.tags = [FoundCitation.inTitle]
            result.append(f)
        }
        return result
    }

    /// A name cited by name goes with a QH/UBTVQH symbol only (laws and ordinances), not with the
    /// circular whose title names the law ("… thi hành Luật Căn cước17/2024/TT-BCA").
    private func compatible(_ t: TypeWordHit, _ s: SymbolHit) -> Bool {
        guard t.nameEnd != nil else { return true }
        guard let first = s.tokens.first else { return false }
        return tables.typeNames[first] == nil || first == "PL"
    }

    private func nameText(_ scan: ScanText, _ s: Int, _ e: Int) -> String {
        var out: [UInt8] = []
        var space = false
        for b in scan.view[s..<e] where b != ScanText.filler {
            if b == 0x20 { space = true; continue }
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A number-and-symbol citation, validated against the dictionaries.
    private func full(_ s: SymbolHit, _ scan: ScanText, typeWord: String?, start: Int) -> FoundCitation? {
        guard let first = s.tokens.first else { return nil }
        var f = FoundCitation(start: start, end: s.end, kind: .full)
        f.symbolStart = s.gluedYearStart ?? s.start
        f.symbol = s.symbol
        f.number = s.number
        f.year = s.year
        if s.party {
            f.type = tables.typeNames[first]
            f.issuers = Array(s.tokens.dropFirst())
            f.tags = ["party"]
        } else if let typeName = tables.typeNames[first] {
            guard s.tokens.count >= 2 || typeWord != nil else { return nil }
            f.type = typeName
            f.issuers = s.tokens.dropFirst().map { stripTerm($0) }
            if first == "CV" { f.tags = ["nonstandard_cv"] }
        } else if tables.isIssuer(first) {
            let issuer = stripTerm(first)
            f.issuers = s.tokens.map { stripTerm($0) }
            // The types an issuer implies are in rules.tsv (issuer_types.*, lone_issuer_types.*).
            if let allowed = tables.issuerTypes[issuer], let fallback = allowed.first {
                f.type = typeWord.flatMap { allowed.contains($0) ? $0 : nil } ?? fallback
            } else if s.tokens.count == 1, let type = tables.loneIssuerTypes[first] {
                f.type = type
            } else {
                f.type = typeWord ?? tables.issuerDefaultType
            }
        } else {
            guard let typeWord else { return nil }
            f.type = typeWord
            f.issuers = s.tokens
        }
        if notCitation(before: typeWord == nil ? (s.gluedYearStart ?? s.start) : start, scan) { return nil }
        return f
    }

    private func stripTerm(_ token: String) -> String {
        // Only a token ending in an ASCII digit can carry a term.
        guard let lastByte = token.utf8.last, lastByte &- 0x30 < 10 else { return token }
        let letters = String(token.reversed().drop { $0.isASCII && $0.isNumber }.reversed())
        return letters != token && tables.termTokens.contains(letters) ? letters : token
    }

    /// "Mẫu số 01/…", "Biểu số …", "TCVN …", "Số hồ sơ …" before `i`.
    private func notCitation(before i: Int, _ scan: ScanText) -> Bool {
        let l = scan.lower
        var k = i
        while k > 0 && (l[k - 1] == 0x20 || l[k - 1] == 0x3A) {
            if scan.original[k - 1] == 0x0A { return false }  // a cue on the line before does not count
            k -= 1
        }
        for cue in tables.notCitationCues where cue.count <= k {
            var match = true
            for m in 0..<cue.count where l[k - cue.count + m] != cue[m] { match = false; break }
            if match && (k - cue.count == 0 || !CitedDate.isLetterByte(l[k - cue.count - 1])) { return true }
        }
        return false
    }

    /// "Nghị quyết số 01 năm 2020, năm 2021" (two partial citations), "Thông tư liên tịch số
    /// 06/2018", "Nghị quyết nêu trên", "Thông tư số 01 nói trên" (back-references).
    private func partialOrShort(_ t: TypeWordHit, _ type: String, _ scan: ScanText) -> [FoundCitation] {
        let l = scan.lower
        var k = CitedDate.skip(l, t.end)
        var number: String?
        var yearFromSlash: Int?
        if let e = CitedDate.word(l, "số", at: k) {
            let q = CitedDate.skip(l, e)
            var m = q
            while m < l.count && l[m] &- 0x30 < 10 && m - q < 5 { m += 1 }
            guard m > q, m == l.count || !CitedDate.isLetterByte(l[m]) else { return [] }
            number = String(decoding: l[q..<m], as: UTF8.self)
            k = m
            if k < l.count && l[k] == 0x2F, let (y, e) = CitedDate.number(l, k + 1, maxDigits: 4, exact: true), y >= 1945 {
                if e < l.count && (l[e] == 0x2F || CitedDate.isLetterByte(l[e])) { return [] }
                yearFromSlash = y
                k = e
            } else if k < l.count && (l[k] == 0x2F || l[k] == 0x2D) { return [] }
        }
        let after = CitedDate.skip(l, k)
        for phrase in tables.backReferences where after + phrase.count <= l.count && Array(l[after..<after + phrase.count]) == phrase {
            if after + phrase.count < l.count && CitedDate.isLetterByte(l[after + phrase.count]) { continue }
            var f = FoundCitation(start: t.start, end: after + phrase.count, kind: .short)
            f.type = type
            f.number = number
            return [f]
        }
        guard let number else { return [] }
        var first = FoundCitation(start: t.start, end: k, kind: .partial)
        first.type = type
        first.number = number
        first.year = yearFromSlash
        guard yearFromSlash == nil, let (y, e) = CitedDate.year(l, at: after) else { return [first] }
        first.year = y
        first.end = e
        var result = [first]
        var m = e
        while true {
            var q = CitedDate.skip(l, m)
            guard q < l.count, l[q] == 0x2C || CitedDate.word(l, "và", at: q) != nil else { break }
            q = CitedDate.skip(l, l[q] == 0x2C ? q + 1 : q + 3)
            guard let (y2, e2) = CitedDate.year(l, at: q) else { break }
            var next = FoundCitation(start: q, end: e2, kind: .partial)
            next.type = type
            next.number = number
            next.year = y2
            result.append(next)
            m = e2
        }
        return result
    }

    /// "08/2022/NĐ-CP08/2022/NĐ-CP" (two glued table cells) is one citation.
    private func mergeGluedDuplicates(_ found: [FoundCitation], _ scan: ScanText) -> [FoundCitation] {
        var result: [FoundCitation] = []
        for f in found {
            if var last = result.last, last.symbol != nil, last.symbol == f.symbol, f.start >= last.end, f.start - last.end <= 1 {
                last.end = f.end
                if last.name == nil { last.name = f.name }
                result[result.count - 1] = last
                continue
            }
            result.append(f)
        }
        return result
    }

    /// "Luật số 57/2020/QH14 Luật Thanh niên": the name right after a law's number names that law.
    private func mergeLawNames(_ found: [FoundCitation], _ scan: ScanText) -> [FoundCitation] {
        var result: [FoundCitation] = []
        for f in found {
            if f.kind == .name, var last = result.last, last.kind == .full, last.name == nil, last.issuers.first == "QH",
               f.start >= last.end, scan.view[last.end..<f.start].allSatisfy({ $0 == 0x20 }) {
                last.name = f.name
                last.end = f.end
                result[result.count - 1] = last
                continue
            }
            // Two glued table cells, the name and then the number: "Luật Các tổ chức tín dụngLuật số 32/2024/QH15".
            if f.kind == .full, f.name == nil, let last = result.last, last.kind == .name, last.type == f.type, f.start == last.end,
               !last.tags.contains(FoundCitation.inTitle) {
                var merged = f
                merged.start = last.start
                merged.chainStart = last.chainStart
                merged.name = last.name
                result[result.count - 1] = merged
                continue
            }
            result.append(f)
        }
        return result
    }

    /// "ngày 24/01/2019" or "ngày 24 tháng 01 năm 2019" right after the citation.
    private func attachDate(_ f: inout FoundCitation, _ scan: ScanText, claimed: inout Set<Int>) {
        let l = scan.lower
        var k = CitedDate.skip(l, f.end)
        if k < l.count && l[k] == 0x2C { k = CitedDate.skip(l, k + 1) }
        if let (date, end) = CitedDate.date(l, at: k) {
            f.issued = date.iso
            f.dateEnd = end
            if f.year == nil && f.kind != .full { f.year = date.year }
            // A date after a name inside a title may be the title's document's date too.
            if f.kind != .name { claimed.insert(k) }
        } else if f.kind == .name, f.year == nil, let (y, _) = CitedDate.year(l, at: k) {
            f.year = y
        }
    }

    /// A citation followed by its title takes the first unclaimed "ngày … của …" of its clause
    /// ("Thông tư số 27/2015/TT-NHNN Hướng dẫn … ngày 15/12/2015 của Ngân hàng Nhà nước").
    private func titleDate(_ found: inout [FoundCitation], _ index: Int, _ scan: ScanText, claimed: Set<Int>) {
        let l = scan.lower
        let limit = min(l.count, found[index].end + tables.titleDateReach)
        var k = found[index].end
        while k < limit {
            // Only a '.' or an 'n' can end the walk or start a date ("ngày"): the bytes between are
            // skipped eight at a time.
            k = l.withUnsafeBufferPointer { ByteSearch.next(0x2E, or: 0x6E, UnsafeBufferPointer(rebasing: $0[..<limit]), from: k) }
            guard k < limit else { return }
            let b = l[k]
            // A sentence ends at ". " before a capital ("… hình sự. ngày 07/03/2018 của …" goes on).
            if b == 0x2E && (k + 1 == l.count || (l[k + 1] == 0x20 && k + 2 < l.count && scan.view[k + 2] != l[k + 2])) { return }
            if b == 0x6E, k > 0, l[k - 1] == 0x20, !claimed.contains(k), let (date, end) = CitedDate.date(l, at: k),
               CitedDate.word(l, "của", at: CitedDate.skip(l, end)) != nil {
                if found.contains(where: { $0.start < k && k < $0.end }) { return }
                found[index].issued = date.iso
                found[index].dateEnd = end
                return
            }
            k += 1
        }
    }
}

/// A citation while the extractor assembles it (byte offsets into the normalised text).
struct FoundCitation {
    var start: Int
    var end: Int
    var kind: Citation.Kind
    var chainStart = 0
    var dateEnd: Int?
    /// Where the number of the symbol starts (nil for citations by name).
    var symbolStart: Int?
    var symbol: String?
    var type: String?
    var number: String?
    var year: Int?
    var issuers: [String] = []
    var issued: String?
    var name: String?
    var pinpoints: [Pinpoint] = []
    var resolvesTo: Int?
    var tags: [String] = []

    /// The tag of a law named inside the title of an amending law ("… của Luật A, Luật B").
    static let inTitle = "in_title"

    init(start: Int, end: Int, kind: Citation.Kind) {
        self.start = start; self.end = end; self.kind = kind
    }
}
