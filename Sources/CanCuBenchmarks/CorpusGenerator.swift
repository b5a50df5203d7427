import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import CanCuGraph
import Foundation

/// Makes large test corpora from real documents, for the index benchmarks and the kill test:
/// copy `n` is a real text whose digits are shifted by a per-copy amount (so numbers, symbols
/// and dates differ between copies) and whose first line names the copy; and synthetic index
/// contents (documents citing each other, procedures with a legal basis) for query latency.
///
/// ```swift
/// let generator = CorpusGenerator(sources: texts)
/// let written = try generator.write(bytes: 1_000_000_000, to: "/tmp/big")   // files and bytes written
/// ```
package struct CorpusGenerator: Sendable {
    public let sources: [[UInt8]]

    public init(sources: [String]) {
        self.sources = sources.map { Array($0.utf8) }.filter { !$0.isEmpty }
    }

    /// Copy `n`: the source `n % count` with every ASCII digit shifted by `1 + n % 9` (mod 10).
    public func copy(_ n: Int) -> [UInt8] {
        guard !sources.isEmpty else { return [] }
        let source = sources[n % sources.count]
        let shift = UInt8(1 + n % 9)
        var out = Array("Bản sao thử nghiệm số \(n)\n".utf8)
        out.reserveCapacity(source.count + out.count)
        for b in source {
            out.append(b >= 0x30 && b <= 0x39 ? 0x30 + (b - 0x30 + shift) % 10 : b)
        }
        return out
    }

    /// Writes copies into `folder` (100 files per subfolder) until `bytes` are written; returns
    /// the number of files and bytes.
    public func write(bytes: Int, to folder: String, startingAt first: Int = 0) throws -> (files: Int, bytes: Int) {
        var written = 0
        var n = first
        while written < bytes && !sources.isEmpty {
            let sub = (folder as NSString).appendingPathComponent(String(format: "%05d", n / 100))
            if n % 100 == 0 || n == first {
                try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
            }
            let data = copy(n)
            try Data(data).write(to: URL(fileURLWithPath: (sub as NSString).appendingPathComponent("van-ban-\(n).txt")))
            written += data.count
            n += 1
        }
        return (n - first, written)
    }

    /// Synthetic analyses for a query benchmark: `documents` decrees citing earlier ones, and
    /// `procedures` records (in files of 1,000) each based on three of those decrees, named after
    /// `names` (real procedure names; a copy number tells them apart) or, without them, after
    /// real procedure words.
    public static func syntheticAnalyses(documents: Int, procedures: Int, names: [String] = []) -> [FileAnalysis] {
        let words = ["cấp", "đổi", "thẻ", "căn", "cước", "đăng", "ký", "thường", "trú", "khai", "sinh", "giao", "đất",
                     "thuê", "giấy", "phép", "xây", "dựng", "hộ", "tịch", "lao", "động", "nội", "quy", "doanh", "nghiệp",
                     "thuế", "hải", "quan", "môi", "trường", "tạm", "vắng", "kết", "hôn", "chứng", "thực", "bản", "sao"]
        func symbol(_ i: Int) -> String { "\(i % 9000 + 1)/\(2000 + i / 9000 % 26)/NĐ-CP" }
        func citation(_ i: Int, pinpoint: Bool) -> Citation {
            Citation(source: 0..<10, range: 0..<10, text: "Nghị định số \(symbol(i))", symbol: symbol(i), type: "Nghị định",
                     number: String(i % 9000 + 1), year: 2000 + i / 9000 % 26, issuers: ["CP"],
                     pinpoints: pinpoint ? [Pinpoint(article: String(i % 50 + 1), clause: String(i % 5 + 1))] : [], kind: .full)
        }
        var files: [FileAnalysis] = []
        for d in 0..<documents {
            let cited = (1...4).map { citation((d &* 7919 &+ $0 &* 104_729) % max(1, documents), pinpoint: $0 == 1) }
            let header = DocumentHeader(symbol: symbol(d), type: "Nghị định", issuer: "CHÍNH PHỦ",
                                        issued: LegalDate(year: 2000 + d / 9000 % 26, month: 1, day: 1), place: "Hà Nội",
                                        title: "Quy định chi tiết " + (0..<6).map { words[(d &+ $0 &* 31) % words.count] }.joined(separator: " "))
            let relations = cited.indices.map { Relation(from: nil, to: $0, type: .basis, source: 0..<10) }
            files.append(FileAnalysis(path: "/synthetic/documents/\(d).txt", kind: .document,
                                      documents: [DocumentFacts(path: "/synthetic/documents/\(d).txt", document: header, citations: cited, relations: relations)]))
        }
        var batch: [Procedure] = []
        for p in 0..<procedures {
            let name = names.isEmpty
                ? (0..<7).map { words[(p &* 13 &+ $0 &* (p % 7 + 3)) % words.count] }.joined(separator: " ")
                : names[p % names.count] + " (bản \(p / names.count))"
            let code = String(format: "%d.%06d", 1 + p % 3, p)
            let basis = (0..<3).map { citation((p &* 31 &+ $0 &* 7) % max(1, documents), pinpoint: $0 == 0) }
            batch.append(Procedure(code: code, name: name.prefix(1).uppercased() + name.dropFirst(), agency: "Bộ Công an",
                                   field: "Thử nghiệm", level: "Cấp tỉnh", publishedBy: "\(p % 900 + 1)/QĐ-BCA",
                                   basis: basis, basisText: "", origin: .record,
                                   sourcePath: "/synthetic/records/\(p / 1000).jsonl", source: 0..<1))
            if batch.count == 1000 || p == procedures - 1 {
                files.append(FileAnalysis(path: "/synthetic/records/\(p / 1000).jsonl", kind: .records, records: batch))
                batch = []
            }
        }
        return files
    }
}
