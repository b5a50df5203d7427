import FuzzSupport
@testable import CanCuInput

/// Plain-text bytes through the decoders: UTF-8/16 with detection of a legacy encoding, one legacy
/// table forced (chosen by the last byte, so that each input costs one table, not four), and the
/// repair of text misdecoded from one.
func fuzzLegacy(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = [UInt8](input(data, size))
    _ = DocumentReader.read(bytes: bytes, path: "fuzz.txt")
    _ = EncodingDetector.detect(bytes)
    let encoding = LegacyEncoding.allCases[Int(bytes.last ?? 0) % LegacyEncoding.allCases.count]
    _ = MisdecodedText.repair(encoding.decode(bytes), forced: nil)
    return 0
}

@main enum Main {
    static func main() { runFuzzer(fuzzLegacy) }
}
