import ArgumentParser
import CanCu

/// `cancu basis`: the regulations that govern a procedure.
struct BasisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "basis",
        abstract: "Căn cứ pháp lý của một thủ tục hành chính (theo mã hoặc tên, có hoặc không dấu).",
        discussion: """
            Examples:
              cancu basis 1.000889
              cancu basis "cap doi the can cuoc" --format json
            """
    )

    @Argument(help: "A procedure code (1.000889) or words of its name.")
    var query: [String]

    @OptionGroup var options: IndexOptions

    @OptionGroup var terminal: TerminalOptions

    @Option(help: "Output format: text (tables for people) or json (the contract, one line per procedure).")
    var format: QueryFormat = .text

    @Option(help: "At most this many procedures.")
    var limit: Int = 10

    func validate() throws {
        if query.isEmpty { throw ValidationError("Give a procedure code or words of its name.") }
    }

    func run() throws {
        let queries = try options.queries()
        let text = query.joined(separator: " ")
        let matches = try reportingIndexErrors { () throws(IndexError) in try queries.basis(text, limit: limit) }
        switch format {
        case .json:
            var json = JSONWriter()
            for match in matches { QueryView.writeJSON(match, to: &json) }
            Console.write(json.bytes)
        case .text:
            Console.write(matches.isEmpty ? "Không tìm thấy thủ tục nào khớp với \"\(text)\".\n" : QueryView.text(matches, style: terminal.style))
        }
        if matches.isEmpty { throw ExitStatus.inputFailed }
    }
}
