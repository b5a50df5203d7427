import Foundation

/// The real documents of `../shared/corpus`, read in place (never copied into the repository).
/// On a machine without that folder (a user's), tests that need it skip with a printed notice.
enum SharedCorpus {
    /// The repository root (two levels above this file's folder).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/corpus`, or nil when absent.
    static let root: URL? = {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue ? url : nil
    }()

    /// A folder or file under the shared corpus, or nil (after printing why) when it is absent.
    static func path(_ relative: String) -> URL? {
        guard let root else {
            print("SKIP: ../shared/corpus is absent on this machine; real-corpus test of \(relative) not run")
            return nil
        }
        let url = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("SKIP: ../shared/corpus/\(relative) is absent; test not run")
            return nil
        }
        return url
    }

    /// The files with extension `ext` in a folder of the shared corpus, sorted.
    static func files(in folder: String, extension ext: String = "txt") -> [URL] {
        guard let url = path(folder) else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { url.appendingPathComponent($0) }
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
