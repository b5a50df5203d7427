import Testing
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuLexicon
@testable import CanCuExtract

/// Issue 16, dates and targets: deadlines that are not deadlines, expiry read as effect, the
/// adoption date, targets of a reduction and achieved figures. Sentences from `../shared/corpus`
/// or written in the same shapes; every rule has counter-examples that keep their old result.
@Suite("Issue 16: date roles and targets")
struct Issue16TemporalTests {
    func roles(_ text: String) -> [String: DateMention.Role] {
        Dictionary(temporal(text).dates.map { ($0.text, $0.role) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("deadline cues that tell the past, count a figure or register a letter are mentions")
    func notDeadlines() {
        let r = roles("""
            Hà Nội, ngày 10 tháng 7 năm 2021
            Trong tháng 6/2021, Sở đã tổ chức 05 hội nghị tập huấn.
            Văn bản đến ngày 15/3/2021 được vào sổ.
            Tính đến ngày 31/12/2020, tỷ lệ hồ sơ trực tuyến đạt 90%.
            Doanh thu tăng 5% so với năm 2020 và tăng 3% so với cùng kỳ năm 2019.
            Kế hoạch cũ yêu cầu hoàn thành trước ngày 30/6/2021.
            """)
        #expect(r["tháng 6/2021"] == .mention)
        #expect(r["15/3/2021"] == .mention)
        #expect(r["31/12/2020"] == .mention)
        #expect(r["năm 2020"] == .mention)
        #expect(r["năm 2019"] == .mention)
        // Before the document's own date: a deadline already past is told, not set.
        #expect(r["30/6/2021"] == .mention)
    }

    @Test("counter-examples: deadlines stay deadlines")
    func deadlines() {
        let r = roles("""
            Hà Nội, ngày 10 tháng 7 năm 2021
            - Thời gian thực hiện: trong tháng 9/2021.
            Hoàn thành trong tháng 10/2021.
            Trước ngày 30/11/2021, các sở hoàn thành việc rà soát.
            Thời hạn báo cáo đến ngày 15/12/2021.
            """)
        #expect(r["tháng 9/2021"] == .deadline)
        #expect(r["tháng 10/2021"] == .deadline)
        #expect(r["30/11/2021"] == .deadline)
        #expect(r["15/12/2021"] == .deadline)
        // Without a date of its own a document's deadlines are not checked against it.
        #expect(roles("Hoàn thành trước ngày 30/6/2021.")["30/6/2021"] == .deadline)
    }

    @Test("'Chấm dứt hiệu lực … ngày' is no effective date; 'có hiệu lực' still is")
    func expiryIsNoEffect() {
        let t = temporal("Chấm dứt hiệu lực thi hành Quyết định số 2896/QĐ-UBND ngày 19/12/2018 kể từ ngày 01/7/2025.")
        #expect(!t.dates.contains { $0.role == .effective })
        #expect(t.document.effective == nil)
        let e = temporal("Quyết định này có hiệu lực thi hành kể từ ngày 01/7/2025.")
        #expect(e.dates.map(\.role) == [.effective])
        #expect(e.document.effective?.iso == "2025-07-01")
    }

    @Test("the adoption date of a law is its issued date, as document.issued says")
    func adoption() {
        let text = """
            LUẬT
            BẢO HIỂM Y TẾ
            Điều 1. Phạm vi điều chỉnh
            Luật này quy định về bảo hiểm y tế.
            Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 8 thông qua ngày 27 tháng 11 năm 2024.
            """
        let facts = Extractor(lexicon: .builtIn).extract(Normalizer.standard.normalize(text), path: "luat.txt")
        #expect(facts.document.issued?.iso == "2024-11-27")
        #expect(facts.dates.filter { $0.role == .issued }.map(\.value.iso) == ["2024-11-27"])
        // Another law's adoption date is not the document's own.
        let other = Extractor(lexicon: .builtIn).extract(Normalizer.standard.normalize("""
            Hà Nội, ngày 05 tháng 01 năm 2025
            Luật Bảo hiểm y tế được Quốc hội thông qua ngày 14 tháng 11 năm 2008.
            """), path: "nd.txt")
        #expect(other.dates.filter { $0.role == .issued }.map(\.value.iso) == ["2025-01-05"])
    }

    @Test("'giảm … xuống còn 03 ngày làm việc' is a target of at most 3 working days")
    func reductionTargets() {
        let a = temporal("Phấn đấu giảm thời gian giải quyết thủ tục cấp giấy phép xây dựng từ 15 ngày xuống còn 03 ngày làm việc.").targets
        #expect(a.count == 1)
        #expect(a.first?.value == 3 && a.first?.unit == "ngày làm việc" && a.first?.comparator == .atMost)
        #expect(a.first?.subject == "thời gian giải quyết thủ tục cấp giấy phép xây dựng")
        let b = temporal("Rút ngắn thời gian giải quyết hồ sơ đăng ký đất đai xuống còn 10 ngày.").targets
        #expect(b.map(\.value) == [10])
        #expect(b.first?.subject == "thời gian giải quyết hồ sơ đăng ký đất đai")
        // Counter-examples: a duration without a reduction is no target.
        #expect(temporal("Thời hạn giải quyết là 03 ngày làm việc kể từ ngày nhận đủ hồ sơ.").targets.isEmpty)
        #expect(temporal("Tổ chức 02 ngày tập huấn cho cán bộ, giảm chi phí đi lại.").targets.isEmpty)
    }

    @Test("achieved figures and stated rates are not targets; goals still are")
    func achievedFigures() {
        for text in ["Năm 2025, thu ngân sách nhà nước trên địa bàn đạt 104,24% dự toán, tăng 12% so với năm trước.",
                     "Tỷ lệ hộ nghèo giảm nhanh, tỷ lệ hộ nghèo cuối năm là 2,5%.",
                     "Đến nay đã có 95% hồ sơ được số hóa.",
                     "Lũy kế 6 tháng, giải ngân vốn đầu tư công đạt 45% kế hoạch.",
                     "Tỉnh đã đạt 98% chỉ số cải cách hành chính."] {
            #expect(temporal(text).targets.isEmpty, "\(text)")
        }
        for text in ["Phấn đấu thu ngân sách đạt 105% dự toán.",
                     "Mục tiêu: tỷ lệ hồ sơ trực tuyến toàn trình là 80%.",
                     "Đến hết năm 2025, tỷ lệ hồ sơ giải quyết trực tuyến đạt tối thiểu 50%.",
                     "Đến hết năm 2026, tỷ lệ người dân hài lòng là 90%."] {
            #expect(temporal(text).targets.count == 1, "\(text)")
        }
    }
}
