import FuzzSupport
@testable import CanCuInput

/// A Markdown file through the reader (decoding, the syntax blanking, the page-chrome cut): the
/// text must keep the file's scalar count, so that every offset points into the file.
func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = [UInt8](input(data, size))
    if case .success(let document) = DocumentReader.read(bytes: bytes, path: "fuzz.md"),
       let source = try? MarkdownFormat().source(bytes, path: "fuzz.md").text,
       source.unicodeScalars.count != document.text.unicodeScalars.count {
        fatalError("markdown text has \(document.text.unicodeScalars.count) scalars, the file \(source.unicodeScalars.count)")
    }
    return 0
}

@main enum Main {
    static func main() { runFuzzer(fuzzMarkdown) }
}
