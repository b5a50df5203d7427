import CanCu
import Foundation
import Synchronization

/// A few read-only connections to the index, taken in turn, so that requests do not all wait on
/// one. Each connection is opened read-only (GRDB `readonly`); the index is in WAL mode, so
/// `cancu index` can write while they read, and each read sees the last committed state.
package final class QueryPool: Sendable {
    let all: [IndexQueries]
    private let next = Atomic<Int>(0)
    /// The index file.
    package let path: String
    package let lexicon: Lexicon
    package let asOf: String?

    package init(path: String, lexicon: Lexicon, asOf: String? = nil, size: Int = 2) throws(IndexError) {
        var all: [IndexQueries] = []
        for _ in 0..<max(1, size) {
            all.append(IndexQueries(index: try DocumentIndex.openForReading(path: path), lexicon: lexicon, asOf: asOf))
        }
        self.all = all
        self.path = path
        self.lexicon = lexicon
        self.asOf = asOf
    }

    /// The next connection's queries.
    package var queries: IndexQueries {
        let n = next.add(1, ordering: .relaxed).oldValue
        return all[abs(n) % all.count]
    }
}
