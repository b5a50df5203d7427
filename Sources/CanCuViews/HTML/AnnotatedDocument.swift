import CanCuModel
import CanCuInput
import CanCuIndex

/// A document with its citations annotated: `cancu annotate` writes it as a standalone page, and
/// the web app's document page shows its text part.
package struct AnnotatedDocument: Sendable {
    package var facts: DocumentFacts
    /// The text the citations' offsets point into.
    package var text: String
    /// What is known of each citation's document (`nodes[i]` for `facts.citations[i]`).
    package var nodes: [NodeFacts]
    /// The address of a cited document's page, or nil for no link.
    package var link: @Sendable (NodeFacts, Citation) -> String?

    package init(facts: DocumentFacts, text: String, nodes: [NodeFacts], link: @escaping @Sendable (NodeFacts, Citation) -> String?) {
        self.facts = facts; self.text = text; self.nodes = nodes; self.link = link
    }

    package var marks: [CitationMark] {
        CitationMark.marks(citations: facts.citations, relations: facts.relations, facts: nodes, link: link)
    }

    /// The text with its citations marked, escaped, in a `div.doc`.
    package var textHTML: String {
        "<div class=\"doc\">" + Annotator.annotate(text: text, marks: marks) + "</div>"
    }

    /// A link for the cited documents that have a symbol: `base` followed by the symbol,
    /// percent-encoded (`http://127.0.0.1:8080/van-ban?so=` → `…?so=09%2F2019%2FN%C4%90-CP`).
    package static func symbolLink(base: String) -> @Sendable (NodeFacts, Citation) -> String? {
        { node, citation in (node.symbol ?? citation.symbol).map { base + HTML.queryValue($0) } }
    }

    /// The heading of a document: its type, symbol, date and title.
    package var heading: String {
        let header = facts.document
        var name = [header.type, header.symbol].compactMap { $0 }.joined(separator: " ")
        if name.isEmpty { name = facts.path }
        var out = "<h1>\(HTML.escape(name))</h1>"
        var meta: [String] = []
        if let issuer = header.issuer { meta.append("Cơ quan ban hành: " + HTML.escape(issuer)) }
        if let issued = header.issued { meta.append("Ngày ban hành: " + HTML.date(issued.iso)) }
        if let effective = header.effective { meta.append("Ngày hiệu lực: " + HTML.date(effective.iso)) }
        if let title = header.title { out += "<p><strong>\(HTML.escape(title))</strong></p>" }
        if !meta.isEmpty { out += "<p class=\"muted\">" + meta.joined(separator: " · ") + "</p>" }
        return out
    }

    /// The standalone page of `cancu annotate` for a text (or Word, PDF) document.
    package func page() -> String {
        let title = [facts.document.type, facts.document.symbol].compactMap { $0 }.joined(separator: " ")
        let body = heading + "<p class=\"muted\">\(facts.citations.count) trích dẫn; tệp: \(HTML.escape(facts.path))</p>"
            + HTMLPage.legend + textHTML
        return HTMLPage.page(title: title.isEmpty ? facts.path : title, body: body)
            .replacingOccurrences(of: "<meta charset=\"utf-8\">",
                                  with: "<meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"\(HTML.escape(Annotator.policy))\">")
    }

    /// The page of `cancu annotate` for an HTML document: its own markup with the links put in.
    package func page(html map: HTMLTextMap) -> String {
        Annotator.annotate(html: map, marks: marks, style: HTMLPage.style, legend: HTMLPage.legend)
    }
}
