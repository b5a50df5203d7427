import Foundation
import Testing
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

/// Laws cited by name and year ("Căn cứ Luật Bảo hiểm xã hội năm 2014;"): `DocumentNames` finds the
/// one registry document of that type, name and year, and the review flags it as it flags the
/// symbol. A name without a year is the version in force on the document's date (StatusProvenanceTests);
/// one the registry has several documents for is left alone.
@Suite("Review of documents cited by name")
struct ReviewNameTests {
    static let lexicon = Lexicon.builtIn
    static let extractor = Extractor(lexicon: lexicon)
    static let reviewer = Reviewer(lexicon: lexicon)
    static let names = DocumentNames(lexicon: lexicon)

    static func extract(_ source: String, path: String = "test.txt") -> (DocumentFacts, NormalizedText) {
        let document = SourceDocument(path: path, text: source, byteCount: source.utf8.count)
        let text = extractor.pipeline.normalize(document)
        return (extractor.extract(text, path: document.path), text)
    }

    static func review(_ source: String, asOf: String = "2026-11-27") -> [Finding] {
        let (extraction, text) = extract(source)
        return reviewer.review(extraction, asOf: asOf, facts: LearnedFacts())
    }

    /// A decision of `date` ("dd tháng mm năm yyyy") whose legal basis is `preamble`.
    static func decision(date: String = "15 tháng 01 năm 2026", preamble: String) -> String {
        """
        BỘ NỘI VỤ
        Số: 210/QĐ-BNV
        Hà Nội, ngày \(date)

        QUYẾT ĐỊNH
        Về việc ban hành Quy chế làm việc

        BỘ TRƯỞNG BỘ NỘI VỤ

        \(preamble)

        QUYẾT ĐỊNH:
        Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.
        Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
        """
    }

    // MARK: The resolver

