import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import Dispatch
import Synchronization
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
        bodies = BodyScanner(lexicon: lexicon, normalizer: pipeline.normalizer)
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
    ///
    /// The header reader reads only the byte ranges of these lines, so they are found here by a byte
    /// scan with the same rule as `Tokenizer.lines(_:in:)` (a line ends at LF, CR or CRLF; white
    /// space trimmed at both ends; empty lines left out), and `source` is left as the byte range
    /// instead of being mapped to source scalars line by line.
    func headerLines(_ text: NormalizedText) -> [TextSpan] {
        let n = text.bytes.count
        let window = 1 << 16
        guard n > 2 * window else { return Self.lineRanges(text.bytes, in: 0..<n) }
        var headEnd = window
        while headEnd < n && text.bytes[headEnd - 1] != 0x0A { headEnd += 1 }
        var tailStart = n - window
        while tailStart < n && text.bytes[tailStart - 1] != 0x0A { tailStart += 1 }
        return Self.lineRanges(text.bytes, in: 0..<headEnd) + Self.lineRanges(text.bytes, in: tailStart..<n)
    }

    /// The trimmed, non-empty lines that start inside `range` (see `headerLines`).
    static func lineRanges(_ bytes: [UInt8], in range: Range<Int>) -> [TextSpan] {
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C }
        var spans: [TextSpan] = []
        bytes.withUnsafeBufferPointer { whole in
            let p = UnsafeBufferPointer(rebasing: whole[0..<range.upperBound])
            let n = p.count
            var start = range.lowerBound
            var i = range.lowerBound
            while i <= n {
                while i < n && p[i] != 0x0A && p[i] != 0x0D { i += 1 }
                var a = start, b = i
                while a < b, isSpace(p[a]) { a += 1 }
                while b > a, isSpace(p[b - 1]) { b -= 1 }
                if a < b { spans.append(TextSpan(range: a..<b, source: a..<b)) }
                if i < n && p[i] == 0x0D && i + 1 < n && p[i + 1] == 0x0A { i += 1 }
                start = i + 1
                i += 1
            }
        }
        return spans
    }

    /// Everything the pipeline finds in already normalised text.
    public func extract(_ text: NormalizedText, path: String, warnings: [Diagnostic] = [], stages: Stages = .all) -> DocumentFacts {
        extract(text, path: path, warnings: warnings, stages: stages,
                afterCitations: { _ in }, afterRelations: { _ in }, afterTemporal: { _ in }).facts
    }

    /// Everything the pipeline finds, and what `afterCitations`, `afterRelations` and
    /// `afterTemporal` make of the facts once the citations, the relations and the temporal stage
    /// (dates, periods, targets, the effective date) are done: `extract`'s JSON view writes its
    /// parts there. Each closure sees the header and its own part of the facts.
    ///
    /// From `concurrentStagesMinimum` bytes on, the work runs on two threads in three steps: the
    /// scan text and its type words beside the dates of the temporal stage; finding the citations beside the relation
    /// cues of the whole text and the targets; the relations beside the citations' source spans and
    /// texts and the temporal stage's closure (each part followed by its closure). None of them
    /// reads what another writes (all read the text and the header; later steps read what earlier
    /// ones made), so the facts are the same as one after the other (`concurrently: false`, for
    /// tests).
    package func extract<Part: Sendable>(
        _ text: NormalizedText, path: String, warnings: [Diagnostic] = [], stages: Stages, concurrently: Bool = true,
        afterCitations: @Sendable (DocumentFacts) -> Part, afterRelations: @Sendable (DocumentFacts) -> Part,
        afterTemporal: @Sendable (DocumentFacts) -> Part
    ) -> (facts: DocumentFacts, citations: Part, relations: Part, temporal: Part) {
        var result = DocumentFacts(path: path, text: text.source, warnings: warnings)

        // MARK: Header (Document/)
        result.document = header.parse(text, lines: headerLines(text))

        // MARK: Citations and relations (Extract/, Resolve/); dates, periods and targets (Extract/)
        let citationsPart: Part, relationsPart: Part, temporalPart: Part
        if concurrently && text.bytes.count >= Self.concurrentStagesMinimum {
            let ownSymbol = result.document.symbol
            let seed = result
            // Step 1: the scan text and its type words | the dates step of the temporal stage.
            let scanned = Mutex<(scan: ScanText, words: [TypeWordHit])?>(nil)
            let dated = Mutex<(facts: DocumentFacts, pending: TemporalExtractor.PendingTargets)?>(nil)
            DispatchQueue.concurrentPerform(iterations: 2) { task in
                if task == 0 {
                    let scan = citations.scanText(text)
                    let words = citations.typeWords(scan)
                    scanned.withLock { $0 = (scan, words) }
                } else {
                    var facts = seed
                    let pending = temporal.dated(text, into: &facts)
                    dated.withLock { $0 = (facts, pending) }
                }
            }
            let (scan, words) = scanned.withLock { $0.take()! }
            // Step 2: finding the citations | the relation cues of the whole text, then the targets.
            let finding = Mutex<[FoundCitation]?>(nil)
            let targeted = Mutex<(facts: DocumentFacts, cues: CueIndex.Handoff)?>(nil)
            let (datedFacts, pending) = dated.withLock { $0.take()! }
            DispatchQueue.concurrentPerform(iterations: 2) { task in
                if task == 0 {
                    let found = citations.find(scan, ownSymbol: ownSymbol, words: words)
                    finding.withLock { $0 = found }
                } else {
                    let cues = citations.cueIndex(scan)
                    var facts = datedFacts
                    temporal.targets(pending, text, into: &facts)
                    targeted.withLock { $0 = (facts, cues) }
                }
            }
            let found = finding.withLock { $0.take()! }
            let (temporalFacts, cues) = targeted.withLock { $0.take()! }
            // Step 3: relations | citations' spans and texts, then the temporal stage's part.
            let related = Mutex<(relations: [Relation], part: Part)?>(nil)
            let cited = Mutex<(citations: [Citation], part: Part, temporal: Part)?>(nil)
            DispatchQueue.concurrentPerform(iterations: 2) { task in
                var facts = seed
                if task == 0 {
                    facts.relations = citations.relations(found, scan: scan, text: text, cues: cues)
                    let part = afterRelations(facts)
                    related.withLock { $0 = (facts.relations, part) }
                } else {
                    facts.citations = citations.citations(found, text)
                    let part = afterCitations(facts)
                    let temporalPart = afterTemporal(temporalFacts)
                    cited.withLock { $0 = (facts.citations, part, temporalPart) }
                }
            }
            let withRelations = related.withLock { $0.take()! }
            let withCitations = cited.withLock { $0.take()! }
            result = temporalFacts
            result.citations = withCitations.citations
            result.relations = withRelations.relations
            (citationsPart, relationsPart, temporalPart) = (withCitations.part, withRelations.part, withCitations.temporal)
        } else {
            (result.citations, result.relations) = citations.extract(text, ownSymbol: result.document.symbol)
            citationsPart = afterCitations(result)
            relationsPart = afterRelations(result)
            temporal.extract(text, into: &result)
            temporalPart = afterTemporal(result)
        }

        // MARK: Structure and procedures (Document/, Procedure/)
        if stages.contains(.structure) { result.structure = structure.parse(text) }
        if stages.contains(.procedures), Self.mayPublishProcedures(result.document) {
            result.procedures = decisions.parse(text, header: result.document, path: path).map(withBasis)
        }

        // MARK: Review facts (Extract/)
        if stages.contains(.review) { result.review = reviewFacts(result, text: text, lines: LineIndex(text.source)) }
        return (result, citationsPart, relationsPart, temporalPart)
    }

    /// From this many bytes of text on, the citation and the temporal stage run on two threads.
    package static let concurrentStagesMinimum = 32 * 1024

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
