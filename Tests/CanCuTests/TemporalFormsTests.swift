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

/// Runs the dates, periods and targets stage on one text.
func temporal(_ text: String) -> DocumentFacts {
    var result = DocumentFacts(path: "test")
    TemporalExtractor(lexicon: .builtIn).extract(Normalizer.standard.normalize(text), into: &result)
    return result
}

@Suite("Temporal: date forms and non-dates")
struct TemporalFormsTests {
    @Test("each written form gives its ISO value and its exact source text")
    func forms() {
        let cases: [(String, String, String)] = [
            ("Báo cáo gửi ngày 24/01/2019 về Bộ.", "24/01/2019", "2019-01-24"),
            ("Họp ngày 7/3/2019 tại tỉnh.", "7/3/2019", "2019-03-07"),
            ("Họp ngày 24-01-2019 tại tỉnh.", "24-01-2019", "2019-01-24"),
            ("Họp ngày 24.01.2019 tại tỉnh.", "24.01.2019", "2019-01-24"),
            ("Họp vào ngày 24 tháng 01 năm 2019 tại tỉnh.", "ngày 24 tháng 01 năm 2019", "2019-01-24"),
            ("Họp vào ngày 5 tháng 1 năm 2019.", "ngày 5 tháng 1 năm 2019", "2019-01-05"),
            ("Tổ chức vào tháng 1 năm 2019 tại tỉnh.", "tháng 1 năm 2019", "2019-01"),
            ("Tổ chức vào tháng 6/2021 tại tỉnh.", "tháng 6/2021", "2021-06"),
            ("Tổ chức vào tháng 6 năm 2021 tại tỉnh.", "tháng 6 năm 2021", "2021-06"),
            ("Kết quả trong năm 2025 rất tốt.", "năm 2025", "2025"),
            ("2022-11-14 09:31:01", "2022-11-14 09:31:01", "2022-11-14"),
            ("Hội nghị khai mạc ngày 29/02/2024.", "29/02/2024", "2024-02-29"),
            // Hard-wrapped Gazette text.
            ("Luật Việc làm ngày 16 tháng\n11 năm 2013;", "ngày 16 tháng\n11 năm 2013", "2013-11-16"),
        ]
        for (text, shown, value) in cases {
            let dates = temporal(text).dates
            #expect(dates.count == 1, "\(text)")
            #expect(dates.first?.text == shown, "\(text)")
            #expect(dates.first?.value.iso == value, "\(text)")
        }
    }

    @Test("source offsets are Unicode scalars of the source")
    func offsets() {
        let text = "Hà Nội, ngày 30 tháng 12 năm 2022"
        let d = temporal(text).dates[0]
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[d.source])) == d.text)
        #expect(d.source == 8..<33)
    }

    @Test("impossible dates, symbols, fractions, versions, phones and codes are not dates")
    func nonDates() {
        let texts = [
            "Hạn nộp ngày 31/02/2023 đã sai.",
            "Hạn nộp ngày 30/13/2023 đã sai.",
            "Nghị định số 09/2019/NĐ-CP quy định chế độ báo cáo.",
            "Thông tư số 01/2023 /TT-VPCP của Văn phòng.",
            "Tỷ lệ 1/2 số phiếu; 3/4 thành viên.",
            "Phiên bản 2.0.1 và v1.2.3 của phần mềm.",
            "Gọi số 0912.345.678 hoặc 024.3823.1234.",
            "Thủ tục mã số 1.004222 và 2.999101.",
            "Theo TCVN 14423:2026 về hồ sơ.",
            "Nghị quyết số 01 năm 2020, năm 2021 của Chính phủ.",
            "Luật Hộ tịch năm 2014 quy định.",
            "Điều 5 khoản 2 mục 3.",
            "Giá trị 1500/2000 phần.",
        ]
        for text in texts {
            #expect(temporal(text).dates.isEmpty, "\(text)")
            #expect(temporal(text).periods.isEmpty, "\(text)")
        }
    }

    @Test("a day and month without a year takes the year of the nearest full date, else of the document")
    func inferredYear() {
        let near = temporal("Hà Nội, ngày 05 tháng 3 năm 2023\nNgày 10/02/2024 họp; đến ngày 01/7 báo cáo.")
        #expect(near.dates.map(\.value) == ["2023-03-05", "2024-02-10", "2024-07-01"])
        let header = temporal("Hà Nội, ngày 05 tháng 3 năm 2023\n" + String(repeating: "Nội dung chung. ", count: 30) + "Từ ngày 01/7 thực hiện.")
        #expect(header.dates.last?.value == "2023-07-01")
        #expect(temporal("Không có năm: ngày 30/2 họp.").dates.isEmpty)
    }

    @Test("roles: issued, effective, deadline, cited, mention")
    func roles() {
        let text = """
        ỦY BAN NHÂN DÂN
        Số: 45/KH-UBND
        Hà Nội, ngày 30 tháng 12 năm 2022

        Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ;
        Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
        Thực hiện Quyết định số 1085/QĐ-TTg ngày 15/9/2022 của Thủ tướng Chính phủ;
        Các sở gửi báo cáo trước ngày 31/3/2023; chậm nhất ngày 30/6/2023 hoàn thành; hạn 15/7/2023.
        Hoàn thành trong tháng 8/2023. Đến hết năm 2025 hoàn thành. Trong quý II năm 2023 triển khai.
        Ngày 05/5/2023, đoàn kiểm tra làm việc.
        Kế hoạch này có hiệu lực thi hành kể từ ngày 01 tháng 02 năm 2023.
        """
        let r = temporal(text)
        let pairs = r.dates.map { "\($0.value) \($0.role.rawValue)" }
        #expect(pairs == ["2022-12-30 issued", "2019-01-24 cited", "2015-06-19 cited", "2022-09-15 cited",
                          "2023-03-31 deadline", "2023-06-30 deadline", "2023-07-15 deadline", "2023-08 deadline",
                          "2025 deadline", "2023-05-05 mention", "2023-02-01 effective"])
        #expect(r.periods.map { "\($0.from?.iso ?? "")…\($0.to?.iso ?? "")" } == ["2023-04…2023-06"])
        #expect(r.document.effective == "2023-02-01")
    }

    @Test("a Gazette running header date and a quoted date are mentions")
    func mentions() {
        let r = temporal("CÔNG BÁO/Số 1053 + 1054/Ngày 10-8-2025\nđã in là: “trước ngày 30/6/2026”, nay sửa lại.")
        #expect(r.dates.map(\.role) == [.mention, .mention])
        #expect(r.dates.map(\.value) == ["2025-08-10", "2026-06-30"])
    }
}

