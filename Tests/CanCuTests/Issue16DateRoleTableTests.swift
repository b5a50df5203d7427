import Testing
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuLexicon
@testable import CanCuExtract

/// Issue 16, date roles in task tables: a cell of a deadline column keeps its role when the month
/// is already past on the document's date, a cell of another column that cites a document is
/// `cited`, and a symbol broken after its dash at a line end still makes its date `cited`. Shapes of
/// `congbao/nghi-quyet-so-97-nq-cp` and `congbao/quyet-dinh-so-1478-qd-bldtbxh`.
@Suite("Issue 16: date roles in task tables")
struct Issue16DateRoleTableTests {
    let header = """
        CHÍNH PHỦ 
        Số: 97/NQ-CP 
        Hà Nội, ngày 06 tháng 4 năm 2026 
        NGHỊ QUYẾT 

        """

    func roles(_ text: String) -> [(String, DateMention.Role)] {
        temporal(text).dates.map { ($0.text.split(whereSeparator: \.isWhitespace).joined(separator: " "), $0.role) }
    }

    @Test("a deadline cell already past on the document's date stays a deadline; a cited cell is cited")
    func pastDeadlineCells() {
        let table = header + """
            TT 
            Nhiệm vụ 
            Cơ quan chủ trì 
            Thời gian 
            hoàn thành 
            Căn cứ 
            7  Đề án về chỉ số đánh giá, chấm điểm KPI 
            Bộ Tư pháp 
            Đề án trình  
            Thủ tướng 
            Chính phủ  
            Tháng 
            3/2026 
            Nghị quyết 
            số 23/NQ-
            CP ngày 
            07/02/2026 
            8  Báo cáo chuyên đề 
            Tháng 
            5/2026 
            Kết luận số 182-KL/TW, ngày 29/7/2025 
            """
        let r = roles(table)
        #expect(r.first { $0.0 == "Tháng 3/2026" }?.1 == .deadline)
        #expect(r.first { $0.0 == "Tháng 5/2026" }?.1 == .deadline)
        #expect(r.first { $0.0.hasSuffix("07/02/2026") }?.1 == .cited)
        #expect(r.first { $0.0.hasSuffix("29/7/2025") }?.1 == .cited)
    }

    @Test("counter-examples: a past deadline in prose is told, not set; a cell without a column header is no deadline")
    func pastDeadlineInProse() {
        let prose = roles(header + "Các bộ đã hoàn thành báo cáo trước ngày 15/3/2026 theo yêu cầu.")
        #expect(prose.first { $0.0.hasSuffix("15/3/2026") }?.1 == .mention)
        let future = roles(header + "Các bộ hoàn thành báo cáo trước ngày 15/5/2026.")
        #expect(future.first { $0.0.hasSuffix("15/5/2026") }?.1 == .deadline)
        let noColumn = roles(header + "Tổ chức hội nghị sơ kết \nTháng \n3/2026 \n")
        #expect(noColumn.first { $0.0 == "Tháng 3/2026" }?.1 != .deadline)
    }

    @Test("a symbol broken after its dash at a line end: the date after it is cited")
    func brokenSymbol() {
        let r = roles(header + "sửa đổi, bổ sung Thông \ntư 43/2015/TT-\nBLĐTBXH ngày 20/10/2015 quy định về đào tạo thường xuyên")
        #expect(r.first { $0.0.hasSuffix("20/10/2015") }?.1 == .cited)
        // Counter-example: a dash that ends a line of prose ("giai đoạn 2021 -") is no symbol.
        let p = roles("hội nghị tổng kết giai đoạn 2021 -\n2025 ngày 20/10/2025 được tổ chức tại tỉnh")
        #expect(p.first { $0.0.hasSuffix("20/10/2025") }?.1 != .cited)
    }
}
