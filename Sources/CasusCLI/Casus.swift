import ArgumentParser
import CasusSession
import CasusTerminal
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The `casus` command line: thin commands over CasusCore, CasusStore and CasusTerminal.
struct Casus: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "casus",
            abstract: CommandLanguage.text("Speel pestcasussen als groep leraren; controleer en test scenario's en maak er een verslag van.", "Play bullying cases as a group of teachers; check, test and report on scenarios."),
            version: CasusVersion.current,
            subcommands: [
                PlayCommand.self, CheckCommand.self, TestCommand.self, SheetCommand.self, SessionsCommand.self,
                DeleteCommand.self, ReportCommand.self, RoomCommand.self, FmtCommand.self, NewCommand.self, ListCommand.self,
                LSPCommand.self,
            ]
        )
    }
}

/// Runs the command line of `casus` and of `casus-room` (see `RoomNetwork`); usage errors
/// exit with status 2 (not ArgumentParser's 64), as the README promises, and no error ever
/// prints a stack trace.
public enum CasusMain {
    public static func main() -> Never {
        do {
            var command = try Casus.parseAsRoot(CommandLanguage.withoutLangForHelp(Array(CommandLine.arguments.dropFirst())))
            try command.run()
            exit(0)
        } catch {
            let code = Casus.exitCode(for: error)
            // A CasusFailure is already a whole sentence in the chosen language: no English
            // "Error: " in front of it.
            let message = (error as? CasusFailure).map { Self.wrapped($0.message) }
                ?? UsageText.translate(Casus.fullMessage(for: error), to: CommandLanguage.current)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((message + "\n").utf8))
                exit(2)
            }
            if !message.isEmpty {
                let stream = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                stream.write(Data((message + "\n").utf8))
            }
            exit(code.rawValue)
        }
    }

    /// `message` wrapped to the width of the terminal on standard error, if it is one; long
    /// paths stay whole when it is not.
    static func wrapped(_ message: String) -> String {
        guard let width = TerminalCapabilities.windowColumns(fd: STDERR_FILENO) else { return message }
        return TextWrap.wrap(message, width: width).joined(separator: "\n")
    }
}
