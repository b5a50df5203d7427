import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Types the edge to each citation from the cues of `relation-cues.tsv` (legal-conventions §4):
///
/// - every citation of a "Căn cứ …" paragraph is `basis` (several per paragraph; the paragraph may
///   wrap over lines until ';' or '.'), of a "Thực hiện …" paragraph `implements`;
/// - history statements between two citations ("X được sửa đổi, bổ sung bởi Y", "X có nội dung bị
///   bãi bỏ bởi Điều 1 Y") give Y → X edges, and Y is not acted on by the document itself;
/// - a cue before a citation in its clause ("Bãi bỏ Điều 3 Thông tư số …", "… thay thế Quyết định số
///   …") types the edge from the document, and a list ("… X và Y") shares it; when another citation
///   opens the clause the cue is that citation's title ("Thông tư X sửa đổi … Thông tư Y": X → Y);
/// - a cue after the clause's first citation ("X … hết hiệu lực") types its edge;
/// - anything else is `refers`. Every citation is the `to` of at least one relation.
struct RelationResolver {
    let lexicon: CitationLexicon

    private struct Scope { var range: Range<Int>; var type: Relation.RelationType }

    func relations(_ found: [FoundCitation], scan: ScanText, bytes: [UInt8], text: NormalizedText) -> [Relation] {
        let count = found.count
        guard count > 0 else { return [] }
        let l = scan.lower
        let index = CueIndex(l, lexicon: lexicon)
        let scopes = paragraphScopes(scan, bytes, index)
        var selfType = [Relation.RelationType?](repeating: nil, count: count)
        var evidence = found.map { $0.start..<($0.dateEnd ?? $0.end) }
        var cueBased = [Bool](repeating: false, count: count)
        var historyTarget = [Int?](repeating: nil, count: count)
        var historyTypes = [[Relation.RelationType]](repeating: [], count: count)
        var extra: [Relation] = []
        let clauseStarts = found.map { clauseStart($0.chainStart, scan, bytes) }
        var cursor = text.cursor()

        var scopeIndex = 0
        for i in 0..<count {
            let f = found[i]
            while scopeIndex < scopes.count && scopes[scopeIndex].range.upperBound <= f.start { scopeIndex += 1 }
            if scopeIndex < scopes.count && scopes[scopeIndex].range.contains(f.start) {
                selfType[i] = scopes[scopeIndex].type
                evidence[i] = scopes[scopeIndex].range.lowerBound..<(f.dateEnd ?? f.end)
            }
            guard i > 0 else { continue }
            let p = i - 1
            let gap = found[p].end..<max(found[p].end, f.chainStart)
            guard clauseStarts[i] <= found[p].start || clauseStarts[i] == clauseStarts[p] else { continue }
            let historyCues = index.cues(in: gap).filter { $0.cue.history }
            if !historyCues.isEmpty, endsWithHistoryLink(gap, l) {
                historyTarget[i] = historyTarget[p] ?? p
                var types: [Relation.RelationType] = []
                for c in historyCues { if let r = c.cue.relation, !types.contains(r) { types.append(r) } }
                historyTypes[i] = types
            } else if historyTarget[p] != nil, isListGap(gap, l, index) {
                historyTarget[i] = historyTarget[p]
                historyTypes[i] = historyTypes[p]
            }
        }

        for i in 0..<count where selfType[i] == nil && historyTarget[i] == nil {
            let f = found[i]
            let window = clauseStarts[i]..<f.chainStart
            if let last = index.cues(in: window).last(where: { c in
                !c.cue.history && c.cue.position != "after" && c.cue.position != "line_start" && c.cue.relation != .publishes
            }) {
                let weak = last.cue.relation == .implements || last.cue.relation == .refers
                let between = (i > 0 && found[i - 1].start >= last.range.upperBound) || (weak && f.chainStart - last.range.upperBound > 40)
                if !between {
                    guard let relation = last.cue.relation else { continue }
                    var opener: Int?
                    var j = i - 1
                    while j >= 0 && found[j].start >= clauseStarts[i] {
                        if found[j].end <= last.range.lowerBound { opener = j; break }
                        j -= 1
                    }
                    if let opener {
                        if ![.implements, .refers, .basis].contains(relation) {
                            extra.append(Relation(from: opener, to: i, type: relation, source: cursor.sourceRange(ofBytes: found[opener].start..<f.end)))
                        }
                        continue
                    }
                    selfType[i] = relation
                    cueBased[i] = true
                    evidence[i] = last.range.lowerBound..<(f.dateEnd ?? f.end)
                    continue
                }
            }
            if i > 0, cueBased[i - 1], clauseStarts[i] == clauseStarts[i - 1] || clauseStarts[i] <= found[i - 1].start,
               isListGap(found[i - 1].end..<max(found[i - 1].end, f.chainStart), l, index) {
                selfType[i] = selfType[i - 1]
                cueBased[i] = true
                evidence[i] = evidence[i - 1].lowerBound..<(f.dateEnd ?? f.end)
            }
        }

        // "X … hết hiệu lực": the first citation of the clause.
        for i in 0..<count where i == 0 || clauseStarts[i] != clauseStarts[i - 1] {
            guard historyTarget[i] == nil, selfType[i] == nil || selfType[i] == .refers else { continue }
            let end = clauseEnd(found[i].end, scan, bytes)
            if let cue = index.cues(in: found[i].end..<end).first(where: { $0.cue.position == "after" && !$0.cue.history && $0.cue.relation != nil }) {
                selfType[i] = cue.cue.relation
                evidence[i] = found[i].start..<cue.range.upperBound
            }
        }

        var relations: [Relation] = []
        relations.reserveCapacity(count + extra.count)
        for i in 0..<count {
            if let target = historyTarget[i] {
                for type in historyTypes[i] {
                    relations.append(Relation(from: i, to: target, type: type, source: cursor.sourceRange(ofBytes: found[target].start..<found[i].end)))
                }
            }
            relations.append(Relation(from: nil, to: i, type: selfType[i] ?? .refers, source: cursor.sourceRange(ofBytes: evidence[i])))
        }
        relations.append(contentsOf: extra)
        return relations
    }

