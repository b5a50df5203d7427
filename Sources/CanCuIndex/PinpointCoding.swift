import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import Foundation

/// Pinpoints as stored in the index: the contract's JSON array
/// (`[{"article": "5", "clause": "2"}]`), written without Foundation's encoder (it runs for every
/// citation) and read back with `JSONDecoder` (only for query answers).
package enum PinpointCoding {
    /// The JSON text of `pinpoints`.
    package static func encode(_ pinpoints: [Pinpoint]) -> String {
        if pinpoints.isEmpty { return "[]" }
        var json = JSONWriter()
        json.array { json in objects(pinpoints, to: &json) }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// Writes `pinpoints` as the array field `name`.
    package static func write(_ pinpoints: [Pinpoint], field name: String = "pinpoints", to json: inout JSONWriter) {
        json.arrayField(name) { json in objects(pinpoints, to: &json) }
    }

    private static func objects(_ pinpoints: [Pinpoint], to json: inout JSONWriter) {
        do {
            for p in pinpoints {
                json.object { json in
                    if let v = p.part { json.field("part", v) }
                    if let v = p.chapter { json.field("chapter", v) }
                    if let v = p.section { json.field("section", v) }
                    if let v = p.article { json.field("article", v) }
                    if let v = p.clause { json.field("clause", v) }
                    if let v = p.point { json.field("point", v) }
                }
            }
        }
    }

    /// The pinpoints of stored JSON text (empty when it cannot be read).
    package static func decode(_ text: String) -> [Pinpoint] {
        if text == "[]" { return [] }
        return (try? JSONDecoder().decode([Pinpoint].self, from: Data(text.utf8))) ?? []
    }

    /// A short Vietnamese label for people ("điểm a khoản 2 Điều 5").
    package static func label(_ p: Pinpoint) -> String {
        var parts: [String] = []
        if let v = p.point { parts.append("điểm \(v)") }
        if let v = p.clause { parts.append("khoản \(v)") }
        if let v = p.article { parts.append("Điều \(v)") }
        if let v = p.section { parts.append("Mục \(v)") }
        if let v = p.chapter { parts.append("Chương \(v)") }
        if let v = p.part { parts.append("Phần \(v)") }
        return parts.joined(separator: " ")
    }
}
