/// Reads one input file and runs the extraction stages the index stores: for a document, the
/// header, citations, relations and structure (and the procedures of a publishing decision); for
/// a file of procedure records, the procedures and their legal basis.
///
/// ```swift
/// let analyzer = FileAnalyzer(lexicon: .builtIn)
/// if case .success(let analysis) = analyzer.analyze("corpus/nghi-dinh-mau.txt") { … }
/// ```
public struct FileAnalyzer: Sendable {
    /// Extensions read as procedure records.
    public static let recordExtensions: Set<String> = ["jsonl", "ndjson", "csv"]
    /// Every extension `cancu index` reads from a folder.
    public static let indexExtensions: Set<String> = DocumentReader.documentExtensions.union(recordExtensions)

    public let extractor: Extractor
    let records: ProcedureRecordReader
    let decisions: ProcedureParser
    /// Finds the changed bodies a document names, stored for `cancu review --db`.
    let bodies: BodyScanner
    /// How far into a document its header is looked for (`rules.tsv`: header_length).
    let headerLength: Int

    public init(lexicon: Lexicon) {
        extractor = Extractor(lexicon: lexicon)
        bodies = BodyScanner(changes: BodyChange.all(lexicon: lexicon), normalizer: extractor.pipeline.normalizer)
        headerLength = lexicon.rules.int("header_length")
        records = ProcedureRecordReader(lexicon: lexicon)
        decisions = ProcedureParser(lexicon: lexicon)
    }

    /// True when `path` names a file of procedure records.
    public static func isRecordFile(_ path: String) -> Bool {
        ProcedureRecordReader.handles(path: path)
    }

    /// The analysis of one file, or why it could not be read.
    public func analyze(_ path: String) -> Result<FileAnalysis, InputError> {
        do {
            return analyze(path, bytes: try DocumentReader.readBytes(path))
        } catch {
            return .failure(error)
        }
    }

    /// The analysis of the bytes read from `path` (the index hashes the same bytes).
    public func analyze(_ path: String, bytes: [UInt8]) -> Result<FileAnalysis, InputError> {
        if Self.isRecordFile(path) { return analyzeRecords(path, bytes: bytes) }
        switch DocumentReader.read(bytes: bytes, path: path) {
        case .failure(let error):
            return .failure(error)
        case .success(let source):
            let text = extractor.pipeline.normalize(source)
            let extraction = extractor.extract(text, path: source.path, warnings: source.warnings)
            let structure = extractor.structure(of: text)
            var procedures: [Procedure] = []
            if Self.mayPublishProcedures(extraction.document) {
                procedures = decisions.parse(text, header: extraction.document, path: path).map(withBasis)
            }
            let document = FileAnalysis.Document(
                header: extraction.document, citations: extraction.citations, relations: extraction.relations, structure: structure,
                review: ReviewDocument.Extras(extraction, text: text, scanner: bodies, headerLength: headerLength))
            return .success(FileAnalysis(path: path, kind: .document, documents: [document], procedures: procedures,
                                         warnings: extraction.warnings))
        }
    }

    /// Only a decision whose title publishes (công bố) administrative procedures lists any; other
    /// documents (a plan's task table, a letter) skip the annex scan.
    static func mayPublishProcedures(_ header: DocumentHeader) -> Bool {
        let title = Folding.fold(header.title ?? "")
        return title.contains("cong bo") && (title.contains("thu tuc") || title.contains("tthc"))
    }

    /// The procedure with its legal basis: the documents its basis text cites (one citation per
    /// distinct document, glued table cells split).
    func withBasis(_ procedure: Procedure) -> Procedure {
        guard procedure.basis.isEmpty, !procedure.basisText.isEmpty else { return procedure }
        var result = procedure
        result.basis = extractor.citations.basisRows(inField: procedure.basisText)
        return result
    }

    private func analyzeRecords(_ path: String, bytes: [UInt8]) -> Result<FileAnalysis, InputError> {
        do {
            let decoded = try DocumentReader.decodeText(bytes, path: path, forcedEncoding: nil)
            let (procedures, warnings) = records.read(decoded.text, path: path)
            return .success(FileAnalysis(path: path, kind: .records, procedures: procedures.map(withBasis),
                                         warnings: decoded.warnings + warnings))
        } catch {
            return .failure(error)
        }
    }
}
