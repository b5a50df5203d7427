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

/// The index over the real documents of `../shared/corpus`: Gazette headers, the legal basis of
/// every portal record against the gold file, and folded name search.
@Suite("Index on the shared corpus")
struct IndexCorpusTests {
    /// An index of `paths` in a temporary folder (removed by the caller), and its queries.
    static func indexed(_ paths: [String], name: String) async throws -> (URL, IndexQueries) {
        let dir = try IndexTestSupport.temporaryFolder(name)
        let db = dir.appendingPathComponent("i.sqlite").path
        let report = try await Indexer(lexicon: .builtIn).run(paths, into: try DocumentIndex.create(path: db))
        #expect(report.failures.isEmpty, "\(report.failures)")
        return (dir, IndexQueries(index: try DocumentIndex.openForReading(path: db), lexicon: .builtIn))
    }

    @Test("every congbao document: symbol and type through the index, as its file name and metadata.jsonl say", .enabled(if: SharedCorpus.has("congbao/metadata.jsonl"), SharedCorpus.missing("congbao/metadata.jsonl")))
    func congbaoHeaders() async throws {
        let folder = try SharedCorpus.require("congbao")
        let (dir, queries) = try await Self.indexed([folder.path], name: "congbao")
        defer { try? FileManager.default.removeItem(at: dir) }
        let metadata = try String(contentsOf: folder.appendingPathComponent("metadata.jsonl"), encoding: .utf8)
        let documents = try queries.documents()
        #expect(documents.count == 24)
        var checked = 0
        for line in metadata.split(separator: "\n") {
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let file = record["file"] as? String ?? ""
            let typeSlug = record["doc_type_slug"] as? String ?? ""
            let stem = file.replacingOccurrences(of: ".txt", with: "")
            let symbolSlug = stem.components(separatedBy: "-so-").dropFirst().joined(separator: "-so-")
                .split(separator: "-").dropLast().joined(separator: "-")
            guard let document = documents.first(where: { $0.path.hasSuffix("/" + file) }) else {
                Issue.record("\(file) is not in the index")
                continue
            }
            #expect(document.symbol.map(DocumentHeaderTests.slug) == symbolSlug, "\(file): symbol \(document.symbol ?? "nil")")
            #expect(document.type.map(DocumentHeaderTests.slug) == typeSlug, "\(file): type \(document.type ?? "nil")")
            #expect(document.issued != nil && document.title != nil && document.issuer != nil, "\(file)")
            // And `show` finds it by its symbol.
            if let symbol = document.symbol {
                #expect(try queries.show(symbol)?.documents.contains { $0.path == document.path } == true, "\(file): show \(symbol)")
            }
            checked += 1
        }
        #expect(checked == 24)
    }

