/// The frame of every page: a standalone HTML document in Vietnamese with its styles inline (no
/// outside assets, no scripts), and the legend of the citation colours.
package enum HTMLPage {
    /// The styles of every page and annotated document.
    package static let style = """
        body{font-family:"Noto Serif","Times New Roman",serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;color:#1f2328;line-height:1.5}
        header.site{display:flex;gap:1rem;align-items:center;border-bottom:1px solid #d0d7de;margin-bottom:1rem;padding-bottom:.5rem}
        header.site a{color:#0b4f8a;text-decoration:none;font-weight:bold}
        form.search input[type=search]{width:28rem;max-width:70vw;padding:.3rem}
        h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:1.5rem;border-bottom:1px solid #d0d7de}
        table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;vertical-align:top;text-align:left}
        th{background:#f6f8fa}
        .doc{white-space:pre-wrap;font-family:inherit;border:1px solid #d0d7de;padding:1rem;background:#fff}
        .cite{text-decoration:none;border-bottom:2px solid;padding:0 1px}
        .cite.pin{border-bottom-style:double;border-bottom-width:3px}
        .st-in-force{color:#116329;border-color:#1a7f37;background:#dafbe1}
        .st-amended{color:#7d4e00;border-color:#bf8700;background:#fff8c5}
        .st-outdated{color:#a40e26;border-color:#cf222e;background:#ffebe9;text-decoration:line-through;text-decoration-thickness:1px}
        .st-unknown{color:#424a53;border-color:#8c959f;border-bottom-style:dashed;background:#f6f8fa}
        .badge{display:inline-block;padding:0 .4rem;border-radius:.6rem;font-size:.85em;white-space:nowrap}
        sup.rel{font-size:.7em;color:#6639ba;margin-left:1px;font-family:sans-serif}
        .legend{font-size:.9em;border:1px solid #d0d7de;padding:.5rem;margin:1rem 0;font-family:sans-serif}
        .legend span{margin-right:1rem}
        .finding{border-left:4px solid #cf222e;background:#ffebe9}
        .finding.sev-warning{border-color:#bf8700;background:#fff8c5}.finding.sev-info{border-color:#0969da;background:#ddf4ff}
        .muted{color:#57606a}.notfound{font-weight:bold;color:#a40e26}
        textarea{width:100%;min-height:16rem;font-family:inherit}
        """

    /// The legend of the citation colours and marks.
    package static var legend: String {
        var out = "<div class=\"legend\"><strong>Chú giải:</strong> "
        for status in CitationStatus.allCases {
            out += "<span><span class=\"cite \(status.cssClass)\">\(HTML.escape(status.label))</span></span>"
        }
        out += "<span><span class=\"cite st-unknown pin\">gạch đôi</span>: có điều khoản cụ thể</span>"
        out += "<span><sup class=\"rel\">căn cứ</sup>: quan hệ văn bản nêu</span></div>"
        return out
    }

    /// A whole page: `title` (escaped) and `body` (HTML, already escaped by its maker).
    package static func page(title: String, body: String, navigation: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title><style>\(style)</style></head>
        <body>\(navigation)\(body)</body></html>

        """
    }
}
