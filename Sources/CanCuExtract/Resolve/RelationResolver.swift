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

    /// The relations of `found`; `cues`, when given, is the cue index of `scan.lower` (already built).
    func relations(_ found: [FoundCitation], scan: ScanText, bytes: [UInt8], text: NormalizedText, cues: CueIndex? = nil) -> [Relation] {
        // Laws named inside an amending law's title are amended by it, and take no part in the cues,
        // lists and clauses of the other citations.
        let titled = found.indices.filter { found[$0].tags.contains(FoundCitation.inTitle) }
        if !titled.isEmpty {
            let main = found.indices.filter { !found[$0].tags.contains(FoundCitation.inTitle) }
            var relations = relations(main.map { found[$0] }, scan: scan, bytes: bytes, text: text, cues: cues).map { r in
                Relation(from: r.from.map { main[$0] }, to: main[r.to], type: r.type, source: r.source)
            }
            for j in titled {
                guard let owner = main.last(where: { found[$0].start <= found[j].start && found[j].end <= found[$0].end }) else {
                    relations.append(Relation(from: nil, to: j, type: .refers, source: text.sourceRange(ofBytes: found[j].start..<found[j].end)))
                    continue
                }
                relations.append(Relation(from: owner, to: j, type: .amends, source: text.sourceRange(ofBytes: found[owner].start..<found[owner].end)))
            }
            return relations
        }
        let count = found.count
        guard count > 0 else { return [] }
        let l = scan.lower
        let index = cues ?? CueIndex(l, lexicon: lexicon)
        let scopes = paragraphScopes(scan, bytes, index)
        var selfType = [Relation.RelationType?](repeating: nil, count: count)
        var evidence = found.map { $0.start..<($0.dateEnd ?? $0.end) }
        var cueBased = [Bool](repeating: false, count: count)
        var historyTarget = [Int?](repeating: nil, count: count)
        var historyTypes = [[Relation.RelationType]](repeating: [], count: count)
        var extra: [Relation] = []
        /// The title edge a citation is the target of ("A sửa đổi … X": X ← A), by citation.
        var titleEdge = [(from: Int, type: Relation.RelationType)?](repeating: nil, count: count)
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
            // "X … được sửa đổi, bổ sung bởi: Y": the colon ends the clause, the history phrase goes on.
            guard clauseStarts[i] <= found[p].start || clauseStarts[i] == clauseStarts[p] || endsWithColon(gap, l) else { continue }
            let historyCues = index.cues(in: gap).filter { $0.cue.history }
            if !historyCues.isEmpty, endsWithHistoryLink(gap, l) {
                historyTarget[i] = historyTarget[p] ?? p
                // A document cannot change one of a higher rank: "Nghị định A … thi hành Luật X được sửa
                // đổi, bổ sung bởi Nghị định B" — B amends A, the law is only named in A's title.
                if let t = historyTarget[i], let acting = found[i].type.flatMap({ lexicon.typeRanks[$0] }),
                   let changed = found[t].type.flatMap({ lexicon.typeRanks[$0] }), changed < acting {
                    var j = t - 1
                    while j >= 0 && found[j].start >= clauseStarts[t] {
                        if let r = found[j].type.flatMap({ lexicon.typeRanks[$0] }), r >= acting { historyTarget[i] = j; break }
                        j -= 1
                    }
                }
                var types: [Relation.RelationType] = []
                for c in historyCues { if let r = c.cue.relation, !types.contains(r) { types.append(r) } }
                historyTypes[i] = types
            } else if historyTarget[p] != nil, isListGap(gap, l, index) {
                historyTarget[i] = historyTarget[p]
                historyTypes[i] = historyTypes[p]
            }
        }

        // A history list after a colon, one item a line ("X … được sửa đổi, bổ sung bởi:\nA …;\nB …."):
        // the first citation of every item acts on X, to the item that ends with '.'.
        for h in 0..<count {
            guard h > 0, let x = historyTarget[h], endsWithColon(found[h - 1].end..<found[h].chainStart, l) else { continue }
            var j = h + 1
            var k = found[h].end
            while j < count && found[j].start - found[h].end < 4 * lexicon.scopeLength {
                // The list ends at a line that ends with '.'.
                var listEnd = false
                while k < found[j].start {
                    if bytes[k] == 0x0A, lineEndsWith(0x2E, before: k, bytes) { listEnd = true; break }
                    k += 1
                }
                if listEnd { break }
                if historyTarget[j] == nil, opensItem(found[j].chainStart, bytes) {
                    historyTarget[j] = x
                    historyTypes[j] = historyTypes[h]
                }
                j += 1
            }
        }

        // In a scope ("Căn cứ …"): a cue between two citations of one clause is the first one's
        // title ("Căn cứ Luật X sửa đổi, bổ sung một số điều của Luật Y": X amends Y); the scope's
        // relation stays the document's own.
        for i in 1..<max(1, count) where selfType[i] != nil && historyTarget[i] == nil {
            let f = found[i], p = i - 1
            guard found[p].start >= clauseStarts[i], selfType[p] != nil,
                  found[p].tags.contains("party") == f.tags.contains("party") else { continue }
            guard let last = index.cues(in: found[p].end..<f.chainStart).last(where: { c in
                !c.cue.history && c.cue.position != "after" && c.cue.position != "line_start" && c.cue.position != "row"
            }), let relation = last.cue.relation, ![.implements, .refers, .basis, .publishes].contains(relation) else { continue }
            extra.append(Relation(from: p, to: i, type: relation, source: cursor.sourceRange(ofBytes: found[p].start..<f.end)))
            titleEdge[i] = (p, relation)
        }

        for i in 0..<count where selfType[i] == nil && historyTarget[i] == nil {
            let f = found[i]
            let window = clauseStarts[i]..<f.chainStart
            if let last = index.cues(in: window).last(where: { c in
                !c.cue.history && c.cue.position != "after" && c.cue.position != "line_start" && c.cue.position != "row" && c.cue.relation != .publishes
            }) {
                let weak = last.cue.relation == .implements || last.cue.relation == .refers
                let between = (i > 0 && found[i - 1].start >= last.range.upperBound)
                    || (weak && f.chainStart - last.range.upperBound > 40 && !onlyPinpointWords(last.range.upperBound..<f.chainStart, l))
                if !between {
                    guard let relation = last.cue.relation else { continue }
                    var opener: Int?
                    var j = i - 1
                    while j >= 0 && found[j].start >= clauseStarts[i] {
                        if found[j].end <= last.range.lowerBound { opener = j; break }
                        j -= 1
                    }
                    // The same document named again ("Thay thế một số biểu mẫu … Nghị định số A … Thay thế
                    // Mẫu số 02 … Nghị định số A"): the cue is the document's own act on it, not A's title.
                    if let o = opener, let a = found[o].symbol, a == f.symbol { opener = nil }
                    if let opener {
                        // A state document does not change a party document, nor the other way round
                        // ("Nghị quyết số 71/NQ-CP … sửa đổi, bổ sung cập nhật Chương trình hành động … thực hiện
                        // Nghị quyết số 57-NQ/TW": the programme is amended, the party resolution implemented).
                        if found[opener].tags.contains("party") != f.tags.contains("party") { continue }
                        if ![.implements, .refers, .basis].contains(relation) {
                            extra.append(Relation(from: opener, to: i, type: relation, source: cursor.sourceRange(ofBytes: found[opener].start..<f.end)))
                            titleEdge[i] = (opener, relation)
                            continue
                        }
                        // A weak cue in the opener's title ("… về việc hướng dẫn … và Quyết định số Y"):
                        // Y may still be the next item of the opener's list (below).
                    } else {
                        selfType[i] = relation
                        cueBased[i] = true
                        evidence[i] = last.range.lowerBound..<(f.dateEnd ?? f.end)
                        continue
                    }
                }
            }
            // "thay thế Quyết định số A … về việc hướng dẫn … và Quyết định số B": the cue is shared along the
            // list; a cue in the gap was weighed above (the previous citation's title), so it does not end the list.
            if i > 0, cueBased[i - 1], clauseStarts[i] == clauseStarts[i - 1] || clauseStarts[i] <= found[i - 1].start,
               isListGap(found[i - 1].end..<max(found[i - 1].end, f.chainStart), l, index, ignoringCues: true) {
                selfType[i] = selfType[i - 1]
                cueBased[i] = true
                evidence[i] = evidence[i - 1].lowerBound..<(f.dateEnd ?? f.end)
            }
        }

        // A list inside a title: "A sửa đổi, bổ sung một số điều của X … và Y" gives A → Y as A → X. A list
        // item with a title act of its own ("đính chính A sửa đổi … X … và B sửa đổi … Z") is the next
        // document the self act is on, not one more of A's title.
        let openers = Set(extra.compactMap(\.from))
        for i in 1..<max(1, count) where historyTarget[i] == nil && titleEdge[i] == nil && !cueBased[i] {
            let p = i - 1
            guard let (o, type) = titleEdge[p], clauseStarts[i] == clauseStarts[p] || clauseStarts[i] <= found[p].start,
                  endsWithListSeparator(found[p].end..<max(found[p].end, found[i].chainStart), l, limit: 2 * lexicon.listGap) else { continue }
            if openers.contains(i) {
                if cueBased[o], selfType[i] == nil, let t = selfType[o] {
                    selfType[i] = t
                    cueBased[i] = true
                    evidence[i] = evidence[o].lowerBound..<(found[i].dateEnd ?? found[i].end)
                }
                continue
            }
            extra.append(Relation(from: o, to: i, type: type, source: cursor.sourceRange(ofBytes: found[o].start..<found[i].end)))
            titleEdge[i] = (o, type)
        }

        // "X … hết hiệu lực": the first citation of the clause, and the documents listed with it ("X … và Y
        // … hết hiệu lực"): a citation after a comma or "và" that has its own date, or right after X. A
        // document of a title ("Y … sửa đổi … Z") or of a history phrase ("X đã được sửa đổi theo Y") is none.
        for i in 0..<count where i == 0 || clauseStarts[i] != clauseStarts[i - 1] {
            guard historyTarget[i] == nil, selfType[i] == nil || selfType[i] == .refers else { continue }
            let end = clauseEnd(found[i].end, scan, bytes)
            if let cue = index.cues(in: found[i].end..<end).first(where: { $0.cue.position == "after" && !$0.cue.history && $0.cue.relation != nil }) {
                selfType[i] = cue.cue.relation
                evidence[i] = found[i].start..<cue.range.upperBound
                var p = i
                var j = i + 1
                while j < count && clauseStarts[j] == clauseStarts[i] && found[j].end <= cue.range.lowerBound {
                    defer { p = j; j += 1 }
                    guard historyTarget[j] == nil, titleEdge[j] == nil, selfType[j] == nil || selfType[j] == .refers else { continue }
                    let gap = (found[p].dateEnd ?? found[p].end)..<max(found[p].dateEnd ?? found[p].end, found[j].chainStart)
                    guard endsWithListSeparator(gap, l, limit: lexicon.scopeLength) else { continue }
                    guard found[j].dateEnd != nil || (p == i && endsWithListSeparator(gap, l, limit: 6)) else { continue }
                    selfType[j] = cue.cue.relation
                    evidence[j] = found[j].start..<cue.range.upperBound
                }
            }
        }

        // A table row whose cell names the document that changes the row's own ("3. | Nghị định | Số
        // 31/2015/NĐ-CP | … | Văn bản sửa đổi, bổ sung, thay thế, bãi bỏ một phần: Nghị định số 140/2018/NĐ-CP …"):
        // a `row` cue of `relation-cues.tsv` right before a citation A; the row's document is the first
        // citation after the row's number (a line holding only "3." or "3").
        for i in 0..<count where historyTarget[i] == nil {
            let at = found[i].chainStart
            guard let cue = index.cues(in: max(0, at - 160)..<at).last(where: { $0.cue.position == "row" }), let type = cue.cue.relation else { continue }
            var k = cue.range.upperBound
            while k < at && (l[k] == 0x20 || l[k] == 0x3A) { k += 1 }
            guard k == at, let row = rowStart(before: cue.range.lowerBound, bytes),
                  let x = found[..<i].firstIndex(where: { $0.start >= row && $0.start < cue.range.lowerBound }),
                  found[x].symbol == nil || found[x].symbol != found[i].symbol else { continue }
            extra.append(Relation(from: i, to: x, type: type, source: cursor.sourceRange(ofBytes: found[x].start..<found[i].end)))
        }

        // "Bãi bỏ các văn bản sau đây:" and its numbered lines or table rows: the first citation of each item.
        let lists = listScopes(scan, bytes, index, found)
        var listIndex = 0
        var typedItem = -1
        for i in 0..<count {
            let at = found[i].start
            while listIndex < lists.count && lists[listIndex].range.upperBound <= at { listIndex += 1 }
            guard listIndex < lists.count, lists[listIndex].range.contains(at) else { continue }
            let list = lists[listIndex]
            // The item holding the citation: the last item start at or before it.
            var lo = 0, hi = list.items.count
            while lo < hi { let mid = (lo + hi) / 2; if list.items[mid] <= at { lo = mid + 1 } else { hi = mid } }
            guard lo > 0 else { continue }
            let item = list.items[lo - 1]
            guard item != typedItem else { continue }
            typedItem = item
            guard historyTarget[i] == nil, selfType[i] == nil || selfType[i] == .refers else { continue }
            selfType[i] = list.type
            evidence[i] = list.cue.lowerBound..<(found[i].dateEnd ?? found[i].end)
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

    /// Only pinpoint words between a cue and a citation ("quy định chi tiết khoản 3 Điều 12, Điều 15 và
    /// khoản 2 Điều 20 của …"): units, joiners and links of `citation-words.tsv`, numbers and point letters.
    private func onlyPinpointWords(_ gap: Range<Int>, _ l: [UInt8]) -> Bool {
        var k = gap.lowerBound
        while k < gap.upperBound {
            while k < gap.upperBound && (l[k] == 0x20 || l[k] == 0x2C) { k += 1 }
            guard k < gap.upperBound else { break }
            var e = k
            while e < gap.upperBound && l[e] != 0x20 && l[e] != 0x2C { e += 1 }
            let w = Array(l[k..<e])
            let short = w.count <= 3 && w.allSatisfy { ($0 &- 0x30 < 10) || ($0 >= 0x61 && $0 <= 0x7A) || $0 >= 0x80 }
            let digits = w.allSatisfy { $0 &- 0x30 < 10 }
            guard short || digits || lexicon.pinpointUnits[w] != nil || lexicon.pinpointJoiners.contains(w)
                    || lexicon.pinpointLinks.contains(w) || lexicon.pinpointRanges.contains(w) else { return false }
            k = e
        }
        return true
    }

    /// The gap, at most `limit` bytes, ends with a comma or "và" (an item of a list follows).
    private func endsWithListSeparator(_ gap: Range<Int>, _ l: [UInt8], limit: Int) -> Bool {
        guard gap.count <= limit else { return false }
        var e = gap.upperBound
        while e > gap.lowerBound && l[e - 1] == 0x20 { e -= 1 }
        guard e > gap.lowerBound else { return false }
        if l[e - 1] == 0x2C { return true }
        return e - gap.lowerBound >= 3 && Array(l[(e - 3)..<e]) == Array("và".utf8) && (e - 3 == gap.lowerBound || l[e - 4] == 0x20)
    }

    /// The start of the table row holding `k`: the end of the nearest line above it (within 3000 bytes)
    /// that holds only a row number ("3." or "3"); nil when there is none.
    private func rowStart(before k: Int, _ bytes: [UInt8]) -> Int? {
        var e = k
        while e > 0 && bytes[e - 1] != 0x0A { e -= 1 }
        while e > 0 && k - e < 3000 {
            // The line ending at e - 1.
            let lineEnd = e - 1
            var s = lineEnd
            while s > 0 && bytes[s - 1] != 0x0A { s -= 1 }
            var a = s, b = lineEnd
            while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09 || bytes[a] == 0x0D) { a += 1 }
            while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 || bytes[b - 1] == 0x0D) { b -= 1 }
            if b > a && bytes[b - 1] == 0x2E { b -= 1 }
            if b > a && b - a <= 4 && bytes[a..<b].allSatisfy({ $0 &- 0x30 < 10 }) { return lineEnd }
            e = s
        }
        return nil
    }

    /// The gap ends with ':' (spaces after it).
    private func endsWithColon(_ gap: Range<Int>, _ l: [UInt8]) -> Bool {
        var e = gap.upperBound
        while e > gap.lowerBound && l[e - 1] == 0x20 { e -= 1 }
        return e > gap.lowerBound && l[e - 1] == 0x3A
    }

    /// The line ending at the line break `k` ends with `b` (spaces and carriage returns after it).
    private func lineEndsWith(_ b: UInt8, before k: Int, _ bytes: [UInt8]) -> Bool {
        var e = k
        while e > 0 && (bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 || bytes[e - 1] == 0x0D) { e -= 1 }
        return e > 0 && bytes[e - 1] == b
    }

    /// `k` opens an item of a list a line: only spaces before it on its line, and the line before ends
    /// with ';' or ':'.
    private func opensItem(_ k: Int, _ bytes: [UInt8]) -> Bool {
        var s = k
        while s > 0 && (bytes[s - 1] == 0x20 || bytes[s - 1] == 0x09) { s -= 1 }
        guard s > 0, bytes[s - 1] == 0x0A else { return false }
        return lineEndsWith(0x3B, before: s - 1, bytes) || lineEndsWith(0x3A, before: s - 1, bytes)
    }

    /// The gap ends with "bởi", "theo" or "tại" (a colon after it allowed: "… bởi:").
    private func endsWithHistoryLink(_ gap: Range<Int>, _ l: [UInt8]) -> Bool {
        var e = gap.upperBound
        while e > gap.lowerBound && l[e - 1] == 0x20 { e -= 1 }
        if e > gap.lowerBound && l[e - 1] == 0x3A { e -= 1 }
        var s = e
        while s > gap.lowerBound && l[s - 1] != 0x20 { s -= 1 }
        return lexicon.historyLinks.contains(Array(l[s..<e]))
    }

    /// Nothing but a date, an issuer and a list separator between two citations ("…, Luật số …",
    /// "… ngày 12/6/2025 của Quốc hội và Luật số …").
    private func isListGap(_ gap: Range<Int>, _ l: [UInt8], _ index: CueIndex, ignoringCues: Bool = false) -> Bool {
        var e = gap.upperBound
        while e > gap.lowerBound && l[e - 1] == 0x20 { e -= 1 }
        guard e > gap.lowerBound else { return true }
        if gap.count > lexicon.listGap { return false }
        if !ignoringCues && !index.cues(in: gap).filter({ $0.cue.relation != nil }).isEmpty { return false }
        if l[e - 1] == 0x2C { return true }
        return e - gap.lowerBound >= 3 && Array(l[(e - 3)..<e]) == Array("và".utf8)
            && (e - 3 == gap.lowerBound || l[e - 4] == 0x20)
    }

    /// A list introduced by a cue ("Bãi bỏ các văn bản sau đây:"): where it runs, where its items
    /// start and the relation its items get.
    private struct ListScope { var range: Range<Int>; var items: [Int]; var type: Relation.RelationType; var cue: Range<Int> }

    /// Lists of documents a cue acts on: a clause ending with ':' whose relation cue (one of
    /// `list_relations` of `rules.tsv`: repeals, replaces, expires, suspends) opens it ("Bãi bỏ toàn
    /// bộ các văn bản sau:") or closes it ("Các văn bản sau đây hết hiệu lực thi hành:"), with no
    /// citation of its own. On the same line the items are the parts between ';'. On the next lines
    /// the items are the lines opened by a list marker of the first item's level ("1.", "a)", "-"),
    /// table rows ("|", a lone number) and lines opened by a capitalised type word; the list goes on
    /// over wrapped lines (lower case, digits), blank lines and title cells (`list_cell_starts`), and
    /// ends at an article or chapter heading, a marker of a higher level, a self-reference ("Quyết định
    /// này …") or any other line opened by a capital.
    private func listScopes(_ scan: ScanText, _ bytes: [UInt8], _ index: CueIndex, _ found: [FoundCitation]) -> [ListScope] {
        let l = scan.lower, v = scan.view
        let n = l.count
        guard !lexicon.listRelations.isEmpty else { return [] }
        var scopes: [ListScope] = []
        var i = 0
        var citation = 0
        while i < n {
            i = l.withUnsafeBufferPointer { ByteSearch.next(0x3A, $0, from: i) }
            guard i < n else { break }
            let colon = i
            i += 1
            let start = clauseStart(colon, scan, bytes)
            // No citation in the intro clause.
            while citation < found.count && found[citation].end <= start { citation += 1 }
            if citation < found.count && found[citation].start < colon { continue }
            // The intro's only document verb is the list cue ("Công bố … Danh mục văn bản hết hiệu lực:"
            // publishes a catalogue; it does not declare the expiry itself).
            let introCues = index.cues(in: start..<colon).filter { $0.cue.relation != nil }
            guard let cue = introCues.last, !cue.cue.history, let type = cue.cue.relation, lexicon.listRelations.contains(type),
                  introCues.allSatisfy({ $0.cue.relation.map(lexicon.listRelations.contains) == true }) else { continue }
            let opens = skipMarker(l, start) == cue.range.lowerBound
            let closes = CitedDate.skip(l, cue.range.upperBound) >= colon
            guard opens || closes else { continue }
            var m = colon + 1
            while m < n && (bytes[m] == 0x20 || bytes[m] == 0x09 || bytes[m] == 0x0D) { m += 1 }
            if m < n && bytes[m] != 0x0A {
                // Inline: "bãi bỏ các văn bản sau đây: Quyết định số …; Quyết định số …."
                var items = [m]
                var e = m
                while e < n && bytes[e] != 0x0A && e - m < lexicon.scopeLength {
                    if bytes[e] == 0x3B { items.append(e + 1) }
                    e += 1
                }
                scopes.append(ListScope(range: m..<e, items: items, type: type, cue: cue.range))
                i = e
                continue
            }
            // Line by line.
            var items: [Int] = []
            var level: Int?
            var lineStart = m + 1
            var end = lineStart
            while lineStart < n && lineStart - m < lexicon.listScopeLength {
                let lineEnd = bytes.withUnsafeBufferPointer { ByteSearch.next(0x0A, $0, from: lineStart) }
                var k = lineStart
                while k < lineEnd && (bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0D) { k += 1 }
                if k == lineEnd { lineStart = lineEnd + 1; continue }
                if let marker = markerLevel(l, k, lineEnd) {
                    if marker == 0 {
                        items.append(k)
                    } else if let current = level {
                        if marker > current { break }
                        if marker == current { items.append(k) }
                    } else {
                        level = marker
                        items.append(k)
                    }
                } else if isUpperByte(v, l, k) {
                    if heading(l, k) == true { break }
                    if let typeEnd = typeWordEnd(l, k) {
                        if CitedDate.word(l, "này", at: CitedDate.skip(l, typeEnd)) != nil { break }
                        if level == nil || level == 0 { items.append(k) }
                    } else if !lexicon.listCellStarts.contains(where: { startsWord(l, k, $0) }) {
                        break
                    }
                }
                end = lineEnd
                lineStart = lineEnd + 1
            }
            if !items.isEmpty {
                scopes.append(ListScope(range: (m + 1)..<end, items: items, type: type, cue: cue.range))
            }
            i = max(i, end)
        }
        return scopes
    }

    /// Past a list marker ("1.", "a)", "-", "Điều 1.") and spaces at `k`.
    private func skipMarker(_ l: [UInt8], _ k: Int) -> Int {
        var m = CitedDate.skip(l, k)
        if let e = CitedDate.word(l, "điều", at: m) { m = CitedDate.skip(l, e) }
        var e = m
        while e < l.count && e - m < 4 && ((l[e] &- 0x30 < 10) || (l[e] >= 0x61 && l[e] <= 0x7A)) { e += 1 }
        if e > m && e < l.count && (l[e] == 0x2E || l[e] == 0x29) { m = e + 1 }
        else if m < l.count && (l[m] == 0x2D || l[m] == 0x2B) { m += 1 }
        return CitedDate.skip(l, m)
    }

    /// The level of the list marker opening a line at `k`: 3 "1." or "1)", 2 "a)", 1 "-", "+", "*",
    /// "•"; 0 a table row ("|", or a lone number in a cell of its own); nil for none.
    private func markerLevel(_ l: [UInt8], _ k: Int, _ lineEnd: Int) -> Int? {
        let b = l[k]
        if b == 0x7C { return 0 }
        if b == 0x2D || b == 0x2B || b == 0x2A { return 1 }
        if b == 0xE2 && k + 2 < l.count && l[k + 1] == 0x80 && l[k + 2] == 0xA2 { return 1 }
        var e = k
        while e < lineEnd && e - k < 4 && l[e] &- 0x30 < 10 { e += 1 }
        if e > k {
            if e < lineEnd && (l[e] == 0x2E || l[e] == 0x29) { return 3 }
            var m = e
            while m < lineEnd && (l[m] == 0x20 || l[m] == 0x09 || l[m] == 0x0D) { m += 1 }
            return m == lineEnd || l[m] == 0x7C ? 0 : nil
        }
        if b >= 0x61 && b <= 0x7A && k + 1 < lineEnd && l[k + 1] == 0x29 { return 2 }
        if b == 0xC4 && k + 2 < lineEnd && l[k + 1] == 0x91 && l[k + 2] == 0x29 { return 2 }  // đ)
        return nil
    }

    private func isUpperByte(_ v: [UInt8], _ l: [UInt8], _ k: Int) -> Bool {
        if v[k] != l[k] { return true }
        guard v[k] >= 0xC0 else { return false }
        return ScanText.isUpperScalar(v.withUnsafeBufferPointer { decodeScalar($0, k).0 })
    }

    /// Whether the line at `k` opens an article, chapter, section or part ("Điều 2.", "Chương III"):
    /// true; nil when it does not.
    private func heading(_ l: [UInt8], _ k: Int) -> Bool? {
        for word in ["điều", "chương", "mục", "phần"] {
            if let e = CitedDate.word(l, word, at: k) {
                let m = CitedDate.skip(l, e)
                if m < l.count && (l[m] &- 0x30 < 10 || (word != "điều" && l[m] >= 0x61 && l[m] <= 0x7A)) { return true }
            }
        }
        return nil
    }

    /// The end of a type word cited in lists ("Quyết định", "Nghị quyết") at `k`.
    private func typeWordEnd(_ l: [UInt8], _ k: Int) -> Int? {
        for word in lexicon.typeWords {
            guard k + word.lower.count <= l.count else { continue }
            var m = 0
            while m < word.lower.count && l[k + m] == word.lower[m] { m += 1 }
            if m == word.lower.count && (k + m == l.count || !CitedDate.isLetterByte(l[k + m])) { return k + m }
        }
        return nil
    }

    private func startsWord(_ l: [UInt8], _ k: Int, _ phrase: [UInt8]) -> Bool {
        guard k + phrase.count <= l.count else { return false }
        for m in 0..<phrase.count where l[k + m] != phrase[m] { return false }
        return k + phrase.count == l.count || !CitedDate.isLetterByte(l[k + phrase.count])
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