@Suite("Temporal: effective date of the document")
struct TemporalEffectTests {
    let header = "Hà Nội, ngày 15 tháng 5 năm 2026\n"

    @Test("a date, the signing day, and N days after signing")
    func forms() {
        #expect(temporal(header + "Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025.").document.effective == "2025-07-01")
        #expect(temporal(header + "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.").document.effective == "2026-05-15")
        #expect(temporal(header + "Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.").document.effective == "2026-05-15")
        #expect(temporal(header + "Thông tư này có hiệu lực sau 45 ngày kể từ ngày ký.").document.effective == "2026-06-29")
        #expect(temporal(header + "Thông tư này có hiệu lực thi hành sau 45 ngày, kể từ ngày ký.").document.effective == "2026-06-29")
    }

    @Test("clauses about cited documents or about the past are not the document's effect")
    func others() {
        let r = temporal(header + """
        Luật số 57/2020/QH14 có hiệu lực thi hành kể từ ngày 01/01/2021.
        Hồ sơ tiếp nhận trước ngày Nghị định này có hiệu lực được tiếp tục giải quyết.
        Nghị định này hết hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2027.
        """)
        #expect(r.document.effective == nil)
        #expect(r.dates.map(\.role) == [.issued, .effective, .mention])
    }

    @Test("parts with other dates become notes")
    func parts() {
        let r = temporal(header + """
        Điều 7. Hiệu lực thi hành
        1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026, trừ
        khoản 2 Điều 5 Nghị định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.
        """)
        #expect(r.document.effective == "2026-07-01")
        #expect(r.effectNotes == ["Văn bản có hiệu lực từ 2026-07-01, trừ khoản 2 Điều 5 Nghị định này",
                                  "khoản 2 Điều 5 Nghị định này có hiệu lực từ 2027-01-01"])
        let split = temporal(header + "1. Nghị định này có hiệu lực từ ngày 01/7/2026.\n2. Khoản 2 Điều 5 có hiệu lực từ ngày 01/01/2027.")
        #expect(split.document.effective == "2026-07-01")
        #expect(split.effectNotes.last == "Khoản 2 Điều 5 có hiệu lực từ 2027-01-01")
    }
}

