import ArgumentParser
import CanCu
import CanCuServe
import Foundation
import Hummingbird

/// `cancu serve`: the local web app and HTTP API over an index.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Chạy trang web và API tra cứu chỉ mục (chỉ đọc) trên máy này.",
        discussion: """
            Pages: / (search), /thu-tuc?ma=CODE, /van-ban?so=SYMBOL, /kiem-tra (review a pasted text).
            API: /api/v1/search, basis, show, cited-by, review (POST), graph; /api/v1/openapi.yaml.
            Listens on 127.0.0.1 unless --host says otherwise (then anyone on the network reads the index).
            Examples:
              cancu serve --db cancu.sqlite
              cancu serve --port 9000
            """
    )

    @Option(help: ArgumentHelp("The index file (opened read-only).", valueName: "file"))
    var db: String = "cancu.sqlite"

    @Option(help: ArgumentHelp("The address to listen on (loopback by default).", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(help: ArgumentHelp("The port (0: any free port, printed on start).", valueName: "port"))
    var port: Int = 8080

    @Option(name: .long, help: ArgumentHelp("A folder of extra .tsv dictionaries (added to the built-in ones).", valueName: "dir"))
    var dictionaries: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date statuses and findings are judged by (ISO, default today).", valueName: "date"))
    var asOf: String?

    @Option(name: .customLong("max-body"), help: ArgumentHelp("The largest request body in bytes (a text to review).", valueName: "bytes"))
    var maxBody: Int = 2 * 1024 * 1024

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Seconds a request may take before it gets 503.", valueName: "seconds"))
    var timeLimit: Int = 10

    func validate() throws {
        if let asOf, AsOfDate.iso(asOf) == nil { throw ValidationError(AsOfDate.refusal(asOf)) }
        if !(0...65535).contains(port) { throw ValidationError("--port: 0 to 65535") }
        if maxBody < 1 || timeLimit < 1 { throw ValidationError("--max-body and --time-limit must be positive") }
    }

    func run() async throws {
        let lexicon: Lexicon
        do { lexicon = try ImportedRegistry.lexicon(userDirectory: dictionaries, indexPath: db) } catch { throw ValidationError("\(error)") }
        var options = ServeOptions()
        options.host = host
        options.port = port
        options.database = db
        options.asOf = asOf.flatMap(AsOfDate.iso)
        options.maxBodyBytes = maxBody
        options.timeLimit = .seconds(timeLimit)
        if !ServeOptions.isLoopback(host) { Console.error(ServeOptions.exposureWarning(host: host)) }
        let app: ServeApp
        do { app = try ServeApp(options: options, lexicon: lexicon) } catch {
            Console.error("cancu: \(error)")
            throw ExitStatus.inputFailed
        }
        try await app.run { address in Console.error("cancu serve: http://\(address)/ (chỉ mục \(db), chỉ đọc; Ctrl-C để dừng)") }
    }
}
