import CasusCore
import CasusSession
import CasusStore
import CasusTerminal
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What only the room's network half can do: serve a room (`casus room`), send a stored
/// session (`casus room send`) and join one while playing (`casus play --room`).
///
/// That half, with its HTTP server and client and everything they bring (SwiftNIO, TLS),
/// is a second executable, `casus-room`. Linked into `casus` the libraries made it five
/// times as large, and every command paid for them at start (about 2 ms of CPU and 3 MB,
/// measured side by side), so `casus` does without them and hands these three commands to
/// `casus-room`, which runs the same command line with this protocol filled in.
public protocol RoomNetwork: Sendable {
    /// Serves the room in `folder` on `listen` until Ctrl-C.
    func open(listen: String, host: String, port: Int, folder: URL, language: Language) throws

    /// Sends the room what it is missing of the sessions that ended while it was away.
    func send(room: String?, code: String?, sessions: SessionStore, language: Language) throws

    /// Finds the room before play begins (see `RoomJoin`).
    func join(_ request: RoomJoinRequest) -> RoomJoin
}

/// What `casus play --room` knows when it looks for the room.
public struct RoomJoinRequest {
    public let url: String
    public let code: String
    public let loaded: ScenarioLoader.Result
    public let scenarioPath: String
    public let language: Language
    public let editor: any LineEditor
    public let interactive: Bool
    public let say: (String) -> Void

    init(
        url: String, code: String, loaded: ScenarioLoader.Result, scenarioPath: String, language: Language,
        editor: any LineEditor, interactive: Bool, say: @escaping (String) -> Void
    ) {
        (self.url, self.code, self.loaded, self.scenarioPath) = (url, code, loaded, scenarioPath)
        (self.language, self.editor, self.interactive, self.say) = (language, editor, interactive, say)
    }
}

/// How looking for the room ended.
public enum RoomJoin {
    /// The group plays in the room.
    case playing(any RoomPlaying)
    /// The group plays without a room (it chose so, or the room refused the scenario); said.
    case withoutRoom
    /// Play should not start (a wrong address, or a wrong code on piped input); said.
    case stop
}

/// A play session's link to its room, as `PlayCommand` uses it.
public protocol RoomPlaying: AnyObject {
    /// What the REPL asks at every prompt.
    var feed: any RoomFeed { get }
    /// The recorder that also hands the room each durable write.
    func recorder(wrapping inner: any SessionRecorder) -> any SessionRecorder
    /// After play: a short, bounded wait for the rest to reach the room.
    func finish(say: (String) -> Void)
}

public enum RoomNetworks {
    /// Set by `casus-room` around the whole command line; nil in `casus`.
    @TaskLocal public static var installed: (any RoomNetwork)?

    /// The room's network half: in `casus-room` itself, else this process becomes
    /// `casus-room` with the same arguments (so this returns only there).
    static func current() throws -> any RoomNetwork {
        if let installed { return installed }
        let candidates = RoomExecutable.candidates()
        for path in candidates where FileManager.default.isExecutableFile(atPath: path) {
            let arguments = [path] + CommandLine.arguments.dropFirst()
            let argv = arguments.map { strdup($0) } + [nil]
            execv(path, argv)
            // Only reached when exec failed; fall through to the message.
            break
        }
        throw CasusFailure(CommandLanguage.text(
            "De zaal zit in het programma casus-room, dat bij deze installatie ontbreekt of niet start (gezocht: \(candidates.joined(separator: ", "))). Installeer casus opnieuw (het .deb-pakket of make install), of bouw het: swift build -c release --product casus-room.",
            "The room lives in the program casus-room, which this installation lacks or cannot start (looked for: \(candidates.joined(separator: ", "))). Install casus again (the .deb package or make install), or build it: swift build -c release --product casus-room."))
    }
}

/// Where `casus-room` is: next to `casus` (a build folder), else in `lib/casus` beside the
/// `bin` folder `casus` is installed in (`make install`, the .deb).
enum RoomExecutable {
    static func candidates() -> [String] {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let folder = me.deletingLastPathComponent()
        return [
            folder.appendingPathComponent("casus-room").path,
            folder.deletingLastPathComponent().appendingPathComponent("lib/casus/casus-room").path,
        ]
    }
}
