import ArgumentParser
import CanCu

/// `cancu text`: the text of each input exactly as the pipeline sees it — after converting HTML,
/// Word, PDF or a legacy encoding — the text every offset of the other commands points into.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "In văn bản đã chuyển đổi (HTML, Word, PDF, mã TCVN3/VNI/VISCII/CP1258) đúng như các lệnh khác đọc.",
        discussion: """
            Every offset (start, end) the other commands print counts Unicode scalars in this text.
            With several inputs, each starts with a line '==> PATH (ENCODING) <=='; warnings go to
            standard error.

            Examples:
              cancu text ../shared/corpus/original/thong-tu-02-2021-tt-btc.pdf
              cancu text van-ban-cu.txt --encoding tcvn3
            """
    )

    @OptionGroup var input: InputOptions

    func run() throws {
        let paths = input.documents
        var failed = false
        for path in paths {
            switch input.read(path) {
            case .failure(let error):
                failed = true
                Console.error("cancu: \(error)")
            case .success(let document):
                for warning in document.warnings {
                    Console.error("cancu: \(path): \(warning.code): \(warning.message)")
                }
                if paths.count > 1 { Console.write("==> \(path) (\(document.encoding)) <==\n") }  // a line for people: controls in the name shown
                Console.write(Array(document.text.utf8))
                if paths.count > 1, !document.text.hasSuffix("\n") { Console.write([0x0A]) }
            }
        }
        Console.flush()
        if failed { throw ExitStatus.inputFailed }
    }
}
