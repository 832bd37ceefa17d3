import ArgumentParser

@main
struct Casus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casus",
        abstract: "Play bullying cases as a group; check, test and report on scenarios.",
        subcommands: []
    )
}
