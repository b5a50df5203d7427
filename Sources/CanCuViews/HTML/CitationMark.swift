import CanCuModel
import CanCuIndex

/// One citation as an annotated page shows it: where it is (Unicode scalars of the text), where it
/// links, its colour and what a reader sees on hovering.
package struct CitationMark: Sendable {
    package var range: Range<Int>
    package var href: String?
    package var status: CitationStatus
    /// Hover text: the document, its status and why.
    package var title: String
    /// The relation types the document states towards it (`basis`, `amends`, …).
    package var relations: [String]
    /// The pinpoint ("khoản 1 Điều 3"), when the citation has one.
    package var pinpoint: String?

    package init(range: Range<Int>, href: String?, status: CitationStatus, title: String, relations: [String], pinpoint: String?) {
        self.range = range; self.href = href; self.status = status; self.title = title
        self.relations = relations; self.pinpoint = pinpoint
    }

    /// The marks of a document's citations: `facts[i]` describes `citations[i]`; `link` gives the
    /// address of a described document (nil: no link).
    package static func marks(citations: [Citation], relations: [Relation], facts: [NodeFacts],
                              link: (NodeFacts, Citation) -> String?) -> [CitationMark] {
        var types: [Int: [String]] = [:]
        for relation in relations where !(types[relation.to]?.contains(relation.type.rawValue) ?? false) {
            types[relation.to, default: []].append(relation.type.rawValue)
        }
        return citations.indices.map { i in
            let citation = citations[i]
            let node = facts[i]
            let status = CitationStatus(node)
            var title = QueryView.label(node, name: citation.name, year: citation.year)
            if let t = node.title { title += " – " + t }
            title += " (" + QueryView.statusLine(node) + ")"
            let pin = citation.pinpoints.isEmpty ? nil : QueryView.pinpointText(citation.pinpoints)
            return CitationMark(range: citation.source, href: link(node, citation), status: status, title: title,
                                relations: types[i] ?? [], pinpoint: pin)
        }
    }

    /// The opening tag of the link (or span, without an address).
    var openTag: String {
        var classes = "cite " + status.cssClass
        if pinpoint != nil { classes += " pin" }
        var hover = title
        if let pinpoint { hover += "\nĐiều khoản: " + pinpoint }
        if !relations.isEmpty { hover += "\nQuan hệ: " + relations.map { HTML.relationText[$0] ?? $0 }.joined(separator: ", ") }
        let element = href == nil ? "span" : "a"
        var tag = "<\(element) class=\"\(classes)\" data-status=\"\(status.rawValue)\" title=\"\(HTML.escape(hover))\""
        if let href { tag += " href=\"\(HTML.escape(href))\"" }
        return tag + ">"
    }

    var closeTag: String { href == nil ? "</span>" : "</a>" }

    /// The small labels after a citation: its relation cues.
    var badges: String {
        relations.map { "<sup class=\"rel rel-\($0)\">\(HTML.escape(HTML.relationText[$0] ?? $0))</sup>" }.joined()
    }
}
