import Foundation
import Testing
@testable import CanCuModel
@testable import CanCuInput
@testable import CanCuExtract

/// The hand-labelled sets of issue 16 (`Tests/Gold/targets.tsv`, `date-roles.tsv`,
/// `effect-lists.tsv`; how they were labelled is in `Tests/Gold/README.md`). Each row names a file
/// of `../shared/corpus` (or of the project's `corpus/`, as `corpus/…`) and a line; the row's text is
/// found from that line on, whitespace-insensitively, and the extractor's output on the whole file
/// is scored against it.
enum GoldSet {
    static let folder = SharedCorpus.repositoryRoot.appendingPathComponent("Tests/Gold")

    /// The rows of a gold TSV file, keyed by its header. Lines starting with '#' are comments.
    static func rows(_ name: String) -> [[String: String]] {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return [] }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.hasPrefix("#") }
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        return lines.map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var row: [String: String] = [:]
            for (k, key) in header.enumerated() { row[key] = k < cells.count ? cells[k] : "" }
            return row
        }
    }

    /// The file a row names: `corpus/…` is the project's sample corpus, anything else is under the shared corpus.
    static func url(_ file: String) -> URL? {
        if file.hasPrefix("corpus/") { return SharedCorpus.projectCorpus.appendingPathComponent(String(file.dropFirst("corpus/".count))) }
        return SharedCorpus.root?.appendingPathComponent(file)
    }

    /// A read document, its text as Unicode scalars, where each line starts, and the extractor's facts.
    struct Document {
        var scalars: [Unicode.Scalar]
        var lineStarts: [Int]
        var facts: DocumentFacts

        /// Scalar offset where 1-based `line` starts (the text's end past the last line).
        func start(ofLine line: Int) -> Int { line - 1 < lineStarts.count ? lineStarts[max(0, line - 1)] : scalars.count }

        /// The span of the `occurrence`-th match of `text` at or after the start of `line`, words matched
        /// exactly and any run of whitespace between them (line breaks included); only matches starting
        /// within 3 lines of `line`.
        func find(_ text: String, line: Int, occurrence: Int = 1) -> Range<Int>? {
            let words = text.split(whereSeparator: \.isWhitespace).map { Array(String($0).unicodeScalars) }
            guard let first = words.first else { return nil }
            let from = start(ofLine: line), limit = start(ofLine: line + 3)
            var seen = 0
            var i = from
            while i < limit && i < scalars.count {
                if let end = match(words, first, at: i) {
                    seen += 1
                    if seen == occurrence { return i..<end }
                }
                i += 1
            }
            return nil
        }

        private func match(_ words: [[Unicode.Scalar]], _ first: [Unicode.Scalar], at start: Int) -> Int? {
            var i = start
            for (k, word) in words.enumerated() {
                if k > 0 {
                    var j = i
                    while j < scalars.count, scalars[j].properties.isWhitespace { j += 1 }
                    if j == i { return nil }
                    i = j
                }
                guard i + word.count <= scalars.count else { return nil }
                for (m, s) in word.enumerated() where scalars[i + m] != s { return nil }
                i += word.count
            }
            return i
        }
    }

    private static let cache = Cache()
    final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var documents: [String: Document] = [:]
        func document(_ file: String) -> Document? {
            lock.lock(); defer { lock.unlock() }
            if let d = documents[file] { return d }
            guard let url = GoldSet.url(file), case .success(let source) = DocumentReader.read(url.path) else { return nil }
            let scalars = Array(source.text.unicodeScalars)
            var starts = [0]
            for (k, s) in scalars.enumerated() where s == "\n" { starts.append(k + 1) }
            let facts = Extractor(lexicon: .builtIn).extract(source, stages: .all)
            let d = Document(scalars: scalars, lineStarts: starts, facts: facts)
            documents[file] = d
            return d
        }
    }

    static func document(_ file: String) -> Document? { cache.document(file) }

    static func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool { a.lowerBound < b.upperBound && b.lowerBound < a.upperBound }

    /// Whether every file the rows name is readable (the shared corpus is present).
    static func available(_ name: String) -> Bool {
        let files = Set(rows(name).compactMap { $0["file"] })
        return !files.isEmpty && files.allSatisfy { url($0).map { FileManager.default.fileExists(atPath: $0.path) } ?? false }
    }
}

/// Precision and recall from counts.
struct GoldScore {
    var truePositives = 0, falsePositives = 0, falseNegatives = 0
    var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    var line: String {
        String(format: "P %.3f R %.3f (%d right, %d wrong, %d missed)", precision, recall, truePositives, falsePositives, falseNegatives)
    }
}

