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
            With PATH, reads and analyses every document once, learns what the documents say about
            each other ("Nghị định này thay thế …"), then reviews each against the registry
            (dictionaries/documents.tsv, succession.tsv, provinces.tsv, extended with --dictionaries)
            and those facts. Each finding says whether the reference was outdated already when the
            document was written (as_of: written) or only now (as_of: now).
            With --db FILE, reviews the documents of an index built by `cancu index` from its stored
            rows (the files are not read again), with the facts learned from the whole index.
            Exit status 1 when any finding is an error (or an input could not be read).
            Examples:
              cancu review corpus --format text
              cancu review van-ban.txt --as-of 2025-12-31 --format json
              cancu review --db cancu.sqlite --format json
              cancu review corpus --format csv --bom > ra-soat.csv
              cancu review corpus --format markdown > ra-soat.md
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv, markdown
    }

    @Argument(help: ArgumentHelp("Files or folders to review (folders recursively); - for standard input.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Review the documents of this index (built by `cancu index`) instead of files.", valueName: "file"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("A folder of extra .tsv dictionaries (added to the built-in ones).", valueName: "dir"))
    var dictionaries: String?

    @Option(name: .long, help: ArgumentHelp(
        "Read plain text (and HTML, Word text) in this encoding instead of detecting it: utf-8, tcvn3 (ABC), vni, viscii, cp1258.",
        valueName: "name"))
    var encoding: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date to judge \"now\" by: dd/mm/yyyy or yyyy-mm-dd (default today).", valueName: "date"))
    var asOf: String?

    @Option(help: "Output format: text (for people, grouped by document), json (one finding per line), csv (one row per finding, for a spreadsheet) or markdown (a report to paste into a memo).")
    var format: Format = .text

    @Flag(help: "With --format csv: start with a UTF-8 byte order mark, so that Excel reads Vietnamese letters right.")
    var bom = false

    @OptionGroup var terminal: TerminalOptions

    func validate() throws {
        if bom && format != .csv { throw ValidationError("--bom goes with --format csv.") }
        if paths.isEmpty && db == nil {
            throw ValidationError("Give the files or folders to review, or --db FILE to review an index built by `cancu index`.")
        }
        if !paths.isEmpty && db != nil { throw ValidationError("Give either files and folders or --db FILE, not both.") }
        if let encoding, InputEncoding(name: encoding) == nil {
            throw ValidationError("--encoding: unknown encoding '\(encoding)'; use one of \(InputEncoding.names.joined(separator: ", ")).")
        }
        if let asOf, AsOfDate.iso(asOf) == nil { throw ValidationError(AsOfDate.refusal(asOf)) }
    }

    private func lexicon() throws -> Lexicon {
        do { return try ImportedRegistry.lexicon(userDirectory: dictionaries, indexPath: db) } catch { throw ValidationError("\(error)") }
    }

    /// Reviews the documents of an index from its stored rows.
    private func runIndex(_ db: String, lexicon: Lexicon, today: String) throws {
        let style = terminal.style
        writeStart(asOf: today)
        let index = try reportingIndexErrors { () throws(IndexError) in try DocumentIndex.openForReading(path: db) }
        let review = IndexReview(index: index, reviewer: Reviewer(lexicon: lexicon))
        var counts: [String: Int] = [:]
        var documents = 0
        var anyError = false
        var json = JSONWriter()
        var coverage = StatusCoverage()
        try reportingIndexErrors { () throws(IndexError) in
            let facts = try review.learnFacts()
            try review.review(asOf: today, facts: facts) { document, findings in
                documents += 1
                coverage.add(document, reviewer: review.reviewer, facts: facts)
                for finding in findings {
                    counts[finding.code.rawValue, default: 0] += 1
                    counts["severity:" + finding.severity.rawValue, default: 0] += 1
                    if finding.severity == .error { anyError = true }
                }
                switch format {
                case .json:
                    json.reset()
                    ReviewView.writeJSON(findings, to: &json)
                    Console.write(json.bytes)
                case .text:
                    Console.write(ReviewView.text(source: document.path, written: document.review.written?.iso,
                                                  findings: findings, lineOf: document.lines(), style: style), style: style)
                case .csv:
                    Console.write(ReviewReport.csvRows(source: document.path, findings: findings, lineOf: document.lines()))
                case .markdown:
                    Console.write(ReviewReport.markdown(source: document.path, written: document.review.written?.iso,
                                                        findings: findings, lineOf: document.lines()))
                }
            }
        }
        writeEnd(counts, documents: documents, coverage: coverage, style: style)
        if anyError { throw ExitStatus.inputFailed }
    }

    /// What comes before the first document: the CSV header (after the byte order mark), the
    /// Markdown title.
    private func writeStart(asOf: String) {
        switch format {
        case .csv:
            if bom { Console.write(OutputSafety.utf8BOM) }
            Console.write(ReviewReport.csvHeader)
        case .markdown: Console.write(ReviewReport.markdownTitle(asOf: asOf))
        case .text, .json: break
        }
    }

    /// What comes after the last document: the counts, in text and Markdown.
    private func writeEnd(_ counts: [String: Int], documents: Int, coverage: StatusCoverage, style: TerminalStyle) {
        switch format {
        case .text:
            Console.write(ReviewView.summary(counts, documents: documents, style: style), style: style)
            Console.write(ReviewView.coverage(coverage, style: style))
        case .markdown:
            Console.write(ReviewReport.markdownSummary(counts, documents: documents))
            Console.write("\n" + ReviewView.coverage(coverage, style: .plain))
        case .csv, .json: break
        }
    }

    func run() throws {
        let lexicon = try lexicon()
        let today = asOf.flatMap(AsOfDate.iso) ?? Reviewer.today()
        if let db { return try runIndex(db, lexicon: lexicon, today: today) }
        let forced = encoding.flatMap { InputEncoding(name: $0) }
        let style = terminal.style
        writeStart(asOf: today)
        var failed = false
        var anyError = false
        var counts: [String: Int] = [:]
        var documents = 0
        var json = JSONWriter()
        let coverage = FilesReview(lexicon: lexicon).review(paths, asOf: today, encoding: forced) { outcome in
            json.reset()
            switch outcome {
            case .failed(let error):
                failed = true
                Console.error("cancu: \(error)")
                if format == .json {
                    json.object { json in
                        json.field("source", error.path)
                        json.objectField("error") { json in
                            json.field("code", error.diagnostic.code)
                            json.field("message", error.diagnostic.message)
                        }
                    }
                    json.newline()
                    Console.write(json.bytes)
                }
            case .reviewed(let document, let findings):
                documents += 1
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
                    Console.write(ReviewView.text(source: document.path, written: document.review.written?.iso,
                                                  findings: findings, lineOf: document.lines(), style: style), style: style)
                case .csv:
                    Console.write(ReviewReport.csvRows(source: document.path, findings: findings, lineOf: document.lines()))
                case .markdown:
                    Console.write(ReviewReport.markdown(source: document.path, written: document.review.written?.iso,
                                                        findings: findings, lineOf: document.lines()))
                }
            }
        }
        writeEnd(counts, documents: documents, coverage: coverage, style: style)
        if failed || anyError { throw ExitStatus.inputFailed }
    }
}
