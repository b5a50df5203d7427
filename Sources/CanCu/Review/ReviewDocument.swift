/// What the review rules need to know of one document, as plain data: its own symbol and dates,
/// its citations and relations (with the words of the relations that act on other documents),
/// and the names of changed bodies found in its text. Built from an extraction and its text
/// (`cancu review PATH`), or read back from the index (`cancu review --db`), so both modes run the
/// same rules on the same facts.
///
/// ```swift
/// let document = ReviewDocument(extraction, text: text, scanner: reviewer.scanner)
/// let findings = reviewer.review(document, asOf: "2026-01-15")
/// ```
public struct ReviewDocument: Sendable {
    /// A changed body's name found in the text.
    public struct BodyMention: Sendable, Hashable {
        /// Source range in Unicode scalars.
        public var range: Range<Int>
        /// The exact source text.
        public var text: String
        /// 1-based line of the start.
        public var line: Int
        /// The succession row (`BodyChange.origin`) and the old body it names.
        public var origin: String
        public var oldBody: String
        /// The severity of the phrase that matched.
        public var severity: Finding.Severity

        public init(range: Range<Int>, text: String, line: Int, origin: String, oldBody: String, severity: Finding.Severity) {
            self.range = range; self.text = text; self.line = line; self.origin = origin; self.oldBody = oldBody
            self.severity = severity
        }
    }

    /// What review adds to an extraction: values found by scanning the text itself.
    public struct Extras: Sendable, Hashable {
        /// The document's own symbol (header, else its "Số:" line).
        public var ownSymbol: String?
        /// The date it was written (`Reviewer.documentDate`).
        public var written: String?
        /// Its effective date (header, else its effect clause).
        public var effective: String?
        /// The last year of its term ("giai đoạn 2022 - 2025").
        public var termEnd: Int?
        /// The words of each relation that replaces, repeals, ends or amends, by relation index.
        public var sentences: [Int: String]
        /// The 1-based line of each citation's start, by citation index.
        public var citationLines: [Int]
        /// The changed bodies named, in reading order.
        public var bodies: [BodyMention]

        public init(ownSymbol: String? = nil, written: String? = nil, effective: String? = nil, termEnd: Int? = nil,
                    sentences: [Int: String] = [:], citationLines: [Int] = [], bodies: [BodyMention] = []) {
            self.ownSymbol = ownSymbol; self.written = written; self.effective = effective; self.termEnd = termEnd
            self.sentences = sentences; self.citationLines = citationLines; self.bodies = bodies
        }

        /// The extras of an extraction: scans of its text for the date, number, effect clause,
        /// term and changed bodies; the header is looked for in the first `headerLength` bytes
        /// (`rules.tsv`: header_length).
        public init(_ extraction: Extraction, text: NormalizedText, scanner: BodyScanner, headerLength: Int = HeaderScan.headerLength) {
            let header = extraction.document
            ownSymbol = header.symbol ?? HeaderScan.ownSymbol(text, headerLength: headerLength)
            written = header.issued ?? HeaderScan.issueDate(text, headerLength: headerLength)
            effective = header.effective ?? HeaderScan.effectiveDate(text, issued: written)
            termEnd = ownSymbol == nil ? nil : HeaderScan.termEnd(title: header.title, text: header.title == nil ? text : nil,
                                                                  headerLength: headerLength)
            var sentences: [Int: String] = [:]
            for (i, relation) in extraction.relations.enumerated() where FactLearner.acts(relation.type) {
                sentences[i] = FactLearner.slice(text.source, relation.source)
            }
            self.sentences = sentences
            let lines = LineIndex(text.source)
            citationLines = extraction.citations.map { lines.line(of: $0.source.lowerBound) }
            let citations = extraction.citations.sorted { $0.range.upperBound < $1.range.upperBound }
            bodies = scanner.matches(in: text).map { match in
                let range = text.sourceRange(ofBytes: match.range)
                // The issuer of a document cited with its date before the change ("Quyết định số
                // 1234/QĐ-UBND ngày 28/3/2023 của Chủ tịch UBND tỉnh Bắc Kạn") is named as it was
                // then: worth a note at most.
                let historical = Self.issuerOfEarlierDocument(match.range, before: match.change.effective, citations, text)
                return BodyMention(range: range, text: text.sourceText(ofBytes: match.range), line: lines.line(of: range.lowerBound),
                                   origin: match.change.origin, oldBody: match.change.oldBody,
                                   severity: historical ? .info : match.severity)
            }
        }

        /// True when the mention at `range` (normalised bytes) follows a citation of a document
        /// issued before `date`, in the same clause and after "của".
        static func issuerOfEarlierDocument(_ range: Range<Int>, before date: String, _ citations: [Citation],
                                            _ text: NormalizedText) -> Bool {
            guard let citation = citations.last(where: { $0.range.upperBound <= range.lowerBound }),
                  range.lowerBound - citation.range.upperBound <= 160,
                  let issued = citation.issued ?? citation.year.map({ "\($0)-12-31" }), issued < date else { return false }
            let between = text.bytes[citation.range.upperBound..<range.lowerBound]
            if between.contains(0x3B) || between.contains(0x0A) || between.contains(0x2E) && !between.contains(0x2F) { return false }
            let of = Array(" của ".utf8)
            return between.count >= of.count && between.indices.dropLast(of.count - 1).contains { i in
                between[i..<(i + of.count)].elementsEqual(of)
            }
        }
    }

    /// The input document (path as given, or as stored in the index).
    public var source: String
    /// The header's title (the sentence of a term fact).
    public var title: String?
    public var citations: [Citation]
    public var relations: [Relation]
    public var extras: Extras

    public init(source: String, title: String?, citations: [Citation], relations: [Relation], extras: Extras) {
        self.source = source; self.title = title; self.citations = citations; self.relations = relations; self.extras = extras
    }

    /// The review data of an extraction and its text.
    public init(_ extraction: Extraction, text: NormalizedText, scanner: BodyScanner, headerLength: Int = HeaderScan.headerLength) {
        self.init(source: extraction.source, title: extraction.document.title, citations: extraction.citations,
                  relations: extraction.relations, extras: Extras(extraction, text: text, scanner: scanner, headerLength: headerLength))
    }

    /// The 1-based line of a finding's start offset (a citation's or a body mention's), from one
    /// table built here.
    public func lines() -> (Int) -> Int {
        var table: [Int: Int] = [:]
        for (i, citation) in citations.enumerated() where i < extras.citationLines.count {
            if table[citation.source.lowerBound] == nil { table[citation.source.lowerBound] = extras.citationLines[i] }
        }
        for body in extras.bodies where table[body.range.lowerBound] == nil { table[body.range.lowerBound] = body.line }
        return { table[$0] ?? 1 }
    }
}
