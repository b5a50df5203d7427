import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import CanCuGraph
extension CorpusGenerator {
    /// Synthetic analyses for the review benchmark: `syntheticAnalyses` documents with the review
    /// data the indexer stores — own date and symbol, citation lines, every tenth document
    /// replacing one it cites ("Nghị định này thay thế …"), and every third naming a body of
    /// `changes` (an abolished district, a merged ministry) in its text.
    public static func syntheticReviewAnalyses(documents: Int, changes: [BodyChange]) -> [FileAnalysis] {
        var analyses = syntheticAnalyses(documents: documents, procedures: 0)
        for (n, analysis) in analyses.enumerated() {
            guard var document = analysis.documents.first else { continue }
            var extras = ReviewFacts(ownSymbol: document.document.symbol, written: document.document.issued,
                                     effective: document.document.issued)
            extras.citationLines = document.citations.indices.map { 10 + $0 }
            if n % 10 == 0, document.citations.count > 1 {
                document.relations.append(Relation(from: nil, to: 1, type: .replaces, source: 0..<10))
                extras.sentences[document.relations.count - 1] = "Nghị định này thay thế \(document.citations[1].text)"
            }
            if n % 3 == 0, !changes.isEmpty {
                let change = changes[n % changes.count]
                let phrase = change.patterns.first?.phrase ?? change.oldBody
                extras.bodies = [ReviewFacts.BodyMention(range: 100..<(100 + phrase.unicodeScalars.count), text: phrase, line: 20,
                                                            origin: change.origin, oldBody: change.oldBody,
                                                            severity: change.patterns.first?.severity ?? .warning)]
            }
            document.review = extras
            analyses[n].documents = [document]
        }
        return analyses
    }
}
