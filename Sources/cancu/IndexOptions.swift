import ArgumentParser
import CanCu

/// Options shared by the commands that use the index.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index file.", valueName: "file"))
    var db: String = "cancu.sqlite"

    @Option(name: .long, help: ArgumentHelp("A folder of extra .tsv dictionaries (added to the built-in ones).", valueName: "dir"))
    var dictionaries: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "The date documents' status flags and review findings are judged by: dd/mm/yyyy or yyyy-mm-dd (default today).", valueName: "date"))
    var asOf: String?

    @Option(name: .customLong("lock-timeout"), help: ArgumentHelp(
        "Writing: seconds to wait while another cancu process writes the same index.", valueName: "seconds"))
    var lockTimeout: Double = DocumentIndex.defaultLockTimeout

    func validate() throws {
        if lockTimeout < 0 { throw ValidationError("--lock-timeout must be 0 or more.") }
        if let asOf, AsOfDate.iso(asOf) == nil { throw ValidationError(AsOfDate.refusal(asOf)) }
    }

    /// The built-in dictionaries plus the user's.
    func lexicon() throws -> Lexicon {
        do { return try ImportedRegistry.lexicon(userDirectory: dictionaries, indexPath: db) } catch {
            throw ValidationError("\(error)")
        }
    }

    /// Queries over the existing index (a clear message and exit 1 when it is missing or from another version).
    func queries() throws -> IndexQueries {
        do {
            return IndexQueries(index: try DocumentIndex.openForReading(path: db), lexicon: try lexicon(), asOf: asOf.flatMap(AsOfDate.iso))
        } catch let error as IndexError {
            Console.error("cancu: \(error)")
            throw ExitStatus.inputFailed
        }
    }
}

/// Output formats of the query commands.
enum QueryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Runs an index or query step, turning an index error into its message and exit status 1.
func reportingIndexErrors<T>(_ body: () throws(IndexError) -> T) throws -> T {
    do { return try body() } catch {
        Console.error("cancu: \(error)")
        throw ExitStatus.inputFailed
    }
}

/// `reportingIndexErrors` for an asynchronous step (indexing).
func reportingIndexErrorsAsync<T>(_ body: () async throws(IndexError) -> T) async throws -> T {
    do { return try await body() } catch {
        Console.error("cancu: \(error)")
        throw ExitStatus.inputFailed
    }
}
