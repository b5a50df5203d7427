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

/// Checks the contract's promise for every token: the source slice, normalised, is the token text.
func expectRoundTrip(_ source: String, file: String = "", sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    let text = Normalizer.standard.normalize(source)
    let scalars = Array(source.unicodeScalars)
    let tokens = Tokenizer.standard.words(text)
    var failures = 0
    for token in tokens {
        let slice = String(String.UnicodeScalarView(scalars[token.source]))
        let normalizedSlice = Normalizer.standard.normalize(slice).string
        if normalizedSlice != text.text(ofBytes: token.range) {
            failures += 1
            if failures <= 3 {
                Issue.record("\(file): token \(text.text(ofBytes: token.range)) at \(token.source) has source slice \(slice)", sourceLocation: sourceLocation)
            }
        }
    }
    return tokens.count
}

@Suite("Tokenizing")
struct TokenizerTests {
    let tokenizer = Tokenizer.standard

    func words(_ s: String) -> [String] {
        let text = Normalizer.standard.normalize(s)
        return tokenizer.words(text).map { text.text(ofBytes: $0.range) }
    }

    @Test("Syllables, numbers and punctuation with their kinds")
    func kinds() {
        let text = Normalizer.standard.normalize("Điều 5. Mức phạt 10% là 2.000.000 đồng;")
        let tokens = tokenizer.words(text)
        let pairs = tokens.map { (text.text(ofBytes: $0.range), $0.kind) }
        #expect(pairs.contains { $0 == ("Điều", .word) })
        #expect(pairs.contains { $0 == ("5", .number) })
        #expect(pairs.contains { $0 == (".", .punctuation) })
        #expect(pairs.contains { $0 == ("%", .punctuation) || $0 == ("%", .symbol) })
        #expect(pairs.contains { $0 == ("2.000.000", .number) })
        #expect(pairs.last! == (";", .punctuation))
        #expect(!tokens.contains { text.text(ofBytes: $0.range).trimmingCharacters(in: .whitespaces).isEmpty })
    }

    @Test("Offsets round-trip on NFD input, on Ð input and on text with odd spaces")
    func roundTrips() {
        #expect(expectRoundTrip("Nghi\u{0323} đi\u{0323}nh sô\u{0301} 09/2019/NĐ-CP ngày 24/01/2019") == 16)
        #expect(expectRoundTrip("Số: 09/2019/NÐ-CP — Ðiều 5, ðiểm a") > 8)
        #expect(expectRoundTrip("Điều\u{00A0}5\u{2009}khoản\u{202F}2\u{200B} Uỷ ban\u{FEFF} hoà giải") == 8)
    }

