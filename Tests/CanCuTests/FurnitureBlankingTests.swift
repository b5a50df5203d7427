import Foundation
import Testing
@testable import CanCuText
@testable import CanCuExtract

/// Page furniture and the "Nơi nhận" footer are blanked only where they are what the scanner
/// takes them for (issue 14, point 8): a short Gazette running header, and the recipient list up
/// to its "- Lưu" line or the next part of the document, not every annexed form after it.
@Suite("Running headers and the recipient list")
struct FurnitureBlankingTests {
    let extractor = CitationExtractor.builtIn

    func symbols(_ s: String) -> [String?] {
        extractor.extract(Normalizer.standard.normalize(s)).citations.map(\.symbol)
    }

    @Test("a short running header is blanked, so a citation broken by it is found whole")
    func shortHeader() {
        #expect(symbols("Quyết định số 1229/QĐ-\nCÔNG BÁO/Số 1059 + 1060/Ngày 25-9-2024\n37\nBLĐTBXH của Bộ") == ["1229/QĐ-BLĐTBXH"])
    }

    @Test("a line that starts like a running header but goes on is read, citations included")
    func longHeaderLine() {
        let text = "CÔNG BÁO/Số 11 + 12/Ngày 10-01-2023 đăng Nghị định số 15/2020/NĐ-CP ngày 03 tháng 02 năm 2020 của Chính phủ\n"
        #expect(symbols(text) == ["15/2020/NĐ-CP"])
        #expect(symbols("Ký bởi: Văn phòng Chính phủ theo Quyết định số 28/2018/QĐ-TTg ngày 12 tháng 7 năm 2018 về gửi, nhận văn bản điện tử\n")
                == ["28/2018/QĐ-TTg"])
    }

    @Test("the recipient list ends at its '- Lưu' line: a form after the signature is read")
    func footerEndsAtLuu() {
        let text = """
            Điều 3. Hiệu lực thi hành.
            Nơi nhận:
            - Như trên;
            - Văn phòng Chính phủ (Công văn số 6828/VPCP-KSTT);
            - Lưu: VT, hồ sơ.
            CHỨC DANH
            (Ký, ghi rõ họ tên, đóng dấu)
            Họ và tên
            Ghi chú:
            (6) Tên cơ quan theo quy định tại khoản 2 Điều 16 Nghị định số 124/2020/NĐ-CP.
            Sau khi xem xét nội dung đơn, căn cứ Luật Khiếu nại số 02/2011/QH13.
            """
        #expect(symbols(text) == ["124/2020/NĐ-CP", "02/2011/QH13"])
    }

    @Test("a recipient list without a '- Lưu' line ends at a new part: a form, a new header, an annex")
    func footerEndsAtPart() {
        for part in ["Mẫu số 04", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHỤ LỤC I", "BIỂU PHÍ KIỂM ĐỊNH"] {
            let text = """
                Nơi nhận:
                - Như trên;
                - Bộ Tư pháp (Thông tư số 01/2020/TT-BTP);
                \(part)
                Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020;
                """
            #expect(symbols(text) == ["30/2020/NĐ-CP"], "\(part)")
        }
    }

    @Test("a recipient list with no end of its own stops after footer_max_lines lines")
    func footerBound() {
        let recipients = (1...100).map { "- Sở \($0) (Công văn số \($0)/UBND-KT);" }.joined(separator: "\n")
        let found = symbols("Nơi nhận:\n" + recipients + "\n")
        let limit = CitationExtractor.builtIn.tables.footerMaxLines
        #expect(limit == 80)
        // Recipients 1 to 80 are blanked, the rest read.
        #expect(found.count == 100 - limit && found.first == "\(limit + 1)/UBND-KT", "\(found)")
    }
}
