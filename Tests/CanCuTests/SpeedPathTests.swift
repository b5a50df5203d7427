import Foundation
import Testing
@testable import CanCu
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuInput
@testable import CanCuExtract

/// The shortcuts of the third speed round (docs/performance.md) against the long way: the relation
/// cue index's 16-byte head test where the text has runs of spaces, the normaliser reusing the bytes
/// read, and the JSON writer's comma stack deeper than its 64-bit word.
@Suite("Speed paths = the long way")
struct SpeedPathTests {
    func relations(_ text: String) -> [String] {
        let (_, relations) = CitationExtractor.builtIn.extract(Normalizer.standard.normalize(text))
        return relations.map { "\($0.from.map(String.init) ?? "self")→\($0.to) \($0.type.rawValue)" }
    }

    /// A cue's space matches a run of spaces of the text: the head test must not lose such a cue,
    /// inside its first 16 bytes or after them.
    @Test("relation cues across runs of spaces are found as with single spaces")
    func cuesAcrossRunsOfSpaces() {
        let single = "Thông tư số 01/2020/TT-BTC được sửa đổi, bổ sung bởi Thông tư số 02/2021/TT-BTC.\n"
            + "Bãi bỏ Quyết định số 15/2019/QĐ-UBND ngày 01/02/2019 của Ủy ban nhân dân tỉnh.\n"
        let expected = relations(single)
        #expect(expected.contains { !$0.hasPrefix("self") }, "the history link is found: \(expected)")
        for spaced in [
            single.replacingOccurrences(of: "được sửa đổi, bổ sung bởi", with: "được  sửa   đổi,  bổ sung  bởi"),
            single.replacingOccurrences(of: "sửa đổi, bổ sung bởi", with: "sửa đổi, bổ sung     bởi"),
            single.replacingOccurrences(of: "Bãi bỏ", with: "Bãi    bỏ"),
        ] {
            #expect(relations(spaced) == expected, "\(spaced)")
        }
    }

    @Test("the bytes read are the normaliser's source bytes only when they are the text's")
    func normaliserReusesBytesRead() {
        let text = "Nghị định 09/2019/NÐ–CP\u{00A0}ngày 24/01/2019 (Đ, Ð, e\u{0301})\r\n"
        let bytes = Array(text.utf8)
        let plain = Normalizer.standard.normalize(text)
        let reused = Normalizer.standard.normalize(text, utf8: bytes)
        let wrong = Normalizer.standard.normalize(text, utf8: Array("x".utf8) + bytes.dropFirst())
        for other in [reused, wrong] {
            #expect(other.bytes == plain.bytes)
            #expect(other.sourceBytes == plain.sourceBytes)
            #expect(other.sourceRange(ofBytes: 0..<other.bytes.count) == plain.sourceRange(ofBytes: 0..<plain.bytes.count))
        }
        #expect(wrong.sourceBytes == bytes)
        if case .success(let document) = DocumentReader.read(bytes: bytes, path: "a.txt") {
            #expect(document.utf8 == bytes)
        } else {
            Issue.record("not read")
        }
        if case .success(let document) = DocumentReader.read(bytes: [0xEF, 0xBB, 0xBF] + bytes, path: "a.txt") {
            #expect(document.utf8 == nil, "with a BOM the text is not the bytes read")
        }
    }

    @Test("JSON nested deeper than 64 levels keeps its commas")
    func deepJSON() {
        var json = JSONWriter()
        func nest(_ depth: Int, _ json: inout JSONWriter) {
            json.array { json in
                json.value(depth)
                if depth < 70 { nest(depth + 1, &json) }
                json.value("x")
            }
        }
        nest(1, &json)
        var expected = ""
        for d in 1...70 { expected += "[\(d)" + (d < 70 ? "," : "") }
        expected += String(repeating: ",\"x\"]", count: 70)
        #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
    }
}
