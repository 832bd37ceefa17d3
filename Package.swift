// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "casus",
    // Linux only (see README): no macOS machine builds or tests casus, so none is claimed.
    products: [
        .executable(name: "casus", targets: ["casus"]),
        .executable(name: "casus-room", targets: ["casus-room"]),
    ],
    dependencies: [
        // The only external dependency: the command line surface.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The group's side of the room (casus play --room). Only CasusRoomLink links it.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // The room's HTTP server (casus room). Only CasusRoom links it.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already in Hummingbird's graph; named for the products CasusRoom imports.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        // GNU readline, nothing else. Linked only by CasusTerminal.
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // The language and the engine: syntax -> check -> runtime -> sheet.
        // No terminal, no files, no clock.
        .target(name: "CasusCore"),
        // Journal, resume, atomic sheet writes, permissions.
        .target(name: "CasusStore"),
        // `casus lsp`: the protocol's framing and messages (Codable), and the server over the core.
        .target(name: "CasusLSP", dependencies: ["CasusCore"]),
        // Line editor (readline on a TTY, plain lines otherwise), colour, the REPL.
        .target(name: "CasusTerminal", dependencies: ["CasusCore", "CReadline"]),
        // The durable session recorder (journal, sheets, meta.json), opening and resuming a
        // play session, store errors as sentences, scenarios read from disk.
        .target(name: "CasusSession", dependencies: ["CasusCore", "CasusStore", "CasusTerminal"]),
        // The room's API bodies (docs/room-protocol.md), one spelling for the room and the link.
        .target(name: "CasusRoomWire"),
        // The group's side of the room: join, send the journal, poll the room's status.
        .target(
            name: "CasusRoomLink",
            dependencies: ["CasusRoomWire", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        // The room (casus room): HTTP server, the facilitator's pages, the room's journals.
        .target(
            name: "CasusRoom",
            dependencies: [
                "CasusCore", "CasusStore", "CasusRoomWire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.embedInCode("Assets")]
        ),
        // Test-only helpers: pseudo-terminal and pipe process runners. Lives under
        // Tests/ and is no product, so it never ships.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Test-only probe around the line editor, driven by the PTY tests. No product.
        .executableTarget(name: "casus-line-probe", dependencies: ["CasusCore", "CasusTerminal"]),
        // `make bench`: drives the release binary from outside and prints figures. No product.
        .executableTarget(name: "casus-bench"),
        // The fuzz target: libFuzzer entry with -DFUZZING (scripts/fuzz), else `casus-fuzz FILE...`.
        .executableTarget(name: "casus-fuzz", dependencies: ["CasusCore"], path: "Sources/CasusFuzz"),
        // The command line: one ArgumentParser command per file, over the libraries above.
        // The room's network half is a protocol here (`RoomNetwork`), filled in by casus-room.
        .target(
            name: "CasusCLI",
            dependencies: [
                "CasusCore", "CasusStore", "CasusSession", "CasusTerminal", "CasusLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `casus`: every command without the network libraries (they would make every start
        // slower); `casus room` and `casus play --room` become casus-room.
        .executableTarget(name: "casus", dependencies: ["CasusCLI"]),
        // The same command line with the room's server and client.
        .executableTarget(
            name: "casus-room",
            dependencies: [
                "CasusCLI", "CasusCore", "CasusStore", "CasusSession", "CasusTerminal", "CasusRoom", "CasusRoomLink", "CasusRoomWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // CasusStore for `SheetJSON`, the JSON sheet's bytes.
        .testTarget(name: "CasusCoreTests", dependencies: ["CasusCore", "CasusStore", "TestSupport"]),
        .testTarget(name: "CasusStoreTests", dependencies: ["CasusStore"]),
        .testTarget(name: "CasusSessionTests", dependencies: ["CasusCore", "CasusStore", "CasusSession", "CasusTerminal"]),
        .testTarget(name: "CasusLSPTests", dependencies: ["CasusLSP", "CasusCore"]),
        .testTarget(name: "CasusRoomLinkTests", dependencies: ["CasusRoomLink", "CasusRoomWire"]),
        .testTarget(
            name: "CasusTerminalTests",
            // The probe dependency makes `swift test` build the binary the PTY tests run.
            dependencies: ["CasusTerminal", "TestSupport", "casus-line-probe"]
        ),
        .testTarget(
            name: "EndToEndTests",
            // Depends on the executables so `swift test` builds the binaries these tests run.
            dependencies: ["CasusCore", "CasusSession", "TestSupport", "casus", "casus-room"]
        ),
    ]
)
