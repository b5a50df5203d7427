import CanCuModel
import CanCuText
import Foundation
import Synchronization

/// All the data the pipeline reads from `dictionaries/`: document types, issuers, relation cues,
/// the registry of known documents, the 2025 succession of bodies, and normalisation tables.
///
/// The files are compiled into the library, so `cancu` works from any folder; a user adds rows or
/// whole files with `--dictionaries DIR` (rows of a file with the same name are appended, and a
/// later row with the same key overrides an earlier one where the consumer keys by it).
///
/// ```swift
/// let lexicon = try Lexicon.load(userDirectory: "my-dictionaries")
/// lexicon.table("issuers.tsv")?.rows.count
/// ```
public struct Lexicon: Sendable {
    package private(set) var tables: [String: DictionaryTable]
    /// A hash of every dictionary's text (built-in and the user's): an index made with other
    /// dictionaries is read again (`Indexer`).
    public private(set) var fingerprint = ""
    /// The registry of known documents (`documents.tsv`), built on first use and shared by every
    /// copy of this lexicon.
    private var lazyRegistry = LazyRegistry()

    /// The built-in dictionaries.
    public static let builtIn: Lexicon = {
        do {
            return try Lexicon(files: EmbeddedDictionaries.files, userDirectory: nil)
        } catch {
            fatalError("the built-in dictionaries do not parse: \(error)")
        }
    }()

    /// The built-in dictionaries plus those of `userDirectory` (every `*.tsv` in it).
    public static func load(userDirectory: String?) throws -> Lexicon {
        guard let userDirectory else { return builtIn }
        let lexicon = try Lexicon(files: EmbeddedDictionaries.files, userDirectory: userDirectory)
        try lexicon.rules.validate()
        return lexicon
    }

    init(files: [String: String], userDirectory: String?) throws {
        tables = [:]
        var contents: [UInt8] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            tables[name] = try DictionaryTable(name: name, text: text)
            contents += Array(name.utf8) + [0] + Array(text.utf8) + [0]
        }
        defer { fingerprint = ContentHash.hex(of: contents) }
        guard let userDirectory else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: userDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DictionaryTable.FormatError(description: "--dictionaries: '\(userDirectory)' is not a folder")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: userDirectory)
            .filter { $0.hasSuffix(".tsv") }.sorted()
        for name in names {
            let path = (userDirectory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DictionaryTable.FormatError(description: "\(path): cannot be read")
            }
            let text = String(decoding: data, as: UTF8.self)
            contents += Array(path.utf8) + [0] + Array(text.utf8) + [0]
            if tables[name] != nil {
                try tables[name]!.append(text: text, origin: path)
            } else {
                tables[name] = try DictionaryTable(name: name, text: text, origin: path)
            }
        }
    }

    /// The registry of known documents (`documents.tsv`): parsed once per lexicon, on first use.
    public var registry: Registry {
        lazyRegistry.value { Registry(table: table("documents.tsv")) }
    }

    /// This lexicon with `imported` registry records laid over its registry
    /// (`Registry.overlaid(with:)`): what `cancu registry import` stored in an index. The
    /// fingerprint changes with them, so an index re-reads its files after an import.
    public func with(imported: [DocumentRecord]) -> Lexicon {
        guard !imported.isEmpty else { return self }
        var copy = self
        let overlaid = registry.overlaid(with: imported)
        copy.lazyRegistry = LazyRegistry()
        _ = copy.lazyRegistry.value { overlaid }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var contents = Array(fingerprint.utf8)
        for record in imported {
            contents += ((try? encoder.encode(record)).map { Array($0) } ?? Array(record.symbol.utf8)) + [0]
        }
        copy.fingerprint = ContentHash.hex(of: contents)
        return copy
    }

    /// Whether this is exactly the built-in dictionaries: the same text in every file (a user's
    /// folder that adds or overrides anything, wherever it is, makes another fingerprint).
    public var isBuiltIn: Bool { fingerprint == Lexicon.builtIn.fingerprint }

    /// The table of a file, e.g. `table("issuers.tsv")`.
    package func table(_ name: String) -> DictionaryTable? { tables[name] }

    /// The rows of a file (empty when the file is absent).
    package func rows(_ name: String) -> [DictionaryTable.Row] { tables[name]?.rows ?? [] }
}

/// A `Registry` built once, on first use, safely from any thread.
final class LazyRegistry: Sendable {
    private let registry = Mutex<Registry?>(nil)

    func value(_ build: () -> Registry) -> Registry {
        registry.withLock { registry in
            if let registry { return registry }
            let built = build()
            registry = built
            return built
        }
    }
}
