import FuzzSupport
@testable import CanCuExtract

let reader = ProcedureRecordReader()

/// Procedure records: JSON Lines, or CSV when the first byte is odd.
func fuzzProcedures(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = input(data, size)
    let text = String(decoding: bytes, as: UTF8.self)
    let path = (bytes.first ?? 0) & 1 == 1 ? "fuzz.csv" : "fuzz.jsonl"
    _ = reader.read(text, path: path)
    return 0
}

@main enum Main {
    static func main() { runFuzzer(fuzzProcedures) }
}
