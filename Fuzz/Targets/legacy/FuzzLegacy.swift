import FuzzSupport
@testable import CanCuInput

/// Plain-text bytes through the decoders: UTF-8/16 with detection of a legacy encoding, each
/// legacy table forced, and the repair of text misdecoded from one.
func fuzzLegacy(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = [UInt8](input(data, size))
    _ = DocumentReader.read(bytes: bytes, path: "fuzz.txt")
    _ = EncodingDetector.detect(bytes)
    for encoding in LegacyEncoding.allCases {
        let text = encoding.decode(bytes)
        _ = MisdecodedText.repair(text, forced: nil)
    }
    return 0
}

@main enum Main {
    static func main() { runFuzzer(fuzzLegacy) }
}
