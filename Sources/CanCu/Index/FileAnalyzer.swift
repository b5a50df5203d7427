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
    public static let recordExtensions: Set<String> = ["jsonl", "csv"]
    /// Every extension `cancu index` reads from a folder.
    public static let indexExtensions: Set<String> = DocumentReader.documentExtensions.union(recordExtensions)

    public let extractor: Extractor

    public init(lexicon: Lexicon) {
        extractor = Extractor(lexicon: lexicon)
    }

    /// True when `path` names a file of procedure records.
    public static func isRecordFile(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return recordExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// The analysis of one file, or why it could not be read.
    public func analyze(_ path: String) -> Result<FileAnalysis, InputError> {
        if Self.isRecordFile(path) { return analyzeRecords(path) }
        switch DocumentReader.read(path) {
        case .failure(let error):
            return .failure(error)
        case .success(let source):
            let extraction = extractor.extract(source)
            let document = FileAnalysis.Document(
                header: extraction.document, citations: extraction.citations, relations: extraction.relations, structure: [])
            return .success(FileAnalysis(path: path, kind: .document, documents: [document], warnings: extraction.warnings))
        }
    }

    private func analyzeRecords(_ path: String) -> Result<FileAnalysis, InputError> {
        do {
            _ = try DocumentReader.readBytes(path)
            return .success(FileAnalysis(path: path, kind: .records))
        } catch {
            return .failure(error)
        }
    }
}
