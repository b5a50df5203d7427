import Foundation
import GRDB
import Testing
@testable import CanCu
@testable import CanCuModel
@testable import CanCuText
@testable import CanCuLexicon
@testable import CanCuInput
@testable import CanCuExtract
@testable import CanCuReview
@testable import CanCuIndex
@testable import CanCuGraph
@testable import CanCuViews
@testable import CanCuBenchmarks

/// `--dictionaries DIR` with a relative path: the user's rows are used by `extract` and `index`
/// (a relative folder named `dictionaries` was once taken for the built-in dictionaries).
@Suite("--dictionaries")
struct DictionariesOptionTests {
    /// A made-up document type (PTN, "Phiếu thử nghiệm") and issuer (BTN, "Bộ Thử nghiệm").
    static let symbol = "12/2025/PTN-BTN"
    static let text = """
        Căn cứ văn bản số 12/2025/PTN-BTN ngày 01/02/2025 của Bộ Thử nghiệm;

        Điều 1. Thực hiện theo văn bản nêu trên.
        """

    /// A working folder holding `t.txt` and the user's folder `name` (relative to it).
    static func workingFolder(dictionaries name: String, extraTables: [String: String] = [:]) throws -> URL {
        let dir = try IndexTestSupport.temporaryFolder("dictionaries-option")
        try text.write(to: dir.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
        let user = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        try "# a made-up type\nabbreviation\tname\nPTN\tPhiếu thử nghiệm\n"
            .write(to: user.appendingPathComponent("document-types.tsv"), atomically: true, encoding: .utf8)
        try "# a made-up issuer\nabbreviation\tname\nBTN\tBộ Thử nghiệm\n"
            .write(to: user.appendingPathComponent("issuers.tsv"), atomically: true, encoding: .utf8)
        for (file, contents) in extraTables {
            try contents.write(to: user.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// Runs the built `cancu` in `folder`; exit status, standard output and standard error.
    static func cancu(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String, error: String) {
        let executable = try #require(IndexKillTests.cancu, "build the command first (swift build)")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = folder.appendingPathComponent("stdout-\(UUID().uuidString)"), err = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    @Test("extract with --dictionaries dictionaries (relative) finds the user's type and issuer", arguments: ["dictionaries", "my-dictionaries"])
    func extractRelative(_ name: String) throws {
        let dir = try Self.workingFolder(dictionaries: name)
        defer { try? FileManager.default.removeItem(at: dir) }
        let without = try Self.cancu(["extract", "t.txt", "--format", "json"], in: dir)
        #expect(without.status == 0)
        #expect(!without.output.contains("\"symbol\":\"\(Self.symbol)\""))
        let with = try Self.cancu(["extract", "t.txt", "--format", "json", "--dictionaries", name], in: dir)
        #expect(with.status == 0, "\(with.error)")
        #expect(with.output.contains("\"symbol\":\"\(Self.symbol)\""))
        #expect(with.output.contains("Phiếu thử nghiệm"))
    }

    @Test("index with --dictionaries dictionaries (relative) stores the user's citation")
    func indexRelative() throws {
        let dir = try Self.workingFolder(dictionaries: "dictionaries")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Self.cancu(["index", "t.txt", "--db", "i.sqlite", "--dictionaries", "dictionaries"], in: dir)
        #expect(run.status == 0, "\(run.error)")
        let queue = try DatabaseQueue(path: dir.appendingPathComponent("i.sqlite").path)
        let symbols = try queue.read { db in try String.fetchAll(db, sql: "SELECT symbol FROM citations WHERE symbol IS NOT NULL") }
        #expect(symbols.contains(Self.symbol))
    }

    @Test("a lexicon is the built-in one only when its content is")
    func builtInIdentity() throws {
        #expect(Lexicon.builtIn.isBuiltIn)
        #expect(try Lexicon.load(userDirectory: nil).isBuiltIn)
        let dir = try Self.workingFolder(dictionaries: "dictionaries")
        defer { try? FileManager.default.removeItem(at: dir) }
        let user = try Lexicon.load(userDirectory: dir.appendingPathComponent("dictionaries").path)
        #expect(!user.isBuiltIn)
        let extractor = CitationExtractor.shared(for: user)
        #expect(extractor.tables.typeName(ofToken: "PTN") == "Phiếu thử nghiệm")
        // An empty folder adds nothing: the built-in extractor serves it.
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(try Lexicon.load(userDirectory: empty.path).isBuiltIn)
    }
}
