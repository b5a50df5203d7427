import Foundation
import Testing
@testable import CanCu
@testable import CanCuModel
@testable import CanCuIndex

/// `--as-of` as a Vietnamese reviewer writes it, and impossible days refused, through the CLI.
@Suite("--as-of: dd/mm/yyyy accepted, impossible days refused")
struct AsOfOptionTests {
    @Test("review --as-of 31/12/2025 judges as of that day, like 2025-12-31; 2025-02-31 and 31/13/2025 are refused")
    func asOf() throws {
        let dir = try IndexTestSupport.temporaryFolder("as-of")
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("corpus").path
        let iso = try CommandLineRun.cancu(["review", corpus, "--as-of", "2025-12-31", "--format", "json"], in: dir)
        let vietnamese = try CommandLineRun.cancu(["review", corpus, "--as-of", "31/12/2025", "--format", "json"], in: dir)
        #expect(iso.status == vietnamese.status && (iso.status == 0 || iso.status == 1))
        #expect(!iso.output.isEmpty && iso.output == vietnamese.output)
        for impossible in ["2025-02-31", "31/13/2025", "2025", "hôm nay"] {
            let refused = try CommandLineRun.cancu(["review", corpus, "--as-of", impossible], in: dir)
            #expect(refused.status == 2, "\(impossible)")
            #expect(refused.error.contains("không phải một ngày có thật"), "\(impossible): \(refused.error)")
        }
        #expect(LegalDate(userInput: "31/12/2025")?.iso == "2025-12-31")
        #expect(LegalDate(userInput: "2025-02-31") == nil)
    }
}
