/// Reads inputs into a `GraphBuilder`: documents through the extractor (and, for decisions,
/// the procedures of their annex), procedure records (`.jsonl`, `.ndjson`, `.csv`)
/// through the record reader.
///
/// ```swift
/// let input = GraphInput(lexicon: .builtIn)
/// var builder = GraphBuilder(lexicon: .builtIn)
/// if case .success(let document) = DocumentReader.read(path) { input.add(document, to: &builder) }
/// ```
public struct GraphInput: Sendable {
    public let extractor: Extractor
    let procedures: ProcedureParser
    let records: ProcedureRecordReader

    /// The file extensions `cancu graph` reads in a folder: documents and procedure records.
    public static let extensions: Set<String> = DocumentReader.documentExtensions.union(["jsonl", "ndjson", "csv"])

    public init(lexicon: Lexicon = .builtIn) {
        extractor = Extractor(lexicon: lexicon)
        procedures = ProcedureParser(lexicon: lexicon)
        records = ProcedureRecordReader(lexicon: lexicon)
    }

    /// Adds one input; returns the warnings of a procedure-record file (bad lines).
    @discardableResult
    public func add(_ document: SourceDocument, to builder: inout GraphBuilder) -> [Diagnostic] {
        if ProcedureRecordReader.handles(path: document.path) {
            let (found, warnings) = records.read(document.text, path: document.path)
            for procedure in found { builder.add(procedure) }
            return warnings
        }
        let text = extractor.pipeline.normalize(document)
        let extraction = extractor.extract(text, path: document.path, warnings: document.warnings)
        builder.add(extraction)
        // Procedures are published by decisions (Quyết định công bố); other documents' task
        // tables are not procedures.
        guard extraction.document.type == "Quyết định" else { return [] }
        for procedure in procedures.parse(text, header: extraction.document, path: document.path) {
            builder.add(procedure)
        }
        return []
    }
}
