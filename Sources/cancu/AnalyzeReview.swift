import CanCu

/// The outdated-references section `cancu analyze` prints after its summary: the review of the
/// whole index (from its stored rows) as of today or `--as-of`, and whether any finding is an
/// error (then `analyze` exits 1, as `review` does on the same documents).
enum AnalyzeReview {
    static func section(_ options: IndexOptions, style: TerminalStyle) throws -> (text: String, anyError: Bool) {
        let lexicon = try options.lexicon()
        let index = try reportingIndexErrors { () throws(IndexError) in try DocumentIndex.openForReading(path: options.db) }
        let review = IndexReview(index: index, reviewer: Reviewer(lexicon: lexicon))
        let asOf = options.asOf.flatMap(AsOfDate.iso) ?? Reviewer.today()
        var found: [(finding: Finding, line: Int)] = []
        var documents = 0
        var coverage = StatusCoverage()
        try reportingIndexErrors { () throws(IndexError) in
            let facts = try review.learnFacts()
            try review.review(asOf: asOf, facts: facts) { document, findings in
                documents += 1
                coverage.add(document, reviewer: review.reviewer, facts: facts)
                let lineOf = document.lines()
                for finding in findings { found.append((finding, lineOf(finding.range.lowerBound))) }
            }
        }
        let text = ReviewView.analyzeSection(found, documents: documents, fullList: "cancu review --db \(options.db)", style: style)
            + ReviewView.coverage(coverage, style: style)
        return (text, found.contains { $0.finding.severity == .error })
    }
}
