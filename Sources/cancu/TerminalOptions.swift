import ArgumentParser
import CanCu

/// `--width` and `--color` of the commands with text views for people.
struct TerminalOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Fit text to this many columns (default: the COLUMNS variable, else the terminal's width, else 100).", valueName: "n"))
    var width: Int?

    @Option(help: ArgumentHelp(
        "Colour severities: auto (only on a terminal, and not when NO_COLOR is set), always or never.", valueName: "when"))
    var color: TerminalStyle.ColorChoice = .auto

    func validate() throws {
        if let width, width < 1 { throw ValidationError("--width: give a positive number of columns, not \(width).") }
    }

    /// The style for standard output.
    var style: TerminalStyle { TerminalStyle.detect(width: width, color: color) }
}

extension TerminalStyle.ColorChoice: ExpressibleByArgument {}
