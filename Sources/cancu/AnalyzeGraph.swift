import ArgumentParser
import CanCu

extension AnalyzeCommand {
    /// Writes the citation graph of the index next to it (GraphML and JSON, see
    /// `GraphIndexReader.graphPaths(besideIndex:)`) and says where on standard error; exit status 1
    /// when it cannot be written (the index and the summary are already done).
    func writeCorpusGraph() throws {
        if noGraph { return }
        do {
            let lexicon = try options.lexicon()
            let graph = try GraphIndexReader(lexicon: lexicon).graph(of: try DocumentIndex.openForReading(path: options.db))
            let paths = GraphIndexReader.graphPaths(besideIndex: options.db)
            for path in paths { try GraphExport.write(graph, to: path) }
            Console.error("Đồ thị trích dẫn: \(paths.joined(separator: ", ")) (\(graph.nodes.count) nút, \(graph.edges.count) cạnh)")
        } catch let error as ValidationError {
            throw error
        } catch {
            Console.error("cancu: không ghi được đồ thị trích dẫn: \(error)")
            throw ExitStatus.inputFailed
        }
    }
}