    // MARK: Clauses and cues

    private func isBoundary(_ v: [UInt8], _ k: Int) -> Bool {
        let b = v[k]
        return b == 0x3B || b == 0x3A || (b == 0x2E && (k + 1 == v.count || v[k + 1] == 0x20))
    }

    /// A line break before a bullet ("- ", "+ ") or a numbered item ("2. ", "b) ") ends a clause too.
    private func isLineBoundary(_ bytes: [UInt8], _ k: Int) -> Bool {
        guard bytes[k] == 0x0A else { return false }
        var m = k + 1
        while m < bytes.count && (bytes[m] == 0x20 || bytes[m] == 0x09) { m += 1 }
        guard m < bytes.count else { return true }
        let b = bytes[m]
        if b == 0x2D || b == 0x2B { return true }
        var e = m
        while e < bytes.count && e - m < 3 && ((bytes[e] &- 0x30 < 10) || (bytes[e] >= 0x61 && bytes[e] <= 0x7A)) { e += 1 }
        return e > m && e < bytes.count && (bytes[e] == 0x2E || bytes[e] == 0x29)
    }

    private func clauseStart(_ i: Int, _ scan: ScanText, _ bytes: [UInt8]) -> Int {
        var k = i
        let limit = max(0, i - 600)
        while k > limit && !isBoundary(scan.view, k - 1) && !isLineBoundary(bytes, k - 1) { k -= 1 }
        return k
    }

    private func clauseEnd(_ i: Int, _ scan: ScanText, _ bytes: [UInt8]) -> Int {
        var k = i
        let limit = min(scan.view.count, i + 2000)
        while k < limit && !isBoundary(scan.view, k) && !isLineBoundary(bytes, k) { k += 1 }
        return k
    }

    private func matches(_ l: [UInt8], _ i: Int, _ bytes: [UInt8]) -> Bool {
        guard i + bytes.count <= l.count else { return false }
        for k in 0..<bytes.count where l[i + k] != bytes[k] { return false }
        return true
    }

    /// The gap ends with "bởi", "theo" or "tại".
    private func endsWithHistoryLink(_ gap: Range<Int>, _ l: [UInt8]) -> Bool {
        var e = gap.upperBound
        while e > gap.lowerBound && l[e - 1] == 0x20 { e -= 1 }
        var s = e
        while s > gap.lowerBound && l[s - 1] != 0x20 { s -= 1 }
        return lexicon.historyLinks.contains(Array(l[s..<e]))
    }

    /// Nothing but a date, an issuer and a list separator between two citations ("…, Luật số …",
    /// "… ngày 12/6/2025 của Quốc hội và Luật số …").
    private func isListGap(_ gap: Range<Int>, _ l: [UInt8], _ index: CueIndex) -> Bool {
        var e = gap.upperBound
        while e > gap.lowerBound && l[e - 1] == 0x20 { e -= 1 }
        guard e > gap.lowerBound else { return true }
        if gap.count > lexicon.listGap || !index.cues(in: gap).filter({ $0.cue.relation != nil }).isEmpty { return false }
        if l[e - 1] == 0x2C { return true }
        return e - gap.lowerBound >= 3 && Array(l[(e - 3)..<e]) == Array("và".utf8)
            && (e - 3 == gap.lowerBound || l[e - 4] == 0x20)
    }

