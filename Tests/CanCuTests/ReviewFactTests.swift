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

@Suite("Review: facts learned from documents and the registry import")
struct ReviewFactTests {
    static let replacing = """
        CHÍNH PHỦ
        Số: 20/2026/NĐ-CP
        Hà Nội, ngày 10 tháng 1 năm 2026

        NGHỊ ĐỊNH
        Quy định về quản lý chương trình giai đoạn 2026 - 2030

        Điều 30. Hiệu lực thi hành
        Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2026 và thay thế Nghị định số 09/2019/NĐ-CP.
        """

    static func learned() -> [DocumentFact] {
        let text = Normalizer.standard.normalize(replacing)
        let c = ReviewFixture.citation("Nghị định số 09/2019/NĐ-CP", symbol: "09/2019/NĐ-CP", type: "Nghị định", in: replacing)
        let sentence = ReviewFixture.citation("Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2026 và thay thế Nghị định số 09/2019/NĐ-CP",
                                              symbol: "x", type: "x", in: replacing).source
        // The document's own number is its header's (the header reader's, as `Extractor` gives it).
        let extraction = DocumentFacts(path: "nd-20-2026.txt", document: DocumentHeader(symbol: HeaderParser().parse(text).symbol),
                                       citations: [c], relations: [Relation(from: nil, to: 0, type: .replaces, source: sentence)])
        return FactLearner.learn(from: ReviewFixture.extractor.addingReviewFacts(extraction, text: text))
    }

    @Test("a replacing decree teaches its dates, its term and the replacement, with the sentence as evidence")
    func learn() {
        let facts = Self.learned()
        #expect(facts.contains { $0.symbol == "20/2026/NĐ-CP" && $0.kind == .issued && $0.value == "2026-01-10" })
        #expect(facts.contains { $0.symbol == "20/2026/NĐ-CP" && $0.kind == .effective && $0.value == "2026-03-01" })
        #expect(facts.contains { $0.symbol == "20/2026/NĐ-CP" && $0.kind == .termEnd && $0.value == "2030" })
        let replaced = facts.first { $0.kind == .replacedBy }
        #expect(replaced?.symbol == "09/2019/NĐ-CP")
        #expect(replaced?.value == "20/2026/NĐ-CP")
        #expect(replaced?.date == "2026-03-01")
        #expect(replaced?.sentence.hasPrefix("Nghị định này có hiệu lực") == true)
    }

    @Test("a learned replacement the registry does not know is reported with the document as evidence and the disagreement noted")
    func learnedDisagreesWithRegistry() {
        let store = LearnedFacts(Self.learned())
        let text = ReviewFixture.document(date: "15 tháng 4 năm 2026", body: "Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ;")
        let c = ReviewFixture.citation("Nghị định số 09/2019/NĐ-CP", symbol: "09/2019/NĐ-CP", type: "Nghị định", issued: "2019-01-24", in: text)
        let f = ReviewFixture.review(text, citations: [c], asOf: "2026-05-01", facts: store).first { $0.code == .docReplaced }
        #expect(f?.evidence == "nd-20-2026.txt:9", "the file and the line of the effect clause")
        #expect(f?.replacement == "20/2026/NĐ-CP")
        #expect(f?.severity == .error)
        #expect(f?.note?.contains("còn hiệu lực") == true)
        #expect(f?.note?.contains("dictionaries/documents.tsv:") == true)
    }

    @Test("header scans: date line, number (the header reader), effect clause")
    func headerScan() {
        let text = Normalizer.standard.normalize(Self.replacing)
        let header = HeaderParser()
        #expect(header.issueDate(text)?.iso == "2026-01-10")
        #expect(header.parse(text).symbol == "20/2026/NĐ-CP")
        #expect(header.effectiveDate(text, issued: nil)?.iso == "2026-03-01")
        let onSigning = Normalizer.standard.normalize("Quyết định này có hiệu lực kể từ ngày ký.")
        #expect(header.effectiveDate(onSigning, issued: "2024-05-02")?.iso == "2024-05-02")
    }

    @Test("the built registry parses and knows 09/2019/NĐ-CP issued 2019-01-24 and the imported documents")
    func registry() {
        let registry = Registry(lexicon: .builtIn)
        #expect(registry.count > 1000)
        #expect(registry.record(symbol: "09/2019/NĐ-CP")?.issued == "2019-01-24")
        #expect(registry.record(symbol: "9/2019/NĐ-CP")?.issued == "2019-01-24")
        #expect(registry.record(symbol: "61/2018/NĐ-CP")?.replacedBy == ["118/2025/NĐ-CP"])
        // Year-less symbols are told apart by the year.
        #expect(registry.record(symbol: "01/NQ-CP", year: 2021)?.issued == "2021-01-01")
        #expect(registry.record(symbol: "01/NQ-CP") == nil)
        // A row imported from the Legal Code notes (phapdien/notes-fullform.jsonl).
        #expect(registry.record(symbol: "57/2020/QH14")?.effective == "2021-01-01")
    }

    /// The shared folder the import script reads (`reference/registry` and `corpus/phapdien`): the
    /// corpus folder's parent.
    static var sharedFolder: URL? { SharedCorpus.root?.deletingLastPathComponent() }
    static var importInputsPresent: Bool {
        guard let shared = sharedFolder else { return false }
        return SharedCorpus.has("phapdien") && FileManager.default.fileExists(atPath: shared.appendingPathComponent("reference/registry").path)
    }

    @Test("the import script reruns and writes the same files (into a temporary folder, compared with the tracked ones)",
          .enabled(if: ReviewFactTests.importInputsPresent, SharedCorpus.missing("phapdien", "../reference/registry")))
    func importScript() throws {
        _ = try SharedCorpus.require("phapdien")
        let shared = try #require(Self.sharedFolder)
        let root = SharedCorpus.repositoryRoot
        let out = try IndexTestSupport.temporaryFolder("import-registry")
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/import-registry.py").path,
                             "--shared", shared.path, "--output", out.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for name in ["documents.tsv", "document-relations.tsv"] {
            let tracked = try String(contentsOf: root.appendingPathComponent("dictionaries/\(name)"), encoding: .utf8)
            let written = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(written == tracked, "dictionaries/\(name) is not what scripts/import-registry.py writes")
        }
        let after = try String(contentsOf: out.appendingPathComponent("documents.tsv"), encoding: .utf8)
        let table = try DictionaryTable(name: "documents.tsv", text: after)
        let row = table.rows.first { $0["symbol"] == "09/2019/NĐ-CP" }
        #expect(row?["issued"] == "2019-01-24")
        #expect(after.utf8.count < 1_000_000)
    }
}
