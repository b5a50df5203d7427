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

/// The JSON Lines output contract (`../shared/reference/output-contract.md`), checked on the built
/// `cancu` over the repository's sample `corpus/`, for every command that prints JSON.
///
/// Two kinds of check:
/// - the contract: every line is one JSON object with exactly the contract's keys and value types
///   (keys the output adds are accepted only when listed in an allowlist below), enumerated values
///   from the contract's lists, ISO dates, NFC strings, and `source[start:end] == text` in Unicode
///   scalars of the source file for every span a user is shown;
/// - snapshots: the whole output, byte for byte, against `Tests/Snapshots/` (the tool's own earlier
///   output, not gold). `CANCU_UPDATE_SNAPSHOTS=1 swift test --filter OutputContract` rewrites them.
///
/// Each test copies the sample files into a temporary folder and runs there, so that paths print as
/// `corpus/…` and nothing is written into the repository.
@Suite("Output contract of the command line")
struct OutputContractTests {
    /// `review`, `basis`, `show` and `cited-by` judge status by this date, not today's.
    static let asOf = "2026-06-01"

    // MARK: The contract's shapes

    enum Contract {
        static let relationTypes: Set<String> = ["basis", "implements", "amends", "replaces", "repeals", "expires", "corrects",
                                                 "suspends", "extends", "consolidates", "publishes", "refers"]
        /// The graph's edges (and `cited-by`'s relations of a procedure) add `governs`.
        static let edgeTypes = relationTypes.union(["governs"])
        static let dateRoles: Set<String> = ["issued", "effective", "deadline", "cited", "mention"]
        static let citationKinds: Set<String> = ["full", "partial", "name", "short"]
        static let tokenKinds: Set<String> = ["word", "number", "punctuation", "symbol"]
        static let reviewCodes: Set<String> = ["doc_replaced", "doc_repealed", "doc_expired", "doc_expired_by_term", "doc_amended",
                                               "doc_not_yet_issued", "date_mismatch", "issuer_merged", "issuer_renamed",
                                               "issuer_abolished", "unknown_document"]
        static let severities: Set<String> = ["error", "warning", "info"]
        static let statuses: Set<String> = ["in_force", "expired", "partly_expired", "unknown"]

        static let pinpoint = Shape.objectOf(keys: ["part", "chapter", "section", "article", "clause", "point"], value: .string)
        static let span: [String: Shape] = ["start": .int, "end": .int, "text": .string]
        static let warning = Shape.object(required: ["code": .string, "message": .string])

        // `cancu extract --format json`
        static let document = Shape.object(required: [
            "symbol": .nullable(.string), "type": .nullable(.string), "issuer": .nullable(.string), "issued": .nullable(.isoDate),
            "place": .nullable(.string), "title": .nullable(.string), "effective": .nullable(.isoDate),
        ])
        static let citation = Shape.object(required: span.merging([
            "symbol": .nullable(.string), "type": .string, "number": .nullable(.string), "year": .nullable(.int),
            "issuers": .array(.string), "issued": .nullable(.isoDate), "name": .nullable(.string), "pinpoints": .array(pinpoint),
            "kind": .oneOf(citationKinds), "resolves_to": .nullable(.int),
        ]) { a, _ in a }, allowed: [
            "tags": .array(.string),  // not in the contract
        ])
        static let relation = Shape.object(required: [
            "from": .either(.oneOf(["self"]), .int), "to": .int, "type": .oneOf(relationTypes), "start": .int, "end": .int,
        ])
        static let date = Shape.object(required: span.merging(["value": .isoDate, "role": .oneOf(dateRoles)]) { a, _ in a })
        static let period = Shape.object(required: span.merging(["from": .nullable(.isoDate), "to": .nullable(.isoDate)]) { a, _ in a })
        static let target = Shape.object(required: span.merging([
            "value": .number, "unit": .string, "subject": .nullable(.string), "deadline": .nullable(.isoDate),
        ]) { a, _ in a }, allowed: [
            "comparator": .oneOf(["exactly", "at_least", "at_most"]),  // not in the contract
            "period": .nullable(.string),  // not in the contract
        ])
        static let extractLine = Shape.object(required: [
            "source": .string, "document": document, "citations": .array(citation), "relations": .array(relation),
            "dates": .array(date), "periods": .array(period), "targets": .array(target), "warnings": .array(warning),
        ])
        static let errorLine = Shape.object(required: ["source": .string, "error": warning])

