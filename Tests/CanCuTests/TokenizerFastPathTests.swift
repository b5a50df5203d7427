import Foundation
import Testing
@testable import CanCu
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuLexicon
@testable import CanCuInput
@testable import CanCuExtract
@testable import CanCuReview
@testable import CanCuIndex
@testable import CanCuGraph
@testable import CanCuViews
@testable import CanCuBenchmarks

/// The tokenizer's fast path (simple runs segmented in C) against pure ICU: the same tokens,
/// kinds, byte ranges, source offsets and sentences, on real documents and on adversarial text.
@Suite("Tokenizer fast path = ICU")
struct TokenizerFastPathTests {
    static let fast = Tokenizer.standard
    static let icu: Tokenizer = {
        var tokenizer = Tokenizer.standard
        tokenizer.icuOnly = true
        return tokenizer
    }()

    /// Every document file under the shared corpus (any folder; those the reader cannot read, such
    /// as .doc without catdoc, are left out) and the project's sample corpus.
    static let documents: [URL] = {
        var urls: [URL] = []
        for root in [SharedCorpus.root, SharedCorpus.projectCorpus].compactMap({ $0 }) {
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                if ["txt", "html", "htm", "md", "jsonl"].contains(url.pathExtension) { urls.append(url) }
            }
        }
        return urls.sorted { $0.path < $1.path }
    }()

    /// Records the first difference between the fast path and ICU on `source`; returns the tokens.
    @discardableResult
    static func compare(_ source: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let text = Normalizer.standard.normalize(source)
        for chunk in [0, 100] {
            var a: [Token] = [], b: [Token] = []
            fast.forEachWord(text, chunkBytes: chunk) { a.append($0) }
            icu.forEachWord(text, chunkBytes: chunk) { b.append($0) }
            if a != b {
                let k = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                let show = { (t: [Token]) in k < t.count ? "\(t[k].kind) \(t[k].range) \(t[k].source) '\(text.text(ofBytes: t[k].range))'" : "none" }
                Issue.record("\(name): token \(k) of \(a.count) (ICU \(b.count)): fast \(show(a)), ICU \(show(b))", sourceLocation: sourceLocation)
                return a.count
            }
        }
        #expect(fast.countWords(text) == icu.countWords(text), "\(name): countWords", sourceLocation: sourceLocation)
        let s1 = fast.sentences(text), s2 = icu.sentences(text)
        if s1 != s2 {
            let k = (0..<min(s1.count, s2.count)).first { s1[$0] != s2[$0] } ?? min(s1.count, s2.count)
            let show = { (s: [TextSpan]) in k < s.count ? "\(s[k].range) '\(text.text(ofBytes: s[k].range).prefix(60))'" : "none" }
            Issue.record("\(name): sentence \(k) of \(s1.count) (ICU \(s2.count)): fast \(show(s1)), ICU \(show(s2))", sourceLocation: sourceLocation)
        }
        #expect(fast.countSentences(text) == s1.count, "\(name): countSentences", sourceLocation: sourceLocation)
        #expect(fast.countLines(text) == fast.lines(text).count, "\(name): countLines", sourceLocation: sourceLocation)
        return fast.words(text).count
    }

    @Test("Every document of ../shared/corpus and corpus/", .enabled(if: SharedCorpus.root != nil, "../shared/corpus is absent"))
    func corpus() {
        var compared = 0
        for url in Self.documents {
            guard case .success(let document) = DocumentReader.read(url.path) else { continue }
            Self.compare(document.text, url.lastPathComponent)
            // The raw file too, when it is text: what the reader made of it is not all there is.
            if let data = FileManager.default.contents(atPath: url.path), let raw = String(data: data, encoding: .utf8), raw != document.text {
                Self.compare(raw, url.lastPathComponent + " (raw)")
            }
            compared += 1
        }
        #expect(compared >= 40)
    }

    @Test("The project's sample corpus")
    func projectCorpus() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: SharedCorpus.projectCorpus.path)) ?? []
        #expect(!names.isEmpty)
        for name in names {
            if case .success(let document) = DocumentReader.read(SharedCorpus.projectCorpus.appendingPathComponent(name).path) {
                Self.compare(document.text, name)
            }
        }
    }

    static let adversarial: [String] = [
        "1.000,5 và 2.000.000 đồng; 3,5%; 1'000; 4;5; 6:7; a:b; a.b; a'b; l'État; Tp.HCM; v.v. và 12.a",
        "Nghị định số 09/2019/NĐ-CP ngày 24/01/2019; Luật số 64/2025/QH15, Điều 5.1.a) khoản 2",
        "x@y.vn, thongtinchinhphu@chinhphu.vn; a-b@x.vn; @abc; ab@ c; 1@2; http://www.abc.vn/x?q=1&r=2 ftp://x",
        "Tiếng Việt, русский язык, 中文字符, العربية ١٢٣, हिन्दी, ไทยภาษา, 日本語のカタカナ, 한국어",
        "Nghi\u{0323} đi\u{0323}nh, e\u{0301}, a\u{0300}\u{0301}, \u{0301}đầu, .\u{0301}, 1\u{0301}2, x \u{0301} y",
        "😀 👍🏽 👨‍👩‍👧 🇻🇳🇻🇳🇻 #️⃣ 1️⃣ a\u{200D}b \u{200D}😀 ©️ ☐ □ ✓",
        "NUL\u{0000}giữa\u{0000}\u{0000}từ, \u{0001}\u{0002}a\u{007F}b\u{0085}c\u{2028}d\u{2029}e\u{000B}f\u{000C}g",
        "\u{00A0}không\u{00A0}ngắt \u{202F}1\u{202F}000 \u{2009}mỏng\u{200B}rỗng\u{00AD}mềm\u{FEFF}bom",
        "“Trích dẫn” ‘đơn’ – gạch — dài … ba chấm… x’y x‘y x’1 1’2 «Pháp» „Đức“",
        "a_b __init__ _x x_ 1_2 ___ _.a a._ 1._2 a__.__b",
        "ª º µ ß Æ × ÷ Ƕ ǀǁǂǃ ǅ Ȝ ɐ ʰ Ạ ỹ Ỿ ỿ Ω ω ﬁ ＡＢＣ １２３ ，。",
        "Hỏi? Đáp! Thật?! \"Có.\" (Không.) Tp. Hà Nội. TS. Lê. 1. 2.3. Điều 5. Hiệu lực\r\nDòng CR\rDòng LF\nCuối.",
        "Câu một.Câu hai. câu ba... Câu bốn.” Câu năm.) câu sáu?” - Câu bảy . , ; : Câu tám.\n\n\n   \n\t.\n",
        String(repeating: "Uỷ ban nhân dân hoà giải 2.000.000 đồng, Tp.HCM; ", count: 400),
        String(repeating: "ĐIỀU", count: 30_000) + " " + String(repeating: "1.2,3", count: 20_000) + "\n" + String(repeating: "…", count: 50_000),
        String(repeating: "a", count: 200_000),
        "",
        " ",
        "\n",
        ".",
        "a",
    ]

    @Test("Adversarial strings")
    func adversarialStrings() {
        for (i, s) in Self.adversarial.enumerated() { Self.compare(s, "adversarial \(i)") }
    }

    /// Every character the fast path knows, and a sample of others, next to every other, in the
    /// contexts that decide word and sentence breaks.
    @Test("Characters in every context")
    func contexts() {
        var chars: [Character] = (0x21...0x7E).map { Character(UnicodeScalar($0)!) }
        chars += [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{00}", "\u{85}", "a", "é", "ệ", "Đ", "đ", "ư", "ơ",
                  "“", "”", "–", "—", "…", "\u{2018}", "\u{2019}", "\u{00B7}", "\u{00A0}", "\u{202F}", "\u{200D}",
                  "\u{200B}", "\u{00AD}", "😀", "中", "ж", "١", "\u{2028}", "×", "÷", "ª", "\u{FEFF}", "Ạ", "ǀ"]
        chars.append(Character("\u{0301}"))
        let core: [Character] = ["a", "é", "1", ".", ",", "'", ";", ":", "_", "@", " ", "-", "/", "“", "…", "\n", "\r", "?", "!", ")", "\"", "Đ", "\u{2019}", "\u{0301}"]
        // Triples, one a line (a line feed is a mandatory break, so each line is its own case):
        // every character between two of the core ones, and every core one between any two.
        var lines = ""
        for a in core { for b in chars { for c in core { lines.append(a); lines.append(b); lines.append(c); lines.append("\n") } } }
        for a in chars { for b in core { for c in chars { lines.append(a); lines.append(b); lines.append(c); lines.append("\n") } } }
        Self.compare(lines, "triples")
        // Runs of five core characters, and a stream without separators (a fixed pseudo-random
        // sequence, so a failure reproduces).
        var five = "", stream = ""
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<60_000 {
            for _ in 0..<5 { five.append(core[next(core.count)]) }
            five.append("\n")
            stream.append(chars[next(chars.count)])
            stream.append(core[next(core.count)])
        }
        Self.compare(five, "fives")
        Self.compare(stream, "stream")
        // Each precomposed Latin letter of the fast path between letters, digits and marks.
        var latin = ""
        for v in Array(0xC0...0x24F) + Array(0x1E00...0x1EFF) {
            let c = Character(UnicodeScalar(v)!)
            latin += "a\(c)b 1\(c)2 \(c).\(c) \(c)'1 \(c)\u{0301} \(c)?\n"
        }
        Self.compare(latin, "latin")
    }

    @Test("A very long line with no line feed")
    func longLine() {
        let unit = "Căn cứ Nghị định số 09/2019/NÐ–CP ngày 24/01/2019 của Chính phủ, Uỷ ban 1.000,5 x@y.vn e\u{0301} 😀; "
        Self.compare(String(repeating: unit, count: 30_000), "long line")
    }
}
