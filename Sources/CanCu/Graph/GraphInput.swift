/// Reads inputs into a `GraphBuilder` through the same analysis as `cancu index` (`FileAnalyzer`):
/// documents through the extractor (and, for decisions publishing procedures, the procedures of
/// their annex with their legal basis), procedure records (`.jsonl`, `.ndjson`, `.csv`) through the
/// record reader. So the graph of some files equals the graph of their index (`GraphIndexReader`).
///
/// ```swift
/// let input = GraphInput(lexicon: .builtIn)
/// var builder = GraphBuilder(lexicon: .builtIn)
/// if case .success(let document) = DocumentReader.read(path) { input.add(document, to: &builder) }
/// ```
public struct GraphInput: Sendable {
    /// The analysis the index runs.
    public let analyzer: FileAnalyzer

    /// The extractor of the analysis.
    public var extractor: Extractor { analyzer.extractor }

    /// The file extensions `cancu graph` reads in a folder: documents and procedure records.
    public static let extensions: Set<String> = FileAnalyzer.indexExtensions

    public init(lexicon: Lexicon = .builtIn) {
        analyzer = FileAnalyzer(lexicon: lexicon)
    }

    /// Adds one input; returns the warnings of a procedure-record file (bad lines).
    @discardableResult
    public func add(_ document: SourceDocument, to builder: inout GraphBuilder) -> [Diagnostic] {
        if ProcedureRecordReader.handles(path: document.path) {
            let (found, warnings) = analyzer.records.read(document.text, path: document.path)
            for procedure in found { builder.add(analyzer.withBasis(procedure)) }
            return warnings
        }
        let text = extractor.pipeline.normalize(document)
        let extraction = extractor.extract(text, path: document.path, warnings: document.warnings)
        builder.add(extraction)
        // Procedures are published by decisions that say so (Quyết định công bố … thủ tục); other
        // documents' task tables are not procedures.
        guard FileAnalyzer.mayPublishProcedures(extraction.document) else { return [] }
        for procedure in analyzer.decisions.parse(text, header: extraction.document, path: document.path) {
            builder.add(analyzer.withBasis(procedure))
        }
        return []
    }
}
