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

/// Review through the whole pipeline, as `cancu review` runs it: the citations, their dates and the
/// document's own date come from the extractor, not from the test.
@Suite("Review end to end")
struct ReviewEndToEndTests {
    static let extractor = Extractor(lexicon: .builtIn)
    static let reviewer = Reviewer(lexicon: .builtIn)

    func review(_ source: String, asOf: String = "2026-11-27") -> [Finding] {
        let document = SourceDocument(path: "test.txt", text: source, byteCount: source.utf8.count)
        let text = Self.extractor.pipeline.normalize(document)
        let extraction = Self.extractor.extract(text, path: document.path)
        return Self.reviewer.review(extraction, asOf: asOf, facts: LearnedFacts())
    }

    func decision(date: String, preamble: String) -> String {
        """
        ỦY BAN NHÂN DÂN
        TỈNH THÁI NGUYÊN
        Số: 210/QĐ-UBND
        Thái Nguyên, ngày \(date)

        QUYẾT ĐỊNH
        Về việc công bố Danh mục thủ tục hành chính nội bộ

        CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH

        \(preamble)

        QUYẾT ĐỊNH:
        Điều 1. Công bố kèm theo Quyết định này Danh mục thủ tục hành chính nội bộ.
        Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
        """
    }

    @Test("61/2018/NĐ-CP cited after 2025-07-01 is replaced by 118/2025/NĐ-CP")
    func replacedDecree() throws {
        let findings = review(decision(date: "15 tháng 9 năm 2025",
            preamble: "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính;"))
        let f = try #require(findings.first { $0.code == .docReplaced })
        #expect(f.symbol == "61/2018/NĐ-CP")
        #expect(f.replacement == "118/2025/NĐ-CP")
        #expect(f.severity == .error)
        #expect(f.asOf == .written)
    }

    @Test("analyze lists at most `limit` errors and warnings and says where the rest is")
    func analyzeSectionLimit() {
        let findings = review(decision(date: "15 tháng 01 năm 2026", preamble: """
            Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ;
            Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06 tháng 12 năm 2021 của Chính phủ;
            Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13;
            """))
        let errors = findings.filter { $0.severity == .error }
        #expect(errors.count == 3)
        let listed = findings.map { (finding: $0, line: 1) }
        let wide = TerminalStyle(width: 10_000, color: false)
        let all = ReviewView.analyzeSection(listed, documents: 1, style: wide)
        #expect(errors.allSatisfy { all.contains(TextDates.inText($0.message)) } && !all.contains("khác"))
        let cut = ReviewView.analyzeSection(listed, documents: 1, limit: 2, fullList: "cancu review --db x.sqlite", style: wide)
        #expect(errors.filter { cut.contains(TextDates.inText($0.message)) }.count == 2)
        #expect(cut.contains("… và 1 lỗi khác (xem tất cả: cancu review --db x.sqlite)"))
    }

    @Test("The same citation in a document dated before 2025-07-01 is no error")
    func replacedDecreeBefore() {
        let findings = review(decision(date: "15 tháng 9 năm 2023",
            preamble: "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa;"))
        #expect(!findings.contains { $0.severity == .error })
        #expect(findings.first { $0.code == .docReplaced }?.asOf == .now)
    }

    @Test("80/2015/QH13 cited after 2025-04-01 is replaced by 64/2025/QH15")
    func replacedLaw() throws {
        let findings = review(decision(date: "10 tháng 5 năm 2025",
            preamble: "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13;"))
        let f = try #require(findings.first { $0.code == .docReplaced && $0.symbol == "80/2015/QH13" })
        #expect(f.replacement == "64/2025/QH15")
        #expect(f.severity == .error)
        let before = review(decision(date: "10 tháng 3 năm 2025",
            preamble: "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13;"))
        #expect(!before.contains { $0.severity == .error })
    }

