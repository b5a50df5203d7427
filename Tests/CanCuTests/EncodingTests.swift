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

/// Legacy Vietnamese encodings: samples made by encoding the project's corpus/*.txt with the
/// tables of dictionaries/legacy-encodings.tsv, read back, and detected.
@Suite struct EncodingTests {
    /// The project's sample documents, NFC.
    static func corpusTexts() -> [(String, String)] {
        let folder = SharedCorpus.projectCorpus
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
            return (name, String(decoding: data, as: UTF8.self).precomposedStringWithCanonicalMapping)
        }
    }

    /// The corpus text as a legacy document would hold it: "Ð" (Icelandic eth, a typing slip in
    /// the corpus) as "Đ"; for VISCII, which has no room for typographic punctuation, ASCII quotes,
    /// hyphen and dots.
    static func sample(_ text: String, for encoding: LegacyEncoding) -> String {
        var result = text.replacingOccurrences(of: "Ð", with: "Đ")
        if encoding == .viscii {
            for (from, to) in [("“", "\""), ("”", "\""), ("–", "-"), ("…", "...")] {
                result = result.replacingOccurrences(of: from, with: to)
            }
        }
        return result
    }

    /// What an encoding can hold: TCVN3 has no capitals with tones; they are typed as lower case
    /// and come back as capitals only in words with another capital after the first letter.
    static func representable(_ text: String, in encoding: LegacyEncoding) -> String {
        guard encoding == .tcvn3 else { return text }
        func undecidable(_ c: Character) -> Bool {
            guard c.isUppercase, let lower = c.lowercased().first else { return false }
            return encoding.encode(String(c)) == encoding.encode(String(lower))
        }
        var result = ""
        var word: [Character] = []
        func flush() {
            let restored = word.count > 1 && word.dropFirst().contains { $0.isUppercase && !undecidable($0) }
                && !word.contains { $0.isLowercase }
            result += restored ? String(word) : String(word.map { undecidable($0) ? ($0.lowercased().first ?? $0) : $0 })
            word.removeAll()
        }
        for c in text {
            if c.isLetter { word.append(c) } else { flush(); result.append(c) }
        }
        flush()
        return result
    }

    @Test(arguments: LegacyEncoding.allCases)
    func roundTripOfCorpus(_ encoding: LegacyEncoding) throws {
        let texts = Self.corpusTexts()
        #expect(texts.count >= 4)
        for (name, original) in texts {
            let text = Self.sample(original, for: encoding)
            let bytes = try #require(encoding.encode(text), "\(name) cannot be encoded in \(encoding)")
            #expect(bytes.allSatisfy { $0 != 0 })
            #expect(!bytes.elementsEqual(text.utf8), "\(name): \(encoding) bytes equal UTF-8")
            let back = encoding.decode(bytes)
            #expect(back == Self.representable(text, in: encoding), "\(name) does not survive \(encoding)")
        }
    }

    @Test func knownBytes() {
        // "Căn cứ" in each encoding, by the published tables.
        #expect(LegacyEncoding.tcvn3.encode("Căn cứ") == [0x43, 0xA8, 0x6E, 0x20, 0x63, 0xF8])
        #expect(LegacyEncoding.vni.encode("Căn cứ") == [0x43, 0x61, 0xEA, 0x6E, 0x20, 0x63, 0xF6, 0xF9])
        #expect(LegacyEncoding.viscii.encode("Căn cứ") == [0x43, 0xE5, 0x6E, 0x20, 0x63, 0xD1])
        #expect(LegacyEncoding.cp1258.encode("Căn cứ") == [0x43, 0xE3, 0x6E, 0x20, 0x63, 0xFD, 0xEC])
        // VNI capitals take the capital mark bytes; "ậ" is a + one combined mark byte.
        #expect(LegacyEncoding.vni.encode("VIỆT") == [0x56, 0x49, 0x45, 0xC4, 0x54])
        #expect(LegacyEncoding.vni.decode([0x56, 0x49, 0x45, 0xC4, 0x54]) == "VIỆT")
        #expect(LegacyEncoding.tcvn3.decode(Array("Nghi ®Þnh".unicodeScalars.map { UInt8($0.value) })) == "Nghi định")
    }

    @Test(arguments: LegacyEncoding.allCases)
    func detectsEncodingOfCorpusSamples(_ encoding: LegacyEncoding) throws {
        for (name, original) in Self.corpusTexts() {
            let bytes = try #require(encoding.encode(Self.sample(original, for: encoding)))
            #expect(EncodingDetector.detect(bytes) == encoding, "\(name) in \(encoding)")
        }
    }

    @Test func detectorIgnoresUTF8AndEnglish() {
        for (name, text) in Self.corpusTexts() {
            #expect(EncodingDetector.detect(Array(text.utf8)) == nil, "\(name) as UTF-8")
        }
        let english = "The Ministry of Justice publishes the Legal Code. Decree 09/2019/ND-CP applies from 2019."
        #expect(EncodingDetector.detect(Array(english.utf8)) == nil)
        // Western European text in Windows-1252 (invalid UTF-8) is not taken for Vietnamese.
        let french = Array("Le café du résumé était très réglé à Noël; naïve façade, déjà vu.".unicodeScalars.map { UInt8($0.value) })
        #expect(EncodingDetector.detect(french) == nil)
    }

    @Test(arguments: LegacyEncoding.allCases)
    func readerDetectsAndReportsLegacyFile(_ encoding: LegacyEncoding) throws {
        let (name, original) = try #require(Self.corpusTexts().first)
        let text = Self.sample(original, for: encoding)
        let bytes = try #require(encoding.encode(text))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-enc-\(UUID().uuidString)-\(name)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let document = try DocumentReader.read(url.path).get()
        #expect(document.encoding == encoding.rawValue)
        #expect(document.text == Self.representable(text, in: encoding))
        let warning = try #require(document.warnings.first { $0.code == "legacy_encoding" })
        #expect(warning.message.contains(encoding.displayName))
        // Forcing another encoding is obeyed.
        let other: LegacyEncoding = encoding == .vni ? .tcvn3 : .vni
        let forced = try DocumentReader.read(url.path, encoding: .legacy(other)).get()
        #expect(forced.encoding == other.rawValue)
        #expect(forced.text != document.text)
    }

    @Test func readerKeepsUTF8() throws {
        let corpus = SharedCorpus.projectCorpus.appendingPathComponent("nghi-dinh-mau.txt").path
        let document = try DocumentReader.read(corpus).get()
        #expect(document.encoding == "utf-8")
        #expect(!document.warnings.contains { $0.code == "legacy_encoding" })
    }

    @Test func misdecodedWordTextIsRepaired() throws {
        // A .VnTime document read byte for byte as Windows-1252 (what catdoc or a .docx gives).
        let (_, original) = try #require(Self.corpusTexts().first)
        let text = Self.sample(original, for: .tcvn3)
        let bytes = try #require(LegacyEncoding.tcvn3.encode(text))
        let mojibake = String(data: Data(bytes), encoding: .windowsCP1252) ?? ""
        #expect(!mojibake.isEmpty)
        let repaired = try #require(MisdecodedText.repair(mojibake, forced: nil))
        #expect(repaired.encoding == .tcvn3)
        #expect(repaired.text == Self.representable(text, in: .tcvn3))
        #expect(MisdecodedText.repair(text, forced: nil) == nil)
    }

    /// Found by the fuzz targets' throughput (issue 14): each byte's scalars were appended with
    /// `UnicodeScalarView.append(contentsOf:)`, which copied the whole string every time, so a
    /// 256 KB legacy file took 10 s to decode (and 16 KB of UTF-8 cut inside a character, sent to
    /// the detector, 0.4 s under ASan). Now one UTF-8 buffer: linear.
    @Test("decoding a legacy encoding is linear: 8 times the bytes take about 8 times as long, not 64", arguments: LegacyEncoding.allCases)
    func decodingIsLinear(_ encoding: LegacyEncoding) throws {
        let line = try #require(encoding.encode("Căn cứ Nghị định số 09/2019/NĐ-CP của Chính phủ; ĐIỀU 1. Phạm vi.\n"))
        let small = Array(repeating: line, count: 2048).flatMap { $0 }
        let large = Array(repeating: small, count: 8).flatMap { $0 }
        var started = ContinuousClock.now
        let smallText = encoding.decode(small)
        let smallTime = ContinuousClock.now - started
        started = ContinuousClock.now
        let text = encoding.decode(large)
        let largeTime = ContinuousClock.now - started
        #expect(text.unicodeScalars.count == 8 * smallText.unicodeScalars.count)
        #expect(text.hasPrefix("Căn cứ Nghị định số 09/2019/NĐ-CP"))
        // Quadratic was 64 times; allow 3 times linear for a busy machine.
        #expect(largeTime < smallTime * 24 + .milliseconds(200), "\(small.count) bytes: \(smallTime), \(large.count) bytes: \(largeTime)")
    }

    @Test("NFC piece by piece is the NFC of the whole, wherever the pieces end")
    func piecewiseCompositionMatchesWhole() {
        let text = "Ca\u{0306}n cu\u{031B}\u{0301} Nghi\u{0323} \u{0111}i\u{0323}nh so\u{0302}\u{0301} 09/2019/NĐ-CP; a\u{0323}\u{0302}\u{0300}A\u{0301}\u{0301}\u{0323}x\n\u{0301}e\u{0302}"
        let whole = text.precomposedStringWithCanonicalMapping
        for piece in [1, 2, 3, 5, 8, 13, 4096] {
            #expect(EncodingTable.composed(Array(text.utf8), piece: piece) == whole, "piece \(piece)")
        }
        #expect(EncodingTable.composed([]) == "")
    }

    @Test("the syllable test's table path answers as the general one, on the corpus read right and with each wrong table")
    func syllableTablePathMatchesGeneral() throws {
        var words: Set<Substring> = []
        for (_, original) in Self.corpusTexts() {
            var texts = [original]
            for encoding in LegacyEncoding.allCases {
                guard let bytes = encoding.encode(Self.sample(original, for: encoding)) else { continue }
                for other in LegacyEncoding.allCases where other != encoding { texts.append(other.decode(bytes)) }
            }
            for text in texts {
                words.formUnion(text.split { !$0.isLetter })
            }
        }
        words.formUnion(["GIỮ", "gìn", "Quá", "NGHĨA", "nghiêng", "İt", "ǅa", "Ωm", "chuyển", "ĐƯỢC", "Được", "đƯợc", "trường", "khuỷu", "gi"])
        #expect(words.count > 2000)
        var tabled = 0
        for word in words {
            guard let answer = VietnameseSyllable.latinIsSyllable(word) else { continue }
            tabled += 1
            #expect(answer == VietnameseSyllable.generalIsSyllable(word), "\(word)")
        }
        #expect(tabled > words.count / 2)
    }
}