        // `cancu tokenize`
        static let tokenizeLine = Shape.object(required: [
            "source": .string,
            "tokens": .array(.object(required: span.merging(["kind": .oneOf(tokenKinds)]) { a, _ in a })),
            "sentences": .array(.object(required: ["start": .int, "end": .int])),
            "lines": .array(.object(required: ["start": .int, "end": .int])),
            "warnings": .array(warning),
        ])
        static let countLine = Shape.object(required: ["source": .string, "bytes": .int, "tokens": .int, "sentences": .int, "lines": .int])

        // `cancu basis --format json`
        static let procedureRequired: [String: Shape] = [
            "code": .nullable(.string), "name": .string, "agency": .nullable(.string), "published_by": .nullable(.string), "source": .string,
        ]
        static let procedureAllowed: [String: Shape] = [  // not in the contract
            "field": .nullable(.string), "level": .nullable(.string), "origin": .oneOf(["record", "decision", "internal"]),
            "start": .int, "end": .int,
        ]
        static let procedure = Shape.object(required: procedureRequired, allowed: procedureAllowed)
        static let reviewStatus = Shape.object(required: [
            "code": .oneOf(reviewCodes), "replacement": .array(.string), "changed": .nullable(.isoDate), "evidence": .string,
        ])
        static let factsRequired: [String: Shape] = [
            "symbol": .nullable(.string), "type": .nullable(.string), "year": .nullable(.int), "name": .nullable(.string),
            "title": .nullable(.string), "pinpoints": .array(pinpoint), "status": .oneOf(statuses), "flags": .array(.string),
        ]
        static let factsAllowed: [String: Shape] = [  // not in the contract
            "review": .array(reviewStatus), "indexed": .bool, "source": .string, "replaced_by": .array(.string),
            "amended_by": .array(.string), "repealed_by": .array(.string), "expired_on": .isoDate, "evidence": .string,
        ]
        static let basisLine = Shape.object(required: [
            "procedure": procedure, "score": .number, "basis": .array(.object(required: factsRequired, allowed: factsAllowed)),
        ])

        // `cited-by` and `show`: the contract names what they tell, not their keys; these are the keys
        // they print now, so that a rename or removal shows.
        static let documentInfo: [String: Shape] = [
            "symbol": .nullable(.string), "type": .nullable(.string), "issuer": .nullable(.string), "issued": .nullable(.isoDate),
            "effective": .nullable(.isoDate), "place": .nullable(.string), "title": .nullable(.string), "source": .string,
        ]
        static let citedByLine = Shape.object(required: [
            "symbol": .string,
            "citing": .either(.object(required: documentInfo.merging(["kind": .oneOf(["document"])]) { a, _ in a }),
                              .object(required: procedureRequired.merging(["kind": .oneOf(["procedure"])]) { a, _ in a }, allowed: procedureAllowed)),
            "relations": .array(.oneOf(edgeTypes)), "pinpoints": .array(pinpoint), "mentions": .array(.object(required: span)),
        ])
        static let showLine = Shape.object(required: [
            "symbol": .string,
            "document": .object(required: factsRequired.merging(["issuer": .nullable(.string), "issued": .nullable(.isoDate), "effective": .nullable(.isoDate)]) { a, _ in a },
                                allowed: factsAllowed.merging(["place": .nullable(.string)]) { a, _ in a }),
            "indexed": .array(.object(required: documentInfo)),
            "citations": .array(.object(required: factsRequired.merging(span) { a, _ in a }.merging(["kind": .oneOf(citationKinds), "relations": .array(.oneOf(relationTypes))]) { a, _ in a },
                                        allowed: factsAllowed)),
            "cited_by": .array(.object(required: documentInfo.merging(["relations": .array(.oneOf(relationTypes)), "pinpoints": .array(pinpoint)]) { a, _ in a })),
            "procedures": .array(.object(required: procedureRequired.merging(["pinpoints": .array(pinpoint)]) { a, _ in a }, allowed: procedureAllowed)),
        ])

        // `cancu review --format json`
        static let finding = Shape.object(required: span.merging([
            "source": .string, "symbol": .nullable(.string), "code": .oneOf(reviewCodes), "severity": .oneOf(severities),
            "message": .string, "replacement": .nullable(.string), "evidence": .string,
        ]) { a, _ in a }, allowed: [  // not in the contract
            "as_of": .oneOf(["written", "now"]), "changed": .nullable(.isoDate), "expected": .nullable(.string), "note": .string,
        ])