    @Test("registry titles with or without the type word, in any case, match the name as cited")
    func resolverTitleForms() {
        // "Luật Ban hành văn bản quy phạm pháp luật" (type word written), "Bảo hiểm xã hội",
        // "ĐẦU TƯ", "doanh nghiệp", "Công đoàn" (type word missing, any case).
        #expect(Self.names.resolve(type: "Luật", name: "Luật Ban hành văn bản quy phạm pháp luật", year: 2015)?.symbol == "80/2015/QH13")
        #expect(Self.names.resolve(type: "Luật", name: "Luật Ban hành văn bản quy phạm pháp luật", year: 2025)?.symbol == "64/2025/QH15")
        #expect(Self.names.resolve(type: "Luật", name: "Luật Bảo hiểm xã hội", year: 2014)?.symbol == "58/2014/QH13")
        #expect(Self.names.resolve(type: "Luật", name: "Luật Bảo hiểm xã hội", year: 2024)?.symbol == "41/2024/QH15")
        #expect(Self.names.resolve(type: "Luật", name: "Luật Đầu tư", year: 2014)?.symbol == "67/2014/QH13")
        #expect(Self.names.resolve(type: "Luật", name: "Luật Doanh nghiệp", year: 2020)?.symbol == "59/2020/QH14")
        #expect(Self.names.resolve(type: "Luật", name: "Luật Công đoàn", year: 2012)?.symbol == "12/2012/QH13")
        // Without diacritics, other punctuation, the type given apart.
        #expect(Self.names.resolve(type: nil, name: "luat bao hiem xa hoi", year: 2014)?.symbol == "58/2014/QH13")
        #expect(Self.names.resolve(type: "Luật", name: "Luật sửa đổi bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật",
                                   year: 2020)?.symbol == "63/2020/QH14")
        // Rows filled from the shared reference (dictionaries/sources/document-titles.tsv).
        #expect(Self.names.resolve(type: "Bộ luật", name: "Bộ luật Lao động", year: 2012)?.symbol == "10/2012/QH13")
        #expect(Self.names.resolve(type: "Bộ luật", name: "Bộ luật Dân sự", year: 2015)?.symbol == "91/2015/QH13")
        // The type word counts: a Bộ luật is not a Luật of the same words.
        #expect(Self.names.resolve(type: "Luật", name: "Luật Lao động", year: 2012) == nil)
    }

    @Test("no year, no registry document, or several: not resolved")
    func resolverRefuses() {
        // A name without a year is ambiguous over time (2006, 2014 and 2024 laws of this name).
        #expect(Self.names.resolve(type: "Luật", name: "Luật Bảo hiểm xã hội", year: nil) == nil)
        // 65/2025/QH15 and 72/2025/QH15 are both "Luật Tổ chức chính quyền địa phương" of 2025.
        #expect(Self.names.resolve(type: "Luật", name: "Luật Tổ chức chính quyền địa phương", year: 2025) == nil)
        // Not in the registry.
        #expect(Self.names.resolve(type: "Luật", name: "Luật Việc làm", year: 2013) == nil)
        #expect(Self.names.resolve(type: "Luật", name: "Luật Bảo hiểm xã hội", year: 2015) == nil)
    }

    @Test("a user's row for the same document overrides the built-in one; two documents of one name and year do not resolve")
    func resolverRecords() {
        let law = DocumentRecord(symbol: "58/2014/QH13", type: "Luật", title: "Bảo hiểm xã hội", issued: "2014-11-20")
        let userRow = DocumentRecord(symbol: "58/2014/QH13", type: "Luật", title: "Luật Bảo hiểm xã hội", issued: "2014-11-20")
        let overridden = DocumentNames(registry: Registry(records: [law, userRow]))
        #expect(overridden.resolve(type: "Luật", name: "Luật Bảo hiểm xã hội", year: 2014)?.symbol == "58/2014/QH13")
        let other = DocumentRecord(symbol: "99/2014/QH13", type: "Luật", title: "BẢO HIỂM XÃ HỘI", issued: "2014-12-01")
        let twice = DocumentNames(registry: Registry(records: [law, other]))
        #expect(twice.resolve(type: "Luật", name: "Luật Bảo hiểm xã hội", year: 2014) == nil)
    }

    @Test("the index ties a name and year to the registry's symbol, never a bare name")
    func knownDocuments() {
        let known = KnownDocuments(lexicon: Self.lexicon)
        #expect(known.key(forName: "Luật Bảo hiểm xã hội", year: 2014) == "58/2014/QH13")
        #expect(known.key(forName: "Luật Ban hành văn bản quy phạm pháp luật", year: 2015) == "80/2015/QH13")
        #expect(known.key(forName: "Luật Tổ chức chính quyền địa phương", year: 2025) == nil)
        #expect(known.key(forName: "Luật Bảo hiểm xã hội", year: nil) == nil)
        #expect(known.key(forName: "Luật Cư trú", year: nil) == nil)
    }

    @Test("a bare name in a dated text is tied to the version then in force, when the registry leaves no doubt")
    func bareNameByDate() {
        let known = KnownDocuments(lexicon: Self.lexicon)
        // Bộ luật Lao động: 10/2012/QH13 until 2021-01-01, then 45/2019/QH14.
        #expect(known.key(forNameKey: "n:bo luat lao dong|", writtenOn: "2022-03-01") == "45/2019/QH14")
        #expect(known.key(forNameKey: "n:bo luat lao dong|", writtenOn: "2016-05-10") == "10/2012/QH13")
        // Before any version the registry knows, or with no date: no tie.
        #expect(known.key(forNameKey: "n:bo luat lao dong|", writtenOn: "2010-01-01") == nil)
        #expect(known.key(forNameKey: "n:bo luat lao dong|", writtenOn: nil) == nil)
        // The 2012 code had been replaced by the 2019 one when a 2020 text was written, but the
        // registry's 2019 code is the latest issued before it: that one.
        #expect(known.key(forNameKey: "n:bo luat lao dong|", writtenOn: "2020-06-01") == "45/2019/QH14")
        // A name whose latest earlier version had expired by then (the registry lacks its successor).
        let law = DocumentRecord(symbol: "71/2006/QH11", type: "Luật", title: "Luật Bảo hiểm xã hội", issued: "2006-06-29",
                                 expiredOn: "2016-01-01")
        let names = DocumentNames(records: [law])
        #expect(names.resolve(type: nil, name: "luat bao hiem xa hoi", writtenOn: "2015-12-01")?.symbol == "71/2006/QH11")
        #expect(names.resolve(type: nil, name: "luat bao hiem xa hoi", writtenOn: "2020-01-01") == nil)
        // Two versions of one name in the same latest year: no tie.
        let other = DocumentRecord(symbol: "72/2006/QH11", type: "Luật", title: "Luật Bảo hiểm xã hội", issued: "2006-11-29")
        #expect(DocumentNames(records: [law, other]).resolve(type: nil, name: "luat bao hiem xa hoi", writtenOn: "2010-01-01") == nil)
    }

    @Test("the index stores a bare name of a dated document under the version then in force; cited-by finds it")
    func bareNameInIndex() async throws {
        let dir = try IndexTestSupport.temporaryFolder("bare-names")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("quyet-dinh.txt").path
        try Self.decision(date: "15 tháng 01 năm 2022", preamble: """
            Căn cứ Bộ luật Lao động;
            Căn cứ Luật Việc làm;
            """).write(toFile: path, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("i.sqlite").path
        _ = try await Indexer(lexicon: Self.lexicon).run([path], into: try DocumentIndex.create(path: db))
        let queries = IndexQueries(index: try DocumentIndex.openForReading(path: db), lexicon: Self.lexicon)
        let citing = try queries.citedBy("45/2019/QH14")
        #expect(citing.count == 1 && citing.first?.mentions.map(\.text) == ["Bộ luật Lao động"])
        #expect(try queries.citedBy("10/2012/QH13").isEmpty)
    }

    // MARK: Review

    /// A name citation in a 2026 decision, the finding it must give.
    struct Flag: Sendable, CustomTestStringConvertible {
        var line: String
        var cited: String
        var symbol: String
        var code: Finding.Code
        var replacement: String?
        var testDescription: String { cited }
    }

    static let flags: [Flag] = [
        Flag(line: "Căn cứ Luật Bảo hiểm xã hội năm 2014;", cited: "Luật Bảo hiểm xã hội năm 2014",
             symbol: "58/2014/QH13", code: .docReplaced, replacement: "41/2024/QH15"),
        Flag(line: "Căn cứ Bộ luật Lao động năm 2012;", cited: "Bộ luật Lao động năm 2012",
             symbol: "10/2012/QH13", code: .docReplaced, replacement: "45/2019/QH14"),
        Flag(line: "Căn cứ Luật Ban hành văn bản quy phạm pháp luật năm 2015;", cited: "Luật Ban hành văn bản quy phạm pháp luật năm 2015",
             symbol: "80/2015/QH13", code: .docReplaced, replacement: "64/2025/QH15"),
        Flag(line: "Căn cứ Luật Đầu tư năm 2014;", cited: "Luật Đầu tư năm 2014",
             symbol: "67/2014/QH13", code: .docReplaced, replacement: "61/2020/QH14"),
        Flag(line: "Căn cứ Luật Công đoàn năm 2012;", cited: "Luật Công đoàn năm 2012",
             symbol: "12/2012/QH13", code: .docReplaced, replacement: "50/2024/QH15"),
        Flag(line: "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật năm 2020;",
             cited: "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật năm 2020",
             symbol: "63/2020/QH14", code: .docExpired, replacement: nil),
        Flag(line: "Căn cứ Luật Bảo hiểm y tế năm 2008;", cited: "Luật Bảo hiểm y tế năm 2008",
             symbol: "25/2008/QH12", code: .docAmended, replacement: nil),
    ]

    @Test("a law cited by name and year gets the finding of its symbol", arguments: flags)
    func flagged(_ flag: Flag) throws {
        let findings = Self.review(Self.decision(preamble: flag.line))
        let finding = try #require(findings.first { $0.text.hasPrefix(flag.cited.components(separatedBy: " năm ")[0]) })
        #expect(finding.code == flag.code)
        #expect(finding.symbol == flag.symbol)
        #expect(finding.text == flag.cited)
        #expect(finding.replacement == flag.replacement)
        #expect(finding.message.hasPrefix("\(flag.cited) (\(flag.symbol)) "), "\(finding.message)")
        if let replacement = flag.replacement { #expect(finding.message.contains("thay thế bởi \(replacement)")) }
        #expect(finding.evidence.hasPrefix("dictionaries/documents.tsv:"))
        // Outdated when this 2026 decision was written: an error, as for the symbol.
        if flag.code != .docAmended {
            #expect(finding.severity == .error)
            #expect(finding.asOf == .written)
        }
    }

    @Test("the name and year and the symbol give the same finding")
    func sameAsSymbol() throws {
        let byName = try #require(Self.review(Self.decision(preamble: "Căn cứ Luật Bảo hiểm xã hội năm 2014;")).first { $0.code == .docReplaced })
        let bySymbol = try #require(Self.review(Self.decision(preamble: "Căn cứ Luật Bảo hiểm xã hội số 58/2014/QH13;")).first { $0.code == .docReplaced })
        #expect(byName.symbol == bySymbol.symbol)
        #expect(byName.severity == bySymbol.severity)
        #expect(byName.replacement == bySymbol.replacement)
        #expect(byName.changed == bySymbol.changed)
        #expect(byName.evidence == bySymbol.evidence)
        #expect(byName.asOf == bySymbol.asOf)
        #expect(byName.message == "Luật Bảo hiểm xã hội năm 2014 (58/2014/QH13) hết hiệu lực từ 2025-07-01, thay thế bởi 41/2024/QH15; văn bản này ban hành ngày 2026-01-15, khi đó đã lỗi thời")
        #expect(bySymbol.message == "Luật 58/2014/QH13 hết hiệu lực từ 2025-07-01, thay thế bởi 41/2024/QH15; văn bản này ban hành ngày 2026-01-15, khi đó đã lỗi thời")
    }

    @Test("a name cited while it was in force is flagged as outdated now only")
    func rightWhenWritten() throws {
        let findings = Self.review(Self.decision(date: "25 tháng 11 năm 2022", preamble: "Căn cứ Luật Bảo hiểm xã hội ngày 20 tháng 11 năm 2014;"))
        let finding = try #require(findings.first { $0.code == .docReplaced })
        #expect(finding.symbol == "58/2014/QH13")
        #expect(finding.severity == .warning)
        #expect(finding.asOf == .now)
    }

    @Test("no finding for a name without a year whose version then is in force, an unknown or ambiguous name and year, or a law in force",
          arguments: [
            "Căn cứ Bộ luật Lao động;",
            "Căn cứ Luật Việc làm năm 2013;",
            "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;",
            "Căn cứ Bộ luật Lao động năm 2019;",
            "Căn cứ Bộ luật Dân sự năm 2015;",
          ])
    func notFlagged(_ line: String) throws {
        let (extraction, _) = Self.extract(Self.decision(preamble: line))
        // The extractor does see a citation by name: the review is what leaves it alone.
        let citation = try #require(extraction.citations.first { $0.kind == .name })
        #expect(citation.symbol == nil)
        let findings = Self.review(Self.decision(preamble: line))
        #expect(!findings.contains { $0.range.overlaps(citation.source) }, "\(findings.map(\.message))")
    }

    @Test("review --db gives the name citations the findings of review PATH")
    func fromIndex() async throws {
        let dir = try IndexTestSupport.temporaryFolder("review-names")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("quyet-dinh.txt").path
        try Self.decision(preamble: """
            Căn cứ Luật Bảo hiểm xã hội năm 2014;
            Căn cứ Bộ luật Lao động năm 2012;
            Căn cứ Luật Ban hành văn bản quy phạm pháp luật năm 2015;
            Căn cứ Bộ luật Lao động năm 2019;
            """).write(toFile: path, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("i.sqlite").path
        let report = try await Indexer(lexicon: Self.lexicon).run([path], into: try DocumentIndex.create(path: db))
        #expect(report.failures.isEmpty)
        let review = IndexReview(index: try DocumentIndex.openForReading(path: db), reviewer: Self.reviewer)
        var fromIndex: [Finding] = []
        try review.review(asOf: "2026-11-27", facts: try review.learnFacts()) { _, found in fromIndex += found }

        let text = try String(contentsOfFile: path, encoding: .utf8)
        let fromFile = Self.review(text)
        let symbols = ["58/2014/QH13", "10/2012/QH13", "80/2015/QH13"]
        for symbol in symbols {
            let a = try #require(fromFile.first { $0.symbol == symbol })
            let b = try #require(fromIndex.first { $0.symbol == symbol })
            #expect(a.code == .docReplaced)
            #expect((a.code, a.range, a.text, a.message, a.severity) == (b.code, b.range, b.text, b.message, b.severity))
        }
        #expect(!fromIndex.contains { $0.symbol == "45/2019/QH14" })
    }
}
