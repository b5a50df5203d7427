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

/// The rule constants of `dictionaries/rules.tsv`: read from the lexicon passed in, so a user's
/// `rules.tsv` (`--dictionaries`) changes what the extractor does.
@Suite("Rules")
struct RulesTests {
    /// A lexicon of the built-in dictionaries plus a user's `rules.tsv` with these rows.
    static func lexicon(_ rows: String) throws -> Lexicon {
        let dir = try IndexTestSupport.temporaryFolder("rules")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# test rules\nkey\tvalue\tcomment\n\(rows)".write(to: dir.appendingPathComponent("rules.tsv"), atomically: true, encoding: .utf8)
        return try Lexicon.load(userDirectory: dir.path)
    }

    static func extract(_ text: String, _ lexicon: Lexicon) -> (citations: [Citation], relations: [Relation]) {
        let extractor = CitationExtractor(lexicon: lexicon)
        return extractor.extract(Normalizer(lexicon: lexicon).normalize(text))
    }

    @Test("the built-in rules hold every window as a number")
    func builtIn() throws {
        let rules = Lexicon.builtIn.rules
        try rules.validate()
        #expect(rules.int("own_symbol_reach") == 4000 && rules.int("title_date_reach") == 1500 && rules.int("header_date_reach") == 6000)
        #expect(rules.list("issuer_types.QH").first == "Luật")
        #expect(rules.pairs("scope_openers").map(\.0) == ["căn cứ"])
        #expect(HeaderParser().ownDateRules.headerLength == 4000)
    }

    @Test("effect_clause, term_marker, header_length: the own-date readers use the lexicon passed in")
    func ownDates() throws {
        let text = Normalizer.standard.normalize("""
            Số: 15/KH-UBND
            Kế hoạch thực hiện chương trình, thời kỳ 2021 - 2030

            Kế hoạch này áp dụng kể từ ngày 01/3/2026.
            """)
        let builtIn = HeaderParser(lexicon: .builtIn).ownDates(DocumentHeader(symbol: "15/KH-UBND", title: "Kế hoạch thực hiện chương trình, thời kỳ 2021 - 2030"), text: text)
        #expect(builtIn.effective == nil && builtIn.termEnd == nil)
        let user = try Self.lexicon("effect_clause\táp dụng\tuser\nterm_marker\tthời kỳ\tuser\n")
        let read = HeaderParser(lexicon: user).ownDates(DocumentHeader(symbol: "15/KH-UBND", title: "Kế hoạch thực hiện chương trình, thời kỳ 2021 - 2030"), text: text)
        #expect(read.effective?.iso == "2026-03-01")
        #expect(read.termEnd == 2030)
        // A header length of 10 bytes does not reach the date line.
        let dated = Normalizer.standard.normalize("ỦY BAN NHÂN DÂN TỈNH X\nX, ngày 05 tháng 3 năm 2026\n")
        #expect(HeaderParser(lexicon: .builtIn).issueDate(dated)?.iso == "2026-03-05")
        #expect(HeaderParser(lexicon: try Self.lexicon("header_length\t10\tuser\n")).issueDate(dated) == nil)
    }

    @Test("a user's window that is not a number is refused with the key's name")
    func invalid() {
        #expect(throws: DictionaryTable.FormatError.self) { try Self.lexicon("title_date_reach\tabc\t\n") }
    }

    @Test("title_date_reach: a shorter window leaves a title's far date alone")
    func titleDateReach() throws {
        let text = "Căn cứ Thông tư số 27/2015/TT-NHNN Hướng dẫn thực hiện một số nội dung về nghiệp vụ ngân quỹ và kho quỹ ngày 15/12/2015 của Ngân hàng Nhà nước Việt Nam;\n"
        let builtIn = Self.extract(text, .builtIn).citations.first { $0.symbol == "27/2015/TT-NHNN" }
        #expect(builtIn?.issued == "2015-12-15")
        let short = Self.extract(text, try Self.lexicon("title_date_reach\t20\tshorter\n")).citations.first { $0.symbol == "27/2015/TT-NHNN" }
        #expect(short != nil && short?.issued == nil)
    }

    @Test("issuer_types: the default type of a UBTVQH symbol comes from the rules")
    func issuerTypes() throws {
        let text = "Theo quy định tại số 12/2022/UBTVQH15 về mức thu.\n"
        let builtIn = Self.extract(text, .builtIn).citations.first { $0.symbol == "12/2022/UBTVQH15" }
        #expect(builtIn?.type == "Nghị quyết")
        let user = try Self.lexicon("issuer_types.UBTVQH\tPháp lệnh|Nghị quyết\tdefault to ordinances\n")
        let changed = Self.extract(text, user).citations.first { $0.symbol == "12/2022/UBTVQH15" }
        #expect(changed?.type == "Pháp lệnh")
    }

    @Test("line_scope_openers: a user's opener types the paragraph's citations")
    func scopeOpeners() throws {
        let text = "Triển khai Quyết định số 104/QĐ-TTg ngày 25/01/2024 của Thủ tướng Chính phủ;\n"
        func type(_ lexicon: Lexicon) -> Relation.RelationType? {
            let (citations, relations) = Self.extract(text, lexicon)
            guard let index = citations.firstIndex(where: { $0.symbol == "104/QĐ-TTg" }) else { return nil }
            return relations.first { $0.to == index }?.type
        }
        #expect(type(.builtIn) != .implements)
        #expect(type(try Self.lexicon("line_scope_openers\tthực hiện=implements|triển khai=implements\twider\n")) == .implements)
    }

    @Test("the CLI reads rules.tsv from --dictionaries")
    func commandLine() throws {
        let dir = try IndexTestSupport.temporaryFolder("rules-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "Theo quy định tại số 12/2022/UBTVQH15 về mức thu.\n".write(to: dir.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try "key\tvalue\tcomment\nissuer_types.UBTVQH\tPháp lệnh|Nghị quyết\t\n"
            .write(to: dir.appendingPathComponent("rules/rules.tsv"), atomically: true, encoding: .utf8)
        let without = try DictionariesOptionTests.cancu(["extract", "t.txt"], in: dir)
        #expect(without.output.contains("\"type\":\"Nghị quyết\""))
        let with = try DictionariesOptionTests.cancu(["extract", "t.txt", "--dictionaries", "rules"], in: dir)
        #expect(with.status == 0, "\(with.error)")
        #expect(with.output.contains("\"type\":\"Pháp lệnh\""))
        try "key\tvalue\tcomment\nscope_length\tlong\t\n".write(to: dir.appendingPathComponent("rules/rules.tsv"), atomically: true, encoding: .utf8)
        let invalid = try DictionariesOptionTests.cancu(["extract", "t.txt", "--dictionaries", "rules"], in: dir)
        #expect(invalid.status == 2 && invalid.error.contains("scope_length"))
    }
}