@Suite("Gold: targets, date roles and effect lists (issue 16)")
struct GoldTemporalTests {
    @Test("the gold files have the sizes the issue asks for and well-formed labels")
    func goldFiles() {
        let targets = GoldSet.rows("targets.tsv")
        #expect(targets.count >= 150)
        #expect(targets.filter { $0["is_target"] == "no" }.count >= 40)
        for row in targets {
            #expect(row["is_target"] == "yes" || row["is_target"] == "no", "\(row)")
            let values = (row["values"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect((row["is_target"] == "yes") == !values.isEmpty, "\(row)")
            #expect(values.allSatisfy { Double($0) != nil }, "\(row)")
        }
        let dates = GoldSet.rows("date-roles.tsv")
        #expect(dates.count >= 200)
        let roles = Set(["issued", "effective", "deadline", "cited", "mention"])
        #expect(dates.allSatisfy { roles.contains($0["role"] ?? "") })
        let effects = GoldSet.rows("effect-lists.tsv")
        #expect(effects.count >= 50)
        // Every file is from the shared corpus or the sample corpus.
        for row in targets + dates + effects {
            let file = row["file"] ?? ""
            #expect(file.hasPrefix("corpus/") || ["congbao/", "codes/", "original/", "news/"].contains { file.hasPrefix($0) }, "\(file)")
        }
    }

    @Test("targets: precision and recall of the target values of 150+ labelled sentences",
          .enabled(if: GoldSet.available("targets.tsv"), SharedCorpus.missing("congbao", "codes/raw_text", "original", "news")))
    func targets() throws {
        var values = GoldScore(), sentences = GoldScore()
        var deadlines = 0, deadlinesRight = 0
        var report: [String] = []
        for row in GoldSet.rows("targets.tsv") {
            let file = row["file"]!, line = Int(row["line"]!)!
            let document = try #require(GoldSet.document(file), "\(file) unreadable")
            guard let span = document.find(row["sentence"]!, line: line) else {
                Issue.record("\(file):\(line): sentence not found: \(row["sentence"]!.prefix(60))"); continue
            }
            let gold = (row["values"] ?? "").split(separator: ";").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            let found = document.facts.targets.filter { GoldSet.overlaps($0.source, span) }
            var unmatched = found
            var right = 0
            for value in gold {
                if let k = unmatched.firstIndex(where: { abs($0.value - value) < 1e-9 }) {
                    right += 1
                    if let deadline = row["deadline"], !deadline.isEmpty {
                        deadlines += 1
                        if unmatched[k].deadline?.iso == deadline { deadlinesRight += 1 }
                    }
                    unmatched.remove(at: k)
                }
            }
            values.truePositives += right
            values.falsePositives += unmatched.count
            values.falseNegatives += gold.count - right
            let isTarget = row["is_target"] == "yes"
            switch (isTarget, !found.isEmpty) {
            case (true, true): sentences.truePositives += 1
            case (false, true): sentences.falsePositives += 1
            case (true, false): sentences.falseNegatives += 1
            case (false, false): break
            }
            if right < gold.count || !unmatched.isEmpty {
                report.append("\(file):\(line) gold [\(gold.map { ExtractViewNumber.format($0) }.joined(separator: ", "))] found [\(found.map { ExtractViewNumber.format($0.value) }.joined(separator: ", "))]: \(row["sentence"]!.prefix(70))")
            }
        }
        print("gold targets, values: \(values.line)")
        print("gold targets, sentences: \(sentences.line)")
        print("gold targets, deadlines of the values found: \(deadlinesRight)/\(deadlines)")
        for r in report { print("  target miss: \(r)") }
        #expect(values.precision >= 0.95, "\(values.line)")
        #expect(values.recall >= 0.95, "\(values.line)")
    }

    @Test("date roles: the role of 200+ labelled dates",
          .enabled(if: GoldSet.available("date-roles.tsv"), SharedCorpus.missing("congbao", "original", "news")))
    func dateRoles() throws {
        var total = 0, right = 0, found = 0, valueRight = 0
        var perRole: [String: GoldScore] = [:]
        var report: [String] = []
        for row in GoldSet.rows("date-roles.tsv") {
            let file = row["file"]!, line = Int(row["line"]!)!, role = row["role"]!
            let document = try #require(GoldSet.document(file), "\(file) unreadable")
            guard let span = document.find(row["text"]!, line: line, occurrence: Int(row["occurrence"] ?? "1") ?? 1) else {
                Issue.record("\(file):\(line): date not found: \(row["text"]!)"); continue
            }
            total += 1
            let date = document.facts.dates.first { GoldSet.overlaps($0.source, span) }
            if date != nil { found += 1 }
            if date?.value.iso == row["value"] { valueRight += 1 }
            let predicted = date?.role.rawValue
            if predicted == role {
                right += 1
                perRole[role, default: GoldScore()].truePositives += 1
            } else {
                perRole[role, default: GoldScore()].falseNegatives += 1
                if let predicted { perRole[predicted, default: GoldScore()].falsePositives += 1 }
                report.append("\(file):\(line) \(row["text"]!): gold \(role), found \(predicted ?? "no date")")
            }
        }
        let accuracy = total == 0 ? 0 : Double(right) / Double(total)
        print(String(format: "gold date roles: accuracy %.3f (%d of %d; %d dates found, %d values right)", accuracy, right, total, found, valueRight))
        for role in perRole.keys.sorted() { print("  \(role): \(perRole[role]!.line)") }
        for r in report { print("  date miss: \(r)") }
        #expect(accuracy >= 0.95)
    }

    @Test("effect lists: the relations of 50+ clauses that name several documents",
          .enabled(if: GoldSet.available("effect-lists.tsv"), SharedCorpus.missing("congbao", "codes/raw_text", "original")))
    func effectLists() throws {
        let acts: Set<Relation.RelationType> = [.amends, .replaces, .repeals, .expires, .corrects, .suspends, .extends]
        var score = GoldScore()
        var report: [String] = []
        for row in GoldSet.rows("effect-lists.tsv") {
            let file = row["file"]!
            let bounds = row["lines"]!.split(separator: "-").compactMap { Int($0) }
            let document = try #require(GoldSet.document(file), "\(file) unreadable")
            let span = document.start(ofLine: bounds[0])..<document.start(ofLine: bounds[1] + 1)
            let citations = document.facts.citations
            func keys(_ index: Int) -> Set<String> {
                var c = citations[index]
                if c.kind == .short, let r = c.resolvesTo, r < citations.count { c = citations[r] }
                return Set([c.symbol, c.name].compactMap { $0?.lowercased() })
            }
            let predicted = document.facts.relations.filter {
                acts.contains($0.type) && $0.to < citations.count && span.contains(citations[$0.to].source.lowerBound)
            }
            // "amends 90/2025/QH15>48/2024/QH15", "expires self>15/1999/QH10", alternates with '='.
            let gold: [(type: String, from: [String]?, to: [String])] = (row["edges"] ?? "").split(separator: ";").compactMap { item in
                let parts = item.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2, let arrow = parts[1].range(of: ">") else { return nil }
                let from = String(parts[1][..<arrow.lowerBound]), to = String(parts[1][arrow.upperBound...])
                return (parts[0], from == "self" ? nil : from.lowercased().split(separator: "=").map(String.init),
                        to.lowercased().split(separator: "=").map(String.init))
            }
            func matches(_ r: Relation, _ g: (type: String, from: [String]?, to: [String])) -> Bool {
                guard r.type.rawValue == g.type, !keys(r.to).isDisjoint(with: g.to) else { return false }
                if let from = g.from { return r.from.map { !keys($0).isDisjoint(with: from) } ?? false }
                return r.from == nil
            }
            var seen: [(type: String, from: String, to: String)] = []
            for r in predicted {
                let key = (type: r.type.rawValue, from: r.from.map { keys($0).sorted().joined(separator: "=") } ?? "self", to: keys(r.to).sorted().joined(separator: "="))
                if seen.contains(where: { $0.type == key.type && $0.from == key.from && $0.to == key.to }) { continue }
                seen.append(key)
                if !gold.contains(where: { matches(r, $0) }) {
                    score.falsePositives += 1
                    report.append("\(file):\(row["lines"]!) extra \(key.type) \(key.from)>\(key.to)")
                }
            }
            for g in gold {
                if predicted.contains(where: { matches($0, g) }) { score.truePositives += 1 } else {
                    score.falseNegatives += 1
                    report.append("\(file):\(row["lines"]!) missed \(g.type) \(g.from?.joined(separator: "=") ?? "self")>\(g.to.joined(separator: "="))")
                }
            }
        }
        print("gold effect lists: \(score.line)")
        for r in report { print("  effect miss: \(r)") }
        #expect(score.precision >= 0.95, "\(score.line)")
        #expect(score.recall >= 0.95, "\(score.line)")
    }
}

/// "3", "4.5": a target value as the report prints it.
enum ExtractViewNumber {
    static func format(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
