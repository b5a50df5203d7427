import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
/// `cancu review PATH…`: each document is read and analysed once (`Extractor`, all stages), what
/// the documents say about each other is learned from all of them, then each is reviewed in the
/// order given, with the same `Reviewer` rules as `cancu review --db` (`IndexReview`).
///
/// ```swift
/// let review = FilesReview(lexicon: .builtIn)
/// let outcome = review.review(["corpus"], asOf: "2026-01-15") { document, findings in
///     print(document.path, findings.count)
/// }
/// ```
public struct FilesReview: Sendable {
    public let extractor: Extractor
    public let reviewer: Reviewer

    public init(lexicon: Lexicon) {
        extractor = Extractor(lexicon: lexicon)
        reviewer = Reviewer(lexicon: lexicon)
    }

    /// One input, in the order given: its facts and findings, or why it could not be read.
    public enum Outcome: Sendable {
        case reviewed(DocumentFacts, [Finding])
        case failed(InputError)
    }

    /// Reviews the documents under `paths` (files, folders read recursively, `-` for standard
    /// input), calling `body` for each input in order. Texts are dropped once analysed, so memory
    /// holds the facts, not the documents. Returns how many cited documents have a known status.
    @discardableResult
    public func review(_ paths: [String], asOf: String, encoding: InputEncoding? = nil,
                       _ body: (Outcome) throws -> Void) rethrows -> StatusCoverage {
        let files = DocumentReader.expand(paths, extensions: DocumentReader.documentExtensions)
        var analysed: [Result<DocumentFacts, InputError>] = []
        var learned = LearnedFacts()
        for path in files {
            switch DocumentReader.read(path, encoding: encoding) {
            case .failure(let error):
                analysed.append(.failure(error))
            case .success(let document):
                var facts = extractor.extract(document)
                facts.text = nil
                learned.add(FactLearner.learn(from: facts))
                analysed.append(.success(facts))
            }
        }
        var coverage = StatusCoverage()
        for result in analysed {
            switch result {
            case .failure(let error): try body(.failed(error))
            case .success(let facts):
                coverage.add(facts, reviewer: reviewer, facts: learned)
                try body(.reviewed(facts, reviewer.review(facts, asOf: asOf, facts: learned)))
            }
        }
        return coverage
    }
}
