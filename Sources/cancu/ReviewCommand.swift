import ArgumentParser
import CanCu
import Foundation

/// `cancu review`: outdated references — documents replaced, repealed, expired or amended, wrong
/// issue dates, documents cited before they existed, bodies merged, renamed or abolished.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Rà soát tham chiếu lỗi thời: văn bản bị thay thế, bãi bỏ, hết hiệu lực; sai ngày; cơ quan đã sáp nhập.",
        discussion: """
            Reads every document twice: first to learn what the documents say about each other
            ("Nghị định này thay thế …"), then to review each against the registry
            (dictionaries/documents.tsv, succession.tsv, provinces.tsv, extended with --dictionaries)
            and those facts. Each finding says whether the reference was outdated already when the
            document was written (as_of: written) or only now (as_of: now).
            Exit status 1 when any finding is an error (or an input could not be read).
            Examples:
              cancu review corpus --format text
              cancu review van-ban.txt --as-of 2025-12-31 --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date to judge \"now\" by (ISO, default today).", valueName: "date"))
    var asOf: String?

    @Option(help: "Output format: text (for people, grouped by document) or json (one finding per line).")
    var format: Format = .text

    func validate() throws {
        if let asOf, !Self.isISODate(asOf) { throw ValidationError("--as-of: give a date as YYYY-MM-DD, not '\(asOf)'") }
    }

    static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let m = Int(parts[1]), let d = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(m) && (1...31).contains(d)
    }

    func run() throws {
        let lexicon = try input.lexicon()
        let extractor = Extractor(lexicon: lexicon)
        let reviewer = Reviewer(lexicon: lexicon)
        let today = asOf ?? Self.today()
        let paths = input.documents
        // Standard input cannot be read twice: keep it.
        var stdinDocument: SourceDocument? = nil
        if paths.contains("-"), case .success(let document) = input.read("-") { stdinDocument = document }
        func read(_ path: String) -> Result<SourceDocument, InputError> {
            if path == "-", let stdinDocument { return .success(stdinDocument) }
            return input.read(path)
        }

        var facts = LearnedFacts()
        for path in paths {
            if case .success(let document) = read(path) {
                let text = extractor.pipeline.normalize(document)
                facts.add(FactLearner.learn(from: extractor.extract(text, path: path), text: text))
            }
        }

        var failed = false
        var anyError = false
        var counts: [String: Int] = [:]
        var documents = 0
        var json = JSONWriter()
        for path in paths {
            json.reset()
            switch read(path) {
            case .failure(let error):
                failed = true
                Console.error("cancu: \(error)")
                if format == .json {
                    json.object { json in
                        json.field("source", path)
                        json.objectField("error") { json in
                            json.field("code", error.diagnostic.code)
                            json.field("message", error.diagnostic.message)
                        }
                    }
                    json.newline()
                    Console.write(json.bytes)
                }
            case .success(let document):
                documents += 1
                let text = extractor.pipeline.normalize(document)
                let extraction = extractor.extract(text, path: path, warnings: document.warnings)
                let findings = reviewer.review(extraction, text: text, asOf: today, facts: facts)
                for finding in findings {
                    counts[finding.code.rawValue, default: 0] += 1
                    counts["severity:" + finding.severity.rawValue, default: 0] += 1
                    if finding.severity == .error { anyError = true }
                }
                switch format {
                case .json:
                    ReviewView.writeJSON(findings, to: &json)
                    Console.write(json.bytes)
                case .text:
                    let lines = LineIndex(document.text)
                    Console.write(ReviewView.text(source: path, written: Reviewer.documentDate(extraction, text: text),
                                                  findings: findings, lineOf: lines.line(of:)))
                }
            }
        }
        if format == .text { Console.write(ReviewView.summary(counts, documents: documents)) }
        if failed || anyError { throw ExitStatus.inputFailed }
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
