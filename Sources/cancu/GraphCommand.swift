import ArgumentParser
import CanCu
import Foundation

/// `cancu graph`: the citation graph of documents (and procedures) as DOT, GraphML, JSON, CSV or
/// Mermaid, or rendered by Graphviz.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Xuất đồ thị trích dẫn (văn bản, thủ tục, quan hệ) dạng DOT, GraphML, JSON, CSV, Mermaid.",
        discussion: """
            Nodes are documents (canonical symbol, or name and year) and procedures (code); edges are
            typed relations (basis, implements, amends, …, refers) plus governs (procedure → basis).
            With PATH, the files are read and analysed; with --db (or no PATH: ./cancu.sqlite), the
            graph comes from the index `cancu index` or `cancu analyze` wrote, without re-reading.
            The format comes from --format, else from the --output extension (.dot .gv .graphml
            .json .csv .mmd .md), else json. CSV to a file writes NAME-nodes.csv and NAME-edges.csv;
            to standard output, nodes, an empty line, then edges.
            Examples:
              cancu graph corpus --format dot | dot -Tsvg > graph.svg
              cancu graph --db cancu.sqlite --around 1085/QĐ-TTg --depth 1 --format mermaid
              cancu graph corpus --around 63/2010/NĐ-CP --depth 2 --direction in --output ego.graphml
              cancu graph corpus --relation amends replaces repeals --format mermaid
              cancu graph corpus --output graph.csv --csv-dialect neo4j
              cancu graph corpus --render svg --output graph.svg
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, graphml, json, csv, mermaid
    }

    @Argument(help: ArgumentHelp("Files or folders to read (folders recursively); - for standard input. None: read the index (--db).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Build the graph from this index instead of files (default ./cancu.sqlite when no path is given).", valueName: "file"))
    var db: String?

    @Option(help: "Output format: dot, graphml, json, csv or mermaid.")
    var format: Format?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (its extension picks the format); standard output otherwise.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Keep only the neighbourhood of this document or procedure (repeatable).", valueName: "symbol"))
    var around: [String] = []

    @Option(help: "How many edges away from --around to go.")
    var depth: Int = 1

    @Option(help: "Which edges --around follows: in (what cites it), out (what it cites) or both.")
    var direction: String = "both"

    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "Keep only these relation types: \(GraphEdge.Kind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "type"))
    var relation: [String] = []

    @Option(name: .customLong("type"), help: ArgumentHelp("Keep only documents of this type, e.g. \"Nghị định\" (repeatable).", valueName: "type"))
    var types: [String] = []

    @Option(name: .customLong("issuer"), help: ArgumentHelp("Keep only documents of this issuer, e.g. CP, BTC (repeatable).", valueName: "issuer"))
    var issuers: [String] = []

    @Option(help: ArgumentHelp("Keep only documents issued on or after this date or year (2020, 2020-06-01).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Keep only documents issued on or before this date or year.", valueName: "date"))
    var until: String?

    @Flag(help: "Leave procedures out.")
    var noProcedures = false

    @Flag(help: "CSV: write the edges only.")
    var edgesOnly = false

    @Flag(help: "CSV: start with a UTF-8 byte order mark (for Excel).")
    var bom = false

    @Option(help: "CSV headers for gephi (Id, Source, Target) or neo4j (id:ID, :START_ID, :END_ID, :TYPE).")
    var csvDialect: String = "gephi"

    @Option(help: ArgumentHelp("Draw the graph with Graphviz: svg, png or pdf (needs the graphviz package).", valueName: "format"))
    var render: String?

    @Option(help: "Seconds Graphviz may take before it is stopped.")
    var renderTimeout: Double = 120

    @Option(name: .long, help: ArgumentHelp("A folder of extra .tsv dictionaries (added to the built-in ones).", valueName: "dir"))
    var dictionaries: String?

    @Option(name: .long, help: ArgumentHelp("Read plain text in this encoding instead of detecting it.", valueName: "name"))
    var encoding: String?

    func validate() throws {
        if !paths.isEmpty, db != nil { throw ValidationError("Give files or folders, or --db, not both.") }
        if db != nil, encoding != nil { throw ValidationError("--encoding reads files; it does not apply to --db.") }
        if depth < 0 { throw ValidationError("--depth must be 0 or more.") }
        if GraphFilter.Direction(rawValue: direction) == nil { throw ValidationError("--direction: use in, out or both.") }
        for name in relationNames where GraphEdge.Kind(rawValue: name) == nil {
            throw ValidationError("--relation: unknown type '\(name)'; use \(GraphEdge.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if GraphExportOptions.CSVDialect(rawValue: csvDialect) == nil { throw ValidationError("--csv-dialect: use gephi or neo4j.") }
        if let render, !GraphExport.renderFormats.contains(render) {
            throw ValidationError("--render: use \(GraphExport.renderFormats.joined(separator: ", ")).")
        }
        if let encoding, InputEncoding(name: encoding) == nil {
            throw ValidationError("--encoding: unknown encoding '\(encoding)'; use one of \(InputEncoding.names.joined(separator: ", ")).")
        }
        for bound in [since, until].compactMap({ $0 }) where !Self.isDatePrefix(bound) {
            throw ValidationError("--since/--until: '\(bound)' is not a year or an ISO date (2020, 2020-06, 2020-06-01).")
        }
        if format == nil, render == nil, let output, GraphFormat(path: output) == nil, renderFormat(of: output) == nil {
            throw ValidationError("--output: cannot tell the format of '\(output)'; give --format or use .dot .graphml .json .csv .mmd .md .svg.")
        }
    }

    private var relationNames: [String] {
        relation.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }.filter { !$0.isEmpty }
    }

    private static func isDatePrefix(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard [4, 7, 10].contains(bytes.count) else { return false }
        for (i, b) in bytes.enumerated() {
            if i == 4 || i == 7 { if b != 0x2D { return false } } else if !(0x30...0x39).contains(b) { return false }
        }
        return true
    }

    private func renderFormat(of path: String) -> String? {
        let ext = (path as NSString).pathExtension.lowercased()
        return GraphExport.renderFormats.contains(ext) ? ext : nil
    }

    func run() throws {
        let lexicon: Lexicon
        do { lexicon = try Lexicon.load(userDirectory: dictionaries) } catch { throw ValidationError("\(error)") }
        var builder = GraphBuilder(lexicon: lexicon)
        var failed = false
        if paths.isEmpty {
            let path = db ?? "cancu.sqlite"
            do {
                try GraphIndexReader(lexicon: lexicon).add(try DocumentIndex.openForReading(path: path), to: &builder)
            } catch {
                Console.error("cancu: \(error)")
                throw ExitStatus.inputFailed
            }
        } else {
            let input = GraphInput(lexicon: lexicon)
            let forced = encoding.flatMap { InputEncoding(name: $0) }
            for path in DocumentReader.expand(paths, extensions: GraphInput.extensions) {
                switch DocumentReader.read(path, encoding: forced) {
                case .failure(let error):
                    failed = true
                    Console.error("cancu: \(error)")
                case .success(let document):
                    for warning in input.add(document, to: &builder) { Console.error("cancu: \(path): \(warning.message)") }
                }
            }
        }
        var filter = GraphFilter()
        filter.around = around
        filter.depth = depth
        filter.direction = GraphFilter.Direction(rawValue: direction) ?? .both
        let kinds = relationNames.compactMap { GraphEdge.Kind(rawValue: $0) }
        filter.relations = kinds.isEmpty ? nil : Set(kinds)
        filter.types = types
        filter.issuers = issuers
        filter.since = since
        filter.until = until
        filter.includeProcedures = !noProcedures
        let graph: CitationGraph
        do { graph = try filter.apply(to: builder.build()) } catch {
            Console.error("cancu: \(error)")
            throw ExitStatus.inputFailed
        }
        try export(graph)
        if failed { throw ExitStatus.inputFailed }
    }

    private func export(_ graph: CitationGraph) throws {
        let options = GraphExportOptions(csvDialect: GraphExportOptions.CSVDialect(rawValue: csvDialect) ?? .gephi,
                                         edgesOnly: edgesOnly, byteOrderMark: bom)
        do {
            if let drawing = render ?? (format == nil ? output.flatMap(renderFormat(of:)) : nil) {
                let bytes = try GraphExport.render(graph, as: drawing, to: output, timeout: renderTimeout)
                if let output {
                    Console.error("cancu graph: \(graph.nodes.count) nút, \(graph.edges.count) cạnh → \(output)")
                } else {
                    Console.write(bytes)
                }
                return
            }
            if let output {
                let chosen = format.flatMap { GraphFormat(rawValue: $0.rawValue) }
                let written = try GraphExport.write(graph, to: output, format: chosen, options: options)
                Console.error("cancu graph: \(graph.nodes.count) nút, \(graph.edges.count) cạnh → \(written.joined(separator: ", "))")
                return
            }
            var sink = GraphSink.standardOutput()
            GraphExport.write(graph, format: GraphFormat(rawValue: (format ?? .json).rawValue) ?? .json, options: options, to: &sink)
            if !sink.finish() { Console.outputFailed(sink.writeError) }
        } catch {
            Console.error("cancu: \(error)")
            throw ExitStatus.inputFailed
        }
    }
}
