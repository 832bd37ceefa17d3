import Foundation
import Testing

@testable import CasusStore

@Suite struct StoreLocationTests {
    let env = ["HOME": "/home/t", "CASUS_DIR": "/c", "XDG_DATA_HOME": "/x"]

    @Test func precedence() {
        #expect(StoreLocation.resolve(explicit: "/d", environment: env).root.path == "/d")
        #expect(StoreLocation.resolve(explicit: "~/d", environment: env).root.path == "/home/t/d")
        #expect(StoreLocation.resolve(explicit: "", environment: env).root.path == "/c")
        #expect(StoreLocation.resolve(environment: env).root.path == "/c")
        var rest = env
        rest["CASUS_DIR"] = nil
        #expect(StoreLocation.resolve(environment: rest).root.path == "/x/casus")
        rest["XDG_DATA_HOME"] = "relative/ignored"
        #expect(StoreLocation.resolve(environment: rest).root.path == "/home/t/.local/share/casus")
        rest["XDG_DATA_HOME"] = nil
        #expect(StoreLocation.resolve(environment: rest).root.path == "/home/t/.local/share/casus")
        #expect(StoreLocation.resolve(environment: [:], home: "/h").root.path == "/h/.local/share/casus")
    }

    @Test func relativeExplicitDirIsMadeAbsolute() {
        let root = StoreLocation.resolve(explicit: "sessions", environment: env).root
        #expect(root.path.hasPrefix("/"))
        #expect(root.lastPathComponent == "sessions")
    }

    @Test func createIfNeededRefusesAFile() throws {
        let temp = try TempFolder()
        try data("x").write(to: temp.path("file"))
        #expect(throws: StoreError.self) { try StoreLocation(root: temp.path("file")).createIfNeeded() }
        try StoreLocation(root: temp.path("new")).createIfNeeded()
        try StoreLocation(root: temp.path("new")).createIfNeeded()
    }
}
