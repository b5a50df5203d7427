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

/// Runs the stage on a file.
private func temporalFile(_ url: URL) -> DocumentFacts? {
    guard case .success(let doc) = DocumentReader.read(url.path) else { return nil }
    return temporal(doc.text)
}

/// "24/01/2019" → "2019-01-24".
private func isoOf(_ dmy: Substring) -> String? {
    let parts = dmy.split(separator: "/").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    return LegalDate(year: parts[2], month: parts[1], day: parts[0])?.iso
}

/// Precision and recall of predicted values against truths (one slot per item).
private struct Score {
    var truths = 0, predicted = 0, correct = 0
    mutating func add(truth: String?, predicted p: String?) {
        if truth != nil { truths += 1 }
        if p != nil { predicted += 1 }
        if let truth, truth == p { correct += 1 }
    }
    var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
    var recall: Double { truths == 0 ? 1 : Double(correct) / Double(truths) }
    var line: String { String(format: "P %.3f R %.3f (%d correct, %d predicted, %d true)", precision, recall, correct, predicted, truths) }
}

@Suite("Temporal: real corpus")
struct TemporalCorpusTests {
    /// The header date as the Gazette prints it: the first "<Place>, ngày D tháng M năm Y" line of the first 40.
    static func headerTruth(_ text: String) -> String? {
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).prefix(40) {
            guard let r = line.range(of: ", ngày"), line.contains("tháng"), line.contains("năm") else { continue }
            let numbers = line[r.upperBound...].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if numbers.count == 3 { return LegalDate(year: numbers[2], month: numbers[1], day: numbers[0])?.iso }
            if numbers.count == 1 { return LegalDate(year: numbers[0])?.iso }
        }
        return nil
    }

    @Test("the header date of every congbao document, checked against metadata.jsonl's year", .enabled(if: SharedCorpus.has("congbao/metadata.jsonl"), SharedCorpus.missing("congbao/metadata.jsonl")))
    func congbaoHeaders() throws {
        let folder = try SharedCorpus.require("congbao")
        var years: [String: Int] = [:]
        for row in SharedCorpus.jsonLines(folder.appendingPathComponent("metadata.jsonl")) {
            if let file = row["file"] as? String, let year = row["nam"] as? Int { years[file] = year }
        }
        var score = Score()
        let files = SharedCorpus.files(in: "congbao")
        #expect(files.count == 24)
        for url in files {
            guard case .success(let doc) = DocumentReader.read(url.path) else { Issue.record("unreadable \(url.lastPathComponent)"); continue }
            let truth = Self.headerTruth(doc.text)
            if let truth, let year = years[url.lastPathComponent], (1990...2100).contains(year) {
                #expect(truth.hasPrefix(String(year)), "\(url.lastPathComponent): header \(truth), metadata \(year)")
            }
            let issued = temporal(doc.text).dates.filter { $0.role == .issued }
            #expect(issued.count <= 1)
            #expect(issued.first?.value.iso == truth, "\(url.lastPathComponent)")
            score.add(truth: truth, predicted: issued.first?.value.iso)
        }
        print("congbao header dates: \(score.line)")
        #expect(score.precision == 1 && score.recall == 1)
    }

    @Test("the issue and effective dates of every phapdien full-form note", .enabled(if: SharedCorpus.has("phapdien/notes-fullform.jsonl"), SharedCorpus.missing("phapdien/notes-fullform.jsonl")))
    func phapdienNotes() throws {
        let url = try SharedCorpus.require("phapdien/notes-fullform.jsonl")
        let notes = SharedCorpus.jsonLines(url).compactMap { $0["note"] as? String }
        #expect(notes.count == 628)
        var issuedScore = Score(), effectiveScore = Score()
        let cue = ", có hiệu lực thi hành kể từ ngày "
        for note in notes {
            // "(… ngày 16/06/2020 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/01/2021 )"
            guard let effectCue = note.range(of: cue, options: .backwards),
                  let ngay = note.range(of: "ngày ", options: .backwards, range: note.startIndex..<effectCue.lowerBound) else {
                Issue.record("note of another shape: \(note)"); continue
            }
            let truthEffective = isoOf(note[effectCue.upperBound...].prefix(while: { $0 != " " && $0 != ")" }))
            let truthIssued = isoOf(note[ngay.upperBound...].prefix(while: { $0 != " " }))
            let r = temporal(note)
            let effective = r.dates.last(where: { $0.role == .effective })
            let issued = r.dates.last(where: { $0.role == .cited && $0.range.upperBound <= (effective?.range.lowerBound ?? Int.max) })
            issuedScore.add(truth: truthIssued, predicted: issued?.value.iso)
            effectiveScore.add(truth: truthEffective, predicted: effective?.value.iso)
            #expect(effective?.value.iso == truthEffective, "\(note)")
            #expect(issued?.value.iso == truthIssued, "\(note)")
            #expect(r.document.effective == nil, "a note's effect clause is about a cited document")
        }
        print("phapdien issue dates: \(issuedScore.line)")
        print("phapdien effective dates: \(effectiveScore.line)")
    }

    @Test("news article: seven dates, three periods (plus two open ends), two targets", .enabled(if: SharedCorpus.has("news/000_3028a6c90c1b086a.txt"), SharedCorpus.missing("news/000_3028a6c90c1b086a.txt")))
    func news() throws {
        let r = try #require(temporalFile(try SharedCorpus.require("news/000_3028a6c90c1b086a.txt")))
        #expect(r.dates.map { "\($0.value) \($0.role.rawValue)" } == [
            "2022-11-14 issued", "2019-01-24 cited", "2019-03-07 cited", "2022-10-06 cited", "2021-06-15 cited",
            "2023-04-01 deadline", "2025-01-01 deadline"])
        #expect(r.dates.first?.text == "2022-11-14 09:31:01")
        // "Nghị quyết số 01 năm 2020, năm 2021" names documents: no dates.
        #expect(!r.dates.contains { $0.value == "2020" || $0.value == "2021" })
        let ranges = r.periods.filter { $0.from != nil }.map { "\($0.from!)-\($0.to!)" }
        #expect(ranges == ["2022-2025", "2022-2025", "2019-2020", "2021-2025", "2022-2025"])
        #expect(Set(ranges).count == 3)
        #expect(r.periods.filter { $0.from == nil }.map(\.text) == ["định hướng đến 2025", "định hướng đến năm 2030"])
        #expect(r.targets.count == 2)
        #expect(r.targets.map(\.value) == [100, 100])
        #expect(r.targets.map(\.unit) == ["%", "%"])
        #expect(r.targets.map(\.comparator) == [.exactly, .exactly])
        #expect(r.targets.map(\.deadline) == ["2023-04-01", "2025-01-01"])
        #expect(r.targets.map(\.subject) == ["TTHC nội bộ thuộc thẩm quyền giải quyết của các Sở, ban ngành",
                                             "TTHC nội bộ thuộc thẩm quyền giải quyết của các sở, ban ngành"])
        #expect(r.targets.map(\.period) == ["2022-2025", "2022-2025"])
    }

    @Test("Government resolution 122/NQ-CP: the goals are targets, the figures of its report on past months are not", .enabled(if: SharedCorpus.has("congbao/nghi-quyet-so-122-nq-cp-469492.txt"), SharedCorpus.missing("congbao/nghi-quyet-so-122-nq-cp-469492.txt")))
    func reportedResults() throws {
        let r = try #require(temporalFile(try SharedCorpus.require("congbao/nghi-quyet-so-122-nq-cp-469492.txt")))
        let values = Set(r.targets.map(\.value))
        // "phấn đấu tốc độ tăng trưởng GDP bình quân từ 10%/năm trở lên", "tiết kiệm điện tối thiểu
        // 3,0%", "tổng mức bán lẻ … năm 2026 tăng 13% đến 15%".
        #expect(values.isSuperset(of: [10, 3, 13, 15]))
        // "CPI bình quân 04 tháng đầu năm tăng 3,99%", "tăng 24,2% so với cùng kỳ; trong đó, xuất khẩu …
        // tăng 19,7%, nhập khẩu … tăng 28,7%", "đạt 14,2% kế hoạch … so với cùng kỳ năm 2025",
        // "tăng 22,8% so với cùng kỳ", "tăng lần lượt 32% và 9,8% so với cùng kỳ".
        #expect(values.isDisjoint(with: [3.99, 24.2, 19.7, 28.7, 14.2, 22.8, 32, 9.8]), "\(r.targets.map(\.text))")
    }

    @Test("the six codes: injury and disability rates are legal thresholds, not targets", .enabled(if: SharedCorpus.has("codes/raw_text"), SharedCorpus.missing("codes/raw_text")))
    func codesThresholds() throws {
        let files = try SharedCorpus.requireFiles(in: "codes/raw_text")
        var total = 0
        for url in files {
            guard let r = temporalFile(url) else { continue }
            total += r.targets.count
            #expect(!r.targets.contains { $0.text.contains("tổn thương") || $0.subject?.contains("tổn thương") == true },
                    "\(url.lastPathComponent): \(r.targets.prefix(3).map(\.text))")
        }
        // A few rule limits remain ("không quá 50% số giờ làm việc bình thường"); before the not_goal
        // phrases, the Criminal Code alone gave 214.
        #expect(total <= 5, "\(total) targets in the codes")
    }

    @Test("corpus/ke-hoach-thuc-hien-1085.txt: issue date, deadlines, periods and targets of corpus/README.md")
    func keHoach() {
        let url = SharedCorpus.projectCorpus.appendingPathComponent("ke-hoach-thuc-hien-1085.txt")
        guard let r = temporalFile(url) else { Issue.record("unreadable"); return }
        #expect(r.dates.first.map { "\($0.value) \($0.role.rawValue)" } == "2023-01-20 issued")
        #expect(r.document.effective == nil)
        let deadlines = Set(r.dates.filter { $0.role == .deadline }.map(\.value))
        #expect(deadlines == ["2023-02-28", "2023-03-31", "2023-04-01", "2023-06-30", "2023-12-15", "2023-06",
                              "2024-01-01", "2025-01-01", "2025-12", "2025"])
        let cited = r.dates.filter { $0.role == .cited }.map(\.value)
        #expect(Array(cited.prefix(9)) == ["2022-09-15", "2022-10-12", "2017-10-25", "2021-07-15", "2019-03-07", "2022-10-06",
                                            "2021-06-15", "2019-01-24", "2023-04-05"])
        let periods = Set(r.periods.map { "\($0.from?.iso ?? "")…\($0.to?.iso ?? "")" })
        #expect(periods == ["2022…2025", "2021…2030", "2019…2020", "…2025", "2021…2025", "…2030", "2023-04…2023-06"])
        // Two quarters: "trong quý II năm 2023" and the table cell "Quý II/2023".
        #expect(r.periods.filter { $0.from == "2023-04" }.map(\.text) == ["quý II năm 2023", "Quý II/2023"])
        let targets = r.targets.map { "\(ExtractView.formatNumber($0.value)) \($0.unit) \($0.comparator.rawValue) \($0.deadline?.iso ?? "-")" }
        #expect(Array(targets.prefix(7)) == ["100 % exactly 2023-04-01", "50 % at_least 2024-01-01", "100 % exactly 2025-01-01",
                                              "20 % at_least 2025-01-01", "20 % exactly 2025-01-01", "50 % at_least 2025",
                                              "5 đề án exactly -"])
        #expect(r.targets[0].subject == "TTHC nội bộ thuộc thẩm quyền giải quyết của các sở, ban, ngành, UBND cấp huyện, UBND cấp xã")
        #expect(r.targets[3].subject == "TTHC nội bộ")
        #expect(r.targets[4].subject == "chi phí tuân thủ TTHC nội bộ")
        #expect(r.targets[5].subject == "tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ TTHC nội bộ")
        #expect(r.targets[6].period == "2022-2025")
        // Annex rows restate targets (allowed duplicates); no other values.
        #expect(Set(r.targets.map(\.value)) == [100, 50, 20, 5])
    }

    @Test("corpus/nghi-dinh-mau.txt: split effective date; quyet-dinh: effect from signing")
    func effectSamples() {
        let decree = temporalFile(SharedCorpus.projectCorpus.appendingPathComponent("nghi-dinh-mau.txt"))
        #expect(decree?.document.effective == "2026-07-01")
        #expect(decree?.effectNotes.contains("khoản 2 Điều 5 Nghị định này có hiệu lực từ 2027-01-01") == true)
        #expect(decree?.dates.first.map { "\($0.value) \($0.role.rawValue)" } == "2026-05-15 issued")
        let decision = temporalFile(SharedCorpus.projectCorpus.appendingPathComponent("quyet-dinh-cong-bo-tthc-noi-bo.txt"))
        #expect(decision?.document.effective == "2023-03-28")
        #expect(decision?.dates.contains { $0.value == "2023-09-30" && $0.role == .deadline } == true)
        let letter = temporalFile(SharedCorpus.projectCorpus.appendingPathComponent("cong-van-huong-dan.txt"))
        #expect(letter?.dates.filter { $0.role == .issued }.map(\.value) == ["2026-05-12"])
        #expect(letter?.dates.contains { $0.value == "2026-06-15" && $0.role == .deadline } == true)
        #expect(letter?.dates.contains { $0.value == "2026-12-31" && $0.role == .deadline } == true)
        #expect(letter?.dates.contains { $0.value == "2025-07-01" && $0.role == .mention } == true)
        // The quoted dates of the correction are mentions.
        #expect(letter?.dates.filter { $0.value == "2026-06-30" || $0.value == "2026-07-31" }.map(\.role) == [.mention, .mention])
    }
}
