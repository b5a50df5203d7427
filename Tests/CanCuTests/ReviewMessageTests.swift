import Testing
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuLexicon
@testable import CanCuExtract
@testable import CanCuReview

/// The messages and notes of the document rules for cases the corpus does not reach, end to end
/// (registry rows and learned facts → `Finding.message`, `Finding.note`). The expected lines are what
/// the reviewer printed before its messages moved to `FindingMessage`.
@Suite("Review: messages of rare cases")
struct ReviewMessageTests {
    static let registry = Registry(records: [
        DocumentRecord(symbol: "10/2020/NĐ-CP", type: "Nghị định", issued: "2020-02-01", status: .inForce,
                       statusAsOf: "2024-01-01", origin: "t.tsv:1"),
        DocumentRecord(symbol: "11/2020/NĐ-CP", type: "Nghị định", issued: "2020-02-02", expiredOn: "2025-07-01",
                       replacedBy: ["21/2025/NĐ-CP"], origin: "t.tsv:2"),
        DocumentRecord(symbol: "12/2020/NĐ-CP", type: "Nghị định", issued: "2020-03-01", origin: "t.tsv:3"),
        DocumentRecord(symbol: "15/2020/NĐ-CP", type: "Nghị định", issued: "2020-05-01", status: .partlyExpired,
                       amendedBy: ["30/2021/NĐ-CP"], origin: "t.tsv:4"),
        DocumentRecord(symbol: "16/2020/NĐ-CP", type: "Nghị định", issued: "2020-06-01", termEnd: 2024, origin: "t.tsv:5"),
    ])
    static let facts = LearnedFacts([
        DocumentFact(symbol: "10/2020/NĐ-CP", kind: .replacedBy, value: "20/2025/NĐ-CP", date: "2025-07-01", evidence: "b.txt", sentence: ""),
        DocumentFact(symbol: "11/2020/NĐ-CP", kind: .repealedBy, value: "22/2025/NĐ-CP", date: "2025-08-01", evidence: "c.txt", sentence: ""),
        DocumentFact(symbol: "12/2020/NĐ-CP", kind: .issued, value: "2020-03-05", date: nil, evidence: "d.txt", sentence: ""),
        DocumentFact(symbol: "13/2020/NĐ-CP", kind: .issued, value: "2020-04-01", date: nil, evidence: "e.txt", sentence: ""),
        DocumentFact(symbol: "14/2020/NĐ-CP", kind: .expired, value: nil, date: nil, evidence: "f.txt", sentence: ""),
    ])

    static func review(date: String?, asOf: String = "2026-03-01") -> [String] {
        let cited: [(String, String?)] = [("10/2020/NĐ-CP", nil), ("11/2020/NĐ-CP", nil), ("12/2020/NĐ-CP", "2020-03-02"),
                                          ("13/2020/NĐ-CP", "2020-04-02"), ("14/2020/NĐ-CP", nil), ("15/2020/NĐ-CP", nil),
                                          ("16/2020/NĐ-CP", nil), ("50/2026/NĐ-CP", nil)]
        let body = cited.map { "Căn cứ Nghị định số \($0.0);" }.joined(separator: "\n")
        let text = date.map { ReviewFixture.document(date: $0, body: body) } ?? "KẾ HOẠCH\n\n" + body
        let citations = cited.map {
            ReviewFixture.citation("Nghị định số \($0.0)", symbol: $0.0, type: "Nghị định", issued: $0.1, in: text)
        }
        let normalized = Normalizer.standard.normalize(text)
        let document = ReviewFixture.extractor.addingReviewFacts(DocumentFacts(path: "test.txt", citations: citations), text: normalized)
        let reviewer = Reviewer(registry: registry, changes: [])
        return reviewer.review(document, asOf: asOf, facts: facts).map {
            "\($0.code.rawValue) \($0.severity) \($0.asOf.rawValue): \($0.message)" + ($0.note.map { " | \($0)" } ?? "")
        }
    }

