import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuReview
import CanCuIndex

/// `cancu registry show` for people (Vietnamese, dates dd/mm/yyyy, a table per source that fits
/// the terminal) and for scripts (one JSON object, stable English codes).
package enum RegistryView {
    package static func text(_ report: RegistryReport, style: TerminalStyle = .plain) -> String {
        let width = style.width
        var out = "\(report.merged?.type.map { $0 + " " } ?? "")\(report.symbol)\n"
        if let record = report.merged {
            var table = TextTable(["Trường", "Giá trị"], width: width)
            if let title = record.title { table.append(["Trích yếu", title]) }
            if let issuer = record.issuer { table.append(["Cơ quan ban hành", issuer]) }
            if let issued = record.issued { table.append(["Ngày ban hành", TextDates.vietnamese(issued)]) }
            if let effective = record.effective { table.append(["Ngày có hiệu lực", TextDates.vietnamese(effective)]) }
            if let expired = record.expiredOn { table.append(["Ngày hết hiệu lực", TextDates.vietnamese(expired)]) }
            var status = QueryView.statusText[record.status.rawValue] ?? record.status.rawValue
            if let asOf = record.statusAsOf { status += " (tính đến \(TextDates.vietnamese(asOf)))" }
            table.append(["Tình trạng trong danh mục", status])
            if !record.replacedBy.isEmpty { table.append(["Thay thế bởi", record.replacedBy.joined(separator: ", ")]) }
            if !record.repealedBy.isEmpty { table.append(["Bãi bỏ bởi", record.repealedBy.joined(separator: ", ")]) }
            if !record.amendedBy.isEmpty { table.append(["Sửa đổi, bổ sung bởi", record.amendedBy.joined(separator: ", ")]) }
            out += table.render(indent: "  ") + "\n"
        }
        let judged = report.statuses.isEmpty
            ? (report.merged.map { QueryView.statusText[$0.status.rawValue] ?? $0.status.rawValue } ?? "chưa rõ hiệu lực")
            : report.statuses.map(statusWords).joined(separator: "; ")
        let verdict = "Hiệu lực tính đến \(TextDates.vietnamese(report.asOf)): \(judged)"
        out += TextWrap.lines(verdict, width: max(20, width)).joined(separator: "\n") + "\n"
        out += "Nguồn (\(report.sources.count)):\n"
        var sources = TextTable(["Nguồn", "Ở đâu", "Nói gì"], width: width)
        for source in report.sources {
            sources.append([sourceKind(source.kind), source.origin, said(source)])
        }
        out += sources.render(indent: "  ") + "\n"
        if !report.conflicts.isEmpty {
            out += "Các nguồn không khớp (\(report.conflicts.count)):\n"
            for conflict in report.conflicts {
                out += TextWrap.lines("- \(conflict)", width: max(20, width - 2)).map { "  " + $0 }.joined(separator: "\n") + "\n"
            }
        }
        return out
    }

    static func sourceKind(_ kind: String) -> String {
        switch kind {
        case "registry": return "danh mục"
        case "imported": return "bảng đã nhập"
        case "document": return "văn bản trong chỉ mục"
        default: return kind
        }
    }

    static func statusWords(_ status: Reviewer.Status) -> String {
        var text = QueryView.flagText[status.code.rawValue] ?? status.code.rawValue
        if !status.replacement.isEmpty { text += " → " + status.replacement.joined(separator: ", ") }
        if let changed = status.changed { text += " từ " + TextDates.vietnamese(changed) }
        return text + " (" + status.evidence + ")"
    }

    /// What one source says, in a few words.
    static func said(_ source: RegistryReport.Source) -> String {
        if let fact = source.fact {
            let value = fact.value ?? ""
            let date = fact.date.map { " từ " + TextDates.vietnamese($0) } ?? ""
            switch fact.kind {
            case .issued: return "ban hành ngày " + TextDates.vietnamese(value)
            case .effective: return "có hiệu lực từ " + TextDates.vietnamese(value)
            case .replacedBy: return "bị thay thế bởi \(value)\(date): “\(fact.sentence)”"
            case .repealedBy: return "bị bãi bỏ bởi \(value)\(date): “\(fact.sentence)”"
            case .expired: return "hết hiệu lực\(date): “\(fact.sentence)”"
            case .amendedBy: return "được sửa đổi, bổ sung bởi \(value)\(date)"
            case .termEnd: return "áp dụng đến hết năm \(value)"
            }
        }
        guard let record = source.record else { return "" }
        var parts: [String] = []
        if record.status != .unknown || record.statusAsOf != nil {
            parts.append((QueryView.statusText[record.status.rawValue] ?? record.status.rawValue)
                         + (record.statusAsOf.map { " (tính đến \(TextDates.vietnamese($0)))" } ?? ""))
        }
        if let issued = record.issued { parts.append("ban hành " + TextDates.vietnamese(issued)) }
        if let effective = record.effective { parts.append("hiệu lực " + TextDates.vietnamese(effective)) }
        if let expired = record.expiredOn { parts.append("hết hiệu lực " + TextDates.vietnamese(expired)) }
        if !record.replacedBy.isEmpty { parts.append("thay thế bởi " + record.replacedBy.joined(separator: ", ")) }
        if !record.repealedBy.isEmpty { parts.append("bãi bỏ bởi " + record.repealedBy.joined(separator: ", ")) }
        if !record.amendedBy.isEmpty { parts.append("sửa đổi bởi " + record.amendedBy.joined(separator: ", ")) }
        return parts.isEmpty ? "không nói về hiệu lực" : parts.joined(separator: "; ")
    }

    /// One JSON object: `symbol`, `known`, `as_of`, `record` (the merged registry record),
    /// `statuses` (review codes as of `as_of`), `sources` (each with `kind`, `origin` and its
    /// record or fact), `conflicts`.
    package static func writeJSON(_ report: RegistryReport, to json: inout JSONWriter) {
        json.object { json in
            json.field("symbol", report.symbol)
            json.field("known", report.isKnown)
            json.field("as_of", report.asOf)
            if let record = report.merged {
                json.objectField("record") { json in write(record, to: &json) }
            }
            json.arrayField("statuses") { json in
                for status in report.statuses {
                    json.object { json in
                        json.field("code", status.code.rawValue)
                        json.field("replacement", strings: status.replacement)
                        json.field("changed", status.changed)
                        json.field("evidence", status.evidence)
                    }
                }
            }
            json.arrayField("sources") { json in
                for source in report.sources {
                    json.object { json in
                        json.field("kind", source.kind)
                        json.field("origin", source.origin)
                        if let record = source.record { json.objectField("record") { json in write(record, to: &json) } }
                        if let fact = source.fact {
                            json.objectField("fact") { json in
                                json.field("kind", fact.kind.rawValue)
                                json.field("value", fact.value)
                                json.field("date", fact.date)
                                json.field("sentence", fact.sentence)
                            }
                        }
                    }
                }
            }
            json.field("conflicts", strings: report.conflicts)
        }
        json.newline()
    }

    static func write(_ record: DocumentRecord, to json: inout JSONWriter) {
        json.field("symbol", record.symbol)
        json.field("type", record.type)
        json.field("issuer", record.issuer)
        json.field("title", record.title)
        json.field("issued", record.issued)
        json.field("effective", record.effective)
        json.field("expired_on", record.expiredOn)
        json.field("status", record.status.rawValue)
        json.field("status_as_of", record.statusAsOf)
        json.field("replaced_by", strings: record.replacedBy)
        json.field("amended_by", strings: record.amendedBy)
        json.field("repealed_by", strings: record.repealedBy)
        json.field("origin", record.origin)
    }
}
