import Foundation
import Testing
@testable import CanCu
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuInput
@testable import CanCuExtract
@testable import CanCuViews

/// `cancu extract` runs the citation and the temporal stage of a large document on two threads,
/// each writing its part of the JSON line, and `cancu tokenize --format count` counts words on one
/// thread, sentences and lines on another. The output must be the bytes of one after the other.
@Suite("Concurrent stages = one after the other")
struct ConcurrentStagesTests {
    let extractor = Extractor(lexicon: .builtIn)

    /// The JSON line of the serial pipeline (the citation stage, then the temporal stage, then the view).
    func serialJSON(_ document: SourceDocument) -> [UInt8] {
        let text = extractor.pipeline.normalize(document)
        let facts = extractor.extract(text, path: document.path, warnings: document.warnings, stages: [], concurrently: false,
                                      afterCitations: { _ in }, afterRelations: { _ in }, afterTemporal: { _ in }).facts
        var json = JSONWriter()
        ExtractView.writeJSON(facts, to: &json)
        return json.bytes
    }

    func concurrentJSON(_ document: SourceDocument) -> [UInt8] {
        var json = JSONWriter()
        ExtractView.writeJSON(document, extractor: extractor, to: &json)
        return json.bytes
    }

    func check(_ document: SourceDocument, sourceLocation: SourceLocation = #_sourceLocation) {
        let serial = serialJSON(document), concurrent = concurrentJSON(document)
        #expect(serial.count > 100, sourceLocation: sourceLocation)
        #expect(serial == concurrent, "\(document.path): \(serial.count) → \(concurrent.count) bytes", sourceLocation: sourceLocation)
        let text = extractor.pipeline.normalize(document)
        let tokenizer = extractor.pipeline.tokenizer
        let counts = TokenView.counts(text, tokenizer)
        #expect(counts.words == tokenizer.countWords(text), sourceLocation: sourceLocation)
        #expect(counts.sentences == tokenizer.countSentences(text), sourceLocation: sourceLocation)
        #expect(counts.lines == tokenizer.countLines(text), sourceLocation: sourceLocation)
    }

    /// The normaliser's character pass in two halves on two threads against one pass: the same
    /// bytes, edits (so the same source offsets) and composed ranges.
    func checkNormalization(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(source.utf8)
        let pairs = extractor.pipeline.normalizer.tonePairs
        #expect(bytes.count >= CharacterPass.concurrentMinimum, sourceLocation: sourceLocation)
        #expect(CharacterPass.splitPoint(bytes) != nil, "the text has a place to cut", sourceLocation: sourceLocation)
        let (whole, wholeComposed) = CharacterPass.run(bytes, tonePairs: pairs, concurrently: false)
        let (halves, halvesComposed) = CharacterPass.run(bytes, tonePairs: pairs, concurrently: true)
        #expect(whole?.0 == halves?.0, sourceLocation: sourceLocation)
        #expect(whole?.1.sourceStarts == halves?.1.sourceStarts, sourceLocation: sourceLocation)
        #expect(whole?.1.sourceEnds == halves?.1.sourceEnds, sourceLocation: sourceLocation)
        #expect(whole?.1.outputStarts == halves?.1.outputStarts, sourceLocation: sourceLocation)
        #expect(whole?.1.outputEnds == halves?.1.outputEnds, sourceLocation: sourceLocation)
        #expect(wholeComposed == halvesComposed, sourceLocation: sourceLocation)
    }

    @Test("normalisation in two halves = one pass, on decomposed text, dashes, no-break spaces, Ð and old tone placement")
    func normalizationHalves() {
        // Decomposed letters next to the characters the pass replaces, and a combining mark right
        // after a dash (no place to cut there).
        let piece = "Độc lập – Tự do – Hạnh phúc\nXa\u{301}c nha\u{323}\u{302}n –\u{301}x hoà thuỷ\u{a0}Ðiều 1\u{200b}. Nghi\u{323} đi\u{323}nh 09/2019/NĐ-CP—x\r\n"
        var text = ""
        while text.utf8.count < 2 * CharacterPass.concurrentMinimum { text += piece }
        checkNormalization(text)
        // Every cut the scan might pick: the text begins at each offset of the piece.
        for k in stride(from: 0, to: piece.unicodeScalars.count, by: 7) {
            checkNormalization(String(String.UnicodeScalarView(piece.unicodeScalars.dropFirst(k))) + text)
        }
        // One dash after the middle and nothing else to change: the second half is unchanged.
        let plain = String(repeating: "Điều 1 không đổi\n", count: 20_000)
        checkNormalization(plain + "a – b\n" + String(plain.dropLast(100)))
    }

    @Test("same JSON line and counts on the sample corpus, one document and all of it as one")
    func projectCorpus() throws {
        let folder = SharedCorpus.projectCorpus.path
        var whole = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            whole += text + "\n"
            check(SourceDocument(path: name, text: text, byteCount: text.utf8.count))
        }
        // Repeated until it is well over the size from which the stages run on two threads.
        var large = whole
        while large.utf8.count < 4 * Extractor.concurrentStagesMinimum { large += whole }
        #expect(large.utf8.count >= Extractor.concurrentStagesMinimum)
        check(SourceDocument(path: "corpus.txt", text: large, byteCount: large.utf8.count))
    }

    @Test("same JSON line and counts on every Gazette text and on all of them as one document",
          .enabled(if: SharedCorpus.has("congbao"), SharedCorpus.missing("congbao")))
    func gazette() throws {
        var whole = ""
        var large = 0
        for url in try SharedCorpus.requireFiles(in: "congbao") {
            guard case .success(let document) = DocumentReader.read(url.path) else {
                Issue.record("unreadable: \(url.path)")
                continue
            }
            if document.text.utf8.count >= Extractor.concurrentStagesMinimum { large += 1 }
            whole += document.text + "\n"
            check(document)
        }
        #expect(large > 0, "some Gazette texts take the concurrent path")
        check(SourceDocument(path: "congbao.txt", text: whole, byteCount: whole.utf8.count))
        checkNormalization(whole)
    }
}
