import ArgumentParser
import CanCu

/// `cancu analyze`: index documents and records, then print what a reviewer needs to read.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Phân tích một bộ văn bản: lập chỉ mục rồi tóm tắt loại văn bản, văn bản được trích nhiều, căn cứ pháp lý của thủ tục.",
        discussion: """
            Indexes PATH (as `cancu index`, into --db, default ./cancu.sqlite) and prints a summary.
            Exits 1 when an input failed or a reference is outdated at error level (as `cancu review`).
            Example:
              cancu analyze corpus/
            """
    )

    @Argument(help: ArgumentHelp("Files or folders to analyse (folders recursively).", valueName: "path"))
    var paths: [String]

    @OptionGroup var options: IndexOptions

    @Option(help: "How many of the most cited documents to list.")
    var top: Int = 10

    @Option(help: "At most this many procedures in the summary.")
    var procedures: Int = 100

    @Flag(help: "Do not write the citation graph next to the index.")
    var noGraph = false

    @OptionGroup var terminal: TerminalOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or folder to analyse.") }
    }

    func run() async throws {
        let report = try await IndexCommand.index(paths, options: options, prune: false, rebuild: false)
        Console.error(IndexCommand.describe(report, db: options.db))
        let queries = try options.queries()
        let summary = try reportingIndexErrors { () throws(IndexError) in try queries.summary(top: top, procedureLimit: procedures) }
        let style = terminal.style
        Console.write(QueryView.text(summary, style: style))
        let review = try AnalyzeReview.section(options, style: style)
        Console.write(review.text, style: style)
        try writeCorpusGraph()
        if !report.failures.isEmpty || review.anyError { throw ExitStatus.inputFailed }
    }
}
