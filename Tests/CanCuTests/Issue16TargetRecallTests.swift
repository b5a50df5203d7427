import Testing
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuLexicon
@testable import CanCuExtract

/// Issue 16, target recall: money amounts after "đạt", a count after a sentence-opening "Có", the
/// lower end of a "51 - 52%" range, "bảo đảm" as a goal word, a figure on a wrapped line after a
/// comma, and figures under a heading of results. Sentences from `../shared/corpus` (982/QĐ-TTg,
/// 122/NQ-CP) or written in the same shapes; every rule has counter-examples.
@Suite("Issue 16: target recall")
struct Issue16TargetRecallTests {
    func values(_ text: String) -> [Double] { temporal(text).targets.map(\.value) }

    @Test("a money amount right after 'đạt' (and a comparator) is a target; a qualifier is not")
    func moneyAmounts() {
        let a = temporal("- Phấn đấu có 60 doanh nghiệp công nghệ số Việt Nam có doanh thu từ thị trường nước ngoài đạt 20 triệu USD/năm.").targets
        #expect(a.map(\.value) == [60, 20])
        #expect(a.last?.unit.hasPrefix("triệu USD") == true)
        let b = temporal("- Phấn đấu doanh thu xuất khẩu sản phẩm và dịch vụ công nghệ số đạt tối thiểu 55 tỷ USD/năm.").targets
        #expect(b.map(\.value) == [55])
        #expect(b.first?.comparator == .atLeast)
        // Counter-examples: a qualifier of a goal, a report, an amount without "đạt".
        #expect(values("- Phấn đấu thực hiện thành công tối thiểu 25 thương vụ mua bán và sáp nhập, với giá trị mỗi thương vụ từ 01 triệu USD trở lên.") == [25])
        #expect(values("Tổng kim ngạch xuất nhập khẩu 04 tháng đạt 344 tỷ USD, tăng 24,2% so với cùng kỳ.").isEmpty)
        #expect(values("Phấn đấu bố trí 500 tỷ đồng cho chương trình chuyển đổi số.").isEmpty)
    }

    @Test("'Có 05 doanh nghiệp …' opening a sentence counts; 'có' inside a sentence does not")
    func countAfterCo() {
        #expect(values("Có 05 doanh nghiệp công nghệ số có doanh thu từ thị trường nước ngoài đạt tối thiểu 01 tỷ USD/năm.") == [5, 1])
        #expect(values("- Có 10 doanh nghiệp công nghệ số đạt chuẩn quốc tế.") == [10])
        // Counter-examples: "có" in the middle of a sentence, and a count without a goal word.
        #expect(values("Phấn đấu các doanh nghiệp có 05 sản phẩm chủ lực.").isEmpty)
        #expect(values("Có 05 doanh nghiệp tham dự hội nghị.").isEmpty)
    }

    @Test("'51 - 52%': both ends of the range")
    func rangeLowerEnd() {
        #expect(values("phấn đấu tỷ trọng chi thường xuyên trong giai đoạn 2026 - 2030 bình quân khoảng 51 - 52% tổng chi ngân sách nhà nước.") == [51, 52])
        #expect(values("Phấn đấu tỷ lệ che phủ rừng đạt 42–43%.") == [42, 43])
        // Counter-examples: a period before a percentage, a single value.
        #expect(values("Phấn đấu giai đoạn 2026 - 2030 tăng trưởng bình quân 10%/năm.") == [10])
        #expect(values("Phấn đấu tăng trưởng 8%.") == [8])
    }

    @Test("'bảo đảm giải ngân 100%' is a goal; a rule text still needs a goal phrase")
    func ensureAsGoal() {
        #expect(values("đẩy nhanh phân bổ, giải ngân kế hoạch vốn được giao, bảo đảm giải ngân 100% kế hoạch vốn năm 2026 được Thủ tướng Chính phủ giao.") == [100])
        // Counter-example: a rule text (Bộ luật Lao động, Nghị định 111/2022) sets conditions.
        var code = DocumentFacts(path: "test")
        code.document.type = "Bộ luật"
        TemporalExtractor(lexicon: .builtIn).extract(Normalizer.standard.normalize(
            "b) Bảo đảm số giờ làm thêm của người lao động không quá 50% số giờ làm việc bình thường trong 01 ngày;"), into: &code)
        #expect(code.targets.isEmpty)
    }

