import ArgumentParser
import CanCu
import Foundation

/// `cancu annotate`: a document as a standalone HTML page, each citation a link coloured by the
/// status of the document it names.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Tạo trang HTML của một văn bản, mỗi trích dẫn là một liên kết tô màu theo hiệu lực.",
        discussion: """
            Statuses come from the index (--db) when given, else from the registry of known
            documents. An HTML input keeps its own markup, the links put where the citations stand.
            Examples:
              cancu annotate corpus/nghi-dinh-mau.txt --output nghi-dinh-mau.html
              cancu annotate trang.html --db cancu.sqlite --link-base 'https://example.vn/van-ban?so='
            """
    )

    @Argument(help: "The document (text, HTML, Word or PDF; - for standard input).")
    var file: String

    @Option(help: "Output format (html).")
    var format: AnnotateFormat = .html

    @Option(name: .customLong("link-base"), help: ArgumentHelp(
        "Links are this followed by the cited symbol (default: the document page of `cancu serve` on 127.0.0.1:8080).", valueName: "url"))
    var linkBase: String = "http://127.0.0.1:8080/van-ban?so="

    @Option(help: ArgumentHelp("An index to take statuses from (else the registry alone).", valueName: "file"))
    var db: String?

    @Option(help: ArgumentHelp("Write the page here instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("A folder of extra .tsv dictionaries (added to the built-in ones).", valueName: "dir"))
    var dictionaries: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date statuses are judged by (ISO, default today).", valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let asOf, AsOfDate.iso(asOf) == nil { throw ValidationError(AsOfDate.refusal(asOf)) }
    }

    func run() throws {
        let lexicon: Lexicon
        do { lexicon = try ImportedRegistry.lexicon(userDirectory: dictionaries, indexPath: db) } catch { throw ValidationError("\(error)") }
        let bytes: [UInt8]
        let source: SourceDocument
        do {
            bytes = try DocumentReader.readBytes(file)
            source = try DocumentReader.read(bytes: bytes, path: file).get()
        } catch {
            Console.error("cancu: \(error)")
            throw ExitStatus.inputFailed
        }
        let analysis = FileAnalyzer(lexicon: lexicon).analyze(source)
        guard var facts = analysis.documents.first else {
            Console.error("cancu: \(file): không phải văn bản (tệp bản ghi thủ tục hành chính?); không có gì để chú thích")
            throw ExitStatus.inputFailed
        }
        facts.path = file
        let nodes: [NodeFacts]
        if let db {
            let queries: IndexQueries
            do {
                queries = IndexQueries(index: try DocumentIndex.openForReading(path: db), lexicon: lexicon, asOf: asOf.flatMap(AsOfDate.iso))
            } catch {
                Console.error("cancu: \(error)")
                throw ExitStatus.inputFailed
            }
            nodes = try reportingIndexErrors { () throws(IndexError) in try queries.citationFacts(facts.citations) }
        } else {
            nodes = RegistryFacts(lexicon: lexicon, asOf: asOf.flatMap(AsOfDate.iso)).describe(facts.citations, learned: LearnedFacts(FactLearner.learn(from: facts)))
        }
        // A Markdown file is shown as written: its text has the same characters at the same offsets,
        // with the syntax blanked.
        var shown = source.text
        if DocumentKind.of(bytes: bytes, path: file) == .markdown, let written = try? MarkdownFormat().source(bytes, path: file).text,
           written.unicodeScalars.count == shown.unicodeScalars.count {
            shown = written
        }
        let document = AnnotatedDocument(facts: facts, text: shown, nodes: nodes, link: AnnotatedDocument.symbolLink(base: linkBase))
        var page = document.page()
        if DocumentKind.of(bytes: bytes, path: file) == .html,
           let map = try? HTMLFormat().textWithMap(bytes: bytes, path: file), map.text == source.text {
            page = document.page(html: map)
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(page.utf8)) else {
                Console.error("cancu: \(output): không ghi được tệp")
                throw ExitStatus.inputFailed
            }
            Console.error("Đã ghi \(output) (\(facts.citations.count) trích dẫn)")
        } else {
            Console.write(page)
        }
    }
}

/// Output formats of `cancu annotate`.
enum AnnotateFormat: String, ExpressibleByArgument, CaseIterable {
    case html
}
