import Foundation

/// Escaping and small formatting helpers of the HTML views: every piece of document or user
/// text goes through `escape` before it reaches a page.
package enum HTML {
    /// Text for an element's content or a quoted attribute value: `& < > " '` escaped.
    package static func escape(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An ISO date (`2019-01-15`, `2019-01`, `2019`) as Vietnamese readers write it:
    /// `15/01/2019`, `01/2019`, `2019`; anything else unchanged.
    package static func date(_ iso: String?) -> String {
        guard let iso, !iso.isEmpty else { return "" }
        let parts = iso.split(separator: "-").map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }), parts.first?.count == 4 else { return iso }
        return parts.reversed().joined(separator: "/")
    }

    /// A query-string value: everything but unreserved ASCII percent-encoded (so `/` too).
    package static func queryValue(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// Vietnamese names of the relation types (and `governs`, a procedure's legal basis).
    package static let relationText: [String: String] = [
        "basis": "căn cứ", "implements": "hướng dẫn, thi hành", "amends": "sửa đổi, bổ sung", "replaces": "thay thế",
        "repeals": "bãi bỏ", "expires": "chấm dứt hiệu lực", "corrects": "đính chính", "suspends": "đình chỉ, tạm ngưng",
        "extends": "kéo dài hiệu lực", "consolidates": "hợp nhất", "publishes": "công bố", "refers": "dẫn chiếu",
        "governs": "căn cứ pháp lý của thủ tục",
    ]
}
