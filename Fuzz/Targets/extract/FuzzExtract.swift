import FuzzSupport
@testable import CanCuInput
@testable import CanCuExtract

let extractor = Extractor()

/// Text through `extract` with every stage (header, citations, dates, targets, structure,
/// procedures, review), as `cancu extract` and `index` run it on a .txt file.
func fuzzExtract(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = [UInt8](input(data, size))
    guard case .success(let document) = DocumentReader.read(bytes: bytes, path: "fuzz.txt") else { return 0 }
    _ = extractor.extract(document, stages: .all)
    return 0
}

@main enum Main {
    static func main() { runFuzzer(fuzzExtract) }
}
