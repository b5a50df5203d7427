import Foundation
import Testing
@testable import CanCu
@testable import CanCuExtract
@testable import CanCuText

/// The header reader's lines are found by a byte scan (`Extractor.lineRanges`) that repeats the
/// line rule of `Tokenizer.lines`; they must give the same byte ranges.
@Suite("Header lines = tokenizer lines")
struct HeaderLinesTests {
    @Test("same byte ranges on the sample corpus and on CR, CRLF, blank and indented lines")
    func sameRanges() throws {
        var texts = ["", "\n", "a\r\nb\rc\n\n  d  \n\t\n", "Số: 12/QĐ-UBND\r\n\r\n   Hà Nội, ngày 1 tháng 2 năm 2025   "]
        let folder = SharedCorpus.projectCorpus.path
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".txt") {
            texts.append(try String(contentsOfFile: folder + "/" + name, encoding: .utf8))
        }
        #expect(texts.count > 4)
        for source in texts {
            let text = Normalizer.standard.normalize(source)
            let scanned = Extractor.lineRanges(text.bytes, in: 0..<text.bytes.count).map(\.range)
            let tokenized = Tokenizer.standard.lines(text).map(\.range)
            #expect(scanned == tokenized, "\(source.prefix(40).debugDescription)")
        }
    }
}
