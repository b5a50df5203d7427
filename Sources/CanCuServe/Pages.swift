import CanCu
import Foundation

/// The web app's pages, rendered on the server (no scripts). Every piece of text from the index,
/// a document or a request goes through `HTML.escape`.
package enum Pages {
    static func navigation(query: String = "") -> String {
        """
        <header class="site"><a href="/">CanCu – căn cứ pháp lý</a>\
        <form class="search" method="get" action="/tim-kiem"><input type="search" name="q" value="\(HTML.escape(query))" \
        placeholder="Mã hoặc tên thủ tục, số hiệu, trích dẫn hoặc tên văn bản" aria-label="Tìm kiếm"> <button type="submit">Tìm</button></form>\
        <a href="/kiem-tra">Kiểm tra văn bản</a></header>
        """
    }

    static func page(_ title: String, query: String = "", _ body: String) -> String {
        HTMLPage.page(title: title + " – CanCu", body: body, navigation: navigation(query: query))
    }

    static func procedureLink(_ p: ProcedureInfo) -> String {
        let target = p.code.map { "/thu-tuc?ma=" + HTML.queryValue($0) } ?? "/thu-tuc?ten=" + HTML.queryValue(p.name)
        return "<a href=\"\(HTML.escape(target))\">\(HTML.escape((p.code.map { $0 + " – " } ?? "") + p.name))</a>"
    }

    static func documentHref(symbol: String?, id: Int64? = nil) -> String? {
        if let symbol { return "/van-ban?so=" + HTML.queryValue(symbol) }
        return id.map { "/van-ban?id=\($0)" }
    }

    /// A label linking to a document's page (or plain text when it has no symbol).
    static func documentLink(_ label: String, symbol: String?, id: Int64? = nil) -> String {
        guard let href = documentHref(symbol: symbol, id: id) else { return HTML.escape(label) }
        return "<a href=\"\(HTML.escape(href))\">\(HTML.escape(label))</a>"
    }

    /// A status in its colour, with the flags in words.
    static func statusBadge(_ facts: NodeFacts) -> String {
        let status = CitationStatus(facts)
        return "<span class=\"badge cite \(status.cssClass)\" data-status=\"\(status.rawValue)\">\(HTML.escape(badgeText(facts)))</span>"
    }

    static func badgeText(_ facts: NodeFacts) -> String {
        let status = CitationStatus(facts)
        if status == .amended { return status.label }
        return QueryView.statusText[facts.status] ?? facts.status
    }

    static func flagsText(_ facts: NodeFacts) -> String {
        HTML.escape(facts.flags.compactMap { QueryView.flagText[$0] }.joined(separator: ", "))
    }

    // MARK: Search

    package static func home() -> String {
        page("Tìm kiếm", """
            <h1>Tìm căn cứ pháp lý</h1>
            <p>Gõ mã thủ tục (1.004222), tên thủ tục có hoặc không dấu (cap doi the can cuoc), số hiệu văn bản \
            (09/2019/NĐ-CP), một trích dẫn dán vào, hoặc tên văn bản.</p>
            """)
    }

    package static func search(_ result: Search) -> String {
        var body = "<h1>Kết quả cho «\(HTML.escape(result.query))»</h1>"
        if result.isEmpty {
            body += "<p class=\"notfound\" id=\"khong-tim-thay\">Không tìm thấy thủ tục hay văn bản nào khớp.</p>"
            return page("Không tìm thấy", query: result.query, body)
        }
        if !result.documents.isEmpty {
            body += "<h2>Văn bản (\(result.documents.count))</h2><table class=\"results documents\"><tr><th>Văn bản</th><th>Trích yếu</th><th>Ngày ban hành</th><th>Hiệu lực</th></tr>"
            for hit in result.documents {
                let label = [hit.type, hit.symbol].compactMap { $0 }.joined(separator: " ")
                let status = hit.facts.map(statusBadge) ?? ""
                body += "<tr><td>\(documentLink(label.isEmpty ? (hit.title ?? "") : label, symbol: hit.symbol, id: hit.id))</td>"
                    + "<td>\(HTML.escape(hit.title ?? ""))</td><td>\(HTML.date(hit.issued))</td><td>\(status)</td></tr>"
            }
            body += "</table>"
        }
        if !result.procedures.isEmpty {
            body += "<h2>Thủ tục hành chính (\(result.procedures.count))</h2><table class=\"results procedures\"><tr><th>Thủ tục</th><th>Cơ quan</th><th>Độ khớp</th></tr>"
            for hit in result.procedures {
                body += "<tr><td>\(procedureLink(hit.procedure))</td><td>\(HTML.escape(hit.procedure.agency ?? ""))</td>"
                    + "<td>\(String(format: "%.2f", hit.score))</td></tr>"
            }
            body += "</table>"
        }
        return page("Tìm kiếm: " + result.query, query: result.query, body)
    }

    // MARK: Procedure

    package static func procedure(_ match: BasisMatch) -> String {
        let p = match.procedure
        var body = "<h1>Thủ tục \(HTML.escape((p.code.map { $0 + " – " } ?? "") + p.name))</h1><table class=\"meta\">"
        for (name, value) in [("Mã thủ tục", p.code), ("Cơ quan thực hiện", p.agency), ("Lĩnh vực", p.field), ("Cấp thực hiện", p.level),
                              ("Quyết định công bố", p.publishedBy), ("Nguồn", QueryView.displayPath(p.path))] {
            if let value { body += "<tr><th>\(name)</th><td>\(HTML.escape(value))</td></tr>" }
        }
        body += "</table><h2>Căn cứ pháp lý (\(match.basis.count))</h2>"
        if match.basis.isEmpty { return page("Thủ tục " + (p.code ?? p.name), body + "<p>Không tìm thấy căn cứ pháp lý.</p>") }
        body += "<table class=\"basis\"><tr><th>Văn bản</th><th>Loại</th><th>Trích yếu</th><th>Điều khoản</th><th>Hiệu lực</th><th>Ghi chú</th></tr>"
        for e in match.basis {
            let label = QueryView.label(e.facts, name: e.name, year: e.year)
            body += "<tr><td>\(documentLink(label, symbol: e.facts.symbol))</td><td>\(HTML.escape(e.facts.type ?? ""))</td>"
                + "<td>\(HTML.escape(e.facts.title ?? e.name ?? ""))</td><td>\(HTML.escape(QueryView.pinpointText(e.pinpoints)))</td>"
                + "<td>\(statusBadge(e.facts))</td><td>\(flagsText(e.facts))</td></tr>"
        }
        body += "</table>" + HTMLPage.legend
        return page("Thủ tục " + (p.code ?? p.name), body)
    }

    // MARK: Document

    /// The document page: `text` is its annotated text, `graph` its neighbourhood (SVG or list).
    package static func document(_ report: DocumentReport, text: String?, graph: String) -> String {
        let f = report.facts
        let d = report.documents.first
        var body = "<h1>\(HTML.escape([f.type, report.symbol].compactMap { $0 }.joined(separator: " ")))</h1>"
        if let title = f.title { body += "<p><strong>\(HTML.escape(title))</strong></p>" }
        body += "<table class=\"meta\">"
        let rows: [(String, String?)] = [
            ("Cơ quan ban hành", d?.issuer ?? f.registry?.issuer), ("Ngày ban hành", HTML.date(d?.issued ?? f.registry?.issued)),
            ("Ngày hiệu lực", HTML.date(d?.effective ?? f.registry?.effective)), ("Nơi ban hành", d?.place),
            ("Trong chỉ mục", report.documents.isEmpty ? "không (chỉ được trích dẫn)" : report.documents.map { QueryView.displayPath($0.path) }.joined(separator: ", ")),
        ]
        for (name, value) in rows where !(value ?? "").isEmpty { body += "<tr><th>\(name)</th><td>\(HTML.escape(value ?? ""))</td></tr>" }
        let line = QueryView.statusLine(f)
        body += "<tr><th>Tình trạng</th><td>\(statusBadge(f))" + (line == badgeText(f) ? "" : " " + HTML.escape(line))
        if let origin = f.registry?.origin { body += "<br><span class=\"muted\">Nguồn: \(HTML.escape(origin))</span>" }
        for status in f.review where !status.evidence.isEmpty {
            body += "<br><span class=\"muted\">\(HTML.escape(status.code.rawValue)): \(HTML.escape(status.evidence))</span>"
        }
        body += "</td></tr></table>"
        // What it rests on, by relation type.
        if !report.citations.isEmpty {
            body += "<h2>Văn bản này dựa vào (\(report.citations.count) trích dẫn)</h2>"
            var groups: [String: [DocumentReport.Cited]] = [:]
            for c in report.citations { for type in (c.relations.isEmpty ? ["refers"] : c.relations) { groups[type, default: []].append(c) } }
            for type in relationOrder where groups[type] != nil {
                var seen = Set<String>()
                body += "<h3>\(HTML.escape(HTML.relationText[type] ?? type))</h3><ul class=\"rel-\(type)\">"
                for c in groups[type] ?? [] {
                    let label = QueryView.label(c.facts, name: c.name, year: c.year)
                    let pin = QueryView.pinpointText(c.pinpoints)
                    guard seen.insert(label + "|" + pin).inserted else { continue }
                    body += "<li>\(documentLink(label, symbol: c.facts.symbol)) \(statusBadge(c.facts))"
                    if !pin.isEmpty { body += " <span class=\"muted\">(\(HTML.escape(pin)))</span>" }
                    if let title = c.facts.title { body += " – \(HTML.escape(title))" }
                    body += "</li>"
                }
                body += "</ul>"
            }
        }
        let citing = report.citedBy.filter { $0.document != nil }
        if !citing.isEmpty {
            body += "<h2>Văn bản dựa vào văn bản này (\(citing.count))</h2>"
            var groups: [String: [CitingItem]] = [:]
            for item in citing { for type in (item.relations.isEmpty ? ["refers"] : item.relations) { groups[type, default: []].append(item) } }
            for type in relationOrder where groups[type] != nil {
                body += "<h3>\(HTML.escape(HTML.relationText[type] ?? type))</h3><ul class=\"rel-\(type)\">"
                for item in groups[type] ?? [] {
                    guard let doc = item.document else { continue }
                    let label = [doc.type, doc.symbol].compactMap { $0 }.joined(separator: " ")
                    body += "<li>\(documentLink(label.isEmpty ? QueryView.displayPath(doc.path) : label, symbol: doc.symbol, id: doc.id))"
                    if let title = doc.title { body += " – \(HTML.escape(title))" }
                    body += "</li>"
                }
                body += "</ul>"
            }
        }
        if !report.procedures.isEmpty {
            body += "<h2>Thủ tục hành chính có căn cứ là văn bản này (\(report.procedures.count))</h2><ul class=\"procedures\">"
            for item in report.procedures {
                guard let p = item.procedure else { continue }
                let pin = QueryView.pinpointText(item.pinpoints)
                body += "<li>\(procedureLink(p))" + (pin.isEmpty ? "" : " <span class=\"muted\">(\(HTML.escape(pin)))</span>") + "</li>"
            }
            body += "</ul>"
        }
        body += "<h2>Sơ đồ văn bản liên quan</h2>" + graph
        if let text {
            body += "<h2>Toàn văn (trích dẫn được tô màu theo hiệu lực)</h2>" + HTMLPage.legend + text
        }
        return page(report.symbol, body)
    }

    /// The relation types in the order a document page lists them.
    static let relationOrder = ["basis", "implements", "amends", "replaces", "repeals", "expires", "corrects", "suspends",
                                "extends", "consolidates", "publishes", "refers"]

    /// A page for an indexed document that has no symbol (by row id): its metadata and text.
    package static func unnumbered(_ stored: StoredDocument, text: String) -> String {
        let info = stored.info
        var body = "<h1>\(HTML.escape(info.title ?? QueryView.displayPath(info.path)))</h1><table class=\"meta\">"
        for (name, value) in [("Loại", info.type), ("Cơ quan ban hành", info.issuer), ("Ngày ban hành", HTML.date(info.issued)),
                              ("Nguồn", QueryView.displayPath(info.path))] where !(value ?? "").isEmpty {
            body += "<tr><th>\(name)</th><td>\(HTML.escape(value ?? ""))</td></tr>"
        }
        body += "</table><h2>Toàn văn</h2>" + HTMLPage.legend + text
        return page(info.title ?? "Văn bản", body)
    }

    // MARK: Review

    package static let reviewLimitText = "2 MB"

    package static func reviewForm(_ text: String = "") -> String {
        """
        <h1>Kiểm tra tham chiếu lỗi thời</h1>
        <p>Dán toàn văn (tối đa \(reviewLimitText)). Văn bản không được lưu lại.</p>
        <form method="post" action="/kiem-tra" accept-charset="utf-8"><textarea name="text" id="text">\(HTML.escape(text))</textarea>
        <p><button type="submit">Kiểm tra</button></p></form>
        """
    }

    package static func review(text: String, findings: [Finding]) -> String {
        var body = reviewForm(text)
        body += "<h2>Phát hiện (\(findings.count))</h2>"
        if findings.isEmpty {
            body += "<p id=\"khong-phat-hien\">Không có tham chiếu lỗi thời.</p>"
        } else {
            body += "<table class=\"findings\"><tr><th>Trích dẫn</th><th>Mức</th><th>Mã</th><th>Nội dung</th><th>Thay bằng</th></tr>"
            for f in findings {
                body += "<tr class=\"finding sev-\(f.severity.rawValue)\"><td>\(HTML.escape(f.text))</td><td>\(severityText(f.severity))</td>"
                    + "<td>\(HTML.escape(f.code.rawValue))</td><td>\(HTML.escape(f.message))</td><td>\(HTML.escape(f.replacement ?? ""))</td></tr>"
            }
            body += "</table>"
            let spans = findings.map { f in
                (range: f.range, open: "<mark class=\"finding sev-\(f.severity.rawValue)\" title=\"\(HTML.escape(f.code.rawValue + ": " + f.message))\">",
                 close: "</mark>")
            }
            body += "<h2>Văn bản và phát hiện</h2><div class=\"doc\">" + Annotator.annotate(text: text, spans: spans) + "</div>"
        }
        return page("Kiểm tra văn bản", body)
    }

    static func severityText(_ severity: Finding.Severity) -> String {
        switch severity {
        case .error: return "lỗi"
        case .warning: return "cảnh báo"
        case .info: return "lưu ý"
        }
    }

    // MARK: Errors

    package static func message(_ title: String, _ text: String) -> String {
        page(title, "<h1>\(HTML.escape(title))</h1><p class=\"notfound\">\(HTML.escape(text))</p>")
    }
}
