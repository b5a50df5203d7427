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

/// `DateReader.date` on a string from byte `at`: the ISO value and the end offset.
private func read(_ text: String, at i: Int = 0, _ spacing: DateReader.Spacing = .text) -> (String, Int)? {
    var text = text
    return text.withUTF8 { p in DateReader.date(p, at: i, spacing).map { ($0.date.iso, $0.end) } }
}

private func written(_ text: String, _ spacing: DateReader.Spacing = .line) -> String? {
    var text = text
    return text.withUTF8 { p in DateReader.writtenDate(p, at: 0, spacing)?.date.iso }
}

private func reading(_ text: String, _ spacing: DateReader.Spacing = .text, _ read: (DateReader.Buffer, DateReader.Spacing) -> DateReader.Reading?) -> DateReader.Reading? {
    var text = text
    return text.withUTF8 { p in read(p, spacing) }
}

/// The one reader of Vietnamese date forms (`DateReader`), which the citation, temporal and header
/// stages share.
@Suite("DateReader: the date forms")
struct DateReaderTests {
    @Test("each form gives its LegalDate and the offset after it")
    func forms() {
        let cases: [(String, String, Int)] = [
            ("24/01/2019 về", "2019-01-24", 10),
            ("7/3/2019", "2019-03-07", 8),
            ("24-01-2019", "2019-01-24", 10),
            ("24.01.2019.", "2019-01-24", 10),
            ("ngày 24/01/2019;", "2019-01-24", "ngày 24/01/2019".utf8.count),
            ("ngày 24 tháng 01 năm 2019 của", "2019-01-24", "ngày 24 tháng 01 năm 2019".utf8.count),
            ("Ngày 5 tháng 1 năm 2019", "2019-01-05", "Ngày 5 tháng 1 năm 2019".utf8.count),
            ("NGÀY 5 THÁNG 1 NĂM 2019", "2019-01-05", "NGÀY 5 THÁNG 1 NĂM 2019".utf8.count),
            ("ngày 01/7 năm 2019", "2019-07-01", "ngày 01/7 năm 2019".utf8.count),
            ("tháng 6/2021 tại", "2021-06", "tháng 6/2021".utf8.count),
            ("tháng 6 năm 2021", "2021-06", "tháng 6 năm 2021".utf8.count),
            ("năm 2025 rất", "2025", "năm 2025".utf8.count),
            ("29/02/2024", "2024-02-29", 10),
        ]
        for (text, iso, end) in cases {
            let got = read(text)
            #expect(got?.0 == iso, "\(text)")
            #expect(got?.1 == end, "\(text)")
        }
        // The offset is where the date ends, counted from the start of the buffer.
        #expect(read("Họp ngày 24/01/2019 tại", at: "Họp ".utf8.count)?.1 == "Họp ngày 24/01/2019".utf8.count)
    }

    @Test("impossible dates and implausible years are no dates")
    func impossible() {
        for text in ["31/02/2019", "29/02/2023", "31/04/2020", "32/01/2020", "00/01/2020", "15/13/2020", "15/00/2020",
                     "ngày 30 tháng 02 năm 2020", "tháng 13/2021", "tháng 0 năm 2021", "năm 1899", "năm 2101",
                     "01/01/1800", "ngày 31 tháng 6 năm 2024"] {
            #expect(read(text) == nil, "\(text)")
        }
    }

    @Test("numbers that are not the parts of a date: long runs, symbols, no year")
    func notDates() {
        for text in ["123/01/2019", "24/123/2019", "24/01/20191", "24/01/219", "24/01/2019/NĐ-CP", "24/01-2019",
                     "năm 20251", "năm 2025-3", "ngày 24/01", "ngày 24 tháng 01", "tháng 6", "ngày tháng năm 2019",
                     "ngày", "", "năm", "24"] {
            #expect(read(text) == nil, "\(text)")
        }
        // A year followed by a dash and a word, a dot or a comma ends there.
        #expect(read("24/01/2019-nay")?.0 == "2019-01-24")
        #expect(read("năm 2025, năm")?.1 == "năm 2025".utf8.count)
    }

    @Test("year only: 'năm' and a year, or the year's numeral")
    func yearOnly() {
        #expect(read("năm 2020")?.0 == "2020")
        #expect(read("Năm 2020")?.0 == "2020")
        #expect(read("NĂM 2020")?.0 == "2020")
        var text = "2024 và"
        let year = text.withUTF8 { DateReader.year($0, at: 0, .text) }
        #expect(year?.year == 2024 && year?.end == 4 && year?.date?.precision == .year)
        text = "12345"
        #expect(text.withUTF8 { DateReader.year($0, at: 0, .text) } == nil)
    }

