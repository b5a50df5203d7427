import Foundation

/// Pages in the shapes the large legal portals save (thuvienphapluat, luatvietnam style): a hundred
/// and more lines of site chrome — banner, login box, menus, breadcrumbs, a search form, the
/// portal's attribute table, related documents and keywords naming other documents — around one
/// document. Written here (the document is fictional, its citations real); used by
/// `PortalPageTests` and `MarkdownInputTests`.
enum PortalPages {
    /// Numbers and names the chrome mentions and the document never cites.
    static let chromeSymbols = ["102/2024/NĐ-CP", "31/2024/QH15", "27/2023/QH15", "96/2024/NĐ-CP", "01/2025/TT-BTC"]
    /// What the document itself cites (number-and-symbol).
    static let documentSymbols: Set<String> = ["63/2025/QH15", "123/2016/NĐ-CP", "101/2020/NĐ-CP"]

    /// Menu items: "Luật Nhà Đất", "Luật Doanh nghiệp", … and news items naming documents.
    static let menu = (1...40).map { "Luật Chuyên mục \($0)" } + ["Luật Nhà Đất", "Luật Doanh nghiệp", "Luật Đất đai 2024"]
    static let news = [
        "Nghị định 102/2024/NĐ-CP hướng dẫn Luật Đất đai", "Luật Đất đai 31/2024/QH15 có hiệu lực",
        "Luật Nhà ở 27/2023/QH15", "Nghị định 96/2024/NĐ-CP về kinh doanh bất động sản",
        "Thông tư 01/2025/TT-BTC", "Nghị định 25/2025/NĐ-CP quy định chức năng Bộ Tài chính",
    ]

    /// The document's body paragraphs (after the header).
    static let body = [
        "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;",
        "Căn cứ Nghị định số 123/2016/NĐ-CP ngày 01 tháng 9 năm 2016 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của bộ, cơ quan ngang bộ;",
        "Theo đề nghị của Bộ trưởng Bộ Tài chính;",
        "Chính phủ ban hành Nghị định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Tài chính.",
        "Điều 1. Vị trí và chức năng",
        "Bộ Tài chính là cơ quan của Chính phủ, thực hiện chức năng quản lý nhà nước về tài chính. Nghị định số 25/2025/NĐ-CP này áp dụng cho các đơn vị thuộc Bộ.",
        "Điều 2. Hiệu lực thi hành",
        "Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2025 và thay thế Nghị định số 101/2020/NĐ-CP.",
        "TM. CHÍNH PHỦ",
        "THỦ TƯỚNG",
        "Nguyễn Văn A",
    ]

    static let title = "QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA BỘ TÀI CHÍNH"

    /// An HTML page: semantic chrome (header, nav, aside, footer, a search select) and chrome in
    /// plain divs before and after the document, whose header is a two-row table.
    static var html: String {
        var page = """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8">
            <title>Nghị định 25/2025/NĐ-CP quy định chức năng Bộ Tài chính</title>
            <script>var dataLayer = []; dataLayer.push({"so": "25/2025/NĐ-CP"});</script>
            </head>
            <body>
            <form method="post" action="./van-ban" id="form1">
            <header id="header"><div class="logo"><a href="/">THƯ VIỆN PHÁP LUẬT</a></div>
            <div class="login">Tài khoản <input name="u"> <button type="submit">ĐĂNG NHẬP</button></div></header>
            <nav class="menu"><ul>

            """
        for item in menu { page += "<li><a href=\"/chu-de/\(item.count)\">\(item)</a></li>\n" }
        page += "</ul></nav>\n<div class=\"breadcrumb\">Trang chủ &gt; Văn bản pháp luật &gt; Bộ máy hành chính</div>\n"
        page += "<div class=\"search\">Tìm văn bản <select name=\"lv\"><option>Tất cả lĩnh vực</option><option>Nghị định</option></select></div>\n"
        page += "<div class=\"news\"><p>VĂN BẢN MỚI</p><ul>\n"
        for item in news + news { page += "<li><a href=\"/tin\">\(item)</a></li>\n" }
        page += "</ul></div>\n"
        page += """
            <h1>Nghị định 25/2025/NĐ-CP quy định chức năng, nhiệm vụ của Bộ Tài chính</h1>
            <table class="thuoc-tinh"><tr><td>Số hiệu:</td><td>25/2025/NĐ-CP</td><td>Loại văn bản:</td><td>Nghị định</td></tr>
            <tr><td>Nơi ban hành:</td><td>Chính phủ</td><td>Người ký:</td><td>Nguyễn Văn A</td></tr>
            <tr><td>Ngày ban hành:</td><td>21/02/2025</td><td>Ngày hiệu lực:</td><td>01/03/2025</td></tr></table>
            <div class="tabs"><span>Nội dung</span> <span>Văn bản gốc</span> <span>Lược đồ</span></div>
            <aside><h3>Văn bản liên quan</h3><ul><li>Luật Đất đai 31/2024/QH15</li><li>Nghị định 102/2024/NĐ-CP</li></ul></aside>
            <div class="content1">
            <table><tr><td><p><b>CHÍNH PHỦ</b></p><p>-------</p></td>
            <td><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>---------------</p></td></tr>
            <tr><td><p>Số: 25/2025/NĐ-CP</p></td><td><p><i>Hà Nội, ngày 21 tháng 02 năm 2025</i></p></td></tr></table>
            <p align="center"><b>NGHỊ ĐỊNH</b></p>
            <p align="center"><b>\(title)</b></p>

            """
        for paragraph in body { page += "<p>\(paragraph)</p>\n" }
        page += "<p><b><i>Nơi nhận:</i></b><br>- Các bộ, cơ quan ngang bộ;<br>- Lưu: VT, TCCV.</p>\n</div>\n"
        page += "<div class=\"lien-quan\"><h3>Chủ đề liên quan</h3><ul>\n"
        for item in menu.suffix(3) + news { page += "<li><a href=\"/chu-de\">\(item)</a></li>\n" }
        page += "</ul><h3>Từ khóa</h3><p>Nghị định 25/2025/NĐ-CP, Luật Đất đai 2024, Nghị định 96/2024/NĐ-CP</p></div>\n"
        page += "<footer><p>Công ty THƯ VIỆN PHÁP LUẬT</p><p>Giấy phép số 27/GP-TTĐT</p></footer>\n</form>\n</body></html>\n"
        return page
    }

