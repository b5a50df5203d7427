@testable import CanCu
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuLexicon
@testable import CanCuInput
@testable import CanCuExtract
@testable import CanCuReview
@testable import CanCuIndex
@testable import CanCuGraph
@testable import CanCuViews
@testable import CanCuBenchmarks

/// Builds review inputs from short documents: the citation stage is not part of these tests, so a
/// test names the citations it wants and they are located in the text here.
enum ReviewFixture {
    static let reviewer = Reviewer(lexicon: .builtIn)
    static let extractor = Extractor(lexicon: .builtIn)

    /// A citation of `symbol` at the first occurrence of `phrase` in `text`.
    static func citation(_ phrase: String, symbol: String, type: String, issued: String? = nil, in text: String) -> Citation {
        let scalars = Array(text.unicodeScalars)
        let needle = Array(phrase.unicodeScalars)
        var start = 0
        while start + needle.count <= scalars.count, Array(scalars[start..<(start + needle.count)]) != needle { start += 1 }
        precondition(start + needle.count <= scalars.count, "phrase not in text: \(phrase)")
        return Citation(source: start..<(start + needle.count), range: 0..<0, text: phrase, symbol: symbol, type: type,
                        year: Registry.year(of: symbol), issued: issued.flatMap(LegalDate.init(iso:)), kind: .full)
    }

    static func review(_ text: String, citations: [Citation] = [], relations: [Relation] = [], asOf: String = "2026-03-01",
                       facts: LearnedFacts = LearnedFacts()) -> [Finding] {
        let normalized = Normalizer.standard.normalize(text)
        let extraction = extractor.addingReviewFacts(DocumentFacts(path: "test.txt", citations: citations, relations: relations), text: normalized)
        return reviewer.review(extraction, asOf: asOf, facts: facts)
    }

    /// A document of `date` ("dd tháng mm năm yyyy") whose body is `body`.
    static func document(date: String, number: String = "15/KH-UBND", body: String) -> String {
        """
        ỦY BAN NHÂN DÂN
        THÀNH PHỐ HÀ NỘI
        Số: \(number)
        Hà Nội, ngày \(date)

        KẾ HOẠCH
        Triển khai thực hiện cơ chế một cửa năm 2025

        \(body)
        """
    }
}