    @Test("a figure on a line wrapped after a comma belongs to the sentence before it")
    func wrappedFigure() {
        let text = "Trong quý III năm 2026, hoàn thành cắt giảm 50% thời gian giải quyết thủ tục hành chính, phấn \nđấu tiếp tục cắt giảm tối thiểu 30% các ngành, nghề kinh doanh có điều kiện, \n100% các điều kiện kinh doanh không cần thiết.  "
        #expect(values(text) == [50, 30, 100])
        // Counter-example: a numbered item after a comma is a new unit without a goal word.
        #expect(values("Các nhiệm vụ gồm: xây dựng kế hoạch, \n2. Tỷ lệ hồ sơ 100% được lưu trữ.").isEmpty)
    }

    @Test("figures under a heading of results are achieved, unless their sentence states a goal")
    func resultsHeading() {
        let report = """
            II. Về tình hình kinh tế - xã hội tháng 4
            1. Những kết quả nổi bật
            Chất lượng khám, chữa bệnh được nâng lên; hoàn thành 100% dữ liệu khám chữa bệnh bảo hiểm y tế kết nối đồng bộ với hệ thống bảo hiểm xã hội.
            Các địa phương phấn đấu hoàn thành 100% hồ sơ trong tháng 5.
            2. Phương hướng, nhiệm vụ
            a) Hoàn thành 100% dữ liệu dân cư trước ngày 30/6/2026.
            """
        let found = temporal(report).targets
        // The achieved figure is dropped; the goal under the same heading and the one under the next stay.
        #expect(found.count == 2)
        #expect(!found.contains { $0.subject?.contains("khám chữa bệnh") == true })
    }
    @Test("a goal without a date takes the year of its short heading, or the deadline cell of its table row")
    func headingAndRowDeadlines() {
        // congbao/quyet-dinh-so-982-qd-ttg: "a) Đến năm 2030", "b) Tầm nhìn đến 2045".
        let plan = """
            2. Mục tiêu cụ thể 
            a) Đến năm 2030 
            - Phấn đấu có tối thiểu 5.000 doanh nghiệp công nghệ số Việt Nam có doanh thu từ thị trường quốc tế. 
            - Phấn đấu có 60 doanh nghiệp công nghệ số đạt 20 triệu USD/năm. 
            b) Tầm nhìn đến 2045 
            - Việt Nam trở thành quốc gia công nghiệp công nghệ số phát triển. Có tối thiểu 10 doanh nghiệp công nghệ số Việt Nam ngang tầm các nước tiên tiến; 
            """
        let t = temporal(plan).targets
        #expect(t.map(\.value) == [5000, 60, 20, 10])
        #expect(t.map { $0.deadline?.iso } == ["2030", "2030", "2030", "2045"])
        // corpus/ke-hoach-thuc-hien-1085: the annex row's deadline cell, two cells further down.
        let row = "7\nHoàn thành rà soát tối thiểu 50% TTHC nội bộ đã công bố\nCác sở, ban, ngành; UBND các huyện, thành phố\nVăn phòng UBND tỉnh\nTrước ngày 01/01/2024\nQuyết định thông qua phương án đơn giản hóa\n8\n"
        #expect(temporal(row).targets.map { $0.deadline?.iso } == ["2024-01-01"])
        // Counter-examples: a long heading is no dating heading; the next row's date is not this row's;
        // a date in the next bullet belongs to that bullet.
        let long = "a) Nhiệm vụ trọng tâm cần thực hiện đến năm 2030 của các bộ, ngành\n- Phấn đấu tỷ lệ hồ sơ trực tuyến đạt 80%.\n"
        #expect(temporal(long).targets.map { $0.deadline?.iso } == [nil])
        let nextRow = "7\nHoàn thành rà soát tối thiểu 50% TTHC nội bộ đã công bố\n8\nTrước ngày 01/01/2024\n"
        #expect(temporal(nextRow).targets.map { $0.deadline?.iso } == [nil])
        let bullets = "- Phấn đấu tỷ lệ hồ sơ trực tuyến đạt 80%\n- Trước ngày 01/01/2024 hoàn thành kết nối dữ liệu\n"
        #expect(temporal(bullets).targets.map { $0.deadline?.iso } == [nil])
    }
}
