import Foundation
import Testing
@testable import CanCuModel
@testable import CanCuInput
@testable import CanCuExtract

/// The hand-made fuzzing seeds of `Fuzz/seeds/TARGET/` (among them every input that crashed a
/// reader) through what each fuzz target calls, in this process: a crash fails the test run. A
/// crash the fuzzer finds is added there, and to the expectations below.
@Suite struct FuzzSeedTests {
    static let seeds = SharedCorpus.repositoryRoot.appendingPathComponent("Fuzz/seeds")

    static func files(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = seeds.appendingPathComponent(target)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            ($0, [UInt8](try Data(contentsOf: folder.appendingPathComponent($0))))
        }
    }

    /// What each .docx seed must give: an error code, or text with these warnings.
    static let docxOutcomes: [String: String] = [
        "utf8-name.docx": "bad_docx", "utf8-comment.docx": "bad_docx", "offset.docx": "bad_docx", "local.docx": "bad_docx",
        "pi.docx": "text docx_processing_instruction", "dtd.docx": "text docx_dtd docx_entity",
        // Found by fuzz-docx: a deflate stream cut short made ZIPFoundation's inflate loop for ever.
        "truncated-deflate.docx": "bad_docx",
    ]

    @Test("the .docx seeds that crashed or hung cancu (XMLParser, ZIPFoundation) are errors or text with warnings, at once")
    func docxSeeds() throws {
        let files = try Self.files("docx")
        #expect(Set(files.map(\.name)) == Set(Self.docxOutcomes.keys))
        for (name, bytes) in files {
            let started = ContinuousClock.now
            defer { #expect(ContinuousClock.now - started < .seconds(2), "\(name)") }
            let outcome: String
            switch DocumentReader.read(bytes: bytes, path: name) {
            case .success(let document): outcome = (["text"] + document.warnings.map(\.code)).joined(separator: " ")
            case .failure(let error): outcome = error.diagnostic.code
            }
            #expect(outcome == Self.docxOutcomes[name], "\(name)")
        }
    }

    @Test("every other seed goes through its reader without a crash")
    func otherSeeds() throws {
        for (name, bytes) in try Self.files("wordxml") {
            #expect((try? WordXMLText.extract(bytes, part: "word/document.xml", path: name)) != nil, "\(name)")
        }
        for (name, bytes) in try Self.files("html") {
            #expect((try? DocumentReader.read(bytes: bytes, path: name + ".html").get()) != nil, "\(name)")
        }
        for (name, bytes) in try Self.files("markdown") {
            let started = ContinuousClock.now
            let document = try? DocumentReader.read(bytes: bytes, path: name).get()
            #expect(ContinuousClock.now - started < .seconds(2), "\(name)")
            let source = try MarkdownFormat().source(bytes, path: name).text
            #expect(document?.text.unicodeScalars.count == source.unicodeScalars.count, "\(name)")
        }
        for (name, bytes) in try Self.files("legacy") {
            #expect((try? DocumentReader.read(bytes: bytes, path: name).get()) != nil, "\(name)")
            for encoding in LegacyEncoding.allCases { _ = MisdecodedText.repair(encoding.decode(bytes), forced: nil) }
        }
        let reader = ProcedureRecordReader()
        for (name, bytes) in try Self.files("procedures") {
            #expect(!reader.read(String(decoding: bytes, as: UTF8.self), path: name).procedures.isEmpty, "\(name)")
        }
        let extractor = Extractor()
        for (name, bytes) in try Self.files("extract") {
            let document = try DocumentReader.read(bytes: bytes, path: name).get()
            #expect(!extractor.extract(document, stages: .all).citations.isEmpty, "\(name)")
        }
    }
}
