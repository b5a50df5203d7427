import FuzzSupport
@testable import CanCuInput

/// One WordprocessingML part (word/document.xml) through the scanner, without the ZIP layer (whose
/// CRC would refuse almost every mutation before the XML is read).
func fuzzWordXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = [UInt8](input(data, size))
    _ = try? WordXMLText.extract(bytes, part: "word/document.xml", path: "fuzz.docx")
    return 0
}

@main enum Main {
    static func main() { runFuzzer(fuzzWordXML) }
}
