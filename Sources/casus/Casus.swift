import ArgumentParser
import Foundation

/// The `casus` command line: thin commands over CasusCore, CasusStore and CasusTerminal.
struct Casus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casus",
        abstract: "Play bullying cases as a group of teachers; check, test and report on scenarios.",
        version: CasusVersion.current,
        subcommands: [
            PlayCommand.self, CheckCommand.self, TestCommand.self, SheetCommand.self, SessionsCommand.self,
            DeleteCommand.self, ReportCommand.self, FmtCommand.self, NewCommand.self, ListCommand.self,
        ]
    )
}

/// Runs the command; usage errors exit with status 2 (not ArgumentParser's 64), as the
/// README promises, and no error ever prints a stack trace.
@main
enum Main {
    static func main() {
        do {
            var command = try Casus.parseAsRoot()
            try command.run()
        } catch {
            let code = Casus.exitCode(for: error)
            let message = Casus.fullMessage(for: error)
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
}
