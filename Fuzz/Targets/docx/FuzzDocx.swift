import FuzzSupport
@testable import CanCuInput

/// A whole .docx file (the ZIP layer, then the XML parts) through the reader, as `cancu` reads it.
func fuzzDocx(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = [UInt8](input(data, size))
    _ = DocumentReader.read(bytes: bytes, path: "fuzz.docx")
    return 0
}

@main enum Main {
    static func main() { runFuzzer(fuzzDocx) }
}