        // `cancu graph --format json`: one object.
        static let graph = Shape.object(required: [
            "nodes": .array(.object(required: [
                "id": .string, "kind": .oneOf(["document", "procedure"]), "symbol": .nullable(.string), "type": .nullable(.string),
                "issuer": .nullable(.string), "year": .nullable(.int), "status": .nullable(.oneOf(statuses)), "label": .nullable(.string),
            ], allowed: [
                "issued": .nullable(.isoDate),  // not in the contract
            ])),
            "edges": .array(.object(required: ["from": .string, "to": .string, "type": .oneOf(edgeTypes)])),
        ])
    }

    // MARK: Fixture

    /// A temporary folder holding a copy of the sample corpus as `corpus/`.
    struct Workspace {
        let folder: URL
        var corpus: URL { folder.appendingPathComponent("corpus") }

        init(_ name: String) throws {
            folder = try IndexTestSupport.temporaryFolder("contract-\(name)")
            try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
            for file in try FileManager.default.contentsOfDirectory(atPath: SharedCorpus.projectCorpus.path) where file != "README.md" {
                try FileManager.default.copyItem(at: SharedCorpus.projectCorpus.appendingPathComponent(file), to: corpus.appendingPathComponent(file))
            }
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }

        func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandLineRun {
            try CommandLineRun.cancu(arguments, in: folder, sourceLocation: sourceLocation)
        }

        /// The scalars of a `source` as printed (relative to the workspace).
        func scalars(_ source: String) throws -> SourceScalars {
            try SourceScalars(source.hasPrefix("/") ? URL(fileURLWithPath: source) : folder.appendingPathComponent(source))
        }
    }

    /// Each line of `run`'s output parsed (an unparsable line is a failure).
    static func lines(_ run: CommandLineRun, sourceLocation: SourceLocation = #_sourceLocation) throws -> [JSONValue] {
        #expect(!run.text.isEmpty && run.text.hasSuffix("\n"), "output ends with a line feed", sourceLocation: sourceLocation)
        return try run.lines.enumerated().map { i, line in
            do { return try JSONValue.parse(line) } catch {
                Issue.record("line \(i + 1) is not JSON: \(line.prefix(200))", sourceLocation: sourceLocation)
                throw error
            }
        }
    }

    /// Records every problem, at most `limit` of them (one line each).
    static func expectNone(_ problems: [String], _ what: String, limit: Int = 20, sourceLocation: SourceLocation = #_sourceLocation) {
        for p in problems.prefix(limit) { Issue.record("\(what): \(p)", sourceLocation: sourceLocation) }
        if problems.count > limit { Issue.record("\(what): \(problems.count - limit) more", sourceLocation: sourceLocation) }
    }

    /// A canonical symbol: no spaces, `Đ` never `Ð`, ASCII `-`.
    static func symbolProblems(_ symbol: String, at path: String) -> [String] {
        let bad = symbol.unicodeScalars.filter { $0 == " " || $0 == "\u{D0}" || $0 == "\u{2013}" || $0 == "\u{2014}" || $0 == "\u{2010}" || $0 == "\u{2011}" || $0 == "\u{2212}" }
        return bad.isEmpty ? [] : ["\(path): symbol \(symbol.debugDescription) is not canonical"]
    }

    /// The contract's checks of one `extract` line beyond its shape.
    static func extractProblems(_ line: JSONValue, in workspace: Workspace) throws -> [String] {
        let source = try #require(line["source"]?.string)
        let scalars = try workspace.scalars(source)
        var problems: [String] = []
        let citations = line["citations"]?.array ?? []
        for (i, c) in citations.enumerated() {
            let path = "\(source) citations[\(i)]"
            problems += scalars.check(span: c, at: path)
            if let symbol = c["symbol"]?.string {
                problems += symbolProblems(symbol, at: path)
                if symbol == line["document"]?["symbol"]?.string { problems.append("\(path): the document's own number is listed among its citations") }
            }
            if let target = c["resolves_to"]?.int, !(citations.indices.contains(target) && target != i) {
                problems.append("\(path): resolves_to \(target) is not another citation's index")
            }
            if c["kind"]?.string == "short", c["resolves_to"]?.isNull != false { problems.append("\(path): a short citation without resolves_to") }
        }
        var targets = Set<Int>()
        for (i, r) in (line["relations"]?.array ?? []).enumerated() {
            let path = "\(source) relations[\(i)]"
            problems += scalars.check(span: r, at: path, text: false)
            if let from = r["from"]?.int, !citations.indices.contains(from) { problems.append("\(path): from \(from) is not a citation index") }
            if let to = r["to"]?.int {
                if citations.indices.contains(to) { targets.insert(to) } else { problems.append("\(path): to \(to) is not a citation index") }
            }
        }
        for i in citations.indices where !targets.contains(i) {
            problems.append("\(source) citations[\(i)] (\(citations[i]["text"]?.string ?? "")) is the `to` of no relation")
        }
        for key in ["dates", "periods", "targets"] {
            for (i, item) in (line[key]?.array ?? []).enumerated() { problems += scalars.check(span: item, at: "\(source) \(key)[\(i)]") }
        }
        return problems
    }

