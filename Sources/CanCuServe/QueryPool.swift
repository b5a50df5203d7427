import CanCu
import Foundation
import Synchronization

/// A few read-only connections to the index, each served by a thread of its own that takes
/// queries first come, first served. A fixed number of threads, each with its own connection,
/// keeps latency even under load: a thread per request made dozens of threads wait on two
/// connections and share two cores, so some requests waited far longer than others.
/// Each connection is opened read-only (GRDB `readonly`); the index is in WAL mode, so
/// `cancu index` can write while they read, and each read sees the last committed state.
package final class QueryPool: Sendable {
    let all: [IndexQueries]
    private let next = Atomic<Int>(0)
    private let lane: Lane
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
        lane = Lane()
        for queries in all {
            let lane = self.lane
            let thread = Thread { lane.serve(queries) }
            thread.name = "cancu-query"
            thread.start()
        }
    }

    deinit { lane.close(threads: all.count) }

    /// The next connection's queries (for work that does not go through `run`).
    package var queries: IndexQueries {
        let n = next.add(1, ordering: .relaxed).oldValue
        return all[abs(n) % all.count]
    }

    /// Runs `job` on the next free connection's thread, after the jobs queued before it.
    package func run(_ job: @escaping @Sendable (IndexQueries) -> Void) {
        lane.push(job)
    }

    /// The queue of jobs the connection threads take from.
    final class Lane: Sendable {
        typealias Job = @Sendable (IndexQueries) -> Void
        private struct Queue {
            var jobs: [Job?] = []
            var head = 0
        }
        private let queue = Mutex(Queue())
        private let waiting = DispatchSemaphore(value: 0)

        func push(_ job: Job?) {
            queue.withLock { $0.jobs.append(job) }
            waiting.signal()
        }

        /// Ends `threads` serving threads once the jobs queued before have run.
        func close(threads: Int) {
            for _ in 0..<threads { push(nil) }
        }

        private func pop() -> Job? {
            queue.withLock { queue in
                let job = queue.jobs[queue.head]
                queue.jobs[queue.head] = nil
                queue.head += 1
                if queue.head > 1024, queue.head * 2 > queue.jobs.count {
                    queue.jobs.removeFirst(queue.head)
                    queue.head = 0
                }
                return job
            }
        }

        func serve(_ queries: IndexQueries) {
            while true {
                waiting.wait()
                guard let job = pop() else { return }
                job(queries)
            }
        }
    }
}