    @Test("A wrong issue date is a date_mismatch")
    func dateMismatch() throws {
        let findings = review(decision(date: "15 tháng 3 năm 2023",
            preamble: "Căn cứ Nghị định số 09/2019/NĐ-CP ngày 25/01/2019 của Chính phủ quy định về chế độ báo cáo của cơ quan hành chính nhà nước;"))
        let f = try #require(findings.first { $0.code == .dateMismatch })
        #expect(f.symbol == "09/2019/NĐ-CP")
        #expect(f.message.contains("2019-01-24"))
        let right = review(decision(date: "15 tháng 3 năm 2023",
            preamble: "Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định về chế độ báo cáo;"))
        #expect(!right.contains { $0.code == .dateMismatch })
    }

    @Test("Citing a document issued after the citing one is doc_not_yet_issued")
    func notYetIssued() throws {
        let findings = review(decision(date: "20 tháng 01 năm 2023",
            preamble: "Căn cứ Thông tư số 01/2023/TT-VPCP ngày 05/4/2023 của Văn phòng Chính phủ;"))
        let f = try #require(findings.first { $0.code == .docNotYetIssued })
        #expect(f.symbol == "01/2023/TT-VPCP")
        #expect(f.severity == .error)
    }

    @Test("Old bodies in a 2026 document: merged ministry, abolished district level, merged province")
    func bodies() {
        let findings = review(decision(date: "12 tháng 3 năm 2026",
            preamble: "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\nXét đề nghị của Bộ Kế hoạch và Đầu tư, UBND huyện Chợ Mới và UBND tỉnh Bắc Kạn;"))
        #expect(findings.contains { $0.code == .issuerMerged && $0.replacement == "Bộ Tài chính" && $0.severity == .error })
        #expect(findings.contains { $0.code == .issuerAbolished && $0.severity == .error })
        #expect(findings.contains { $0.code == .issuerMerged && $0.replacement == "tỉnh Thái Nguyên" })
    }

    @Test("The project corpus: every planted outdated reference is found")
    func projectCorpus() throws {
        let path = SharedCorpus.projectCorpus.appendingPathComponent("nghi-dinh-mau.txt").path
        guard case .success(let document) = DocumentReader.read(path) else {
            Issue.record("cannot read \(path)")
            return
        }
        let findings = review(document.text)
        let codes = Set(findings.map(\.code))
        #expect(codes.isSuperset(of: [.docReplaced, .dateMismatch, .issuerMerged, .issuerAbolished]))
        #expect(findings.contains { $0.code == .docReplaced && $0.symbol == "61/2018/NĐ-CP" })
        // The decree repeals only some points of 63/2010/NĐ-CP: that is no repeal of the whole document.
        #expect(!findings.contains { $0.code == .docRepealed && $0.symbol == "63/2010/NĐ-CP" })
    }
}

@Suite("Review end to end: references that are right as written")
struct ReviewHistoricalTests {
    func review(_ source: String) -> [Finding] {
        ReviewEndToEndTests().review(source)
    }

    @Test("The issuer of a document cited with its earlier date is named as it was then: a note, not an error")
    func historicalIssuer() {
        let text = ReviewEndToEndTests().decision(date: "12 tháng 3 năm 2026",
            preamble: "Căn cứ Quyết định số 1234/QĐ-UBND ngày 28/3/2023 của Chủ tịch UBND tỉnh Bắc Kạn về việc công bố thủ tục hành chính nội bộ;\nGiao UBND tỉnh Bắc Kạn (cũ) và UBND tỉnh Bắc Kạn bàn giao hồ sơ.")
        let merged = review(text).filter { $0.code == .issuerMerged }
        #expect(merged.contains { $0.severity == .info })
        #expect(merged.contains { $0.severity == .error })
    }

    @Test("A catalogue of documents and their status names expired ones on purpose")
    func catalogue() {
        let text = """
            BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
            Số: 225/QĐ-BLĐTBXH
            Hà Nội, ngày 05 tháng 3 năm 2026

            QUYẾT ĐỊNH
            Về việc công bố kết quả hệ thống hóa văn bản quy phạm pháp luật kỳ 2019 - 2023

            Điều 1. Công bố kèm theo Quyết định này Danh mục văn bản hết hiệu lực: Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ.
            """
        let findings = review(text).filter { $0.symbol == "61/2018/NĐ-CP" }
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.severity == .info })
    }
}
