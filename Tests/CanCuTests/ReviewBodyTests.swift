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

@Suite("Review: merged, renamed and abolished bodies")
struct ReviewBodyTests {
    @Test("Bộ Kế hoạch và Đầu tư in a 2026 document is merged into Bộ Tài chính")
    func ministryMerged() {
        let text = ReviewFixture.document(date: "20 tháng 1 năm 2026",
            body: "Sở Tài chính chủ trì, phối hợp với Bộ Kế hoạch và Đầu tư hướng dẫn các đơn vị.")
        let f = ReviewFixture.review(text).first { $0.code == .issuerMerged }
        #expect(f?.text == "Bộ Kế hoạch và Đầu tư")
        #expect(f?.replacement == "Bộ Tài chính")
        #expect(f?.severity == .error)
        #expect(f?.asOf == .written)
        #expect(f?.evidence.hasPrefix("dictionaries/succession.tsv:") == true)
        // The offsets point at the source text.
        if let f {
            let scalars = Array(text.unicodeScalars)[f.range]
            #expect(String(String.UnicodeScalarView(scalars)) == "Bộ Kế hoạch và Đầu tư")
        }
    }

    @Test("UBND huyện after 2025-07-01 is abolished; in 2024 it is at most info")
    func districtAbolished() {
        let after = ReviewFixture.document(date: "05 tháng 8 năm 2025", body: "Giao UBND huyện Ba Bể tổ chức thực hiện.")
        let f = ReviewFixture.review(after).first { $0.code == .issuerAbolished }
        #expect(f?.text == "UBND huyện")
        #expect(f?.severity == .error)
        let before = ReviewFixture.document(date: "05 tháng 8 năm 2024", body: "Giao UBND huyện Ba Bể tổ chức thực hiện. UBND huyện báo cáo.")
        let findings = ReviewFixture.review(before)
        #expect(findings.allSatisfy { $0.severity == .info })
        #expect(findings.filter { $0.code == .issuerAbolished }.count == 1)
    }

    @Test("UBND tỉnh Bắc Kạn after 2025-07-01 is merged into Thái Nguyên, also across a header line break")
    func provinceMerged() {
        let text = """
            ỦY BAN NHÂN DÂN
            TỈNH BẮC KẠN
            Số: 45/KH-UBND
            Bắc Kạn, ngày 20 tháng 7 năm 2025

            Giao Ủy ban nhân dân tỉnh Bắc Kạn chỉ đạo; số liệu của tỉnh Bắc Kạn (cũ) được giữ nguyên.
            """
        let findings = ReviewFixture.review(text).filter { $0.code == .issuerMerged }
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.replacement == "tỉnh Thái Nguyên" && $0.severity == .error })
        #expect(findings.first?.text == "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN")
        // Before the merger: no error.
        let before = text.replacingOccurrences(of: "20 tháng 7 năm 2025", with: "20 tháng 1 năm 2023")
        #expect(ReviewFixture.review(before).allSatisfy { $0.severity == .info })
    }

    @Test("tỉnh Thừa Thiên Huế after 2025-01-01 was renamed thành phố Huế")
    func renamed() {
        let text = ReviewFixture.document(date: "10 tháng 2 năm 2025", body: "Phối hợp với UBND tỉnh Thừa Thiên Huế.")
        let f = ReviewFixture.review(text).first { $0.code == .issuerRenamed }
        #expect(f?.severity == .error)
        #expect(f?.replacement?.hasPrefix("Huế") == true)
    }

    @Test("without a header date, the as-of date decides")
    func noDate() {
        let findings = ReviewFixture.review("Bộ Giao thông vận tải hướng dẫn.", asOf: "2026-01-01")
        #expect(findings.first?.code == .issuerMerged)
        #expect(findings.first?.asOf == .now)
        #expect(ReviewFixture.review("Bộ Giao thông vận tải hướng dẫn.", asOf: "2024-01-01").isEmpty)
    }
}
