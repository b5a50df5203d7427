import ArgumentParser
import CanCu
import Foundation

/// `cancu registry`: what CanCu knows of documents' status, and tables of metadata to add to it.
struct RegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Danh mục văn bản: nhập bảng thuộc tính, tra cứu hiệu lực và nguồn của nó.",
        subcommands: [RegistryImportCommand.self, RegistryShowCommand.self]
    )
}

/// `cancu registry import FILE`: a metadata table into the index.
struct RegistryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập bảng thuộc tính văn bản (CSV, TSV hoặc JSON Lines) vào chỉ mục.",
        discussion: """
            The table has a header row (CSV, tab-separated) or one object a line (JSON Lines) with the
            columns the national database publishes: Số hiệu, Loại văn bản, Cơ quan ban hành, Ngày ban
            hành, Ngày có hiệu lực, Ngày hết hiệu lực, Tình trạng hiệu lực, Văn bản thay thế, Văn bản bị
            thay thế, Văn bản sửa đổi … (dictionaries/registry-columns.tsv lists every name it reads).
            Every row is checked; one wrong row and nothing is imported (exit 1, each problem with its
            line). Importing the same file again replaces its rows. Every command that opens the index
            (review --db, basis, show, cited-by, graph, serve) then uses the rows, each fact with its
            FILE:LINE as evidence.

            Examples:
              cancu registry import vbpl.csv --db cancu.sqlite
              cancu registry import trang-thai.jsonl
            """
    )

    @Argument(help: "The table: .csv, .tsv or .jsonl.")
    var file: String

    @OptionGroup var options: IndexOptions

    func run() throws {
        let lexicon = try options.lexicon()
        let table: RegistryImport.Table
        do {
            table = try RegistryImport(lexicon: lexicon).read(path: file)
        } catch {
            for problem in error.problems { Console.error("cancu: \(problem)") }
            Console.error("cancu: \(file): không nhập gì (\(error.problems.count) lỗi)")
            throw ExitStatus.inputFailed
        }
        try reportingIndexErrors { () throws(IndexError) in
            let index = try DocumentIndex.create(path: options.db, lockTimeout: options.lockTimeout)
            try ImportedRegistry.store(table, from: Self.absolute(file), into: index)
        }
        let implied = table.records.count - table.rows
        var message = "Đã nhập \(table.rows) văn bản từ \(file) vào \(options.db)"
        if implied > 0 { message += " (và \(implied) văn bản được nêu trong các cột quan hệ)" }
        Console.line(message)
        for warning in table.warnings { Console.error("cancu: cảnh báo: \(warning)") }
        if !table.ignoredColumns.isEmpty {
            Console.error("cancu: \(file): bỏ qua các cột không dùng: \(table.ignoredColumns.joined(separator: ", "))")
        }
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// `cancu registry show SYMBOL`: what is known of one document, source by source.
struct RegistryShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Hiệu lực của một văn bản theo từng nguồn: danh mục, bảng đã nhập, văn bản trong chỉ mục.",
        discussion: """
            The index (--db, when it exists) adds imported tables and what indexed documents say of the
            document (file and line). Sources that disagree are listed. Exit 1 when no source knows it.

            Examples:
              cancu registry show 61/2018/ND-CP
              cancu registry show "Nghị định 61/2018/NĐ-CP" --as-of 31/12/2024 --format json
            """
    )

    @Argument(help: "The document's number and symbol (a pasted citation works too).")
    var symbol: String

    @OptionGroup var options: IndexOptions

    @OptionGroup var terminal: TerminalOptions

    @Option(help: "Output format: text or json (one object).")
    var format: QueryFormat = .text

    func run() throws {
        let base: Lexicon
        do { base = try Lexicon.load(userDirectory: options.dictionaries) } catch { throw ValidationError("\(error)") }
        let canonical = SymbolQuery(lexicon: base).canonical(symbol)
        let hasIndex = FileManager.default.fileExists(atPath: options.db)
        let report = try reportingIndexErrors { () throws(IndexError) in
            let index = hasIndex ? try DocumentIndex.openForReading(path: options.db) : nil
            let imported = try index?.read { db in try ImportedRegistry.records(db) } ?? []
            return try RegistryReport.build(symbol: canonical, base: base, imported: imported, index: index,
                                            asOf: options.asOf.flatMap(AsOfDate.iso) ?? Reviewer.today())
        }
        guard report.isKnown else {
            Console.error("cancu: không tìm thấy văn bản \(canonical) trong danh mục"
                          + (hasIndex ? ", các bảng đã nhập hay văn bản của chỉ mục \(options.db)" : " (không có chỉ mục \(options.db))"))
            throw ExitStatus.inputFailed
        }
        switch format {
        case .json:
            var json = JSONWriter()
            RegistryView.writeJSON(report, to: &json)
            Console.write(json.bytes)
        case .text:
            Console.write(RegistryView.text(report, style: terminal.style))
        }
    }
}
