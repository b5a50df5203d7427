import ArgumentParser
import CanCu

/// `cancu cited-by`: the documents and procedures citing a document.
struct CitedByCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cited-by",
        abstract: "Các văn bản và thủ tục trích dẫn một văn bản.",
        discussion: """
            SYMBOL is normalised like citations (ND-CP → NĐ-CP, spaces removed).
            Examples:
              cancu cited-by 61/2018/NĐ-CP
              cancu cited-by "45/KH-UBND" --format json
            """
    )

    @Argument(help: "The document's number and symbol.")
    var symbol: String

    @OptionGroup var options: IndexOptions

    @OptionGroup var terminal: TerminalOptions

    @Option(help: "Output format: text or json (one line per citing document or procedure).")
    var format: QueryFormat = .text

    func run() throws {
        let queries = try options.queries()
        let canonical = queries.canonicalSymbol(symbol)
        let items = try reportingIndexErrors { () throws(IndexError) in try queries.citedBy(symbol) }
        switch format {
        case .json:
            var json = JSONWriter()
            for item in items { QueryView.writeJSON(item, symbol: canonical, to: &json) }
            Console.write(json.bytes)
        case .text:
            Console.write(QueryView.text(items, symbol: canonical, style: terminal.style))
        }
    }
}
