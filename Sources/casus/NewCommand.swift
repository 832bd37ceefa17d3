import ArgumentParser
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new")
}
