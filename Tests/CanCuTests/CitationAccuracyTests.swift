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

/// Precision and recall of the citation extractor on real text (`../shared/corpus`), against the gold
/// files of `Tests/Gold/` and expectations derived from the fixed shape of the Pháp điển notes.
/// The figures are printed; docs/accuracy.md records them.
@Suite("Citation accuracy on the shared corpus")
struct CitationAccuracyTests {
    let extractor = CitationExtractor.builtIn

    static func score(_ tp: Int, _ fp: Int, _ fn: Int) -> (p: Double, r: Double) {
        (tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp), tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn))
    }

    static func goldRows(_ name: String) -> [[String]] {
        let url = SharedCorpus.repositoryRoot.appendingPathComponent("Tests/Gold/\(name)")
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst(0)
            .filter { !$0.hasPrefix("#") }.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The gold's official slash variant is compared in the extractor's canonical hyphen form.
    static func canonical(_ symbol: String) -> String { symbol.replacingOccurrences(of: "TTLT/", with: "TTLT-") }

    @Test("Công báo: every number-and-symbol citation (gold: Tests/Gold/congbao-citations.tsv)", .enabled(if: SharedCorpus.has("congbao"), SharedCorpus.missing("congbao")))
    func congbao() throws {
        let files = try SharedCorpus.requireFiles(in: "congbao")
        var gold: [String: Set<String>] = [:]
        for row in Self.goldRows("congbao-citations.tsv") where row.count >= 2 { gold[row[0], default: []].insert(Self.canonical(row[1])) }
        var tp = 0, fp = 0, fn = 0
        for file in files {
            let source = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            let (citations, relations) = extractor.extract(Normalizer.standard.normalize(source))
            let got = Set(citations.compactMap(\.symbol))
            let expected = gold[file.lastPathComponent] ?? []
            tp += got.intersection(expected).count
            fp += got.subtracting(expected).count
            fn += expected.subtracting(got).count
            for s in got.subtracting(expected).sorted() { print("congbao FP \(file.lastPathComponent): \(s)") }
            for s in expected.subtracting(got).sorted() { print("congbao FN \(file.lastPathComponent): \(s)") }
            // Every citation is the `to` of at least one relation.
            #expect(Set(relations.map(\.to)) == Set(citations.indices))
        }
        let (p, r) = Self.score(tp, fp, fn)
        print(String(format: "ACCURACY congbao: precision %.3f recall %.3f (tp %d, fp %d, fn %d)", p, r, tp, fp, fn))
        #expect(p >= 0.97)
        #expect(r >= 0.99)
    }

    @Test("dichvucong: documents of can_cu_phap_ly (gold: Tests/Gold/dichvucong-basis.tsv)", .enabled(if: SharedCorpus.has("procedures/dichvucong.jsonl"), SharedCorpus.missing("procedures/dichvucong.jsonl")))
    func dichvucong() throws {
        let url = try SharedCorpus.require("procedures/dichvucong.jsonl")
        var goldSymbols: [String: Set<String>] = [:]
        var goldNames: [String: Set<String>] = [:]
        for row in Self.goldRows("dichvucong-basis.tsv") where row.count >= 4 {
            if row[1].isEmpty { goldNames[row[0], default: []].insert(Folding.fold(row[3])) }
            else { goldSymbols[row[0], default: []].insert(Self.canonical(row[1])) }
        }
        var tp = 0, fp = 0, fn = 0
        for record in SharedCorpus.jsonLines(url) {
            guard let code = record["ma_thu_tuc"] as? String, let field = record["can_cu_phap_ly"] as? String else { continue }
            let citations = extractor.citations(inField: field)
            let got = Set(citations.compactMap(\.symbol))
            let expected = goldSymbols[code] ?? []
            tp += got.intersection(expected).count
            fp += got.subtracting(expected).count
            fn += expected.subtracting(got).count
            for s in got.subtracting(expected).sorted() { print("dichvucong FP \(code): \(s)") }
            for s in expected.subtracting(got).sorted() { print("dichvucong FN \(code): \(s)") }
            let names = Set(citations.filter { $0.kind == .name }.compactMap { $0.name.map(Folding.fold) })
            for name in goldNames[code] ?? [] {
                if names.contains(name) { tp += 1 } else { fn += 1; print("dichvucong FN \(code): \(name)") }
            }
        }
        let (p, r) = Self.score(tp, fp, fn)
        print(String(format: "ACCURACY dichvucong: precision %.3f recall %.3f (tp %d, fp %d, fn %d)", p, r, tp, fp, fn))
        #expect(p >= 0.97)
        #expect(r >= 0.97)
    }

    /// "(Điều N <Loại> số <symbol> <title> ngày dd/mm/yyyy của <issuer>, có hiệu lực …)".
    struct FullFormNote {
        var article: String
        var symbol: String
        var issued: String
        var issuer: String

        init?(_ note: String) {
            guard let body = note.range(of: "Điều ") else { return nil }
            let afterArticle = note[body.upperBound...]
            guard let space = afterArticle.firstIndex(of: " ") else { return nil }
            article = String(afterArticle[..<space])
            guard let so = afterArticle.range(of: " số ") else { return nil }
            // The symbol: up to the first space that is not next to '/' or '-'.
            var symbol = ""
            let chars = Array(afterArticle[so.upperBound...])
            var i = 0
            while i < chars.count {
                let c = chars[i]
                if c == " " {
                    let prev = symbol.last, next = i + 1 < chars.count ? chars[i + 1] : " "
                    if prev == "/" || prev == "-" || next == "/" || next == "-" { i += 1; continue }
                    break
                }
                symbol.append(c)
                i += 1
            }
            self.symbol = symbol.replacingOccurrences(of: "Ð", with: "Đ")
            guard let effect = note.range(of: ", có hiệu lực") else { return nil }
            let head = note[..<effect.lowerBound]
            guard let cua = head.range(of: " của ", options: .backwards), let ngay = head[..<cua.lowerBound].range(of: "ngày ", options: .backwards) else { return nil }
            issuer = String(head[cua.upperBound...])
            let parts = head[ngay.upperBound..<cua.lowerBound].split(separator: "/")
            guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
            issued = String(format: "%04d-%02d-%02d", y, m, d)
        }
    }

    @Test("Pháp điển notes, full form: symbol, issue date, issuer and article agree", .enabled(if: SharedCorpus.has("phapdien/notes-fullform.jsonl"), SharedCorpus.missing("phapdien/notes-fullform.jsonl")))
    func phapdienFullForm() throws {
        let url = try SharedCorpus.require("phapdien/notes-fullform.jsonl")
        func key(_ s: String) -> String { String(Folding.fold(s).unicodeScalars.filter { $0.properties.isAlphabetic || $0 == " " }).split(separator: " ").joined(separator: " ") }
        var issuerNames: [String: String] = [:]
        for row in Lexicon.builtIn.rows("issuers.tsv") where !row["name"].isEmpty {
            for token in [row["abbreviation"]] + row.values("aliases") where issuerNames[token] == nil { issuerNames[token] = key(row["name"]) }
        }
        var agree = 0, total = 0, symbolOK = 0, dateOK = 0, issuerOK = 0, articleOK = 0
        for record in SharedCorpus.jsonLines(url) {
            guard let note = record["note"] as? String, let expected = FullFormNote(note) else { continue }
            total += 1
            let (citations, _) = extractor.extract(Normalizer.standard.normalize(note))
            guard let c = citations.first(where: { $0.kind == .full }) else { print("fullform MISS: \(note.prefix(120))"); continue }
            let s = c.symbol == Self.canonical(Normalizer.standard.normalize(expected.symbol).string)
            let d = c.issued?.iso == expected.issued
            let wanted = key(expected.issuer)
            let i = c.issuers.contains { token in
                guard let name = issuerNames[token] ?? issuerNames[String(token.prefix { !$0.isNumber })], !name.isEmpty else { return false }
                return wanted.contains(name) || name.contains(wanted)
            }
            let a = c.pinpoints.contains { $0.article == expected.article }
            if s { symbolOK += 1 }; if d { dateOK += 1 }; if i { issuerOK += 1 }; if a { articleOK += 1 }
            if s && d && i && a { agree += 1 } else {
                print("fullform DIFF (symbol \(s), date \(d), issuer \(i), article \(a)): \(c.symbol ?? "-") \(c.issued?.iso ?? "-") \(c.issuers) | \(note.prefix(160))")
            }
        }
        let rate = Double(agree) / Double(max(total, 1))
        print(String(format: "ACCURACY phapdien-fullform: %d/%d agree (%.3f); symbol %d, date %d, issuer %d, article %d", agree, total, rate, symbolOK, dateOK, issuerOK, articleOK))
        #expect(total >= 600)
        #expect(rate >= 0.99)
    }

    @Test("Pháp điển notes, amendments: the amending document and the relation type", .enabled(if: SharedCorpus.has("phapdien/notes-amend.jsonl"), SharedCorpus.missing("phapdien/notes-amend.jsonl")))
    func phapdienAmend() throws {
        let url = try SharedCorpus.require("phapdien/notes-amend.jsonl")
        var tp = 0, fp = 0, fn = 0
        let verbs: [(String, Relation.RelationType)] = [("sửa đổi", .amends), ("bổ sung", .amends), ("bãi bỏ", .repeals), ("thay thế", .replaces)]
        for record in SharedCorpus.jsonLines(url) {
            guard let note = record["note"] as? String else { continue }
            // Expected edges (amending symbol, type) from the note's shape: "… bởi [Điều N] <Loại> số Y" or a title
            // "<X> Sửa đổi, bổ sung một số điều của <Loại> số Y" (X amends Y).
            var expected = Set<String>()
            let normalized = Normalizer.standard.normalize(note).string
            if let by = normalized.range(of: " bởi ") {
                let before = normalized[..<by.lowerBound]
                let tail = normalized[by.upperBound...]
                guard let so = tail.range(of: "số ") else { continue }
                let rest = tail[so.upperBound...].replacingOccurrences(of: " /", with: "/").replacingOccurrences(of: "/ ", with: "/")
                let symbol = String(rest.prefix { $0 != " " && $0 != "," && $0 != ")" })
                for (verb, type) in verbs where before.contains(verb) { expected.insert("\(symbol)>\(type.rawValue)") }
            } else if let title = normalized.range(of: "Sửa đổi, bổ sung một số điều của "), normalized[title.upperBound...].prefix(40).contains(" số ") {
                let head = normalized[..<title.lowerBound]
                guard let so = head.range(of: "số ") else { continue }
                let symbol = String(head[so.upperBound...].prefix { $0 != " " && $0 != "," })
                expected.insert("\(symbol)>amends")
            } else { continue }
            let (citations, relations) = extractor.extract(Normalizer.standard.normalize(note))
            var got = Set<String>()
            let subject = citations.firstIndex { $0.kind == .full }
            for r in relations {
                guard let from = r.from, let symbol = citations[from].symbol else { continue }
                // Only the edges of the note's own statement: to its subject ("… bởi Y") or from it (its title).
                guard r.to == subject || from == subject else { continue }
                got.insert("\(symbol)>\(r.type.rawValue)")
            }
            tp += got.intersection(expected).count
            fp += got.subtracting(expected).count
            fn += expected.subtracting(got).count
            if got != expected { print("amend DIFF got \(got.sorted()) expected \(expected.sorted()): \(note.prefix(200))") }
        }
        let (p, r) = Self.score(tp, fp, fn)
        print(String(format: "ACCURACY phapdien-amend: precision %.3f recall %.3f (tp %d, fp %d, fn %d)", p, r, tp, fp, fn))
        #expect(p >= 0.97)
        #expect(r >= 0.97)
    }
}
