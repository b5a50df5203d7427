import Foundation
import PackagePlugin

/// Compiles the package's `dictionaries/*.tsv` into the library as string literals, so that an
/// installed `cancu` binary needs no data files beside it.
@main
struct EmbedDictionaries: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let dictionaries = context.package.directoryURL.appending(path: "dictionaries")
        let files = (try? FileManager.default.contentsOfDirectory(
            at: dictionaries, includingPropertiesForKeys: nil))?
            .filter { $0.pathExtension == "tsv" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent } ?? []
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDictionaries.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) dictionaries",
                executable: try context.tool(named: "cancu-embed").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
