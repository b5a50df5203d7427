import ArgumentParser
import CanCu

/// Options shared by the commands that read documents.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Files or folders to read (folders recursively); - for standard input.", valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: ArgumentHelp("A folder of extra .tsv dictionaries (added to the built-in ones).", valueName: "dir"))
    var dictionaries: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or folder (or - for standard input).") }
    }

    /// The built-in dictionaries plus the user's.
    func lexicon() throws -> Lexicon {
        do { return try Lexicon.load(userDirectory: dictionaries) } catch {
            throw ValidationError("\(error)")
        }
    }
}
