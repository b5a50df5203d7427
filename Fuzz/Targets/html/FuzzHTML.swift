import FuzzSupport
@testable import CanCuInput

/// An HTML page through the reader (charset sniffing, legacy repair, the tag scanner).
func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = [UInt8](input(data, size))
    _ = DocumentReader.read(bytes: bytes, path: "fuzz.html")
    return 0
}

@main enum Main {
    static func main() { runFuzzer(fuzzHTML) }
}
