import CasusCore

#if FUZZING
// Built by `scripts/fuzz` with `-sanitize=fuzzer,address -parse-as-library -DFUZZING`:
// libFuzzer supplies `main` and calls this for every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func casusFuzzTestOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    FuzzHarness.exercise(bytes)
    return 0
}

/// libFuzzer's driver (`FuzzerDriver.cpp`): parses the libFuzzer flags and runs the loop.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer?, Int) -> CInt
) -> CInt

/// SwiftPM links every executable with `--defsym main=<module>_main` (so tests can link
/// it); `-parse-as-library` emits no such function, so this one hands over to libFuzzer.
@_cdecl("casus_fuzz_main")
public func casusFuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { start, size in
        casusFuzzTestOneInput(start, size)
    }
}
#else
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Without FUZZING: `casus-fuzz FILE...` feeds each file to the harness, to reproduce a
/// crasher under a debugger or a plain build.
@main
struct CasusFuzz {
    static func main() {
        let paths = Array(CommandLine.arguments.dropFirst())
        if paths.isEmpty {
            warn("usage: casus-fuzz FILE...   (runs each file through the fuzz harness)")
            exit(2)
        }
        var failed = false
        for path in paths {
            guard let bytes = read(path) else {
                warn("casus-fuzz: cannot read \(path)")
                failed = true
                continue
            }
            let outcome = FuzzHarness.exercise(bytes)
            print("\(path): \(outcome.diagnostics.count) diagnostics, checked: \(outcome.checked), answers: \(outcome.answers)")
        }
        exit(failed ? 1 : 0)
    }

    static func warn(_ message: String) {
        let bytes = Array((message + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n > 0 { bytes += buffer[0..<n] }
            if n < buffer.count { break }
        }
        return ferror(file) == 0 ? bytes : nil
    }
}
#endif
