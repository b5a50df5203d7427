import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import Foundation
import GRDB

/// Builds the citation graph from an index (`cancu graph --db`) instead of re-reading the files:
/// each indexed file's stored analysis (`IndexFacts`: the `DocumentFacts` of its documents, with
/// the procedures they publish, or its procedure records) goes through the same `GraphBuilder` as
/// the files do. Node ids, attributes (status from the registry, names merged with symbols) and
/// edges are therefore those of `cancu graph` on the indexed files, and nothing is extracted again.
///
/// ```swift
/// let index = try DocumentIndex.openForReading(path: "cancu.sqlite")
/// let graph = try GraphIndexReader(lexicon: .builtIn).graph(of: index)
/// ```
public struct GraphIndexReader: Sendable {
    let lexicon: Lexicon

    public init(lexicon: Lexicon = .builtIn) {
        self.lexicon = lexicon
    }

    /// The graph of everything in the index.
    public func graph(of index: DocumentIndex) throws(IndexError) -> CitationGraph {
        var builder = GraphBuilder(lexicon: lexicon)
        try add(index, to: &builder)
        return builder.build()
    }

    /// Adds the documents and procedures of the index to `builder`.
    public func add(_ index: DocumentIndex, to builder: inout GraphBuilder) throws(IndexError) {
        try index.read { db in
            try IndexFacts.forEachFile(db) { analysis in builder.add(analysis) }
        }
    }

    /// The files `cancu analyze` writes the graph into, next to the index: the index's name
    /// without its extension plus `.graph.graphml` (opens in Gephi and yEd) and `.graph.json` (the
    /// contract's shape): "out/cancu.sqlite" → "out/cancu.graph.graphml", "out/cancu.graph.json".
    public static func graphPaths(besideIndex path: String) -> [String] {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        let folder = String(path.dropLast(name.count))
        // "cancu.sqlite" → "cancu"; a name without an extension (or a dot file) is kept whole.
        let stem = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : String(name[..<$0]) } ?? name
        return [folder + stem + ".graph.graphml", folder + stem + ".graph.json"]
    }
}
