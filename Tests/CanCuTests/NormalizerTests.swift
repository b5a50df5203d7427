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

@Suite("Normalisation")
struct NormalizerTests {
    let normalizer = Normalizer.standard

    @Test("NFD input becomes NFC, and the map points back to the decomposed source")
    func nfc() {
        let source = "Nghi\u{0323} đi\u{0323}nh"  // ị written as i + combining dot below
        let text = normalizer.normalize(source)
        #expect(text.string == "Nghị định")
        #expect(text.sourceRange(ofBytes: 0..<text.bytes.count) == 0..<source.unicodeScalars.count)
        // "định" starts after "Nghị " in both texts.
        let start = Array("Nghị ".utf8).count
        #expect(text.sourceRange(ofBytes: start..<text.bytes.count).lowerBound == 6)
    }

    /// Found by fuzz-extract in CI: U+1FEF composes to "`", an ASCII character the offset map took
    /// for an unchanged one, so every later offset of the segment pointed one byte off, past the
    /// source's end at the last citation, and `extract` died.
    @Test("Characters composed to ASCII punctuation (U+1FEF → `, U+037E → ;) keep offsets inside the source",
          arguments: ["\u{1FEF}5/TT-C", "x \u{1FEF}5/TT-C\n", "Căn cứ\u{037E} 61/2018/NĐ-CP\u{1FEF}", "\u{1FEF} 5/TT-C"])
    func composedToASCII(source: String) {
        let text = normalizer.normalize(source)
        let scalars = source.unicodeScalars.count
        for start in 0...text.bytes.count {
            for end in start...text.bytes.count {
                let range = text.sourceRange(ofBytes: start..<end)
                #expect(range.lowerBound >= 0 && range.upperBound <= scalars, "\(start)..<\(end) → \(range) of \(scalars)")
                _ = text.sourceText(ofBytes: start..<end)
            }
        }
        #expect(text.sourceRange(ofBytes: 0..<text.bytes.count) == 0..<scalars)
    }

    @Test("Ð and ð (U+00D0/U+00F0) are read as Đ and đ")
    func eth() {
        #expect(normalizer.normalize("NÐ-CP ðịnh").string == "NĐ-CP định")
    }

    @Test("Dash variants become ASCII hyphen-minus", arguments: ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}"])
    func dashes(dash: String) {
        #expect(normalizer.normalize("942/QĐ\(dash)TTg").string == "942/QĐ-TTg")
    }

    @Test("Odd spaces become a space; zero-width characters and soft hyphens vanish")
    func spaces() {
        #expect(normalizer.normalize("Điều\u{00A0}5\u{2009}khoản\u{202F}2").string == "Điều 5 khoản 2")
        #expect(normalizer.normalize("Nghị\u{200B} định\u{FEFF}\u{00AD}").string == "Nghị định")
    }

    @Test("Old tone placement becomes new at the end of a syllable", arguments: [
        ("hoà", "hòa"), ("thoả thuận", "thỏa thuận"), ("Uỷ ban", "Ủy ban"), ("UỶ BAN", "ỦY BAN"),
        ("khoẻ", "khỏe"), ("tuỳ", "tùy"), ("hoạ", "họa"), ("Hoà Bình", "Hòa Bình"),
    ])
    func tonePlacement(old: String, new: String) {
        #expect(normalizer.normalize(old).string == new)
    }

    @Test("Tone placement leaves syllables that go on, and qu-, alone", arguments: ["hoàng", "khoản", "quý", "Quỳnh", "huỳnh", "toán"])
    func toneExceptions(word: String) {
        #expect(normalizer.normalize(word).string == word)
    }

    @Test("Tone placement also applies to decomposed input")
    func toneOnNFD() {
        #expect(normalizer.normalize("hoa\u{0300} gia\u{0309}i").string == "hòa giải")
    }

    @Test("NFC input with nothing to change is returned as is")
    func unchanged() {
        let text = normalizer.normalize("Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;")
        #expect(text.isUnchanged)
    }

    @Test("Line breaks are kept")
    func lineBreaks() {
        #expect(normalizer.normalize("Điều 1.\r\nĐiều 2.\n").string == "Điều 1.\r\nĐiều 2.\n")
    }

    @Test("Spans of mixed noise map back to exact source slices")
    func mixedRoundTrip() {
        let source = "Căn cứ Nghị định số 09/2019/NÐ\u{2013}CP ngày\u{00A0}24/01/2019; Uỷ ban\u{200B} nhân dân"
        let text = normalizer.normalize(source)
        #expect(text.string == "Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019; Ủy ban nhân dân")
        let needle = Array("09/2019/NĐ-CP".utf8)
        let start = text.bytes.firstRange(of: needle)!.lowerBound
        let range = text.sourceRange(ofBytes: start..<(start + needle.count))
        let scalars = Array(source.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[range])) == "09/2019/NÐ\u{2013}CP")
    }
}

@Suite("Folding and collation")
struct FoldingTests {
    @Test("Folding drops diacritics, lower-cases, and folds đ to d", arguments: [
        ("Nghị định", "nghi dinh"), ("Cấp đổi thẻ Căn cước", "cap doi the can cuoc"),
        ("ĐỒNG THÁP", "dong thap"), ("Thủ tướng Chính phủ", "thu tuong chinh phu"), ("QĐ-TTg", "qd-ttg"),
    ])
    func fold(input: String, expected: String) {
        #expect(Folding.fold(input) == expected)
    }

    @Test("Folding of decomposed input equals folding of composed input")
    func foldNFD() {
        #expect(Folding.fold("Nghi\u{0323} đi\u{0323}nh") == "nghi dinh")
    }

    @Test("Vietnamese collation orders words as a Vietnamese reader expects")
    func collation() {
        let words = ["Đồng Nai", "Dương", "An Giang", "Ân Thi", "Ăn", "Bạc Liêu", "Cà Mau", "Ô Môn", "Ơn", "Ong", "Ư", "Uông"]
        let sorted = words.sorted(by: VietnameseCollator.shared.areInIncreasingOrder)
        #expect(sorted == ["An Giang", "Ăn", "Ân Thi", "Bạc Liêu", "Cà Mau", "Dương", "Đồng Nai", "Ong", "Ô Môn", "Ơn", "Uông", "Ư"])
        // Swift's own order puts Đ after every ASCII letter and is not the Vietnamese one.
        #expect(words.sorted() != sorted)
    }
}
