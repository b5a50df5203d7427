import Foundation
import Testing

/// The real documents of `../shared/corpus`, read in place (never copied into the repository).
///
/// The environment variable `CANCU_CORPUS`, when set, names another corpus folder and replaces
/// `../shared/corpus` (`CANCU_CORPUS=/nonexistent swift test` runs the suite as on a machine without
/// it). Tests that need the corpus say so with a trait, so that they show as skipped, not passed:
///
///     @Test("…", .enabled(if: SharedCorpus.has("congbao"), SharedCorpus.missing("congbao")))
///     func congbao() throws {
///         let folder = try SharedCorpus.require("congbao")
///
/// Inside the test, `require` and `requireFiles` fail the test (never return silently) when the
/// corpus changed under it.
enum SharedCorpus {
    /// The repository root (two levels above this file's folder).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where the corpus is looked for: `$CANCU_CORPUS` when set and not empty, else `../shared/corpus`.
    static let location: URL = {
        if let override = ProcessInfo.processInfo.environment["CANCU_CORPUS"], !override.isEmpty {
            return URL(fileURLWithPath: override, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }()

    /// The corpus folder, or nil when absent.
    static let root: URL? = {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: location.path, isDirectory: &isDirectory) && isDirectory.boolValue ? location : nil
    }()

    /// Whether the corpus folder exists (for `.enabled(if:)`).
    static var isAvailable: Bool { root != nil }

    /// Whether every one of `relatives` (files or folders under the corpus) exists (for `.enabled(if:)`).
    static func has(_ relatives: String...) -> Bool {
        guard let root else { return false }
        return relatives.allSatisfy { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
    }

    /// The reason shown when a test is skipped because `relatives` are absent.
    static func missing(_ relatives: String...) -> Comment {
        let what = relatives.isEmpty ? "the shared corpus" : relatives.joined(separator: ", ") + " of the shared corpus"
        return Comment(rawValue: "needs \(what), looked for in \(location.path) (CANCU_CORPUS names another folder)")
    }

    /// A folder or file under the corpus; records a failure and throws when it is absent.
    static func require(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        let root = try #require(root, "the shared corpus is absent: \(location.path)", sourceLocation: sourceLocation)
        let url = relative.isEmpty ? root : root.appendingPathComponent(relative)
        try #require(FileManager.default.fileExists(atPath: url.path), "\(url.path) is absent", sourceLocation: sourceLocation)
        return url
    }

    /// The files with extension `ext` in a folder of the corpus, sorted; empty when the folder is absent.
    static func files(in folder: String, extension ext: String = "txt") -> [URL] {
        guard let root else { return [] }
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { url.appendingPathComponent($0) }
    }

    /// The files with extension `ext` in a folder of the corpus, sorted; records a failure and throws
    /// when there are none.
    static func requireFiles(in folder: String, extension ext: String = "txt", sourceLocation: SourceLocation = #_sourceLocation) throws -> [URL] {
        let files = files(in: folder, extension: ext)
        try #require(!files.isEmpty, "no .\(ext) file in \(location.appendingPathComponent(folder).path)", sourceLocation: sourceLocation)
        return files
    }

    /// The project's own sample corpus (`corpus/` in the repository).
    static let projectCorpus: URL = repositoryRoot.appendingPathComponent("corpus")

    /// Lines of a JSON Lines file, parsed.
    static func jsonLines(_ url: URL) -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }
}