    @Test("basis by code returns exactly the gold legal basis of every portal record", .enabled(if: SharedCorpus.has("procedures/dichvucong.jsonl"), SharedCorpus.missing("procedures/dichvucong.jsonl")))
    func goldBasis() async throws {
        let records = try SharedCorpus.require("procedures/dichvucong.jsonl")
        let (dir, queries) = try await Self.indexed([records.path], name: "gold")
        defer { try? FileManager.default.removeItem(at: dir) }
        let gold = try String(contentsOf: SharedCorpus.repositoryRoot.appendingPathComponent("Tests/Gold/dichvucong-basis.tsv"), encoding: .utf8)
        var expected: [String: Set<String>] = [:]
        var codes: [String] = []
        for line in gold.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("# empty: ") { let code = String(line.dropFirst(9)); expected[code] = []; codes.append(code); continue }
            if line.hasPrefix("#") || line.hasPrefix("ma_thu_tuc\t") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 6, !cells[5].hasPrefix("title-mention") else { continue }
            if expected[cells[0]] == nil { codes.append(cells[0]) }
            // A name-only row is matched on its name.
            // The gold keeps the official slash variant "TTLT/"; canonical symbols write "TTLT-"
            // (Tests/Gold/README.md says to map it before comparing).
            let symbol = cells[1].replacingOccurrences(of: "TTLT/", with: "TTLT-")
            expected[cells[0], default: []].insert(cells[1].isEmpty ? "name:" + Folding.fold(cells[3]) : Registry.key(symbol))
        }
        #expect(codes.count == 61)
        var exact = 0
        for code in codes {
            let match = try queries.basis(code).first
            #expect(match?.procedure.code == code && match?.score == 1.0, "\(code)")
            let found = Set((match?.basis ?? []).map { entry in
                entry.facts.symbol.map(Registry.key) ?? "name:" + Folding.fold(entry.name ?? "")
            })
            #expect(found == expected[code], "\(code): extra \(found.subtracting(expected[code] ?? [])), missing \((expected[code] ?? []).subtracting(found))")
            if found == expected[code] { exact += 1 }
        }
        print("gold basis: \(exact) of \(codes.count) records exact")
        #expect(exact == codes.count)
    }

    @Test("analyze's summary: the most cited documents by symbol or name, titled from the registry or a record's row", .enabled(if: SharedCorpus.has("congbao", "procedures/dichvucong.jsonl"), SharedCorpus.missing("congbao", "procedures/dichvucong.jsonl")))
    func summaryMostCited() async throws {
        let congbao = try SharedCorpus.require("congbao"), records = try SharedCorpus.require("procedures/dichvucong.jsonl")
        let (dir, queries) = try await Self.indexed([congbao.path, records.path], name: "summary")
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = try queries.summary(top: 60)
        #expect(summary.mostCited.count == 60)
        // No entry is shown by its internal key ("n:luat viec lam|").
        #expect(summary.mostCited.allSatisfy { $0.facts.symbol != nil || $0.name != nil })
        let byName = summary.mostCited.filter { $0.facts.symbol == nil }.compactMap(\.name)
        #expect(!byName.isEmpty, "no document cited by name among the 60 most cited")
        let fromRow = try #require(summary.mostCited.first { $0.facts.symbol == "03/2024/TT-BTP" })
        #expect(fromRow.facts.registry?.title == nil)
        #expect(fromRow.facts.title == "Sửa đổi, bổ sung 08 thông tư liên quan đến thủ tục hành chính trong lĩnh vực bổ trợ tư pháp")
        // Wide enough that no name wraps inside its table cell ("Luật Thuế giá trị / gia tăng").
        var wide = TerminalStyle.plain
        wide.width = 1000
        let text = QueryView.text(summary, style: wide)
        #expect(!text.contains("\n  n:") && byName.allSatisfy { text.contains($0) }, "\(byName.filter { !text.contains($0) })")
    }

    @Test("folded search: \"cap doi the can cuoc\" finds \"Cấp đổi thẻ căn cước\"", .enabled(if: SharedCorpus.has("procedures/dichvucong.jsonl"), SharedCorpus.missing("procedures/dichvucong.jsonl")))
    func foldedSearch() async throws {
        let records = try SharedCorpus.require("procedures/dichvucong.jsonl")
        let (dir, queries) = try await Self.indexed([records.path], name: "fts")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try queries.basis("cap doi the can cuoc")
        #expect(plain.first?.procedure.name.hasPrefix("Cấp đổi thẻ căn cước") == true)
        let accented = try queries.basis("Cấp đổi thẻ căn cước")
        #expect(accented.map(\.procedure.id) == plain.map(\.procedure.id))
        #expect(try queries.basis("1.000889").first?.procedure.name == "Cấp đổi thẻ căn cước (thực hiện tại cấp trung ương)")
        // Procedures the records do not hold: no unrelated procedure with a low score.
        for absent in ["ho chieu", "đăng ký kết hôn"] {
            #expect(try queries.basis(absent).isEmpty, "\(absent)")
        }
    }
}
