import ArgumentParser
import CanCu

/// `cancu show`: what the index knows of one document.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Thông tin về một văn bản: thuộc tính, hiệu lực, trích dẫn, văn bản và thủ tục dẫn chiếu.",
        discussion: """
            Examples:
              cancu show 09/2019/ND-CP
              cancu show 999/2026/NĐ-CP --format json
            """
    )

    @Argument(help: "The document's number and symbol.")
    var symbol: String

    @OptionGroup var options: IndexOptions

    @OptionGroup var terminal: TerminalOptions

    @Option(help: "Output format: text or json (one object).")
    var format: QueryFormat = .text

    func run() throws {
        let queries = try options.queries()
        guard let report = try reportingIndexErrors({ () throws(IndexError) in try queries.show(symbol) }) else {
            Console.error("cancu: chỉ mục và danh mục văn bản không biết văn bản \(queries.canonicalSymbol(symbol))")
            throw ExitStatus.inputFailed
        }
        switch format {
        case .json:
            var json = JSONWriter()
            QueryView.writeJSON(report, to: &json)
            Console.write(json.bytes)
        case .text:
            Console.write(QueryView.text(report, style: terminal.style))
        }
    }
}