@Suite("Temporal: periods")
struct TemporalPeriodTests {
    @Test("year ranges, from-to phrases, open ends, quarters and full-date ranges")
    func forms() {
        let cases: [(String, String, String?, String?)] = [
            ("Kế hoạch giai đoạn 2022 – 2025 của tỉnh.", "2022 – 2025", "2022", "2025"),
            ("Chiến lược 2021-2025 của tỉnh.", "2021-2025", "2021", "2025"),
            ("Chính phủ điện tử 2019 - 2020 của tỉnh.", "2019 - 2020", "2019", "2020"),
            ("Thực hiện từ năm 2021 đến năm 2025 trên địa bàn.", "từ năm 2021 đến năm 2025", "2021", "2025"),
            ("Thực hiện từ năm 2021 đến 2025 trên địa bàn.", "từ năm 2021 đến 2025", "2021", "2025"),
            ("Chiến lược định hướng đến năm 2030 của tỉnh.", "định hướng đến năm 2030", nil, "2030"),
            ("Giải pháp định hướng đến 2025 của tỉnh.", "định hướng đến 2025", nil, "2025"),
            ("Quy hoạch tầm nhìn đến năm 2045 của tỉnh.", "tầm nhìn đến năm 2045", nil, "2045"),
            ("Thực hiện trong quý II năm 2023 tại tỉnh.", "quý II năm 2023", "2023-04", "2023-06"),
            ("Thời hạn: Quý IV/2023.", "Quý IV/2023", "2023-10", "2023-12"),
            ("Kháng chiến từ ngày 20-7-1954 đến 30-4-1975 của dân tộc.", "từ ngày 20-7-1954 đến 30-4-1975", "1954-07-20", "1975-04-30"),
        ]
        for (text, shown, from, to) in cases {
            let periods = temporal(text).periods
            #expect(periods.count == 1, "\(text)")
            #expect(periods.first?.text == shown, "\(text)")
            #expect(periods.first?.from?.iso == from, "\(text)")
            #expect(periods.first?.to?.iso == to, "\(text)")
        }
    }

    @Test("implausible ranges, symbols and phone numbers are no periods")
    func nonPeriods() {
        for text in ["Số 2025-2021 ngược.", "Mã 1800-1900 và 2101-2105.", "Gọi 0912-3456 nhé.", "Văn bản 12/2021-2025/QĐ.",
                     "Ngày 2022-11-14 họp."] {
            #expect(temporal(text).periods.isEmpty, "\(text)")
        }
    }
}

@Suite("Temporal: targets")
struct TemporalTargetTests {
    @Test("value, unit, comparator, subject, deadline and period")
    func forms() {
        func one(_ text: String) -> Target? {
            let t = temporal(text).targets
            #expect(t.count == 1, "\(text)")
            return t.first
        }
        let a = one("Tỉnh phấn đấu công khai 100% TTHC nội bộ thuộc thẩm quyền giải quyết của các sở, ban ngành trước ngày 01/4/2023.")
        #expect(a?.value == 100 && a?.unit == "%" && a?.comparator == .exactly)
        #expect(a?.subject == "TTHC nội bộ thuộc thẩm quyền giải quyết của các sở, ban ngành")
        #expect(a?.deadline == "2023-04-01")
        let b = one("Đến hết năm 2025, tỷ lệ hồ sơ giải quyết trực tuyến đạt tối thiểu 50%.")
        #expect(b?.value == 50 && b?.comparator == .atLeast && b?.subject == "tỷ lệ hồ sơ giải quyết trực tuyến" && b?.deadline == "2025")
        let c = one("Mục tiêu: cắt giảm ít nhất 20% chi phí tuân thủ.")
        #expect(c?.value == 20 && c?.comparator == .atLeast && c?.subject == "chi phí tuân thủ")
        let d = one("Phấn đấu giảm 30% thời gian giải quyết.")
        #expect(d?.comparator == .exactly && d?.subject == "thời gian giải quyết")
        let e = one("Phấn đấu tốc độ tăng trưởng GDP bình quân từ 10%/năm trong giai đoạn 2026 - 2030.")
        #expect(e?.unit == "%/năm" && e?.comparator == .atLeast && e?.subject == "tốc độ tăng trưởng GDP bình quân" && e?.period == "2026-2030")
        let f = one("Trong giai đoạn 2022 – 2025, hoàn thành 05 đề án đơn giản hóa TTHC nội bộ.")
        #expect(f?.value == 5 && f?.unit == "đề án" && f?.period == "2022-2025")
        let g = one("Mục tiêu: chi phí tuân thủ giảm không quá 15%.")
        #expect(g?.comparator == .atMost)
        let h = one("Phấn đấu tỷ lệ hài lòng đạt 95% trở lên.")
        #expect(h?.comparator == .atLeast && h?.subject == "tỷ lệ hài lòng")
    }

    @Test("a heading with a deadline governs the bullets below it")
    func governing() {
        let r = temporal("Trước ngày 01/4/2023:\n- 100% TTHC nội bộ được công bố;\n- tối thiểu 50% TTHC nội bộ được rà soát.\nNội dung khác.")
        #expect(r.targets.map(\.deadline) == ["2023-04-01", "2023-04-01"])
        #expect(r.targets.map(\.value) == [100, 50])
    }

    @Test("rates of rules and statistics are not targets")
    func nonTargets() {
        for text in ["Thuế suất 10% áp dụng cho hàng hóa.", "Người lao động được hưởng 75% mức lương.",
                     "Tháng 4 ước tăng 3% so với tháng trước.", "Cơ cấu vốn gồm 30% vốn nhà nước."] {
            #expect(temporal(text).targets.isEmpty, "\(text)")
        }
    }
}
