import ArgumentParser
import CanCu

/// `cancu extract`: citations, relations, dates, periods and targets of each document.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Trích xuất trích dẫn, quan hệ, ngày tháng, giai đoạn và mục tiêu của văn bản.",
        discussion: """
            One JSON line per input document (the output contract), or a text view for people.
            Examples:
              cancu extract corpus/nghi-dinh-mau.txt --format text
              cancu extract corpus > extract.jsonl
              cat van-ban.txt | cancu extract -
              cancu extract thong-tu.pdf --text     (the text the offsets point into)
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: json (the contract, one line per document) or text (for people).")
    var format: Format = .json

    @Flag(help: "Print the decoded text every offset points into (as `cancu text`), not the extraction.")
    var text = false

    func run() throws {
        if text {
            var command = TextCommand()
            command.input = input
            return try command.run()
        }
        let extractor = Extractor(lexicon: try input.lexicon())
        var failed = false
        var json = JSONWriter()
        for path in input.documents {
            json.reset()
            switch input.read(path) {
            case .failure(let error):
                failed = true
                Console.error("cancu: \(error)")
                if format == .json {
                    ErrorView.writeJSON(path: path, error: error, to: &json)
                    Console.write(json.bytes)
                }
            case .success(let document):
                // What the contract prints needs none of the optional stages (structure, procedures, review).
                let extraction = extractor.extract(document, stages: [])
                switch format {
                case .json:
                    ExtractView.writeJSON(extraction, to: &json)
                    Console.write(json.bytes)
                case .text:
                    let lines = LineIndex(document.text)
                    Console.write(ExtractView.text(extraction, lineOf: lines.line(of:)))
                }
            }
        }
        if failed { throw ExitStatus.inputFailed }
    }
}
