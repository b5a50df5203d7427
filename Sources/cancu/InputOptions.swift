import ArgumentParser
import CanCu

/// Options shared by the commands that read documents.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Files or folders to read (folders recursively); - for standard input.", valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: ArgumentHelp("A folder of extra .tsv dictionaries (added to the built-in ones).", valueName: "dir"))
    var dictionaries: String?

    @Option(name: .long, help: ArgumentHelp(
        "Read plain text (and HTML, Word text) in this encoding instead of detecting it: utf-8, tcvn3 (ABC), vni, viscii, cp1258.",
        valueName: "name"))
    var encoding: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or folder (or - for standard input).") }
        if let encoding, InputEncoding(name: encoding) == nil {
            throw ValidationError("--encoding: unknown encoding '\(encoding)'; use one of \(InputEncoding.names.joined(separator: ", ")).")
        }
    }

    /// The encoding forced with `--encoding`, or nil to detect it.
    var forcedEncoding: InputEncoding? { encoding.flatMap { InputEncoding(name: $0) } }

    /// The inputs: files as given, folders expanded to the documents below them (text, HTML,
    /// Word, PDF).
    var documents: [String] { DocumentReader.expand(paths, extensions: DocumentReader.documentExtensions) }

    /// Reads one input with the forced encoding, if any.
    func read(_ path: String) -> Result<SourceDocument, InputError> {
        DocumentReader.read(path, encoding: forcedEncoding)
    }

    /// The built-in dictionaries plus the user's.
    func lexicon() throws -> Lexicon {
        do { return try Lexicon.load(userDirectory: dictionaries) } catch {
            throw ValidationError("\(error)")
        }
    }
}
