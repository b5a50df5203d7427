import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import CanCuGraph
import Foundation

/// The JSON (output contract) and the text views of the index queries: `basis`, `cited-by`,
/// `show` and the summary of `analyze`.
///
/// ```swift
/// var json = JSONWriter()
/// for match in try queries.basis("1.000889") { QueryView.writeJSON(match, to: &json) }
/// ```
package enum QueryView {
    /// A stored absolute path as people read it: relative to the current folder when inside it.
    public static func displayPath(_ path: String) -> String { IndexFacts.displayPath(path) }

    package static func pinpointText(_ pinpoints: [Pinpoint]) -> String {
        pinpoints.map(PinpointCoding.label).joined(separator: "; ")
    }

    package static let statusText: [String: String] = [
        "in_force": "còn hiệu lực", "expired": "hết hiệu lực", "partly_expired": "hết hiệu lực một phần", "not_yet_in_force": "chưa có hiệu lực",
        "unknown": "chưa rõ hiệu lực",
    ]

    package static let flagText: [String: String] = [
        "replaced": "đã bị thay thế", "repealed": "đã bị bãi bỏ", "amended": "đã được sửa đổi",
        "not_indexed": "chưa có trong chỉ mục", "no_symbol": "chỉ trích theo tên",
        "doc_replaced": "bị thay thế", "doc_repealed": "bị bãi bỏ", "doc_expired": "hết hiệu lực",
        "doc_expired_by_term": "hết thời hạn áp dụng", "doc_amended": "được sửa đổi, bổ sung",
    ]

    /// The status in words, dates dd/mm/yyyy: "hết hiệu lực, thay thế bởi 118/2025/NĐ-CP, từ
    /// 01/07/2025", then what the review finds as of the query's date ("[bị thay thế → …]").
    package static func statusLine(_ facts: NodeFacts) -> String {
        var parts = [statusText[facts.status] ?? facts.status]
        if let record = facts.registry {
            if !record.replacedBy.isEmpty { parts.append("thay thế bởi " + record.replacedBy.joined(separator: ", ")) }
            if let expired = record.expiredOn { parts.append("từ " + TextDates.vietnamese(expired)) }
        }
        for status in facts.review {
            var part = "[\(flagText[status.code.rawValue] ?? status.code.rawValue)"
            if !status.replacement.isEmpty { part += " → " + status.replacement.joined(separator: ", ") }
            if let changed = status.changed { part += " từ " + TextDates.vietnamese(changed) }
            // Where a status comes from a document's clause (not the registry row shown after it).
            if !status.evidence.isEmpty, status.evidence != facts.registry?.origin { part += " theo " + status.evidence }
            parts.append(part + "]")
        }
        return parts.joined(separator: ", ")
    }

    /// Relation types in words ("căn cứ", "sửa đổi, bổ sung").
    package static func relationText(_ relations: [String]) -> String {
        relations.map { FindingLabels.builtIn.relation($0) }.joined(separator: "; ")
    }

    package static func label(_ facts: NodeFacts, name: String? = nil, year: Int? = nil) -> String {
        if let symbol = facts.symbol { return symbol }
        let base = name ?? facts.title ?? facts.key
        return year.map { "\(base) (\($0))" } ?? base
    }

    // MARK: JSON

    static func writeFacts(_ facts: NodeFacts, name: String?, year: Int?, pinpoints: [Pinpoint], to json: inout JSONWriter) {
        json.field("symbol", facts.symbol)
        json.field("type", facts.type)
        json.field("year", year ?? facts.issued.flatMap { Int($0.prefix(4)) })
        json.field("name", name)
        json.field("title", facts.title)
        PinpointCoding.write(pinpoints, to: &json)
        json.field("status", facts.status)
        json.field("flags", strings: facts.flags)
        if !facts.review.isEmpty {
            json.arrayField("review") { json in
                for status in facts.review {
                    json.object { json in
                        json.field("code", status.code.rawValue)
                        json.field("replacement", strings: status.replacement)
                        json.field("changed", status.changed)
                        json.field("evidence", status.evidence)
                    }
                }
            }
        }
        json.field("indexed", facts.indexed)
        if let source = facts.source { json.field("source", displayPath(source)) }
        if let record = facts.registry {
            if !record.replacedBy.isEmpty { json.field("replaced_by", strings: record.replacedBy) }
            if !record.amendedBy.isEmpty { json.field("amended_by", strings: record.amendedBy) }
            if !record.repealedBy.isEmpty { json.field("repealed_by", strings: record.repealedBy) }
            if let expired = record.expiredOn { json.field("expired_on", expired) }
            json.field("evidence", record.origin)
        }
    }

    static func writeProcedure(_ p: ProcedureInfo, to json: inout JSONWriter) {
        json.field("code", p.code)
        json.field("name", p.name)
        json.field("agency", p.agency)
        json.field("field", p.field)
        json.field("level", p.level)
        json.field("published_by", p.publishedBy)
        json.field("origin", p.origin)
        json.field("source", displayPath(p.path))
        json.field("start", p.start)
        json.field("end", p.end)
    }

    static func writeDocument(_ d: DocumentInfo, to json: inout JSONWriter) {
        json.field("symbol", d.symbol)
        json.field("type", d.type)
        json.field("issuer", d.issuer)
        json.field("issued", d.issued)
        json.field("effective", d.effective)
        json.field("place", d.place)
        json.field("title", d.title)
        json.field("source", displayPath(d.path))
    }

    /// One line of `cancu basis --format json`.
    public static func writeJSON(_ match: BasisMatch, to json: inout JSONWriter) {
        json.object { json in
            json.objectField("procedure") { json in writeProcedure(match.procedure, to: &json) }
            json.field("score", match.score)
            json.arrayField("basis") { json in
                for entry in match.basis {
                    json.object { json in writeFacts(entry.facts, name: entry.name, year: entry.year, pinpoints: entry.pinpoints, to: &json) }
                }
            }
        }
        json.newline()
    }

    /// One line of `cancu cited-by --format json`.
    public static func writeJSON(_ item: CitingItem, symbol: String, to json: inout JSONWriter) {
        json.object { json in
            json.field("symbol", symbol)
            json.objectField("citing") { json in
                if let d = item.document {
                    json.field("kind", "document")
                    writeDocument(d, to: &json)
                } else if let p = item.procedure {
                    json.field("kind", "procedure")
                    writeProcedure(p, to: &json)
                }
            }
            json.field("relations", strings: item.relations)
            PinpointCoding.write(item.pinpoints, to: &json)
            json.arrayField("mentions") { json in
                for m in item.mentions where item.document != nil {
                    json.object { json in json.field("start", m.start); json.field("end", m.end); json.field("text", m.text) }
                }
            }
        }
        json.newline()
    }

    /// The line of `cancu show --format json`.
    public static func writeJSON(_ report: DocumentReport, to json: inout JSONWriter) {
        json.object { json in
            json.field("symbol", report.symbol)
            json.objectField("document") { json in
                writeFacts(report.facts, name: nil, year: nil, pinpoints: [], to: &json)
                if let d = report.documents.first {
                    json.field("issuer", d.issuer)
                    json.field("issued", d.issued)
                    json.field("effective", d.effective)
                    json.field("place", d.place)
                } else if let r = report.facts.registry {
                    json.field("issuer", r.issuer)
                    json.field("issued", r.issued)
                    json.field("effective", r.effective)
                }
            }
            json.arrayField("indexed") { json in
                for d in report.documents { json.object { json in writeDocument(d, to: &json) } }
            }
            json.arrayField("citations") { json in
                for c in report.citations {
                    json.object { json in
                        writeFacts(c.facts, name: c.name, year: c.year, pinpoints: c.pinpoints, to: &json)
                        json.field("kind", c.kind)
                        json.field("relations", strings: c.relations)
                        json.field("start", c.start)
                        json.field("end", c.end)
                        json.field("text", c.text)
                    }
                }
            }
            json.arrayField("cited_by") { json in
                for item in report.citedBy where item.document != nil {
                    json.object { json in
                        if let d = item.document { writeDocument(d, to: &json) }
                        json.field("relations", strings: item.relations)
                        PinpointCoding.write(item.pinpoints, to: &json)
                    }
                }
            }
            json.arrayField("procedures") { json in
                for item in report.procedures {
                    json.object { json in
                        if let p = item.procedure { writeProcedure(p, to: &json) }
                        PinpointCoding.write(item.pinpoints, to: &json)
                    }
                }
            }
        }
        json.newline()
    }

    // MARK: Text

    /// `cancu basis` for people.
    public static func text(_ matches: [BasisMatch], style: TerminalStyle = .plain) -> String {
        var out = ""
        for match in matches {
            out += procedureHeading(match.procedure) + String(format: "  (độ khớp %.2f)\n", match.score)
            out += basisTable(match.basis, width: style.width).render(indent: "  ") + "\n"
        }
        return out
    }

    static func procedureHeading(_ p: ProcedureInfo) -> String {
        var line = "Thủ tục " + (p.code.map { $0 + " – " } ?? "") + p.name
        var details: [String] = []
        if let agency = p.agency { details.append("cơ quan: " + agency) }
        if let by = p.publishedBy { details.append("công bố: " + by) }
        details.append("nguồn: " + displayPath(p.path))
        line += "\n  " + details.joined(separator: "; ")
        return line
    }

    static func basisTable(_ entries: [BasisMatch.Entry], width: Int) -> TextTable {
        var table = TextTable(["Văn bản", "Loại", "Trích yếu", "Điều khoản", "Hiệu lực", "Ghi chú"], width: width)
        // The basis keeps the order written in the record: people read it as the record lists it.
        for e in entries {
            table.append([label(e.facts, name: e.name, year: e.year), e.facts.type ?? "", e.facts.title ?? e.name ?? "",
                          pinpointText(e.pinpoints), statusLine(e.facts),
                          e.facts.flags.compactMap { flagText[$0] }.joined(separator: ", ")])
        }
        return table
    }

    /// `cancu cited-by` for people.
    public static func text(_ items: [CitingItem], symbol: String, style: TerminalStyle = .plain) -> String {
        if items.isEmpty { return "Không có văn bản hay thủ tục nào trong chỉ mục trích dẫn \(symbol).\n" }
        var out = "Văn bản và thủ tục trích dẫn \(symbol):\n"
        out += citingTable(items, width: style.width).render(indent: "  ")
        return out
    }

    static func citingTable(_ items: [CitingItem], width: Int) -> TextTable {
        var table = TextTable(["Trích dẫn bởi", "Loại", "Trích yếu / tên", "Quan hệ", "Điều khoản", "Nguồn"], width: width)
        for item in items {
            if let d = item.document {
                table.append([d.symbol ?? "", d.type ?? "", d.title ?? "", relationText(item.relations),
                              pinpointText(item.pinpoints), displayPath(d.path)])
            } else if let p = item.procedure {
                table.append([p.code ?? "", "Thủ tục hành chính", p.name, "căn cứ pháp lý", pinpointText(item.pinpoints), displayPath(p.path)])
            }
        }
        return table
    }

    /// `cancu show` for people.
    public static func text(_ report: DocumentReport, style: TerminalStyle = .plain) -> String {
        let width = style.width
        let f = report.facts
        var out = "\(f.type.map { $0 + " " } ?? "")\(report.symbol)\n"
        var meta = TextTable(["Trường", "Giá trị"], width: width)
        let d = report.documents.first
        meta.append(["Trích yếu", f.title ?? ""])
        meta.append(["Cơ quan ban hành", d?.issuer ?? f.registry?.issuer ?? ""])
        meta.append(["Ngày ban hành", (d?.issued ?? f.registry?.issued).map(TextDates.vietnamese) ?? ""])
        meta.append(["Ngày hiệu lực", (d?.effective ?? f.registry?.effective).map(TextDates.vietnamese) ?? ""])
        meta.append(["Nơi ban hành", d?.place ?? ""])
        meta.append(["Tình trạng", statusLine(f) + (f.registry.map { " (" + $0.origin + ")" } ?? "")])
        meta.append(["Trong chỉ mục", report.documents.map { displayPath($0.path) }.joined(separator: ", ")])
        out += meta.render(indent: "  ") + "\n"
        if !report.citations.isEmpty {
            out += "Văn bản này trích dẫn (\(report.citations.count)):\n"
            var table = TextTable(["Văn bản", "Loại", "Quan hệ", "Điều khoản", "Hiệu lực"], width: width)
            for c in report.citations {
                table.append([label(c.facts, name: c.name, year: c.year), c.facts.type ?? "", relationText(c.relations),
                              pinpointText(c.pinpoints), statusLine(c.facts)])
            }
            out += table.render(indent: "  ") + "\n"
        }
        let citing = report.citedBy.filter { $0.document != nil }
        if !citing.isEmpty { out += "Được trích dẫn bởi (\(citing.count)):\n" + citingTable(citing, width: width).render(indent: "  ") + "\n" }
        if !report.procedures.isEmpty {
            out += "Là căn cứ pháp lý của \(report.procedures.count) thủ tục:\n" + citingTable(report.procedures, width: width).render(indent: "  ")
        }
        return out
    }

    /// The summary of `cancu analyze` for people.
    public static func text(_ summary: IndexSummary, style: TerminalStyle = .plain) -> String {
        let width = style.width
        let c = summary.counts
        var out = "Chỉ mục: \(c["files"] ?? 0) tệp, \(c["documents"] ?? 0) văn bản, \(c["citations"] ?? 0) trích dẫn, "
            + "\(c["relations"] ?? 0) quan hệ, \(c["procedures"] ?? 0) thủ tục hành chính, \(c["structure_units"] ?? 0) đơn vị cấu trúc.\n\n"
        if !summary.documentsByType.isEmpty {
            out += "Văn bản theo loại:\n"
            var table = TextTable(["Loại", "Số văn bản"], width: width)
            for row in summary.documentsByType { table.append([row.type.isEmpty ? "(không rõ)" : row.type, String(row.count)]) }
            out += table.render(indent: "  ") + "\n"
        }
        if !summary.relationsByType.isEmpty {
            out += "Quan hệ giữa văn bản:\n"
            var table = TextTable(["Quan hệ", "Số lần"], width: width)
            for row in summary.relationsByType { table.append([FindingLabels.builtIn.relation(row.type), String(row.count)]) }
            out += table.render(indent: "  ") + "\n"
        }
        if !summary.mostCited.isEmpty {
            out += "Văn bản được trích dẫn nhiều nhất:\n"
            var table = TextTable(["Văn bản", "Loại", "Trích yếu", "Văn bản trích", "Thủ tục", "Hiệu lực"], width: width)
            for m in summary.mostCited {
                table.append([label(m.facts, name: m.name, year: m.year), m.facts.type ?? "", m.facts.title ?? "", String(m.citingDocuments),
                              String(m.citingProcedures), statusLine(m.facts)])
            }
            out += table.render(indent: "  ") + "\n"
        }
        if !summary.procedures.isEmpty {
            out += "Thủ tục hành chính và căn cứ pháp lý:\n\n"
            for match in summary.procedures {
                out += procedureHeading(match.procedure) + "\n"
                out += match.basis.isEmpty ? "  (không tìm thấy căn cứ pháp lý)\n\n" : basisTable(match.basis, width: width).render(indent: "  ") + "\n"
            }
        }
        return out
    }
}
