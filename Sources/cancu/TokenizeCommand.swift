import ArgumentParser
import CanCu

/// `cancu tokenize`: ICU tokens with kinds and source offsets, then sentences and lines.
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Tách từ (ICU), câu và dòng, với vị trí trong văn bản gốc.",
        discussion: """
            Examples:
              cancu tokenize corpus/cong-van-huong-dan.txt
              cancu tokenize corpus --format count
              echo "Căn cứ Luật số 64/2025/QH15;" | cancu tokenize - --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, count
    }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text (for people), json (the contract), count (statistics).")
    var format: Format = .text

    func run() throws {
        let lexicon = try input.lexicon()
        let pipeline = TextPipeline(lexicon: lexicon)
        var failed = false
        for path in input.documents {
            var json = JSONWriter()
            switch input.read(path) {
            case .failure(let error):
                failed = true
                Console.error("cancu: \(error)")
                if format != .text {
                    ErrorView.writeJSON(path: path, error: error, to: &json)
                    Console.write(json.bytes)
                }
            case .success(let document):
                let text = pipeline.normalizer.normalize(document.text, utf8: document.utf8)
                switch format {
                case .count:
                    TokenView.writeCount(document, text, pipeline.tokenizer, to: &json)
                case .json:
                    TokenView.writeJSON(document, text, pipeline.tokenizer, to: &json) { Console.write($0) }
                case .text:
                    Console.write(TokenView.text(document, text, pipeline.tokenizer))
                }
                Console.write(json.bytes)
            }
        }
        Console.flush()
        if failed { throw ExitStatus.inputFailed }
    }
}
