import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
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
    /// The resolve stage: citations tied to the node keys of what they name.
    let targets: CitationTargets

    public init(lexicon: Lexicon) {
        extractor = Extractor(lexicon: lexicon)
        records = ProcedureRecordReader(lexicon: lexicon)
        targets = CitationTargets(known: KnownDocuments(lexicon: lexicon))
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
            return .success(analyze(source))
        }
    }

    /// The analysis of a document already read.
    public func analyze(_ source: SourceDocument) -> FileAnalysis {
        var analysis: FileAnalysis
        if Self.isRecordFile(source.path) {
            let (procedures, warnings) = records.read(source.text, path: source.path)
            analysis = FileAnalysis(path: source.path, kind: .records, records: procedures.map(extractor.withBasis),
                                    warnings: source.warnings + warnings)
        } else {
            let facts = extractor.extract(source)
            analysis = FileAnalysis(path: source.path, kind: .document, documents: [facts], warnings: facts.warnings)
        }
        targets.resolve(&analysis)
        return analysis
    }

    private func analyzeRecords(_ path: String, bytes: [UInt8]) -> Result<FileAnalysis, InputError> {
        do {
            let decoded = try DocumentReader.decodeText(bytes, path: path, forcedEncoding: nil)
            let (procedures, warnings) = records.read(decoded.text, path: path)
            var analysis = FileAnalysis(path: path, kind: .records, records: procedures.map(extractor.withBasis),
                                        warnings: decoded.warnings + warnings)
            targets.resolve(&analysis)
            return .success(analysis)
        } catch {
            return .failure(error)
        }
    }
}
