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

@Suite("Review: cited documents")
struct ReviewDocumentTests {
    @Test("61/2018/NĐ-CP cited after 2025-07-01 is replaced by 118/2025/NĐ-CP, outdated when written")
    func replacedAfterChange() {
        let text = ReviewFixture.document(date: "15 tháng 9 năm 2025",
            body: "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính;")
        let c = ReviewFixture.citation("Nghị định số 61/2018/NĐ-CP", symbol: "61/2018/NĐ-CP", type: "Nghị định", issued: "2018-04-23", in: text)
        let findings = ReviewFixture.review(text, citations: [c])
        let f = findings.first { $0.code == .docReplaced }
        #expect(f?.severity == .error)
        #expect(f?.replacement == "118/2025/NĐ-CP")
        #expect(f?.asOf == .written)
        #expect(f?.changed == "2025-07-01")
        #expect(f?.evidence.hasPrefix("dictionaries/documents.tsv:") == true)
        #expect(f?.range == c.source)
        #expect(findings.allSatisfy { $0.code != .dateMismatch })
    }

    @Test("the same citation in a document of 2024 is outdated only now: a warning, never an error")
    func replacedBeforeChange() {
        let text = ReviewFixture.document(date: "10 tháng 5 năm 2024",
            body: "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;")
        let c = ReviewFixture.citation("Nghị định số 61/2018/NĐ-CP", symbol: "61/2018/NĐ-CP", type: "Nghị định", issued: "2018-04-23", in: text)
        let findings = ReviewFixture.review(text, citations: [c])
        let f = findings.first { $0.code == .docReplaced }
        #expect(f?.severity == .warning)
        #expect(f?.asOf == .now)
        #expect(findings.allSatisfy { $0.severity != .error })
        // Judged as of a date before the change, nothing is outdated at all.
        #expect(ReviewFixture.review(text, citations: [c], asOf: "2025-01-01").allSatisfy { $0.code != .docReplaced })
    }

    @Test("80/2015/QH13 cited after 2025-04-01 is replaced by 64/2025/QH15")
    func lawReplaced() {
        let text = ReviewFixture.document(date: "20 tháng 5 năm 2025",
            body: "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 được sửa đổi, bổ sung bởi Luật số 63/2020/QH14;")
        let c = ReviewFixture.citation("Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13", symbol: "80/2015/QH13", type: "Luật", in: text)
        let f = ReviewFixture.review(text, citations: [c]).first { $0.code == .docReplaced }
        #expect(f?.replacement == "64/2025/QH15")
        #expect(f?.severity == .error)
        #expect(f?.message.contains("2025-04-01") == true)

        let before = ReviewFixture.document(date: "20 tháng 3 năm 2025", body: "Căn cứ Luật số 80/2015/QH13;")
        let c2 = ReviewFixture.citation("Luật số 80/2015/QH13", symbol: "80/2015/QH13", type: "Luật", in: before)
        #expect(ReviewFixture.review(before, citations: [c2]).allSatisfy { $0.severity != .error })
    }

    @Test("a wrong issue date: Nghị định số 09/2019/NĐ-CP ngày 25/01/2019 (issued 24/01/2019)")
    func dateMismatch() {
        let text = ReviewFixture.document(date: "03 tháng 3 năm 2023",
            body: "Thực hiện Nghị định số 09/2019/NĐ-CP ngày 25/01/2019 của Chính phủ quy định về chế độ báo cáo;")
        let c = ReviewFixture.citation("Nghị định số 09/2019/NĐ-CP", symbol: "09/2019/NĐ-CP", type: "Nghị định", issued: "2019-01-25", in: text)
        let findings = ReviewFixture.review(text, citations: [c])
        let f = findings.first { $0.code == .dateMismatch }
        #expect(f?.expected == "2019-01-24")
        #expect(f?.severity == .warning)
        #expect(f?.message.contains("2019-01-24") == true)
        // The right date gives no finding about the date.
        let good = ReviewFixture.citation("Nghị định số 09/2019/NĐ-CP", symbol: "09/2019/NĐ-CP", type: "Nghị định", issued: "2019-01-24", in: text)
        #expect(ReviewFixture.review(text, citations: [good]).allSatisfy { $0.code != .dateMismatch })
    }

