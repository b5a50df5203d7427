import Foundation
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

@Suite("Dictionaries")
struct LexiconTests {
    @Test("Every built-in dictionary parses and has rows", arguments: [
        "document-types.tsv", "type-names.tsv", "issuers.tsv", "relation-cues.tsv", "not-citation-cues.tsv",
        "sentence-abbreviations.tsv", "tone-placement.tsv", "symbol-repairs.tsv", "provinces.tsv",
        "succession.tsv", "documents.tsv", "title-openers.tsv",
    ])
    func builtIn(name: String) throws {
        let table = try #require(Lexicon.builtIn.table(name))
        #expect(!table.rows.isEmpty)
        #expect(table.origins.first?.hasPrefix("dictionaries/\(name):") == true)
    }

    @Test("The registry lists several replacing, amending or repealing documents with '|', each a symbol")
    func registryRelationLists() {
        for row in Lexicon.builtIn.rows("documents.tsv") {
            for column in ["replaced_by", "amended_by", "repealed_by"] {
                for symbol in row.values(column) {
                    #expect(!symbol.contains(";") && !symbol.contains(",") && !symbol.contains(" ") && symbol.contains("/"),
                            "\(row["symbol"]) \(column): \(symbol)")
                }
            }
        }
    }

    @Test("Dictionary values read by column name")
    func columns() {
        let nd = Lexicon.builtIn.rows("document-types.tsv").first { $0["abbreviation"] == "NĐ" }
        #expect(nd?["name"] == "Nghị định")
        #expect(nd?.values("aliases").contains("ND") == true)
    }

    @Test("A user's --dictionaries folder adds rows without rebuilding")
    func userDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-dict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# extra\nabbreviation\tname\nBTEST\tBộ Thử nghiệm\n".write(to: dir.appendingPathComponent("issuers.tsv"), atomically: true, encoding: .utf8)
        let lexicon = try Lexicon.load(userDirectory: dir.path)
        let rows = lexicon.rows("issuers.tsv")
        #expect(rows.count == Lexicon.builtIn.rows("issuers.tsv").count + 1)
        #expect(rows.last?["name"] == "Bộ Thử nghiệm")
        #expect(lexicon.table("issuers.tsv")?.origins.last?.hasSuffix("issuers.tsv:3") == true)
    }

    @Test("A malformed user dictionary is a clear error naming the file and line")
    func malformed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-dict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "old\tnew\na\tb\tc\n".write(to: dir.appendingPathComponent("tone-placement.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: DictionaryTable.FormatError.self) { try Lexicon.load(userDirectory: dir.path) }
    }
}
