import CanCu
import Foundation
import Synchronization

/// The citation graph of the index, built once and built again when the index file changes
/// (its size or modification time, or its WAL's), for the neighbourhood of a document page and
/// `GET /api/v1/graph`.
package final class GraphCache: Sendable {
    private struct Entry: Sendable {
        var stamp: [Int]
        var graph: CitationGraph
        var built: Date
        /// Rendered neighbourhoods of this graph, by symbol.
        var drawings: [String: String] = [:]
    }

    private let state = Mutex<Entry?>(nil)
    let path: String
    let lexicon: Lexicon

    package init(path: String, lexicon: Lexicon) {
        self.path = path
        self.lexicon = lexicon
    }

    private func stamp() -> [Int] {
        [path, path + "-wal"].flatMap { file -> [Int] in
            let attributes = try? FileManager.default.attributesOfItem(atPath: file)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes?[.modificationDate] as? Date).map { Int($0.timeIntervalSince1970 * 1000) } ?? -1
            return [size, modified]
        }
    }

    /// Held while the graph is built, so that concurrent requests wait for one build.
    private let building = NSLock()

    /// How long a graph is kept after the index changed (while `cancu index` writes, the file
    /// changes all the time, and building the graph of a large index takes seconds).
    static let freshness: TimeInterval = 30

    /// The whole graph, as `cancu graph --db` builds it (on a connection of its own, so that
    /// queries do not wait behind a build).
    /// A graph of an index that has changed since is still answered while the new one is built
    /// in the background (building a large index's graph takes a minute, and requests must not
    /// wait on it); only the first graph is built while the request waits.
    package func graph(_ queries: IndexQueries) throws(IndexError) -> CitationGraph {
        if let (graph, fresh) = current() {
            if !fresh { refreshInBackground() }
            return graph
        }
        building.lock()
        defer { building.unlock() }
        if let (graph, _) = current() { return graph }
        return try build()
    }

    private func build() throws(IndexError) -> CitationGraph {
        let now = stamp()
        let graph = try GraphIndexReader(lexicon: lexicon).graph(of: try DocumentIndex.openForReading(path: path))
        state.withLock { $0 = Entry(stamp: now, graph: graph, built: Date()) }
        return graph
    }

    /// Builds the graph again on a background thread, unless a build is running.
    private func refreshInBackground() {
        guard refreshing.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        DispatchQueue.global(qos: .utility).async {
            defer { self.refreshing.store(false, ordering: .releasing) }
            self.building.lock()
            defer { self.building.unlock() }
            if let (_, fresh) = self.current(), fresh { return }
            _ = try? self.build()
        }
    }

    /// Set while a background build is queued or running.
    private let refreshing = Atomic<Bool>(false)

    /// The cached graph, and whether it is fresh: the index has not changed since, or changed
    /// less than `freshness` ago.
    private func current() -> (CitationGraph, fresh: Bool)? {
        guard let entry = state.withLock({ $0 }) else { return nil }
        return (entry.graph, entry.stamp == stamp() || Date().timeIntervalSince(entry.built) < Self.freshness)
    }

    /// The HTML of a document's neighbourhood (depth 1, both directions): an SVG drawn by
    /// Graphviz when it is installed and the neighbourhood is small enough to read, else a list;
    /// with a legend. Kept until the index changes.
    package func drawing(_ symbol: String, queries: IndexQueries) -> String {
        let key = Registry.key(symbol)
        if current() == nil {
            // Being built (a large index takes seconds): say so rather than keep the page waiting.
            guard building.try() else {
                return "<p class=\"muted\">Sơ đồ đang được dựng từ chỉ mục; tải lại trang sau ít giây.</p>"
            }
            building.unlock()
        }
        _ = try? graph(queries)  // built again when the index changed, which drops the drawings
        if let drawing = state.withLock({ $0?.drawings[key] }) { return drawing }
        let html = Self.render(try? around(symbol, depth: 1, direction: .both, queries: queries))
        state.withLock { entry in
            if (entry?.drawings.count ?? 0) > 2000 { entry?.drawings = [:] }
            entry?.drawings[key] = html
        }
        return html
    }

    /// The most nodes drawn as a picture; larger neighbourhoods are listed.
    static let maximumDrawnNodes = 80

    static func render(_ graph: CitationGraph?) -> String {
        guard let graph, graph.nodes.count > 1 else { return "<p class=\"muted\">Không có văn bản liên quan trong chỉ mục.</p>" }
        let kinds = Set(graph.edges.map(\.kind)).sorted()
        let legend = "<p class=\"legend\"><strong>Chú giải sơ đồ:</strong> mũi tên từ văn bản (hoặc thủ tục) đến văn bản nó dựa vào; quan hệ: "
            + kinds.map { HTML.escape(HTML.relationText[$0.rawValue] ?? $0.rawValue) + " (" + $0.rawValue + ")" }.joined(separator: ", ") + ".</p>"
        if graph.nodes.count <= maximumDrawnNodes, let svg = try? GraphExport.render(graph, as: "svg", timeout: 5) {
            return "<figure class=\"graph\"><img alt=\"Sơ đồ văn bản liên quan\" src=\"data:image/svg+xml;base64,"
                + Data(svg).base64EncodedString() + "\"></figure>" + legend
        }
        var out = "<ul class=\"graph-list\">"
        for edge in graph.edges {
            let from = graph.nodes[edge.from], to = graph.nodes[edge.to]
            out += "<li>\(HTML.escape(from.label ?? from.id)) → \(HTML.escape(HTML.relationText[edge.kind.rawValue] ?? edge.kind.rawValue)) → "
                + "\(HTML.escape(to.label ?? to.id))</li>"
        }
        return out + "</ul>" + legend
    }

    /// The neighbourhood of `symbol` as `cancu graph --db --around SYMBOL --depth N --direction D`
    /// gives it.
    package func around(_ symbol: String, depth: Int, direction: GraphFilter.Direction,
                        queries: IndexQueries) throws -> CitationGraph {
        var filter = GraphFilter()
        filter.around = [symbol]
        filter.depth = depth
        filter.direction = direction
        return try filter.apply(to: try graph(queries))
    }
}