    @Test("citing a document issued after the citing one is doc_not_yet_issued")
    func notYetIssued() {
        let text = ReviewFixture.document(date: "10 tháng 3 năm 2025",
            body: "Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ;")
        let c = ReviewFixture.citation("Nghị định số 118/2025/NĐ-CP", symbol: "118/2025/NĐ-CP", type: "Nghị định", issued: "2025-06-09", in: text)
        let f = ReviewFixture.review(text, citations: [c]).first
        #expect(f?.code == .docNotYetIssued)
        #expect(f?.severity == .error)
        #expect(f?.asOf == .written)
        // A year in the symbol after the document's year, unknown to the registry.
        let later = ReviewFixture.document(date: "10 tháng 3 năm 2024", body: "Căn cứ Thông tư số 05/2026/TT-BXD;")
        let c2 = ReviewFixture.citation("Thông tư số 05/2026/TT-BXD", symbol: "05/2026/TT-BXD", type: "Thông tư", in: later)
        #expect(ReviewFixture.review(later, citations: [c2]).first?.code == .docNotYetIssued)
    }

    @Test("a document that itself replaces 61/2018/NĐ-CP is not flagged for citing it")
    func selfReplacement() {
        let text = ReviewFixture.document(date: "09 tháng 6 năm 2025", number: "118/2025/NĐ-CP",
            body: "Điều 40. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025 và thay thế Nghị định số 61/2018/NĐ-CP.")
        let c = ReviewFixture.citation("Nghị định số 61/2018/NĐ-CP", symbol: "61/2018/NĐ-CP", type: "Nghị định", in: text)
        let r = Relation(from: nil, to: 0, type: .replaces, source: c.source)
        #expect(ReviewFixture.review(text, citations: [c], relations: [r]).allSatisfy { $0.symbol != "61/2018/NĐ-CP" })
    }

    @Test("a programme whose term ended (1085/QĐ-TTg, 2022-2025) cited in 2026 expired by term")
    func expiredByTerm() {
        let text = ReviewFixture.document(date: "12 tháng 2 năm 2026", body: "Thực hiện Quyết định số 1085/QĐ-TTg ngày 15/9/2022 của Thủ tướng Chính phủ;")
        let c = ReviewFixture.citation("Quyết định số 1085/QĐ-TTg", symbol: "1085/QĐ-TTg", type: "Quyết định", issued: "2022-09-15", in: text)
        let f = ReviewFixture.review(text, citations: [c]).first { $0.code == .docExpiredByTerm }
        #expect(f?.changed == "2026-01-01")
        #expect(f?.asOf == .written)
    }

    @Test("unknown and amended documents are info, once per document")
    func unknownAndAmended() {
        let text = ReviewFixture.document(date: "12 tháng 2 năm 2024",
            body: "Căn cứ Nghị định số 63/2010/NĐ-CP; Thông tư số 77/2019/TT-BXX; Thông tư số 77/2019/TT-BXX.")
        let a = ReviewFixture.citation("Nghị định số 63/2010/NĐ-CP", symbol: "63/2010/NĐ-CP", type: "Nghị định", in: text)
        let u = ReviewFixture.citation("Thông tư số 77/2019/TT-BXX", symbol: "77/2019/TT-BXX", type: "Thông tư", in: text)
        let findings = ReviewFixture.review(text, citations: [a, u, u])
        #expect(findings.filter { $0.code == .unknownDocument }.count == 1)
        let amended = findings.first { $0.code == .docAmended }
        #expect(amended?.severity == .info)
        #expect(amended?.message.contains("92/2017/NĐ-CP") == true)
    }
}
