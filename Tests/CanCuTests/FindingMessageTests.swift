import Testing
@testable import CanCuLexicon
@testable import CanCuReview

/// `FindingMessage` words a finding's detail: each template once, byte for byte.
@Suite("Review: finding messages")
struct FindingMessageTests {
    static let decree = Finding.DocumentLabel.symbol("61/2018/NĐ-CP", type: "Nghị định")
    static let law = Finding.DocumentLabel.name("Luật Bảo hiểm xã hội", year: 2014, symbol: "58/2014/QH13")

    static func body(_ event: BodyChange.Event, successors: [String], basis: String? = "176/2025/QH15") -> BodyChange {
        BodyChange(oldBody: "Bộ Kế hoạch và Đầu tư", event: event, effective: "2025-03-01", successors: successors,
                   basis: basis, patterns: [], origin: "dictionaries/succession.tsv:2")
    }

    @Test("labels: type and symbol, \"Văn bản\" for an unknown type, a name with its year and symbol")
    func labels() {
        #expect(FindingMessage.text(.unknownDocument(.symbol("12/2020/TT-BTC", type: nil)))
                == "Văn bản 12/2020/TT-BTC không có trong danh mục văn bản đã biết; chưa kiểm tra được hiệu lực")
        #expect(FindingMessage.text(.unknownDocument(Self.law))
                == "Luật Bảo hiểm xã hội năm 2014 (58/2014/QH13) không có trong danh mục văn bản đã biết; chưa kiểm tra được hiệu lực")
    }

    @Test("not yet issued, by day and by the year in the symbol")
    func notYetIssued() {
        #expect(FindingMessage.text(.notYetIssued(Self.decree, issued: "2025-06-09", written: "2025-03-10"))
                == "Nghị định 61/2018/NĐ-CP ban hành ngày 2025-06-09, sau ngày của văn bản này (2025-03-10)")
        #expect(FindingMessage.text(.notYetIssuedByYear(Self.decree, year: 2026, written: "2025-03-10"))
                == "Nghị định 61/2018/NĐ-CP mang năm 2026, sau năm của văn bản này (2025-03-10)")
    }

    @Test("date mismatch, by the registry and by a document")
    func dateMismatch() {
        #expect(FindingMessage.text(.dateMismatch(Self.decree, known: "2018-04-23", stated: "2018-04-25", knownFrom: nil))
                == "Nghị định 61/2018/NĐ-CP ban hành ngày 2018-04-23, văn bản ghi 2018-04-25")
        #expect(FindingMessage.text(.dateMismatch(Self.decree, known: "2018-04-23", stated: "2018-04-25", knownFrom: "a.txt"))
                == "Nghị định 61/2018/NĐ-CP ban hành ngày 2018-04-23 (theo a.txt), văn bản ghi 2018-04-25")
    }

    @Test("status: each change, each timing")
    func status() {
        let replaced = Finding.StatusChange(code: .docReplaced, date: "2025-07-01", replacement: ["118/2025/NĐ-CP"])
        #expect(FindingMessage.text(.status(Self.decree, replaced, .outdatedWhenWritten(written: "2025-09-15")))
                == "Nghị định 61/2018/NĐ-CP hết hiệu lực từ 2025-07-01, thay thế bởi 118/2025/NĐ-CP; văn bản này ban hành ngày 2025-09-15, khi đó đã lỗi thời")
        #expect(FindingMessage.text(.status(Self.law, replaced, .inForceWhenWritten(written: "2024-05-10")))
                == "Luật Bảo hiểm xã hội năm 2014 (58/2014/QH13) hết hiệu lực từ 2025-07-01, thay thế bởi 118/2025/NĐ-CP; văn bản này ban hành ngày 2024-05-10, khi đó còn hiệu lực")
        let repealed = Finding.StatusChange(code: .docRepealed, date: "2025-07-01")
        #expect(FindingMessage.text(.status(Self.decree, repealed, .undated(asOf: "2026-01-15")))
                == "Nghị định 61/2018/NĐ-CP bị bãi bỏ từ 2025-07-01 (tính đến 2026-01-15)")
        let expired = Finding.StatusChange(code: .docExpired, date: nil)
        #expect(FindingMessage.text(.status(Self.decree, expired, .unknownDate(asOf: "2026-01-15")))
                == "Nghị định 61/2018/NĐ-CP hết hiệu lực (không rõ từ ngày nào; tính đến 2026-01-15)")
        let term = Finding.StatusChange(code: .docExpiredByTerm, date: "2026-01-01")
        #expect(FindingMessage.text(.status(Self.decree, term, .undated(asOf: "2026-01-15")))
                == "Nghị định 61/2018/NĐ-CP hết thời hạn áp dụng (hết giai đoạn) từ 2026-01-01 (tính đến 2026-01-15)")
    }

    @Test("amended, partly expired, or both")
    func amended() {
        #expect(FindingMessage.text(.amended(Self.decree, amenders: ["92/2017/NĐ-CP", "107/2021/NĐ-CP"], partlyExpired: false, statusAsOf: nil))
                == "Nghị định 61/2018/NĐ-CP đã được sửa đổi, bổ sung bởi 92/2017/NĐ-CP, 107/2021/NĐ-CP")
        #expect(FindingMessage.text(.amended(Self.decree, amenders: [], partlyExpired: true, statusAsOf: "2025-12-31"))
                == "Nghị định 61/2018/NĐ-CP hết hiệu lực một phần (tính đến 2025-12-31)")
        #expect(FindingMessage.text(.amended(Self.decree, amenders: ["107/2021/NĐ-CP"], partlyExpired: true, statusAsOf: nil))
                == "Nghị định 61/2018/NĐ-CP đã được sửa đổi, bổ sung bởi 107/2021/NĐ-CP; hết hiệu lực một phần (tính đến ?)")
    }

    @Test("bodies: merged, renamed, abolished; after the change, undated, before it")
    func bodies() {
        let merged = Self.body(.merged, successors: ["Bộ Tài chính"])
        #expect(FindingMessage.text(.body(merged, .afterChange(written: "2025-09-15")))
                == "Bộ Kế hoạch và Đầu tư đã hợp nhất vào Bộ Tài chính từ 2025-03-01 theo 176/2025/QH15; văn bản này ban hành ngày 2025-09-15")
        let renamed = Self.body(.renamed, successors: ["Bộ Tài chính"], basis: nil)
        #expect(FindingMessage.text(.body(renamed, .undated(asOf: "2026-01-15")))
                == "Bộ Kế hoạch và Đầu tư đã đổi thành Bộ Tài chính từ 2025-03-01; văn bản không ghi ngày ban hành (tính đến 2026-01-15)")
        let abolished = Self.body(.abolished, successors: ["Bộ Tài chính", "Bộ Nội vụ"])
        #expect(FindingMessage.text(.body(abolished, .beforeChange(written: "2024-05-10")))
                == "Bộ Kế hoạch và Đầu tư không còn tổ chức (chuyển giao cho Bộ Tài chính hoặc Bộ Nội vụ) từ 2025-03-01 theo 176/2025/QH15; văn bản này ban hành ngày 2024-05-10, trước thay đổi")
    }

    @Test("notes: another issue date, a different status, in force by the registry")
    func notes() {
        let replaced = Finding.StatusChange(code: .docReplaced, date: "2025-07-01", replacement: ["118/2025/NĐ-CP"])
        let repealed = Finding.StatusChange(code: .docRepealed, date: nil)
        #expect(FindingMessage.text(.otherIssueDate(evidence: "a.txt", date: "2018-04-20", origin: "dictionaries/documents.tsv:7"))
                == "a.txt ghi ngày ban hành 2018-04-20, khác dictionaries/documents.tsv:7")
        #expect(FindingMessage.text(.statusDiffers(facts: repealed, factsEvidence: "a.txt", registry: replaced, origin: "dictionaries/documents.tsv:7"))
                == "a.txt ghi: bị bãi bỏ; dictionaries/documents.tsv:7 ghi: hết hiệu lực từ 2025-07-01, thay thế bởi 118/2025/NĐ-CP")
        #expect(FindingMessage.text(.registryInForce(origin: "dictionaries/documents.tsv:7", statusAsOf: nil, change: replaced, evidence: "a.txt"))
                == "dictionaries/documents.tsv:7 ghi còn hiệu lực (tính đến ?), a.txt ghi: hết hiệu lực từ 2025-07-01, thay thế bởi 118/2025/NĐ-CP")
    }
}