    /// Paragraphs opened by the scope openers of `rules.tsv`: "Căn cứ …" at a line start or inline,
    /// "Thực hiện …" at a line start only.
    private func paragraphScopes(_ scan: ScanText, _ bytes: [UInt8], _ index: CueIndex) -> [Scope] {
        let l = scan.lower
        let n = l.count
        let lineCues = lexicon.cues.filter { $0.position == "line_start" }
        var scopes: [Scope] = []
        let heads = lexicon.scopeOpeners.filter { $0.bytes.count >= 2 }
        guard !heads.isEmpty else { return [] }
        // The openers' first two bytes ("că", "th"); two first bytes or fewer take the word-at-a-time search.
        // A table of all 65,536 byte pairs: a lookup per candidate byte, not a hash.
        var pairs = [Bool](repeating: false, count: 1 << 16)
        for head in heads { pairs[Int(head.bytes[0]) << 8 | Int(head.bytes[1])] = true }
        let firsts = Array(Set(heads.map { $0.bytes[0] })).sorted()
        var lead = [Bool](repeating: false, count: 256)
        for b in firsts { lead[Int(b)] = true }
        var i = 0
        while i < n {
            // Jump to the next opener's first two bytes.
            i = l.withUnsafeBufferPointer { p in
                var k = i
                while true {
                    if firsts.count <= 2 {
                        k = ByteSearch.next(firsts[0], or: firsts[firsts.count - 1], p, from: k)
                    } else {
                        while k < n && !lead[Int(p[k])] { k += 1 }
                    }
                    guard k + 1 < n else { return n }
                    if pairs[Int(p[k]) << 8 | Int(p[k + 1])] { return k }
                    k += 1
                }
            }
            guard i < n else { break }
            guard i == 0 || !CitedDate.isLetterByte(l[i - 1]) else { i += 1; continue }
            guard let opener = heads.first(where: { matches(l, i, $0.bytes) }) else { i += 1; continue }
            let head = opener.bytes, type = opener.relation
            let headEnd = i + head.count
            if headEnd < n && CitedDate.isLetterByte(l[headEnd]) { i += 1; continue }
            if let cue = index.cue(at: i, limit: min(n, i + 60)), cue.relation == nil { i = headEnd; continue }
            var k = i
            while k > 0 && (bytes[k - 1] == 0x20 || bytes[k - 1] == 0x09 || bytes[k - 1] == 0x2D || bytes[k - 1] == 0x2B) { k -= 1 }
            let lineStart = k == 0 || bytes[k - 1] == 0x0A || bytes[k - 1] == 0x0D
            if !lineStart && opener.lineStartOnly { i = headEnd; continue }
            // "Thực hiện Quyết định …", not "Thực hiện số hóa hồ sơ …".
            if opener.lineStartOnly {
                let next = CitedDate.skip(l, headEnd)
                guard next < n, ScanText.isUpperScalar(scan.view.withUnsafeBufferPointer { decodeScalar($0, next).0 }) else { i = headEnd; continue }
            }
            var end = headEnd
            let limit = min(n, i + lexicon.scopeLength)
            while end < limit {
                let c = bytes[end]
                if c == 0x3B, heads.contains(where: { matches(l, CitedDate.skip(l, end + 1), $0.bytes) }) { break }
                if c == 0x3B || c == 0x2E || c == 0x3A {
                    if !lineStart { if c == 0x3B || end + 1 == n || bytes[end + 1] == 0x20 || bytes[end + 1] == 0x0A { break } }
                    var m = end + 1
                    while m < n && (bytes[m] == 0x20 || bytes[m] == 0x0D || bytes[m] == 0x09) { m += 1 }
                    if m == n || bytes[m] == 0x0A { break }
                } else if c == 0x0A {
                    var m = end + 1
                    while m < n && (bytes[m] == 0x20 || bytes[m] == 0x09 || bytes[m] == 0x0D) { m += 1 }
                    if m == n || bytes[m] == 0x0A { break }
                    if lineCues.contains(where: { matches(l, m, $0.bytes) }) { break }
                }
                end += 1
            }
            scopes.append(Scope(range: i..<end, type: type))
            i = max(end, headEnd)
        }
        return scopes
    }
}