    @Test("No sentence break after Tp., TP., TS., ThS. or V/v; a break at each line end")
    func sentences() {
        let source = "Kính gửi UBND Tp. Hà Nội và TP. Hồ Chí Minh. Ông TS. Nguyễn Văn A và ThS. Lê B đã ký.\nV/v hướng dẫn thực hiện\nĐiều 5. Hiệu lực"
        let text = Normalizer.standard.normalize(source)
        let sentences = tokenizer.sentences(text).map { text.text(ofBytes: $0.range) }
        #expect(sentences == [
            "Kính gửi UBND Tp. Hà Nội và TP. Hồ Chí Minh.",
            "Ông TS. Nguyễn Văn A và ThS. Lê B đã ký.",
            "V/v hướng dẫn thực hiện",
            "Điều 5. Hiệu lực",
        ])
    }

    @Test("Lines keep structure visible: each line is its own span, in source offsets")
    func lines() {
        let source = "Căn cứ Luật số 64/2025/QH15;\r\n\nĐiều 1. Phạm vi\n1. Khoản một\na) Điểm a"
        let text = Normalizer.standard.normalize(source)
        let lines = tokenizer.lines(text)
        #expect(lines.map { text.text(ofBytes: $0.range) } == ["Căn cứ Luật số 64/2025/QH15;", "Điều 1. Phạm vi", "1. Khoản một", "a) Điểm a"])
        let scalars = Array(source.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[lines[1].source])) == "Điều 1. Phạm vi")
    }

    @Test("Every file of the Gazette, news and codes corpus (some of it decomposed) tokenizes with exact offsets", .enabled(if: SharedCorpus.has("congbao", "news", "codes/raw_text"), SharedCorpus.missing("congbao", "news", "codes/raw_text")))
    func realCorpus() throws {
        let files = try SharedCorpus.requireFiles(in: "congbao") + SharedCorpus.requireFiles(in: "news") + SharedCorpus.requireFiles(in: "codes/raw_text")
        var total = 0
        for url in files {
            guard case .success(let document) = DocumentReader.read(url.path) else {
                Issue.record("cannot read \(url.lastPathComponent)")
                continue
            }
            let count = expectRoundTrip(document.text, file: url.lastPathComponent)
            #expect(count > 100, "\(url.lastPathComponent) has only \(count) tokens")
            total += count
        }
        #expect(files.count >= 31)
        print("tokenized \(files.count) real documents, \(total) tokens")
    }

    @Test("ICU is fed the text in chunks cut at mandatory breaks: tokens, offsets and sentences are those of the whole text")
    func chunksGiveTheWholeTextsTokens() throws {
        var sources = [
            "Căn cứ Luật số 64/2025/QH15;\r\nĐiều 5. Hiệu lực\n\nQuyết định số 942/QĐ-TTg ngày 15/6/2021",
            // Unchanged text with characters outside the BMP (surrogate pairs on ICU's side).
            "Mục tiêu 𝟏𝟎𝟎% hồ sơ 😀 được xử lý 𠀀 trực tuyến; 𝐍𝐠𝐡ị đị𝐧𝐡 số 09/2019",
            // A single line with no line feed: chunks end between a space and an ASCII letter.
            String(repeating: "Uỷ ban nhân dân hoà giải 2.000.000 đồng, Tp.HCM; ", count: 400),
        ]
        for url in SharedCorpus.files(in: "congbao").prefix(6) {
            if case .success(let document) = DocumentReader.read(url.path) { sources.append(document.text) }
        }
        for source in sources {
            let text = Normalizer.standard.normalize(source)
            var whole: [Token] = []
            tokenizer.forEachWord(text, chunkBytes: Int.max) { whole.append($0) }
            for chunk in [16, 100, 4096] {
                var chunked: [Token] = []
                tokenizer.forEachWord(text, chunkBytes: chunk) { chunked.append($0) }
                if let k = chunked.indices.first(where: { $0 >= whole.count || chunked[$0] != whole[$0] }) ?? (chunked.count < whole.count ? chunked.count : nil) {
                    Issue.record("chunks of \(chunk) bytes: token \(k) differs (\(chunked.count) vs \(whole.count) tokens) in \(source.prefix(40))")
                }
            }
            #expect(tokenizer.sentences(text, chunkBytes: 200) == tokenizer.sentences(text, chunkBytes: Int.max))
            // The fast offsets agree with the general map from normalised bytes to source scalars.
            for token in whole where token.source != text.sourceRange(ofBytes: token.range) {
                Issue.record("token \(text.text(ofBytes: token.range)) at \(token.source), expected \(text.sourceRange(ofBytes: token.range))")
                break
            }
            _ = expectRoundTrip(source)
        }
    }

    @Test("The JSON line of a long document, handed out in pieces as it grows, is the same line")
    func jsonInPieces() throws {
        let source = String(repeating: "Căn cứ Nghị định số 09/2019/NÐ–CP ngày 24/01/2019; Uỷ ban nhân dân 😀 hoà giải.\n", count: 10_000)
        let document = SourceDocument(path: "long.txt", text: source, byteCount: source.utf8.count, warnings: [])
        let text = Normalizer.standard.normalize(source)
        var whole = JSONWriter()
        TokenView.writeJSON(document, text, tokenizer, to: &whole)
        var pieces: [[UInt8]] = []
        var streamed = JSONWriter()
        TokenView.writeJSON(document, text, tokenizer, to: &streamed) { pieces.append($0) }
        streamed.drain { pieces.append($0) }
        #expect(pieces.count > 2)
        #expect(pieces.allSatisfy { $0.count < 2 << 20 })
        #expect(Array(pieces.joined()) == whole.bytes)
    }

    @Test("Supplementary characters in unchanged text keep exact scalar offsets")
    func supplementaryOffsets() {
        let source = "a 😀 b 𠀀c d"
        let text = Normalizer.standard.normalize(source)
        #expect(text.isUnchanged)
        let scalars = Array(source.unicodeScalars)
        let slices = tokenizer.words(text).map { String(String.UnicodeScalarView(scalars[$0.source])) }
        #expect(slices == ["a", "😀", "b", "𠀀", "c", "d"])
    }

    @Test("A 50 MB single-line input finishes (no quadratic step)")
    func hugeLine() {
        let unit = "Căn cứ Nghị định số 09/2019/NÐ–CP ngày 24/01/2019 của Chính phủ, Uỷ ban nhân dân hoà giải; "
        let source = String(repeating: unit, count: 50_000_000 / unit.utf8.count + 1)
        let text = Normalizer.standard.normalize(source)
        #expect(text.bytes.count >= 50_000_000 - 1_000_000)
        #expect(tokenizer.countWords(text) > 10_000_000)
        #expect(tokenizer.lines(text).count == 1)
        // The last character maps to the end of the source.
        #expect(text.sourceOffset(ofByte: text.bytes.count) == source.unicodeScalars.count)
    }
}