    @Test("a document written after the changes: errors, notes where the registry and the documents disagree")
    func writtenAfter() {
        #expect(Self.review(date: "15 tháng 9 năm 2025") == [
            "doc_replaced error written: Nghị định 10/2020/NĐ-CP hết hiệu lực từ 2025-07-01, thay thế bởi 20/2025/NĐ-CP; văn bản này ban hành ngày 2025-09-15, khi đó đã lỗi thời | t.tsv:1 ghi còn hiệu lực (tính đến 2024-01-01), b.txt ghi: hết hiệu lực từ 2025-07-01, thay thế bởi 20/2025/NĐ-CP",
            "doc_replaced error written: Nghị định 11/2020/NĐ-CP hết hiệu lực từ 2025-07-01, thay thế bởi 21/2025/NĐ-CP; văn bản này ban hành ngày 2025-09-15, khi đó đã lỗi thời | c.txt ghi: bị bãi bỏ từ 2025-08-01; t.tsv:2 ghi: hết hiệu lực từ 2025-07-01, thay thế bởi 21/2025/NĐ-CP",
            "date_mismatch warning written: Nghị định 12/2020/NĐ-CP ban hành ngày 2020-03-01, văn bản ghi 2020-03-02 | d.txt ghi ngày ban hành 2020-03-05, khác t.tsv:3",
            "date_mismatch warning written: Nghị định 13/2020/NĐ-CP ban hành ngày 2020-04-01 (theo e.txt), văn bản ghi 2020-04-02",
            "doc_expired warning now: Nghị định 14/2020/NĐ-CP hết hiệu lực (không rõ từ ngày nào; tính đến 2026-03-01)",
            "doc_amended info now: Nghị định 15/2020/NĐ-CP đã được sửa đổi, bổ sung bởi 30/2021/NĐ-CP; hết hiệu lực một phần (tính đến ?)",
            "doc_expired_by_term warning written: Nghị định 16/2020/NĐ-CP hết thời hạn áp dụng (hết giai đoạn) từ 2025-01-01; văn bản này ban hành ngày 2025-09-15, khi đó đã lỗi thời",
            "doc_not_yet_issued error written: Nghị định 50/2026/NĐ-CP mang năm 2026, sau năm của văn bản này (2025-09-15)",
        ])
    }

    @Test("an undated document: outdated as of --as-of")
    func undated() {
        #expect(Self.review(date: nil) == [
            "doc_replaced warning now: Nghị định 10/2020/NĐ-CP hết hiệu lực từ 2025-07-01, thay thế bởi 20/2025/NĐ-CP (tính đến 2026-03-01) | t.tsv:1 ghi còn hiệu lực (tính đến 2024-01-01), b.txt ghi: hết hiệu lực từ 2025-07-01, thay thế bởi 20/2025/NĐ-CP",
            "doc_replaced warning now: Nghị định 11/2020/NĐ-CP hết hiệu lực từ 2025-07-01, thay thế bởi 21/2025/NĐ-CP (tính đến 2026-03-01) | c.txt ghi: bị bãi bỏ từ 2025-08-01; t.tsv:2 ghi: hết hiệu lực từ 2025-07-01, thay thế bởi 21/2025/NĐ-CP",
            "date_mismatch warning written: Nghị định 12/2020/NĐ-CP ban hành ngày 2020-03-01, văn bản ghi 2020-03-02 | d.txt ghi ngày ban hành 2020-03-05, khác t.tsv:3",
            "date_mismatch warning written: Nghị định 13/2020/NĐ-CP ban hành ngày 2020-04-01 (theo e.txt), văn bản ghi 2020-04-02",
            "doc_expired warning now: Nghị định 14/2020/NĐ-CP hết hiệu lực (không rõ từ ngày nào; tính đến 2026-03-01)",
            "doc_amended info now: Nghị định 15/2020/NĐ-CP đã được sửa đổi, bổ sung bởi 30/2021/NĐ-CP; hết hiệu lực một phần (tính đến ?)",
            "doc_expired_by_term info now: Nghị định 16/2020/NĐ-CP hết thời hạn áp dụng (hết giai đoạn) từ 2025-01-01 (tính đến 2026-03-01)",
            "unknown_document info now: Nghị định 50/2026/NĐ-CP không có trong danh mục văn bản đã biết; chưa kiểm tra được hiệu lực",
        ])
    }

    @Test("a document written before the changes: right when written")
    func writtenBefore() {
        #expect(Self.review(date: "10 tháng 5 năm 2023") == [
            "doc_replaced warning now: Nghị định 10/2020/NĐ-CP hết hiệu lực từ 2025-07-01, thay thế bởi 20/2025/NĐ-CP; văn bản này ban hành ngày 2023-05-10, khi đó còn hiệu lực | t.tsv:1 ghi còn hiệu lực (tính đến 2024-01-01), b.txt ghi: hết hiệu lực từ 2025-07-01, thay thế bởi 20/2025/NĐ-CP",
            "doc_replaced warning now: Nghị định 11/2020/NĐ-CP hết hiệu lực từ 2025-07-01, thay thế bởi 21/2025/NĐ-CP; văn bản này ban hành ngày 2023-05-10, khi đó còn hiệu lực | c.txt ghi: bị bãi bỏ từ 2025-08-01; t.tsv:2 ghi: hết hiệu lực từ 2025-07-01, thay thế bởi 21/2025/NĐ-CP",
            "date_mismatch warning written: Nghị định 12/2020/NĐ-CP ban hành ngày 2020-03-01, văn bản ghi 2020-03-02 | d.txt ghi ngày ban hành 2020-03-05, khác t.tsv:3",
            "date_mismatch warning written: Nghị định 13/2020/NĐ-CP ban hành ngày 2020-04-01 (theo e.txt), văn bản ghi 2020-04-02",
            "doc_expired warning now: Nghị định 14/2020/NĐ-CP hết hiệu lực (không rõ từ ngày nào; tính đến 2026-03-01)",
            "doc_amended info now: Nghị định 15/2020/NĐ-CP đã được sửa đổi, bổ sung bởi 30/2021/NĐ-CP; hết hiệu lực một phần (tính đến ?)",
            "doc_expired_by_term info now: Nghị định 16/2020/NĐ-CP hết thời hạn áp dụng (hết giai đoạn) từ 2025-01-01; văn bản này ban hành ngày 2023-05-10, khi đó còn hiệu lực",
            "doc_not_yet_issued error written: Nghị định 50/2026/NĐ-CP mang năm 2026, sau năm của văn bản này (2023-05-10)",
        ])
    }
}
