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

/// `LegalDate`: dates at the precision the text states, compared as intervals.
@Suite("LegalDate")
struct LegalDateTests {
    @Test("ISO of every precision round-trips; impossible dates are refused")
    func iso() throws {
        #expect(LegalDate(iso: "2019-01-24")?.iso == "2019-01-24")
        #expect(LegalDate(iso: "2021-06")?.precision == .month)
        #expect(LegalDate(iso: "2025")?.precision == .year)
        for bad in ["2025-02-29", "2024-13-01", "2025-02-31", "25-01-01", "2025-1-5", "", "abcd", "2025-01-01x"] {
            #expect(LegalDate(iso: bad) == nil, "\(bad)")
        }
        #expect(LegalDate(iso: "2024-02-29") != nil)
    }

    @Test("Vietnamese user input: dd/mm/yyyy and ISO")
    func userInput() {
        #expect(LegalDate(userInput: "31/12/2025")?.iso == "2025-12-31")
        #expect(LegalDate(userInput: "1/7/2025")?.iso == "2025-07-01")
        #expect(LegalDate(userInput: "2025-12-31")?.iso == "2025-12-31")
        #expect(LegalDate(userInput: "31/02/2025") == nil)
        #expect(LegalDate(userInput: "2025-02-31") == nil)
        #expect(LegalDate(userInput: "06/2021")?.iso == "2021-06")
        #expect(LegalDate(userInput: "24/01/2019")?.vietnamese == "24/01/2019")
    }

    @Test("A year is not before a day of that year, nor after it")
    func intervals() throws {
        let year = try #require(LegalDate(iso: "2022"))
        let day = try #require(LegalDate(iso: "2022-01-10"))
        #expect(!day.isAfter(year))
        #expect(!day.isBefore(year))
        #expect(!year.isAfter(day))
        #expect(try #require(LegalDate(iso: "2021-12-31")).isBefore(year))
        #expect(try #require(LegalDate(iso: "2023-01-01")).isAfter(year))
        #expect(try #require(LegalDate(iso: "2022-06")).isAfter(day))
        #expect(day.isOnOrAfter(day))
        #expect(!year.isOnOrAfter(day))
        #expect(!day.conflicts(with: year))
        #expect(day.conflicts(with: try #require(LegalDate(iso: "2022-01-11"))))
    }

    @Test("JSON is the ISO string")
    func codable() throws {
        let date = try #require(LegalDate(iso: "2021-06"))
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2021-06\"]")
        #expect(try JSONDecoder().decode([LegalDate].self, from: data) == [date])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([LegalDate].self, from: Data("[\"2021-13\"]".utf8)) }
    }

    @Test("A header whose day and month were left blank is no reason for doc_not_yet_issued")
    func blankDayHeader() {
        let text = """
            ỦY BAN NHÂN DÂN
            TỈNH CAO BẰNG
            Số: 12/QĐ-UBND
            Cao Bằng, ngày      tháng      năm 2022

            QUYẾT ĐỊNH
            Về việc ban hành kế hoạch

            Căn cứ Nghị định số 15/2022/NĐ-CP ngày 28/01/2022 của Chính phủ;
            Căn cứ Quyết định số 45/QĐ-TTg ngày 10/01/2022 của Thủ tướng Chính phủ;
            Căn cứ Nghị định số 20/2023/NĐ-CP ngày 05/5/2023 của Chính phủ;
            """
        let extractor = Extractor(lexicon: .builtIn)
        let document = SourceDocument(path: "blank.txt", text: text, byteCount: text.utf8.count)
        let normalized = extractor.pipeline.normalize(document)
        let extraction = extractor.extract(normalized, path: document.path)
        #expect(extraction.document.issued == "2022")
        let findings = Reviewer(lexicon: .builtIn).review(extraction, asOf: "2026-01-01")
        let notYet = findings.filter { $0.code == .docNotYetIssued }.compactMap(\.symbol)
        // The 2022 citations may be of any day of 2022: unknown, not an error. The 2023 one is after 2022 whatever the day.
        #expect(notYet == ["20/2023/NĐ-CP"])
    }
}