    @Test("spacing: line breaks and long gaps in running text, glued words, spaces around separators")
    func spacing() {
        // Running text: hard-wrapped Gazette lines, at most 12 bytes of space.
        #expect(read("ngày 16 tháng\n11 năm 2013")?.0 == "2013-11-16")
        #expect(read("ngày 16  tháng  11\tnăm 2013")?.0 == "2013-11-16")
        #expect(read("ngày 16 tháng" + String(repeating: " ", count: 13) + "11 năm 2013") == nil)
        // A word may follow a numeral unspaced, a numeral needs a space after a word.
        #expect(read("ngày 24tháng 01 năm 2019")?.0 == "2019-01-24")
        #expect(read("ngày 24 tháng01 năm 2019") == nil)
        #expect(read("ngày24/01/2019") == nil)
        #expect(read("ngày 24 / 01 / 2019") == nil)
        // The citation's scan text: spaces only, none needed, also around separators.
        #expect(read("ngày24/01/2019", .citation)?.0 == "2019-01-24")
        #expect(read("ngày 24tháng01năm2019", .citation)?.0 == "2019-01-24")
        #expect(read("ngày 24 / 01 / 2019", .citation)?.1 == "ngày 24 / 01 / 2019".utf8.count)
        #expect(read("ngày 16 tháng\n11 năm 2013", .citation) == nil)
        // … where a year may run into the next table cell.
        #expect(read("ngày 29/6/202443/2024", .citation)?.1 == "ngày 29/6/2024".utf8.count)
        #expect(read("ngày 29/6/202443/2024") == nil)
        // A header line: spaces and tabs, at least one.
        #expect(read("ngày 24\ttháng 01   năm 2019", .line)?.0 == "2019-01-24")
        #expect(read("ngày 24tháng 01 năm 2019", .line) == nil)
        #expect(read("ngày 16 tháng\n11 năm 2013", .line) == nil)
    }

    @Test("a header's written date: blank day or month gives the month or the year")
    func writtenDates() {
        #expect(written(" 30 tháng 12 năm 2022") == "2022-12-30")
        #expect(written("   tháng 3 năm 2022") == "2022-03")
        #expect(written("       tháng      năm 2026       ") == "2026")
        #expect(written(" 5 tháng   năm 2026") == "2026")
        #expect(written(" 24/01/2019") == nil)  // not a date cell's form
        #expect(written(" 31 tháng 02 năm 2022") == nil)
        #expect(written(" … tháng … năm 2022") == nil)
        #expect(written(" tháng năm") == nil)
    }

    @Test("readings without a year keep the day and month, for the context to date")
    func readings() {
        let numeric = reading("01/7 tại") { DateReader.day($0, at: 0, $1) }
        #expect(numeric == DateReader.Reading(day: 1, month: 7, year: nil, end: 4))
        let long = reading("24 tháng 01.") { DateReader.day($0, at: 0, $1) }
        #expect(long == DateReader.Reading(day: 24, month: 1, year: nil, end: "24 tháng 01".utf8.count))
        let byWord = reading("01/7 năm 2019") { DateReader.day($0, at: 0, $1) }
        #expect(byWord?.yearByWord == true && byWord?.date?.iso == "2019-07-01")
        let month = reading("6/2021") { DateReader.month($0, at: 0, $1) }
        #expect(month?.date?.iso == "2021-06" && month?.end == 6)
    }

    @Test("ISO dates: yyyy-mm-dd, valid and not glued")
    func iso() {
        var text = "2022-11-14 09:31"
        #expect(text.withUTF8 { DateReader.iso($0, at: 0) }.map { "\($0.date.iso) \($0.end)" } == "2022-11-14 10")
        for bad in ["2022-02-30", "2022-1-14", "2022-11-14-1", "2022-11-145", "22-11-14"] {
            text = bad
            #expect(text.withUTF8 { DateReader.iso($0, at: 0) } == nil, "\(bad)")
        }
    }

    @Test("the four callers read through it: citation, temporal stage, header line, header scans")
    func callers() {
        let lower = Array("ngày 31/02/2019 của bộ".utf8)
        #expect(CitedDate.date(lower, at: 0) == nil)
        let cited = CitedDate.date(Array("ngày 8-4-2025 của".utf8), at: 0)
        #expect(cited?.date.iso == "2025-04-08" && cited?.end == "ngày 8-4-2025".utf8.count)
        #expect(CitedDate.date(Array("24/01/2019".utf8), at: 0) == nil)  // "ngày" must open it
        #expect(CitedDate.year(Array("năm 2024".utf8), at: 0)?.year == 2024)
        #expect(CitedDate.year(Array("năm 1930".utf8), at: 0) == nil)  // before 1945: not a cited document's year
        #expect(CitedDate.year(Array("2024;".utf8), at: 0) == nil)
        #expect(CitedDate.year(Array("2024;".utf8), at: 0, bare: true)?.end == 4)
        #expect(temporal("Họp ngày 31/02/2019 tại tỉnh.").dates.isEmpty)
        #expect(HeaderParser().placeAndDate("Hà Nội, ngày 30 tháng 12 năm 2022")?.1 == "2022-12-30")
        #expect(HeaderParser().placeAndDate("Hà Nội, ngày 30 tháng 02 năm 2022") == nil)
        let text = Normalizer.standard.normalize("CÔNG BÁO/Số 565 + 566/Ngày 28-4-2024\nNội dung.\n")
        #expect(HeaderParser().issueDate(text)?.iso == "2024-04-28")
        let effect = Normalizer.standard.normalize("Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.")
        #expect(HeaderParser().effectiveDate(effect, issued: nil)?.iso == "2025-07-01")
    }
}