    // MARK: Tests

    @Test("the checker itself: a wrong type, a missing or unlisted key, a value off the list, a bad date, a span that is not its text")
    func checkerCatchesViolations() throws {
        let good = #"{"start":1,"end":3,"text":"bc","value":"2019-01-24","role":"cited"}"#
        #expect(Contract.date.check(try JSONValue.parse(good)).isEmpty)
        for bad in [
            #"{"start":"1","end":3,"text":"bc","value":"2019-01-24","role":"cited"}"#,
            #"{"start":1,"end":3,"text":"bc","value":"2019-01-24"}"#,
            #"{"start":1,"end":3,"text":"bc","value":"2019-01-24","role":"cited","extra":1}"#,
            #"{"start":1,"end":3,"text":"bc","value":"2019-01-24","role":"quoted"}"#,
            #"{"start":1,"end":3,"text":"bc","value":"24/01/2019","role":"cited"}"#,
            #"{"start":1.5,"end":3,"text":"bc","value":"2019-01-24","role":"cited"}"#,
            "{\"start\":1,\"end\":3,\"text\":\"b\\u0063\\u0301\",\"value\":\"2019\",\"role\":\"cited\"}",  // not NFC
        ] {
            #expect(!Contract.date.check(try JSONValue.parse(bad)).isEmpty, "\(bad)")
        }
        let folder = try IndexTestSupport.temporaryFolder("contract-span")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.txt")
        try Data("Nghị định số 09/2019/NĐ-CP".utf8).write(to: file)
        let scalars = try SourceScalars(file)
        #expect(scalars.check(span: try JSONValue.parse(#"{"start":13,"end":26,"text":"09/2019/NĐ-CP"}"#), at: "ok").isEmpty)
        #expect(!scalars.check(span: try JSONValue.parse(#"{"start":12,"end":25,"text":"09/2019/NĐ-CP"}"#), at: "shifted").isEmpty)
        #expect(!scalars.check(span: try JSONValue.parse(#"{"start":13,"end":99,"text":"09/2019/NĐ-CP"}"#), at: "outside").isEmpty)
    }

    @Test("extract --format json: every line follows the contract; snapshot of the whole sample corpus")
    func extract() throws {
        let workspace = try Workspace("extract")
        defer { workspace.remove() }
        let run = try workspace.run(["extract", "corpus", "--format", "json"])
        #expect(run.status == 0, "\(run.error)")
        let lines = try Self.lines(run)
        #expect(lines.count == 4)  // the four documents; the procedure records are not documents
        for line in lines {
            let source = line["source"]?.string ?? "?"
            Self.expectNone(Contract.extractLine.check(line), "extract \(source)")
            Self.expectNone(try Self.extractProblems(line, in: workspace), "extract")
        }
        try Snapshot.expect(run.output, matches: "extract.jsonl")

        // An unreadable input: one error line, the next input still read, exit status non-zero.
        let missing = try workspace.run(["extract", "corpus/no-such-file.txt", "corpus/cong-van-huong-dan.txt", "--format", "json"])
        #expect(missing.status != 0)
        let both = try Self.lines(missing)
        #expect(both.count == 2)
        if both.count == 2 {
            Self.expectNone(Contract.errorLine.check(both[0]), "extract error line")
            #expect(both[0]["source"]?.string == "corpus/no-such-file.txt")
            Self.expectNone(Contract.extractLine.check(both[1]), "extract after an error")
        }
    }

