import ArgumentParser
import CanCu
import Dispatch
import Foundation
import Synchronization

/// `cancu extract`: citations, relations, dates, periods and targets of each document.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Trích xuất trích dẫn, quan hệ, ngày tháng, giai đoạn và mục tiêu của văn bản.",
        discussion: """
            One JSON line per input document (the output contract), or a text view for people.
            Examples:
              cancu extract corpus/nghi-dinh-mau.txt --format text
              cancu extract corpus > extract.jsonl
              cat van-ban.txt | cancu extract -
              cancu extract thong-tu.pdf --text     (the text the offsets point into)
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: json (the contract, one line per document) or text (for people).")
    var format: Format = .json

    @Flag(help: "Print the decoded text every offset points into (as `cancu text`), not the extraction.")
    var text = false

    func run() throws {
        if text {
            var command = TextCommand()
            command.input = input
            return try command.run()
        }
        if format == .json {
            // The first document is read (and its UTF-8 validated) on one core while the
            // dictionaries are loaded and compiled on the other.
            let documents = input.documents
            let directory = input.dictionaries
            let encoding = input.forcedEncoding
            let built = Mutex<Result<Extractor, any Error>?>(nil)
            let firstRead = Mutex<Result<SourceDocument, InputError>?>(nil)
            DispatchQueue.concurrentPerform(iterations: documents.isEmpty ? 1 : 2) { task in
                if task == 0 {
                    let result = Result { try Lexicon.load(userDirectory: directory) }.map { Extractor(lexicon: $0) }
                    built.withLock { $0 = result }
                } else {
                    let result = DocumentReader.read(documents[0], encoding: encoding)
                    firstRead.withLock { $0 = result }
                }
            }
            let extractor: Extractor
            do { extractor = try built.withLock { $0.take()! }.get() } catch { throw ValidationError("\(error)") }
            return try writeJSON(extractor, documents: documents, first: firstRead.withLock { $0.take() })
        }
        let extractor = Extractor(lexicon: try input.lexicon())
        var failed = false
        var json = JSONWriter()
        for path in input.documents {
            json.reset()
            switch input.read(path) {
            case .failure(let error):
                failed = true
                Console.error("cancu: \(error)")
                if format == .json {
                    ErrorView.writeJSON(path: path, error: error, to: &json)
                    Console.write(json.bytes)
                }
            case .success(let document):
                // What the contract prints needs none of the optional stages (structure, procedures, review).
                let extraction = extractor.extract(document, stages: [])
                switch format {
                case .json:
                    ExtractView.writeJSON(extraction, to: &json)
                    Console.write(json.bytes)
                case .text:
                    let lines = LineIndex(document.text)
                    Console.write(ExtractView.text(extraction, lineOf: lines.line(of:)))
                }
            }
        }
        if failed { throw ExitStatus.inputFailed }
    }

    /// The JSON lines, documents read and extracted two (a core each) at a time and written in
    /// their order: the same bytes as one after the other. `first`, when given, is the first
    /// document already read.
    private func writeJSON(_ extractor: Extractor, documents: [String], first: Result<SourceDocument, InputError>?) throws {
        let encoding = input.forcedEncoding
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var failed = false
        var start = 0
        while start < documents.count {
            let window = Array(documents[start..<min(documents.count, start + width)])
            let outcomes = Mutex<[Result<[UInt8], InputError>?]>(Array(repeating: nil, count: window.count))
            let windowStart = start
            DispatchQueue.concurrentPerform(iterations: window.count) { k in
                var json = JSONWriter()
                let outcome: Result<[UInt8], InputError>
                let read = windowStart + k == 0 ? first ?? DocumentReader.read(window[k], encoding: encoding)
                    : DocumentReader.read(window[k], encoding: encoding)
                switch read {
                case .failure(let error):
                    outcome = .failure(error)
                case .success(let document):
                    // What the contract prints needs none of the optional stages (structure, procedures, review).
                    ExtractView.writeJSON(document, extractor: extractor, to: &json)
                    outcome = .success(json.bytes)
                }
                outcomes.withLock { $0[k] = outcome }
            }
            for (path, outcome) in zip(window, outcomes.withLock { $0 }) {
                switch outcome! {
                case .failure(let error):
                    failed = true
                    Console.error("cancu: \(error)")
                    var json = JSONWriter()
                    ErrorView.writeJSON(path: path, error: error, to: &json)
                    Console.write(json.bytes)
                case .success(let bytes):
                    Console.write(bytes)
                }
            }
            start += window.count
        }
        if failed { throw ExitStatus.inputFailed }
    }
}
