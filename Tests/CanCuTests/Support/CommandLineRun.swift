import Foundation
import Testing

/// Runs the built `cancu` (found as `IndexKillTests.cancu` finds it) in a folder of its own, with its
/// output sent to files (no pipe can fill and block it).
struct CommandLineRun {
    var status: Int32
    var output: Data
    var error: String
    var text: String { String(decoding: output, as: UTF8.self) }
    var lines: [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0).map { $0 } }

    /// `cancu ARGUMENTS` with `folder` as the current directory; `standardOutput` names a file to
    /// write standard output to instead (`/dev/full`), `output` is then empty.
    /// `through` is a command that runs cancu (`["/usr/bin/setpriv", "--reuid=65534", …]`).
    /// `environment` changes the inherited variables (an empty value removes one).
    static func cancu(_ arguments: [String], in folder: URL, standardOutput: String? = nil, through: [String] = [],
                      environment: [String: String] = [:],
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandLineRun {
        let executable = try #require(IndexKillTests.cancu, "build the command first (swift build): no cancu executable next to the tests",
                                      sourceLocation: sourceLocation)
        let token = UUID().uuidString
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-out-\(token)")
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-err-\(token)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: standardOutput.map { URL(fileURLWithPath: $0) } ?? outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        if let wrapper = through.first {
            process.executableURL = URL(fileURLWithPath: wrapper)
            process.arguments = through.dropFirst() + [executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        if !environment.isEmpty {
            var variables = ProcessInfo.processInfo.environment
            for (name, value) in environment { variables[name] = value.isEmpty ? nil : value }
            process.environment = variables
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CommandLineRun(status: process.terminationStatus,
                              output: try Data(contentsOf: outURL),
                              error: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// Regression snapshots of the tool's own output under `Tests/Snapshots/` (not gold: see the README
/// there). `CANCU_UPDATE_SNAPSHOTS=1 swift test --filter …` rewrites them.
enum Snapshot {
    static let folder = SharedCorpus.repositoryRoot.appendingPathComponent("Tests/Snapshots")
    static var updating: Bool { ProcessInfo.processInfo.environment["CANCU_UPDATE_SNAPSHOTS"] == "1" }

    /// Compares `data` byte for byte with the snapshot `name`, or rewrites it when updating.
    static func expect(_ data: Data, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if FileManager.default.contents(atPath: url.path) != data { try data.write(to: url) }
            return
        }
        guard let stored = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no snapshot Tests/Snapshots/\(name): run CANCU_UPDATE_SNAPSHOTS=1 swift test to write it", sourceLocation: sourceLocation)
            return
        }
        guard stored != data else { return }
        let old = String(decoding: stored, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let new = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        func show(_ lines: [Substring]) -> String { line < lines.count ? String(lines[line].prefix(400)) : "(none)" }
        Issue.record("""
            output differs from Tests/Snapshots/\(name) (\(stored.count) → \(data.count) bytes) at line \(line + 1):
              snapshot: \(show(old))
              now:      \(show(new))
            If the change is intended, rewrite the snapshots with CANCU_UPDATE_SNAPSHOTS=1 swift test and review the diff.
            """, sourceLocation: sourceLocation)
    }
}
