import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
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
    /// The optional stages: what `extract` prints needs none of them; `review`, `index` and the
    /// graph need all.
    public struct Stages: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// The structure tree (Phần … Điểm, annexes, footer).
        public static let structure = Stages(rawValue: 1)
        /// The procedures a publishing decision lists, with their legal basis.
        public static let procedures = Stages(rawValue: 2)
        /// Review facts: own number and dates from the whole text, term, relation words, lines,
        /// changed bodies named.
        public static let review = Stages(rawValue: 4)
        public static let all: Stages = [.structure, .procedures, .review]
    }

    public let pipeline: TextPipeline
    /// The header reader (Document/).
    package let header: HeaderParser
    /// Citations, pinpoints and typed relations (Extract/, Resolve/).
    package let citations: CitationExtractor
    /// Dates, periods, targets and the effective date (Extract/).
    package let temporal: TemporalExtractor
    /// The structure reader (Document/).
    package let structure: StructureParser
    /// The procedures of a publishing decision's annex (Procedure/).
    package let decisions: ProcedureParser
    /// Names of bodies changed in 2025 (Lexicon's succession tables).
    package let bodies: BodyScanner
    /// How far into a document its header is looked for (`rules.tsv`: header_length).
    public let headerLength: Int

    public init(lexicon: Lexicon = .builtIn) {
        pipeline = TextPipeline(lexicon: lexicon)
        header = HeaderParser(lexicon: lexicon)
        temporal = TemporalExtractor(lexicon: lexicon)
        citations = CitationExtractor.shared(for: lexicon)
        structure = StructureParser(lexicon: lexicon)
        decisions = ProcedureParser(lexicon: lexicon)
        bodies = BodyScanner(changes: BodyChange.all(lexicon: lexicon), normalizer: pipeline.normalizer)
        headerLength = lexicon.rules.int("header_length")
    }

    /// Everything the pipeline finds in one document.
    public func extract(_ document: SourceDocument, stages: Stages = .all) -> DocumentFacts {
        let text = pipeline.normalize(document)
        return extract(text, path: document.path, warnings: document.warnings, stages: stages)
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

    /// Everything the pipeline finds in already normalised text.
    public func extract(_ text: NormalizedText, path: String, warnings: [Diagnostic] = [], stages: Stages = .all) -> DocumentFacts {
        var result = DocumentFacts(path: path, text: text.source, warnings: warnings)

        // MARK: Header (Document/)
        result.document = header.parse(text, lines: headerLines(text))

        // MARK: Citations and relations (Extract/, Resolve/)
        (result.citations, result.relations) = citations.extract(text, ownSymbol: result.document.symbol)

        // MARK: Dates, periods and targets (Extract/)
        temporal.extract(text, into: &result)

        // MARK: Structure and procedures (Document/, Procedure/)
        if stages.contains(.structure) { result.structure = structure.parse(text) }
        if stages.contains(.procedures), Self.mayPublishProcedures(result.document) {
            result.procedures = decisions.parse(text, header: result.document, path: path).map(withBasis)
        }

        // MARK: Review facts (Extract/)
        if stages.contains(.review) { result.review = reviewFacts(result, text: text, lines: LineIndex(text.source)) }
        return result
    }

    /// Only a decision whose title publishes (công bố) administrative procedures lists any; other
    /// documents (a plan's task table, a letter) skip the annex scan.
    public static func mayPublishProcedures(_ header: DocumentHeader) -> Bool {
        let title = Folding.fold(header.title ?? "")
        return title.contains("cong bo") && (title.contains("thu tuc") || title.contains("tthc"))
    }

    /// The procedure with its legal basis: the documents its basis text cites (one citation per
    /// distinct document, glued table cells split).
    public func withBasis(_ procedure: Procedure) -> Procedure {
        guard procedure.basis.isEmpty, !procedure.basisText.isEmpty else { return procedure }
        var result = procedure
        result.basis = citations.basisRows(inField: procedure.basisText)
        return result
    }
}
