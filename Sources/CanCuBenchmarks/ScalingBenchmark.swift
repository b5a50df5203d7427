import CanCuModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole-process scaling of the commands that read documents: inputs of growing size made by
/// repeating real texts, in two shapes (ordinary lines, and the same text on one long line), each
/// run as a child process whose wall time, CPU time and peak memory are taken from the kernel.
/// Linear time shows as a CPU time per MB that does not grow with the size.
package struct ScalingBenchmark: Sendable {
    /// How the input's lines are laid out.
    package enum Shape: String, Sendable, CaseIterable {
        /// The texts as they are (Gazette lines).
        case lines
        /// The same bytes with every line break turned into a space: one line.
        case line
    }

    /// One child run.
    package struct Run: Sendable {
        package var command: String
        package var shape: Shape
        package var bytes: Int
        package var status: Int32
        /// Wall-clock seconds.
        package var wall: Double
        /// User plus system CPU seconds of the child.
        package var cpu: Double
        /// Peak resident memory of the child, in bytes.
        package var peakBytes: Int

        package var megabytes: Double { Double(bytes) / 1e6 }
        package var cpuPerMB: Double { cpu / megabytes }
    }

    /// The texts repeated to make the inputs.
    package var sources: [[UInt8]]
    /// The folder for inputs and indexes (must exist).
    package var work: String

    package init(sources: [[UInt8]], work: String) {
        self.sources = sources
        self.work = work
    }

    /// Writes an input of `megabytes` MB in `shape` (cut at the end of a line, or at a character
    /// boundary when a single text is larger) and returns its path. Written text by text, so this
    /// process stays small: a child's peak memory as the kernel reports it starts from its parent's.
    package func makeInput(megabytes: Int, shape: Shape) throws -> String {
        let target = megabytes * 1_000_000
        let path = "\(work)/\(shape.rawValue)-\(megabytes)MB.txt"
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var written = 0
        func write(_ bytes: ArraySlice<UInt8>) throws {
            var chunk = Array(bytes)
            if shape == .line {
                for i in chunk.indices where chunk[i] == 0x0A || chunk[i] == 0x0D { chunk[i] = 0x20 }
            }
            try handle.write(contentsOf: chunk)
            written += chunk.count
        }
        let texts = sources.filter { !$0.isEmpty }.map { $0.last == 0x0A ? $0 : $0 + [0x0A] }
        guard !texts.isEmpty else { return path }
        outer: while written < target {
            for text in texts {
                let room = target - written
                if text.count <= room {
                    try write(text[...])
                    continue
                }
                // The last whole line that fits; a text with none is left out, unless nothing was
                // written yet, when it is cut at a character boundary.
                var cut = room
                while cut > 0, text[cut - 1] != 0x0A { cut -= 1 }
                if cut == 0, written == 0 {
                    cut = room
                    while cut > 0, text[cut] & 0xC0 == 0x80 { cut -= 1 }
                }
                try write(text[..<cut])
                break outer
            }
        }
        return path
    }

    /// Runs `executable` with `arguments`, standard output to /dev/null, standard error to a file
    /// in the work folder, and measures it.
    package func measure(executable: String, arguments: [String], command: String, shape: Shape, bytes: Int) throws -> Run {
        let errPath = "\(work)/stderr.txt"
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EINVAL) }
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        // WIFEXITED/WEXITSTATUS are macros: the low 7 bits are the signal, bits 8–15 the status.
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Run(command: command, shape: shape, bytes: bytes, status: exit,
                   wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
                   peakBytes: Int(usage.ru_maxrss) * 1024)
    }

    /// The largest ratio of CPU time per MB between any size and the smallest, per command and shape.
    package static func growth(_ runs: [Run]) -> [(command: String, shape: Shape, ratio: Double)] {
        var result: [(command: String, shape: Shape, ratio: Double)] = []
        var seen = Set<String>()
        for run in runs where seen.insert("\(run.command)/\(run.shape.rawValue)").inserted {
            let group = runs.filter { $0.command == run.command && $0.shape == run.shape && $0.status == 0 }
            guard let smallest = group.min(by: { $0.bytes < $1.bytes }), smallest.cpuPerMB > 0 else { continue }
            let ratio = group.map { $0.cpuPerMB / smallest.cpuPerMB }.max() ?? 1
            result.append((run.command, run.shape, ratio))
        }
        return result
    }
}
