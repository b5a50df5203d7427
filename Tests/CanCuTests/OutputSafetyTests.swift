import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CanCuText

/// Writes that fail are errors, and untrusted text cannot act on a spreadsheet, an XML parser or a
/// terminal (issue 14, points 4 and 5): the built `cancu` run on documents holding `=`, `@`, ESC,
/// BEL, C1 controls, U+FFFE and U+FFFF, and with its output sent to `/dev/full`.
@Suite("Output safety")
struct OutputSafetyTests {
    /// A folder with a document whose text holds every kind of hostile character, indexed.
    static func hostileFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cancu-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = """
            CHÍNH PHỦ
            Số: 15/2020/NĐ-CP
            Hà Nội, ngày 03 tháng 02 năm 2020

            NGHỊ ĐỊNH
            Quy định xử phạt \u{1B}[31mđỏ\u{1B}[0m\u{07} \u{9B}2J vi phạm\u{FFFE}\u{FFFF}\u{01}

            Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
            Căn cứ Nghị định số 61/2018/NĐ-CP\u{1B}]0;pwned\u{07} ngày 23 tháng 4 năm 2018;

            Điều 1. Sửa đổi Nghị định số 174/2013/NĐ-CP ngày 13 tháng 11 năm 2013.

            """
        try Data(text.utf8).write(to: folder.appendingPathComponent("hostile.txt"))
        let record = #"{"ma_thu_tuc":"=1+1","ten_thu_tuc":"@SUM(A1) \u001b[2J thủ tục\u0007","can_cu_phap_ly":"Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 \u001b[5m"}"#
        try Data((record + "\n").utf8).write(to: folder.appendingPathComponent("records.jsonl"))
        return folder
    }

    static let controls: [UInt8] = [0x1B, 0x07, 0x01]

    /// Whether the bytes hold a C0 control other than tab, LF and CR, DEL, or a C1 control.
    static func hasTerminalControl(_ data: Data) -> Bool {
        let bytes = [UInt8](data)
        for (i, b) in bytes.enumerated() {
            if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F { return true }
            if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return true }
        }
        return false
    }

    // MARK: Point 4: write errors

    @Test("Every command that prints exits 1 with a message when standard output cannot be written (/dev/full)",
          .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func fullDisk() throws {
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = SharedCorpus.projectCorpus.path
        let index = try CommandLineRun.cancu(["index", corpus, "--db", "x.sqlite"], in: folder)
        #expect(index.status == 0, "\(index.error)")
        let commands: [[String]] = [
            ["extract", corpus, "--format", "json"], ["extract", corpus, "--format", "text"], ["extract", corpus, "--text"],
            ["text", corpus], ["tokenize", corpus], ["tokenize", corpus, "--format", "json"], ["tokenize", corpus, "--format", "count"],
            ["review", corpus], ["review", corpus, "--format", "json"], ["review", "--db", "x.sqlite"],
            ["graph", corpus, "--format", "dot"], ["graph", corpus, "--format", "graphml"], ["graph", corpus, "--format", "json"],
            ["graph", corpus, "--format", "csv"], ["graph", corpus, "--format", "mermaid"], ["graph", "--db", "x.sqlite"],
            ["basis", "thu tuc", "--db", "x.sqlite"], ["basis", "1.004222", "--db", "x.sqlite", "--format", "json"],
            ["show", "61/2018/NĐ-CP", "--db", "x.sqlite"], ["cited-by", "61/2018/NĐ-CP", "--db", "x.sqlite"],
            ["analyze", corpus, "--db", "y.sqlite", "--no-graph"], ["--help"], ["--version"], ["extract", "--help"],
        ]
        for arguments in commands {
            let run = try CommandLineRun.cancu(arguments, in: folder, standardOutput: "/dev/full")
            #expect(run.status == 1, "cancu \(arguments.joined(separator: " ")) > /dev/full: exit \(run.status)")
            #expect(run.error.contains("không ghi được đầu ra chuẩn"), "cancu \(arguments.joined(separator: " ")): \(run.error)")
        }
        // A file that cannot be written: graph --output.
        let output = try CommandLineRun.cancu(["graph", corpus, "--output", "/dev/full", "--format", "graphml"], in: folder)
        #expect(output.status == 1)
        #expect(output.error.contains("không ghi được tệp '/dev/full'"), "\(output.error)")
        // The same commands still exit 0 when the output can be written.
        let fine = try CommandLineRun.cancu(["extract", corpus, "--format", "text"], in: folder)
        #expect(fine.status == 0 && !fine.output.isEmpty)
    }

    // MARK: Point 5: CSV, XML, terminal

    @Test("CSV cells that start a formula are neutralised in both dialects; --bom starts each CSV with a byte order mark")
    func csvCells() throws {
        #expect(OutputSafety.csvCell("=1+1") == "'=1+1")
        for start in ["+", "-", "@", "\t", "\r"] { #expect(OutputSafety.csvCell(start + "x") == "'" + start + "x") }
        #expect(OutputSafety.csvCell("15/2020/NĐ-CP") == "15/2020/NĐ-CP")
        #expect(OutputSafety.csvCell("") == "")
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for dialect in ["gephi", "neo4j"] {
            let run = try CommandLineRun.cancu(["graph", ".", "--format", "csv", "--csv-dialect", dialect], in: folder)
            #expect(run.status == 0, "\(run.error)")
            #expect(!run.output.starts(with: OutputSafety.utf8BOM))
            var cells: [String] = []
            for line in run.lines { cells += Self.csvFields(String(line)) }
            #expect(cells.contains("'=1+1"), "\(run.text)")
            #expect(cells.contains { $0.hasPrefix("'@SUM(A1)") }, "\(run.text)")
            for cell in cells { #expect(!cell.hasPrefix("=") && !cell.hasPrefix("@") && !cell.hasPrefix("+"), "cell \(cell)") }
            // The edge table names the neutralised node id, so imports still link.
            #expect(run.lines.contains { $0.hasPrefix("'=1+1,") }, "\(run.text)")
        }
        let bom = try CommandLineRun.cancu(["graph", ".", "--format", "csv", "--bom"], in: folder)
        #expect(bom.output.starts(with: OutputSafety.utf8BOM))
        #expect(bom.output.dropFirst(3).firstRange(of: Data(OutputSafety.utf8BOM)) == nil, "one byte order mark per stream")
        let files = try CommandLineRun.cancu(["graph", ".", "--output", "g.csv", "--bom"], in: folder)
        #expect(files.status == 0, "\(files.error)")
        for name in ["g-nodes.csv", "g-edges.csv"] {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(data.starts(with: OutputSafety.utf8BOM), "\(name)")
        }
    }

    /// The fields of one CSV line (RFC 4180 quotes).
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false, previousQuote = false
        for c in line {
            if quoted {
                if c == "\"" { quoted = false; previousQuote = true } else { field.append(c) }
            } else if c == "\"" {
                if previousQuote { field.append("\"") }
                quoted = true
            } else if c == "," {
                fields.append(field); field = ""; previousQuote = false
            } else {
                field.append(c); previousQuote = false
            }
        }
        fields.append(field)
        return fields
    }

    @Test("GraphML of documents holding controls, U+FFFE and U+FFFF is well-formed XML (also what analyze writes)")
    func graphMLWellFormed() throws {
        #expect(OutputSafety.xml("a\u{1B}b\u{FFFE}c\u{FFFF}d\u{0}e") == "abcde")
        #expect(OutputSafety.xml("x<y & \"z\"\n") == "x&lt;y &amp; &quot;z&quot;&#10;")
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandLineRun.cancu(["graph", ".", "--format", "graphml"], in: folder)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.text.contains("1+1"), "the record's node is in the graph")
        try Self.expectWellFormed(run.output)
        let analyze = try CommandLineRun.cancu(["analyze", ".", "--db", "a.sqlite"], in: folder)
        #expect(analyze.status <= 1, "\(analyze.error)")
        try Self.expectWellFormed(try Data(contentsOf: folder.appendingPathComponent("a.graph.graphml")))
        // DOT leaves them out too, so that Graphviz's SVG is well-formed.
        let dot = try CommandLineRun.cancu(["graph", ".", "--format", "dot"], in: folder)
        #expect(dot.output.firstRange(of: Data([0xEF, 0xBF, 0xBE])) == nil && !dot.output.contains(0x1B))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") {
            let svg = try CommandLineRun.cancu(["graph", ".", "--render", "svg", "--output", "g.svg"], in: folder)
            #expect(svg.status == 0, "\(svg.error)")
            try Self.expectWellFormed(try Data(contentsOf: folder.appendingPathComponent("g.svg")))
        }
    }

    static func expectWellFormed(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let parser = XMLParser(data: data)
        let ok = parser.parse()
        #expect(ok, "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?")", sourceLocation: sourceLocation)
        for forbidden: [UInt8] in [[0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF], [0x1B], [0x07]] {
            #expect(data.firstRange(of: Data(forbidden)) == nil, "\(forbidden) in the XML", sourceLocation: sourceLocation)
        }
    }

    @Test("Text views show ESC, BEL and C1 controls from documents and records as symbols; JSON escapes them")
    func terminalViews() throws {
        #expect(OutputSafety.terminal("a\u{1B}[31mb\u{07}") == "a\u{241B}[31mb\u{2407}")
        #expect(OutputSafety.terminal("x\u{9B}y\u{7F}") == "x\u{FFFD}y\u{2421}")
        #expect(OutputSafety.terminal("dòng 1\r\ndòng\t2\n") == "dòng 1\r\ndòng\t2\n")
        #expect(OutputSafety.terminal("ẩn\rhiện") == "ẩn\u{240D}hiện")
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = try CommandLineRun.cancu(["index", ".", "--db", "x.sqlite"], in: folder)
        #expect(index.status == 0, "\(index.error)")
        let views: [[String]] = [
            ["extract", "hostile.txt", "--format", "text"], ["tokenize", "hostile.txt"], ["review", "."],
            ["basis", "=1+1", "--db", "x.sqlite"], ["basis", "thu tuc", "--db", "x.sqlite"],
            ["show", "15/2020/NĐ-CP", "--db", "x.sqlite"], ["show", "61/2018/NĐ-CP", "--db", "x.sqlite"],
            ["cited-by", "61/2018/NĐ-CP", "--db", "x.sqlite"], ["analyze", ".", "--db", "y.sqlite", "--no-graph"],
        ]
        var sawSymbol = false
        for arguments in views {
            let run = try CommandLineRun.cancu(arguments, in: folder)
            #expect(run.status <= 1, "cancu \(arguments.joined(separator: " ")): \(run.error)")
            #expect(!run.output.isEmpty, "cancu \(arguments.joined(separator: " ")) printed nothing")
            #expect(!Self.hasTerminalControl(run.output), "cancu \(arguments.joined(separator: " ")) printed a control: \(run.text)")
            #expect(!Self.hasTerminalControl(Data(run.error.utf8)), "cancu \(arguments.joined(separator: " ")) stderr")
            sawSymbol = sawSymbol || run.text.contains("\u{241B}")
        }
        #expect(sawSymbol, "the ESC of the documents is shown as ␛ somewhere")
        // JSON keeps the contract: the controls are escaped, the strings decode to the original text.
        let json = try CommandLineRun.cancu(["extract", "hostile.txt"], in: folder)
        #expect(!json.output.contains(0x1B) && !json.output.contains(0x07))
        let object = try #require(try JSONSerialization.jsonObject(with: json.output) as? [String: Any])
        let citations = try #require(object["citations"] as? [[String: Any]])
        #expect(citations.contains { ($0["text"] as? String)?.contains("61/2018/NĐ-CP") == true })
        let tokens = try CommandLineRun.cancu(["tokenize", "hostile.txt", "--format", "json"], in: folder)
        #expect(!tokens.output.contains(0x1B))
        // `cancu text` is the exact text offsets point into: kept byte for byte.
        let text = try CommandLineRun.cancu(["text", "hostile.txt"], in: folder)
        #expect(text.output.contains(0x1B))
    }
}
