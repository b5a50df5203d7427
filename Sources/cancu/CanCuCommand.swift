import ArgumentParser
import CanCu
import Foundation

/// `cancu`: reads Vietnamese legal and administrative documents and tells what they rest on.
@main
struct CanCuCommand: AsyncParsableCommand {
    /// Runs the command line with the project's exit codes: usage errors exit 2 (not 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Console.error(fullMessage(for: error))
                Foundation.exit(2)
            }
            if code == .success, !(error is ExitCode) {
                // --help and --version: printed through Console, so that a failed write is an error.
                let message = fullMessage(for: error)
                if !message.isEmpty { Console.line(message) }
                Foundation.exit(0)
            }
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "cancu",
        abstract: "Đọc văn bản pháp luật, hành chính Việt Nam: trích dẫn, căn cứ pháp lý, tham chiếu lỗi thời.",
        discussion: """
            Exit status: 0 done, 1 some input failed (or review found an error), 2 usage error.
            """,
        version: CanCuVersion.string,
        subcommands: [
            ExtractCommand.self,
            ReviewCommand.self,
            TokenizeCommand.self,
            TextCommand.self,
            GraphCommand.self,
            BenchCommand.self,
            BenchScalingCommand.self,
            IndexCommand.self,
            BasisCommand.self,
            CitedByCommand.self,
            ShowCommand.self,
            AnalyzeCommand.self,
            BenchIndexCommand.self,
            AnnotateCommand.self,
            ServeCommand.self,
            RegistryCommand.self,
        ]
    )
}

/// Exit codes shared by every subcommand.
enum ExitStatus {
    /// Some input could not be read (the others were processed).
    static let inputFailed = ExitCode(1)
}
