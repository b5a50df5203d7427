import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// The review stage of the pipeline: what `review` needs of a document besides its citations and
/// relations, scanned once from the whole text (the document's own number and dates where the
/// header reader found none, its term, the words of acting relations, citation lines, and the
/// changed bodies it names).
extension Extractor {
    /// The review facts of a document's extraction and its text.
    func reviewFacts(_ facts: DocumentFacts, text: NormalizedText, lines: LineIndex) -> ReviewFacts {
        let header = facts.document
        var review = ReviewFacts()
        review.ownSymbol = header.symbol
        (review.written, review.effective, review.termEnd) = self.header.ownDates(header, text: text)
        let acting = facts.relations.indices.filter { Relation.acts(facts.relations[$0].type) }
        for (i, sentence) in zip(acting, Self.slices(text.source, acting.map { facts.relations[$0].source })) {
            review.sentences[i] = sentence
        }
        review.citationLines = facts.citations.map { lines.line(of: $0.source.lowerBound) }
        // Where each fact learned from this document is said, for FILE:LINE evidence.
        var relationLines: [Int: Int] = [:]
        for i in acting { relationLines[i] = lines.line(of: facts.relations[i].source.lowerBound) }
        review.relationLines = relationLines
        let stated = Self.statedProvinces(facts.citations, text: text.source)
        review.citationProvinces = stated.isEmpty ? nil : stated
        if review.ownSymbol != nil, let at = self.header.numberLineOffset(text) {
            review.symbolLine = lines.line(of: text.sourceRange(ofBytes: at..<(at + 1)).lowerBound)
        }
        if review.effective != nil, let at = self.header.effectiveClause(text, issued: review.written)?.at {
            review.effectiveLine = lines.line(of: text.sourceRange(ofBytes: at..<(at + 1)).lowerBound)
        }
        let citations = facts.citations.sorted { $0.range.upperBound < $1.range.upperBound }
        review.bodies = bodies.matches(in: text).map { match in
            let range = text.sourceRange(ofBytes: match.range)
            // The issuer of a document cited with its date before the change ("Quyết định số
            // 1234/QĐ-UBND ngày 28/3/2023 của Chủ tịch UBND tỉnh Bắc Kạn") is named as it was
            // then: worth a note at most.
            let historical = Self.issuerOfEarlierDocument(match.range, before: match.change.effective, citations, text)
            return ReviewFacts.BodyMention(range: range, text: text.sourceText(ofBytes: match.range), line: lines.line(of: range.lowerBound),
                                           origin: match.change.origin, oldBody: match.change.oldBody,
                                           severity: historical ? .info : match.severity)
        }
        return review
    }

    /// The province the words right after each local year-less citation name ("… ngày 20/01/2023
    /// của UBND tỉnh Thái Nguyên" → "thai nguyen"), by citation index; empty without the text.
    static func statedProvinces(_ citations: [Citation], text: String?) -> [Int: String] {
        guard let text, citations.contains(where: { $0.symbol.map(LocalSymbols.isLocal) == true }) else { return [:] }
        var local: [Int] = []
        var ranges: [Range<Int>] = []
        for (i, citation) in citations.enumerated() {
            guard let symbol = citation.symbol, Registry.year(of: symbol) == nil, LocalSymbols.isLocal(symbol) else { continue }
            let start = max(citation.source.upperBound, 0)
            var end = start + 120
            if i + 1 < citations.count { end = min(end, max(start, citations[i + 1].source.lowerBound)) }
            local.append(i)
            ranges.append(start..<end)
        }
        var result: [Int: String] = [:]
        for (i, words) in zip(local, slices(text, ranges)) {
            // The clause only: up to the next ';', '.' or line break (or the next citation).
            let view = words.prefix { $0 != ";" && $0 != "\n" && $0 != "." }
            let after = " " + Folding.words(String(view)) + " "
            // "của <body> tỉnh|thành phố X" (UBND, Ủy ban nhân dân, HĐND, Chủ tịch …, Sở …).
            guard let of = after.range(of: " cua ") else { continue }
            let tail = String(after[of.upperBound...])
            guard tail.contains("tinh ") || tail.contains("thanh pho ") else { continue }
            if let province = LocalSymbols.province(in: tail) { result[i] = province }
        }
        return result
    }

    /// `facts` with its review part computed from `text` (for facts assembled by hand, as tests do).
    public func addingReviewFacts(_ facts: DocumentFacts, text: NormalizedText) -> DocumentFacts {
        var result = facts
        result.review = reviewFacts(facts, text: text, lines: LineIndex(text.source))
        return result
    }

    /// True when the mention at `range` (normalised bytes) follows a citation of a document
    /// issued before `date`, in the same clause and after "của". `citations` are sorted by the
    /// end of their range.
    static func issuerOfEarlierDocument(_ range: Range<Int>, before date: String, _ citations: [Citation],
                                        _ text: NormalizedText) -> Bool {
        // `citations` are sorted by their end: the last one ending before `range`, by bisection.
        var low = 0, high = citations.count
        while low < high {
            let mid = (low + high) / 2
            if citations[mid].range.upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return false }
        let citation = citations[low - 1]
        guard range.lowerBound - citation.range.upperBound <= 160,
              let issued = citation.issued ?? citation.year.flatMap({ LegalDate(year: $0) }),
              let change = LegalDate(iso: date), issued.isBefore(change) else { return false }
        let between = text.bytes[citation.range.upperBound..<range.lowerBound]
        if between.contains(0x3B) || between.contains(0x0A) || between.contains(0x2E) && !between.contains(0x2F) { return false }
        let of = Array(" của ".utf8)
        return between.count >= of.count && between.indices.dropLast(of.count - 1).contains { i in
            between[i..<(i + of.count)].elementsEqual(of)
        }
    }

    /// The source texts of scalar ranges, each at most 300 scalars, in one pass over the text.
    static func slices(_ source: String, _ ranges: [Range<Int>]) -> [String] {
        var result = [String](repeating: "", count: ranges.count)
        let order = ranges.indices.sorted { ranges[$0].lowerBound < ranges[$1].lowerBound }
        let scalars = source.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        for k in order {
            let range = ranges[k]
            guard range.lowerBound >= 0 else { continue }
            while offset < range.lowerBound && index < scalars.endIndex {
                scalars.formIndex(after: &index)
                offset += 1
            }
            guard offset == range.lowerBound else { break }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[index...].prefix(min(range.count, 300)))
            result[k] = String(view)
        }
        return result
    }
}