    @Test("tokenize --format json and --format count: the contract, counts that agree, snapshots")
    func tokenize() throws {
        let workspace = try Workspace("tokenize")
        defer { workspace.remove() }
        let json = try workspace.run(["tokenize", "corpus", "--format", "json"])
        #expect(json.status == 0, "\(json.error)")
        let count = try workspace.run(["tokenize", "corpus", "--format", "count"])
        #expect(count.status == 0, "\(count.error)")
        let documents = try Self.lines(json), counts = try Self.lines(count)
        #expect(documents.count == 4 && counts.count == 4)
        for (document, counted) in zip(documents, counts) {
            let source = try #require(document["source"]?.string)
            Self.expectNone(Contract.tokenizeLine.check(document), "tokenize json \(source)")
            Self.expectNone(Contract.countLine.check(counted), "tokenize count \(source)")
            #expect(counted["source"]?.string == source)
            #expect(counted["tokens"]?.int == document["tokens"]?.array.count, "\(source): token count")
            #expect(counted["sentences"]?.int == document["sentences"]?.array.count, "\(source): sentence count")
            #expect(counted["lines"]?.int == document["lines"]?.array.count, "\(source): line count")
            let bytes = try Data(contentsOf: workspace.folder.appendingPathComponent(source)).count
            #expect(counted["bytes"]?.int == bytes, "\(source): bytes")
            // A token's text is the normalised source slice.
            let scalars = try workspace.scalars(source)
            var problems: [String] = []
            for (i, token) in (document["tokens"]?.array ?? []).enumerated() {
                let path = "\(source) tokens[\(i)]"
                let spanProblems = scalars.check(span: token, at: path, text: false)
                problems += spanProblems
                guard spanProblems.isEmpty, let start = token["start"]?.int, let end = token["end"]?.int, let text = token["text"]?.string else { continue }
                let slice = String(String.UnicodeScalarView(scalars.scalars[start..<end]))
                let normalised = Normalizer.standard.normalize(slice).string
                if Array(normalised.unicodeScalars) != Array(text.unicodeScalars) {
                    problems.append("\(path): text \(text.debugDescription) is not the normalised source slice \(slice.debugDescription)")
                }
                if start == end { problems.append("\(path): empty token") }
            }
            for key in ["sentences", "lines"] {
                for (i, span) in (document[key]?.array ?? []).enumerated() { problems += scalars.check(span: span, at: "\(source) \(key)[\(i)]", text: false) }
            }
            Self.expectNone(problems, "tokenize")
        }
        try Snapshot.expect(count.output, matches: "tokenize-count.jsonl")
        let small = try workspace.run(["tokenize", "corpus/cong-van-huong-dan.txt", "--format", "json"])
        #expect(small.status == 0)
        try Snapshot.expect(small.output, matches: "tokenize-cong-van-huong-dan.jsonl")
    }

    @Test("review PATH --as-of: findings follow the contract, exit status 1 on an error; snapshot")
    func reviewFiles() throws {
        let workspace = try Workspace("review")
        defer { workspace.remove() }
        let run = try workspace.run(["review", "corpus", "--as-of", Self.asOf, "--format", "json"])
        let findings = try Self.lines(run)
        try Self.checkFindings(findings, status: run.status, in: workspace, "review PATH")
        try Snapshot.expect(run.output, matches: "review.jsonl")
    }

    static func checkFindings(_ findings: [JSONValue], status: Int32, in workspace: Workspace, _ what: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(findings.count > 10, sourceLocation: sourceLocation)
        var problems: [String] = []
        for (i, finding) in findings.enumerated() {
            problems += Contract.finding.check(finding, at: "finding[\(i)]")
            guard let source = finding["source"]?.string else { continue }
            problems += try workspace.scalars(source).check(span: finding, at: "finding[\(i)] \(source)")
            if let symbol = finding["symbol"]?.string { problems += symbolProblems(symbol, at: "finding[\(i)]") }
        }
        expectNone(problems, what, sourceLocation: sourceLocation)
        let errors = findings.contains { $0["severity"]?.string == "error" }
        #expect(errors && status == 1 || !errors && status == 0, "exit status \(status)", sourceLocation: sourceLocation)
    }

