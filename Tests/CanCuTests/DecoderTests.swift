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

@Suite("Reading text")
struct DecoderTests {
    @Test("UTF-8 with and without BOM decodes to the same text")
    func bom() throws {
        let plain = Array("Nghị định".utf8)
        let a = try TextDecoder.decode(plain, path: "a")
        let b = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + plain, path: "b")
        #expect(a.text == "Nghị định" && b.text == "Nghị định")
        #expect(a.warnings.isEmpty && b.warnings.isEmpty)
    }

    @Test("UTF-16 with a BOM, little and big endian")
    func utf16() throws {
        let units = Array("Quyết định số 942/QĐ-TTg".utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { u -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { u -> [UInt8] in [UInt8(u >> 8), UInt8(u & 0xFF)] }
        #expect(try TextDecoder.decode(le, path: "le").text == "Quyết định số 942/QĐ-TTg")
        #expect(try TextDecoder.decode(be, path: "be").text == "Quyết định số 942/QĐ-TTg")
    }

    @Test("Invalid UTF-8 becomes U+FFFD with a warning naming each byte offset")
    func invalid() throws {
        let bytes: [UInt8] = Array("Số ".utf8) + [0xFF] + Array(" và ".utf8) + [0xE1, 0xBA] + Array("!".utf8)
        let decoded = try TextDecoder.decode(bytes, path: "bad")
        #expect(decoded.text == "Số \u{FFFD} và \u{FFFD}!")
        #expect(decoded.warnings.count == 2)
        #expect(decoded.warnings[0].code == "invalid_utf8")
        #expect(decoded.warnings[0].message.contains("byte 5"))
        #expect(decoded.warnings[1].message.contains("byte 11"))
    }

    @Test("Binary input is refused with a message naming the file")
    func binary() {
        let bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]
        #expect(throws: InputError.self) { try TextDecoder.decode(bytes, path: "prog.bin") }
        do { _ = try TextDecoder.decode(bytes, path: "prog.bin") } catch {
            #expect(error.diagnostic.code == "binary")
            #expect(error.description.hasPrefix("prog.bin:"))
        }
    }

    @Test("An empty file is fine and yields nothing")
    func empty() throws {
        let decoded = try TextDecoder.decode([], path: "empty.txt")
        #expect(decoded.text.isEmpty && decoded.warnings.isEmpty)
        let text = Normalizer.standard.normalize(decoded.text)
        #expect(Tokenizer.standard.words(text).isEmpty)
        #expect(Tokenizer.standard.sentences(text).isEmpty)
    }

    @Test("A missing file is an error for that input only")
    func missing() {
        guard case .failure(let error) = DocumentReader.read("/nonexistent/cancu.txt") else {
            Issue.record("a missing file was read")
            return
        }
        #expect(error.diagnostic.code == "not_found")
    }
}