    /// The same page saved as Markdown by a browser extension: images, links, bullets, a breadcrumb
    /// quote, the attribute table, the header as a pipe table with `<br>` in its cells.
    static var markdown: String {
        var page = "[![Thư viện pháp luật](https://thuvienphapluat.vn/images/logo.png)](https://thuvienphapluat.vn/)\n\n"
        page += "**ĐĂNG NHẬP** | [Đăng ký](https://thuvienphapluat.vn/dang-ky)\n\n"
        for item in menu { page += "* [\(item)](https://thuvienphapluat.vn/chu-de/\(item.count))\n" }
        page += "\n> Trang chủ > [Văn bản pháp luật](https://thuvienphapluat.vn/van-ban) > Bộ máy hành chính\n\nVĂN BẢN MỚI\n\n"
        for item in news + news { page += "+ [\(item)](https://thuvienphapluat.vn/tin?so=\(item.count))\n" }
        page += """

            # Nghị định 25/2025/NĐ-CP quy định chức năng, nhiệm vụ của Bộ Tài chính

            | Số hiệu: | 25/2025/NĐ-CP | Loại văn bản: | Nghị định |
            |---|---|---|---|
            | Nơi ban hành: | Chính phủ | Người ký: | Nguyễn Văn A |
            | Ngày ban hành: | 21/02/2025 | Ngày hiệu lực: | 01/03/2025 |

            Nội dung | Văn bản gốc | Lược đồ

            | **CHÍNH PHỦ**<br>------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>--------------- |
            |:---:|:---:|
            | Số: 25/2025/NĐ-CP | _Hà Nội, ngày 21 tháng 02 năm 2025_ |

            **NGHỊ ĐỊNH**

            **\(title)**


            """
        for paragraph in body {
            let line = paragraph.hasPrefix("Điều") ? "### " + paragraph
                : paragraph.hasPrefix("Căn cứ") ? "_" + paragraph.replacingOccurrences(of: "Luật Tổ chức Chính phủ", with: "[Luật Tổ chức Chính phủ](https://thuvienphapluat.vn/van-ban/luat-63-2025-qh15)") + "_"
                : paragraph
            page += line + "\n\n"
        }
        page += "***Nơi nhận:***\n- Các bộ, cơ quan ngang bộ;\n- Lưu: VT, TCCV.\n\n"
        page += "## Chủ đề liên quan\n\n"
        for item in menu.suffix(3) + news { page += "* [\(item)](https://thuvienphapluat.vn/chu-de)\n" }
        page += "\n**Từ khóa:** Nghị định 25/2025/NĐ-CP, Luật Đất đai 2024, Nghị định 96/2024/NĐ-CP\n\n"
        page += "Công ty THƯ VIỆN PHÁP LUẬT · Giấy phép số 27/GP-TTĐT\n"
        return page
    }

    /// The header of the same document in each layout a reader meets. The printed two-column layout
    /// flattened cell by cell (as text extracted from Word or PDF is) is the reference.
    static let printedHeader = """
        CHÍNH PHỦ
        -------
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        ---------------
        Số: 25/2025/NĐ-CP
        Hà Nội, ngày 21 tháng 02 năm 2025

        NGHỊ ĐỊNH
        \(title)

        \(body.joined(separator: "\n"))

        """
    /// Rows of cells joined by tabs (HTML tables read as text, Word tables).
    static let tabbedHeader = """
        CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        -------\tĐộc lập - Tự do - Hạnh phúc
        Số: 25/2025/NĐ-CP\tHà Nội, ngày 21 tháng 02 năm 2025

        NGHỊ ĐỊNH
        \(title)

        \(body.joined(separator: "\n"))

        """
    /// The one-line Markdown rows of issue 16 (pipes after each cell, no leading pipe).
    static let pipeHeader = """
        **CHÍNH PHỦ** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |
        ------- | Độc lập - Tự do - Hạnh phúc |
        Số: 25/2025/NĐ-CP | Hà Nội, ngày 21 tháng 02 năm 2025 |

        ## NGHỊ ĐỊNH
        **\(title)**

        \(body.joined(separator: "\n\n"))

        """
    static let htmlTableHeader = """
        <html><body><table><tr><td><b>CHÍNH PHỦ</b><br>-------</td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc</td></tr>
        <tr><td>Số: 25/2025/NĐ-CP</td><td><i>Hà Nội, ngày 21 tháng 02 năm 2025</i></td></tr></table>
        <p><b>NGHỊ ĐỊNH</b></p><p><b>\(title)</b></p>
        \(body.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </body></html>
        """
}
