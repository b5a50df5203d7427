import CanCu
import Foundation
import Testing

/// The README's example program, compiled against the public API only (no `@testable`): if a type
/// or method it uses stops being public, this file stops compiling.
@Suite("Public API: the README example")
struct PublicAPITests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus").path

    @Test("analyse, review, index, query and export through `import CanCu`")
    func readmeExample() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = Self.corpus

        // --- README example (keep in step with README.md, "Use as a library") ---
        let lexicon = Lexicon.builtIn
        // Analyse one document: everything the pipeline finds, as one Codable value.
        guard case .success(let document) = DocumentReader.read(corpus + "/nghi-dinh-mau.txt") else { return #expect(Bool(false)) }
        let facts = Extractor(lexicon: lexicon).extract(document)
        let cited = facts.citations.compactMap(\.symbol)
        // Review it as of a date.
        let findings = Reviewer(lexicon: lexicon).review(facts, asOf: "2026-01-15")
        // Index a folder, then ask what governs a procedure and who cites a document.
        let index = try DocumentIndex.create(path: folder.appendingPathComponent("cancu.sqlite").path)
        let report = try await Indexer(lexicon: lexicon).run([corpus], into: index)
        let queries = IndexQueries(index: index, lexicon: lexicon, asOf: "2026-01-15")
        let basis = try queries.basis("1.004222")
        let citing = try queries.citedBy("63/2010/NĐ-CP")
        // Export the citation graph.
        let graph = try GraphIndexReader(lexicon: lexicon).graph(of: index)
        let json = GraphExport.bytes(graph, format: .json)
        // --- end of the README example ---

        #expect(cited.contains("63/2010/NĐ-CP"))
        #expect(try JSONDecoder().decode(DocumentFacts.self, from: JSONEncoder().encode(facts)).citations == facts.citations)
        #expect(findings.allSatisfy { $0.source == facts.path })
        #expect(report.indexed == 5 && report.failures.isEmpty)
        #expect(basis.first?.procedure.code == "1.004222")
        #expect(!citing.isEmpty)
        #expect(json.count > 100)
    }
}
