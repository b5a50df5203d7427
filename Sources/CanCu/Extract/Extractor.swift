/// The extraction pipeline for one document, in the order of eyecite's stages: clean (normalise),
/// find (header, citations, dates), resolve (back-references, years, relations), annotate (the
/// output views). Build it once from the dictionaries and reuse it for every input.
///
/// ```swift
/// let extractor = Extractor(lexicon: .builtIn)
/// let result = extractor.extract(document)
/// result.citations.map(\.symbol)   // ["09/2019/NĐ-CP", …]
/// ```
public struct Extractor: Sendable {
    public let pipeline: TextPipeline
    /// The header reader (Document/).
    public let header: HeaderParser
    /// Citations, pinpoints and typed relations (Extract/, Resolve/).
    public let citations: CitationExtractor
    /// Dates, periods, targets and the effective date (Extract/).
    public let temporal: TemporalExtractor
    /// The structure reader (Document/).
    public let structure: StructureParser

    public init(lexicon: Lexicon = .builtIn) {
        pipeline = TextPipeline(lexicon: lexicon)
        header = HeaderParser(lexicon: lexicon)
        temporal = TemporalExtractor(lexicon: lexicon)
        citations = CitationExtractor.shared(for: lexicon)
        structure = StructureParser(lexicon: lexicon)
    }

    /// Extracts everything the output contract lists from one document.
    public func extract(_ document: SourceDocument) -> Extraction {
        let text = pipeline.normalize(document)
        return extract(text, path: document.path, warnings: document.warnings)
    }

    /// The lines the header reader needs: all of them in an ordinary document; in a very large one
    /// those of its first and last 64 KB (the header, and the authentication block of a
    /// consolidated text at the end).
    func headerLines(_ text: NormalizedText) -> [TextSpan] {
        let n = text.bytes.count
        let window = 1 << 16
        guard n > 2 * window else { return pipeline.tokenizer.lines(text) }
        var headEnd = window
        while headEnd < n && text.bytes[headEnd - 1] != 0x0A { headEnd += 1 }
        var tailStart = n - window
        while tailStart < n && text.bytes[tailStart - 1] != 0x0A { tailStart += 1 }
        return pipeline.tokenizer.lines(text, in: 0..<headEnd) + pipeline.tokenizer.lines(text, in: tailStart..<n)
    }

    /// Extracts from already normalised text.
    public func extract(_ text: NormalizedText, path: String, warnings: [Diagnostic] = []) -> Extraction {
        var result = Extraction(source: path, warnings: warnings)

        // MARK: Header and structure (Document/)
        result.document = header.parse(text, lines: headerLines(text))

        // MARK: Citations and relations (Extract/, Resolve/)
        (result.citations, result.relations) = citations.extract(text, ownSymbol: result.document.symbol)


        // MARK: Dates, periods and targets (Extract/)
        temporal.extract(text, into: &result)

        return result
    }
}