    @Test("index, then basis, cited-by, show, review --db and graph --format json: the contract and snapshots")
    func indexQueries() throws {
        let workspace = try Workspace("index")
        defer { workspace.remove() }
        let db = workspace.folder.appendingPathComponent("index.sqlite").path
        let index = try workspace.run(["index", "corpus", "--db", db])
        #expect(index.status == 0, "\(index.error)")
        #expect(FileManager.default.fileExists(atPath: db))
        let asOf = ["--db", db, "--as-of", Self.asOf, "--format", "json"]

        // basis: by code, and by words of a name without diacritics.
        for (query, snapshot) in [("1.001193", "basis-1.001193.jsonl"), ("dang ky thuong tru", "basis-dang-ky-thuong-tru.jsonl")] {
            let run = try workspace.run(["basis", query] + asOf)
            #expect(run.status == 0, "\(run.error)")
            let lines = try Self.lines(run)
            #expect(!lines.isEmpty, "basis \(query)")
            for line in lines { Self.expectNone(Contract.basisLine.check(line), "basis \(query)") }
            for line in lines {
                for (i, entry) in (line["basis"]?.array ?? []).enumerated() {
                    if let symbol = entry["symbol"]?.string { Self.expectNone(Self.symbolProblems(symbol, at: "basis[\(i)]"), "basis \(query)") }
                }
            }
            try Snapshot.expect(run.output, matches: snapshot)
        }
        let byCode = try Self.lines(try workspace.run(["basis", "1.001193"] + asOf))
        #expect(byCode.first?["procedure"]?["code"]?.string == "1.001193" && byCode.first?["score"] == .int(1))

        // cited-by: documents and procedures citing 61/2018/NĐ-CP; every mention is a span of its source.
        let citedBy = try workspace.run(["cited-by", "61/2018/NĐ-CP"] + asOf)
        #expect(citedBy.status == 0, "\(citedBy.error)")
        let citing = try Self.lines(citedBy)
        #expect(citing.count >= 3)
        for line in citing {
            Self.expectNone(Contract.citedByLine.check(line), "cited-by")
            let source = try #require(line["citing"]?["source"]?.string)
            let scalars = try workspace.scalars(source)
            for (i, mention) in (line["mentions"]?.array ?? []).enumerated() {
                Self.expectNone(scalars.check(span: mention, at: "\(source) mentions[\(i)]"), "cited-by")
            }
        }
        #expect(citing.contains { $0["citing"]?["kind"]?.string == "procedure" } && citing.contains { $0["citing"]?["kind"]?.string == "document" })
        try Snapshot.expect(citedBy.output, matches: "cited-by.jsonl")

        // show: one object; its citations are spans of the document shown.
        let show = try workspace.run(["show", "45/KH-UBND"] + asOf)
        #expect(show.status == 0, "\(show.error)")
        let shown = try Self.lines(show)
        #expect(shown.count == 1)
        if let report = shown.first {
            Self.expectNone(Contract.showLine.check(report), "show")
            let source = try #require(report["document"]?["source"]?.string)
            let scalars = try workspace.scalars(source)
            for (i, citation) in (report["citations"]?.array ?? []).enumerated() {
                Self.expectNone(scalars.check(span: citation, at: "\(source) citations[\(i)]"), "show")
            }
        }
        try Snapshot.expect(show.output, matches: "show.jsonl")

        // review --db: the contract, and the findings of review PATH (the same snapshot).
        let review = try workspace.run(["review"] + asOf)
        try Self.checkFindings(try Self.lines(review), status: review.status, in: workspace, "review --db")
        try Snapshot.expect(review.output, matches: "review.jsonl")

        // graph --format json from the index: one object; edges join existing nodes.
        let graph = try workspace.run(["graph", "--db", db, "--format", "json"])
        #expect(graph.status == 0, "\(graph.error)")
        let objects = try Self.lines(graph)
        #expect(objects.count == 1)
        if let object = objects.first {
            Self.expectNone(Contract.graph.check(object), "graph")
            let ids = (object["nodes"]?.array ?? []).compactMap { $0["id"]?.string }
            #expect(Set(ids).count == ids.count, "node ids are unique")
            let known = Set(ids)
            let dangling = (object["edges"]?.array ?? []).filter { !known.contains($0["from"]?.string ?? "") || !known.contains($0["to"]?.string ?? "") }
            #expect(dangling.isEmpty, "edges whose ends are not nodes: \(dangling.prefix(3))")
        }
        try Snapshot.expect(graph.output, matches: "graph.json")
        // Nothing but the index was written beside it.
        let written = try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path).filter { !$0.hasPrefix("index.sqlite") && $0 != "corpus" }
        #expect(written.isEmpty, "\(written)")
    }
}
