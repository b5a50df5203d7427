import CanCuLexicon

/// Words what a review rule found (`Finding.Detail`, `Finding.NoteDetail`) in Vietnamese: every
/// message and note template of `cancu review` is here, and nowhere else.
///
/// ```swift
/// FindingMessage.text(.unknownDocument(.symbol("12/2020/TT-BTC", type: "Thông tư")))
/// // "Thông tư 12/2020/TT-BTC không có trong danh mục văn bản đã biết; chưa kiểm tra được hiệu lực"
/// ```
package enum FindingMessage {
    /// The message of a finding (`Finding.message`).
    package static func text(_ detail: Finding.Detail) -> String {
        switch detail {
        case let .notYetIssued(label, issued, written):
            "\(name(label)) ban hành ngày \(issued), sau ngày của văn bản này (\(written))"
        case let .notYetIssuedByYear(label, year, written):
            "\(name(label)) mang năm \(year), sau năm của văn bản này (\(written))"
        case let .dateMismatch(label, known, stated, nil):
            "\(name(label)) ban hành ngày \(known), văn bản ghi \(stated)"
        case let .dateMismatch(label, known, stated, knownFrom?):
            "\(name(label)) ban hành ngày \(known) (theo \(knownFrom)), văn bản ghi \(stated)"
        case let .status(label, change, timing):
            "\(name(label)) \(describe(change))\(when(timing))"
        case let .amended(label, amenders, partlyExpired, statusAsOf):
            name(label) + amended(amenders, partlyExpired: partlyExpired, statusAsOf: statusAsOf)
        case let .unknownDocument(label):
            "\(name(label)) không có trong danh mục văn bản đã biết; chưa kiểm tra được hiệu lực"
        case let .body(change, timing):
            "\(change.oldBody) \(verb(change)) từ \(change.effective)\(change.basis.map { " theo \($0)" } ?? "")\(when(timing))"
        }
    }

    /// The note of a finding (`Finding.note`).
    package static func text(_ note: Finding.NoteDetail) -> String {
        switch note {
        case let .otherIssueDate(evidence, date, origin):
            "\(evidence) ghi ngày ban hành \(date), khác \(origin)"
        case let .statusDiffers(facts, factsEvidence, registry, origin):
            "\(factsEvidence) ghi: \(describe(facts)); \(origin) ghi: \(describe(registry))"
        case let .registryInForce(origin, statusAsOf, change, evidence):
            "\(origin) ghi còn hiệu lực (tính đến \(statusAsOf ?? "?")), \(evidence) ghi: \(describe(change))"
        case let .sameNameLater(successor, year, origin):
            "suy ra: danh mục không có văn bản tên này năm \(year), có \(successor) cùng tên ban hành sau (\(origin)); một văn bản cùng tên ban hành sau thay thế văn bản trước"
        case let .registryInPart(origin, statusAsOf, change, evidence):
            "\(origin) ghi chỉ hết hiệu lực một phần hoặc được sửa đổi (tính đến \(statusAsOf ?? "?")), \(evidence) ghi: \(describe(change))"
        }
    }

    /// "Nghị định 61/2018/NĐ-CP", "Luật Bảo hiểm xã hội năm 2014 (58/2014/QH13)".
    static func name(_ label: Finding.DocumentLabel) -> String {
        switch label {
        case let .symbol(symbol, type): "\(type ?? "Văn bản") \(symbol)"
        case let .name(name, year?, symbol): "\(name) năm \(year) (\(symbol))"
        case let .name(name, nil, symbol): "\(name) (\(symbol))"
        case let .nameOnly(name, year): "\(name) năm \(year)"
        }
    }

    /// "hết hiệu lực từ 2025-07-01, thay thế bởi 41/2024/QH15", "bị bãi bỏ", ….
    static func describe(_ change: Finding.StatusChange) -> String {
        let from = change.date.map { " từ \($0)" } ?? ""
        switch change.code {
        case .docReplaced:
            let by = change.replacement.isEmpty ? "" : ", thay thế bởi \(change.replacement.joined(separator: ", "))"
            return "hết hiệu lực\(from)\(by)"
        case .docRepealed: return "bị bãi bỏ\(from)"
        case .docExpiredByTerm: return "hết thời hạn áp dụng (hết giai đoạn)\(from)"
        default: return "hết hiệu lực\(from)"
        }
    }

    private static func when(_ timing: Finding.StatusTiming) -> String {
        switch timing {
        case let .outdatedWhenWritten(written): "; văn bản này ban hành ngày \(written), khi đó đã lỗi thời"
        case let .inForceWhenWritten(written): "; văn bản này ban hành ngày \(written), khi đó còn hiệu lực"
        case let .undated(asOf): " (tính đến \(asOf))"
        case let .unknownDate(asOf): " (không rõ từ ngày nào; tính đến \(asOf))"
        }
    }

    private static func amended(_ amenders: [String], partlyExpired: Bool, statusAsOf: String?) -> String {
        var parts: [String] = []
        if !amenders.isEmpty { parts.append(" đã được sửa đổi, bổ sung bởi \(amenders.joined(separator: ", "))") }
        if partlyExpired { parts.append(" hết hiệu lực một phần (tính đến \(statusAsOf ?? "?"))") }
        return parts.joined(separator: ";")
    }

    private static func verb(_ change: BodyChange) -> String {
        switch change.event {
        case .merged, .moved: "đã hợp nhất vào \(change.successors.joined(separator: ", "))"
        case .renamed, .converted: "đã đổi thành \(change.successors.joined(separator: ", "))"
        case .abolished: "không còn tổ chức (chuyển giao cho \(change.successors.joined(separator: " hoặc ")))"
        }
    }

    private static func when(_ timing: Finding.BodyTiming) -> String {
        switch timing {
        case let .afterChange(written): "; văn bản này ban hành ngày \(written)"
        case let .undated(asOf): "; văn bản không ghi ngày ban hành (tính đến \(asOf))"
        case let .beforeChange(written): "; văn bản này ban hành ngày \(written), trước thay đổi"
        }
    }
}
