import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import Foundation

/// Exports a citation graph: to a sink, to bytes, to a file (format from its extension), or
/// rendered by Graphviz. `cancu graph` and `cancu analyze` both write through here.
///
/// ```swift
/// let paths = try GraphExport.write(graph, to: "out/graph.csv")   // graph-nodes.csv, graph-edges.csv
/// let svg = try GraphExport.render(graph, as: "svg")
/// ```
public enum GraphExport {
    /// An export that could not be done; the message is for people.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var code: String
        public var description: String
    }

    /// The output formats Graphviz is asked for by `render`.
    public static let renderFormats = ["svg", "png", "pdf"]

    /// Writes `graph` in `format` to `sink` (not finished: the caller calls `sink.finish()`).
    package static func write(_ graph: CitationGraph, format: GraphFormat, options: GraphExportOptions = GraphExportOptions(),
                             to sink: inout GraphSink) {
        switch format {
        case .dot: GraphDOTWriter.write(graph, to: &sink)
        case .graphml: GraphMLWriter.write(graph, to: &sink)
        case .json: GraphJSONWriter.write(graph, to: &sink)
        case .csv: GraphCSVWriter.write(graph, options: options, to: &sink)
        case .mermaid: GraphMermaidWriter.write(graph, fenced: options.markdownFence, to: &sink)
        }
    }

    /// The export as bytes.
    public static func bytes(_ graph: CitationGraph, format: GraphFormat, options: GraphExportOptions = GraphExportOptions()) -> [UInt8] {
        var sink = GraphSink.memory()
        write(graph, format: format, options: options, to: &sink)
        return sink.bytes
    }

    /// Writes the export to a file and returns the files written. The format defaults to the
    /// extension's (`.dot .gv .graphml .json .csv .mmd .md`); `.md` wraps Mermaid in a code fence.
    /// CSV writes two files, `NAME-nodes.csv` and `NAME-edges.csv` (one, `path`, with `edgesOnly`).
    @discardableResult
    public static func write(_ graph: CitationGraph, to path: String, format: GraphFormat? = nil,
                             options: GraphExportOptions = GraphExportOptions()) throws(Failure) -> [String] {
        guard let format = format ?? GraphFormat(path: path) else {
            throw Failure(code: "unknown_format",
                          message: "không biết định dạng của '\(path)'; dùng đuôi .dot .gv .graphml .json .csv .mmd .md hoặc --format")
        }
        var options = options
        if format == .mermaid && GraphFormat.isMarkdown(path) { options.markdownFence = true }
        if format == .csv && !options.edgesOnly {
            let base = path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) : path
            let nodesPath = base + "-nodes.csv", edgesPath = base + "-edges.csv"
            try toFile(nodesPath) { GraphCSVWriter.writeNodes(graph, dialect: options.csvDialect, byteOrderMark: options.byteOrderMark, to: &$0) }
            try toFile(edgesPath) { GraphCSVWriter.writeEdges(graph, dialect: options.csvDialect, byteOrderMark: options.byteOrderMark, to: &$0) }
            return [nodesPath, edgesPath]
        }
        try toFile(path) { write(graph, format: format, options: options, to: &$0) }
        return [path]
    }

    /// Renders the graph with Graphviz (`dot -T<format>`, a child process stopped after `timeout`
    /// seconds) into `path`, or returns the rendered bytes when `path` is nil.
    @discardableResult
    public static func render(_ graph: CitationGraph, as outputFormat: String = "svg", to path: String? = nil,
                              timeout: Double = 120) throws(Failure) -> [UInt8] {
        guard renderFormats.contains(outputFormat) else {
            throw Failure(code: "unknown_format", message: "--render: dùng một trong \(renderFormats.joined(separator: ", "))")
        }
        let tool = ExternalTool(command: "dot", package: "graphviz")
        guard tool.executable != nil else {
            throw Failure(code: "tool_missing",
                          message: "không tìm thấy Graphviz (chương trình 'dot'); cài gói graphviz (apt-get install graphviz) rồi chạy lại, hoặc xuất --format dot")
        }
        let dotPath = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-graph-\(UUID().uuidString).dot").path
        defer { try? FileManager.default.removeItem(atPath: dotPath) }
        try toFile(dotPath) { GraphDOTWriter.write(graph, to: &$0) }
        var arguments = ["-T\(outputFormat)", dotPath]
        if let path { arguments += ["-o", path] }
        let output: ExternalTool.Output
        do {
            output = try tool.run(arguments, path: path ?? "-", timeout: timeout)
        } catch {
            throw Failure(code: error.diagnostic.code, message: error.diagnostic.message)
        }
        guard output.status == 0 else {
            let detail = output.stderr.split(separator: "\n").prefix(3).joined(separator: "; ")
            throw Failure(code: "tool_failed", message: "Graphviz không vẽ được đồ thị (mã \(output.status)): \(detail)")
        }
        return output.stdout
    }

    private static func toFile(_ path: String, _ body: (inout GraphSink) -> Void) throws(Failure) {
        guard var sink = GraphSink.file(path) else {
            throw Failure(code: "unwritable", message: "không tạo được tệp '\(path)': \(String(cString: strerror(errno)))")
        }
        body(&sink)
        guard sink.finish() else {
            throw Failure(code: "unwritable", message: "không ghi được tệp '\(path)': \(String(cString: strerror(sink.writeError)))")
        }
    }
}

extension GraphExport.Failure {
    init(code: String, message: String) {
        self.code = code
        description = message
    }
}
