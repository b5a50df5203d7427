import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
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
        let analysis = analyzer.analyze(document)
        builder.add(analysis)
        return analysis.kind == .records ? analysis.warnings : []
    }
}
