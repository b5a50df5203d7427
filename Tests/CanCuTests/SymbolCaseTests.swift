import Foundation
import Testing
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuLexicon
@testable import CanCuExtract

/// Lower-case and odd symbols (issue 16): found and canonicalised, without new false positives.
@Suite struct SymbolCaseTests {
    static func symbols(_ text: String) -> [String] {
        CitationExtractor.shared(for: .builtIn).extract(Normalizer.standard.normalize(text), ownSymbol: nil).citations.compactMap(\.symbol)
    }

    @Test("lower-case, mixed-case, underscore and ASCII symbols become the canonical symbol", arguments: [
        ("Căn cứ Nghị định số 61/2018/nđ-cp ngày 23/4/2018 của Chính phủ;", "61/2018/NĐ-CP"),
        ("theo nghị định 61/2018/nd-cp về một cửa", "61/2018/NĐ-CP"),
        ("Thông tư số 02/2021/tt-btc quy định mức thu", "02/2021/TT-BTC"),
        ("Thông tư số 03/2017/TT-BLĐTBXh ngày 24/3/2017", "03/2017/TT-BLĐTBXH"),
        ("Thông tư 03/2017/tt-blđtbxh", "03/2017/TT-BLĐTBXH"),
        ("Căn cứ Nghị định số 61/2018/NĐ_CP;", "61/2018/NĐ-CP"),
        ("Nghị định số 42/2022/ND-CP", "42/2022/NĐ-CP"),
        ("Quyết định số 942/qđ-ttg ngày 15/6/2021", "942/QĐ-TTg"),
        ("Nghị định 107/2021/Nđ-Cp", "107/2021/NĐ-CP"),
    ])
    func oddSymbols(text: String, symbol: String) {
        #expect(Self.symbols(text) == [symbol], "\(text)")
    }

    @Test("counter-examples: URLs, file names, ratios, months, units give no citation", arguments: [
        "Tốc độ tối đa 60 km/h trên đường 2/9.",
        "Tỷ lệ 1/2 số phiếu, 3/4 thành viên, 2/3 đại biểu.",
        "Trong tháng 12/2020 và 01/2021 đã hoàn thành.",
        "Xem https://vbpl.vn/van-ban/61/2018/nd-cp và https://example.vn/?so=61/2018/nd-cp.",
        "Tải tệp nghi-dinh-61-2018-nd-cp.pdf hoặc 61_2018_ND-CP.docx, bản tt-btc.doc.",
        "Mục 5/2020/tt và 12/2020/ngày, 3/2021/km, 15/2023/abc.",
        "Ảnh số 12/2024/img-cp.png, lớp 10/2025/hs-gv.",
    ])
    func noFalsePositives(text: String) {
        #expect(Self.symbols(text).isEmpty, "\(text) → \(Self.symbols(text))")
    }

    @Test("the header's own number is canonicalised the same way, so it is never cited as another")
    func ownNumberInLowerCase() {
        let text = Normalizer.standard.normalize("CHÍNH PHỦ\nSố: 61/2018/nđ-cp\tHà Nội, ngày 23 tháng 4 năm 2018\n\nNGHỊ ĐỊNH\nVề một cửa\n\nCăn cứ Nghị định số 61/2018/NĐ-CP này và Nghị định số 09/2019/NĐ-CP;\n")
        let header = HeaderParser(lexicon: .builtIn).parse(text)
        #expect(header.symbol == "61/2018/NĐ-CP")
        let found = CitationExtractor.shared(for: .builtIn).extract(text, ownSymbol: header.symbol).citations.compactMap(\.symbol)
        #expect(found == ["09/2019/NĐ-CP"])
    }
}
