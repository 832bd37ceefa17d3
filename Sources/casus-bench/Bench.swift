import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `make bench`: measures the release binary from outside and prints a table of figures
/// against the targets in CONTRIBUTING.md. Figures, not pass/fail: nothing here is a test.
@main
struct Bench {
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    struct Row {
        var measure: String
        var value: String
        var target: String
        var met: Bool?
    }

    let casus: String
    let root: String
    let work: String
    /// The installed static binary and the reference programs, when `make bench` passes them.
    let comparison: StartupComparison?
    var rows: [Row] = []

    var environment: [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8", "TERM": "dumb", "NO_COLOR": "1", "CASUS_DIR": work + "/store"]
    }

    static func main() {
        let arguments = CommandLine.arguments
        let root = FileManager.default.currentDirectoryPath
        let casus = arguments.count > 1 ? arguments[1] : root + "/.build/release/casus"
        let comparison = StartupComparison.parse(Array(arguments.dropFirst(2)), dynamic: casus)
        var template = Array("/tmp/casus-bench-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("mkdtemp failed") }
        var bench = Bench(casus: casus, root: root, work: String(cString: made), comparison: comparison)
        defer { try? FileManager.default.removeItem(atPath: bench.work) }
        do {
            try bench.run()
        } catch {
            FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
            exit(1)
        }
    }

    mutating func run() throws {
        print("casus benchmark — \(casus)")
        print("machine: \(Self.machine())")
        print("")
        // CASUS_BENCH_ONLY=check,prompt,report,answers,test,memory,hostile,lsp,room runs only those groups
        // (while working on one figure); the default is all of them.
        let only = ProcessInfo.processInfo.environment["CASUS_BENCH_ONLY"].map { Set($0.split(separator: ",").map(String.init)) }
        func wanted(_ group: String) -> Bool { only?.contains(group) ?? true }
        if wanted("check") { try checkSizes() }
        if wanted("prompt") || wanted("report") {
            let store = try storeOfFinishedSessions(1_000)
            if wanted("prompt") { try firstPrompt(store) }
            if wanted("report") { try reportOfManySessions(store) }
        }
        if wanted("answers") {
            let long = try questionsScenario(1_001)
            try durableAnswers(scenario: long, dir: "\(work)/answers")
            try resume(scenario: long, dir: "\(work)/answers")
        }
        if wanted("test") { try scenarioTests() }
        if wanted("memory") { try peakMemory() }
        if wanted("hostile") { try hostileFiles() }
        if wanted("lsp") { try languageServer() }
        if wanted("room") { try roomUnderLoad() }
        if let comparison, only == nil { try startupComparison(comparison) }
        printTable()
    }

    // MARK: - Measures

    /// Real scenarios are 2–11 KB with their includes: a check of the largest bundled one and
    /// of one ten times its size must cost about what any check costs (process start,
    /// libraries, arguments), measured as the whole process a facilitator waits for.
    mutating func checkSizes() throws {
        let tiny = "\(work)/tiny.casus"
        try Data("titel: T\nstap \"A\"\n    vraag a (tekst): A?\neinde\n".utf8).write(to: URL(fileURLWithPath: tiny))
        let (largest, largestBytes) = try largestBundledScenario()
        let (real, base, realRatio) = try paired(try checkRun(largest), try checkRun(tiny))
        rows.append(Row(measure: "check of a 4-line scenario (whole process)", value: ms(base), target: "(figure only)", met: nil))
        rows.append(Row(
            measure: "check, largest bundled scenario with its includes (\(kb(largestBytes)))",
            value: "\(ms(real)), \(times(realRatio)) the 4-line check", target: "≤ 1.5×", met: realRatio <= 1.5))
        // scripts/generate-scenario makes steps of roughly equal size: scale a 100-step one.
        let sample = "\(work)/generated-100.casus"
        try shell("\(root)/scripts/generate-scenario 100 > \(sample)")
        let steps = max(1, Int((110_000 * 100 / Double(try size(sample))).rounded()))
        let generated = "\(work)/generated-\(steps).casus"
        try shell("\(root)/scripts/generate-scenario \(steps) > \(generated)")
        let (big, _, bigRatio) = try paired(try checkRun(generated), try checkRun(tiny))
        rows.append(Row(
            measure: "check, generated \(steps) steps (\(kb(try size(generated))))",
            value: "\(ms(big)), \(times(bigRatio)) the 4-line check", target: "≤ 1.5×", met: bigRatio <= 1.5))
    }

    /// The bundled scenario that is largest with the files it includes, and that size.
    func largestBundledScenario() throws -> (path: String, bytes: Int) {
        let folder = "\(root)/Scenarios"
        var best = ("", 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".casus") {
            let path = "\(folder)/\(name)"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            var bytes = text.utf8.count
            for line in text.split(separator: "\n") where line.hasPrefix("invoegen \"") || line.hasPrefix("include \"") {
                let included = line.split(separator: "\"").dropFirst().first.map(String.init) ?? ""
                bytes += (try? size("\(folder)/\(included)")) ?? 0
            }
            if bytes > best.1 { best = (path, bytes) }
        }
        return best
    }

    /// One whole-process `casus check FILE`.
    func checkRun(_ file: String) throws -> () throws -> Void {
        {
            let child = try Child(casus, ["check", file], environment: environment)
            let status = child.finish().status
            if status != 0 { throw BenchError("casus check \(file) exited with \(status)") }
        }
    }

    /// Runs `a` and `b` in turn (after one warm-up each), `runs` times: the median time of
    /// each and the median of the ratios pair by pair, which holds when a shared machine's
    /// speed drifts during the measurement.
    func paired(_ a: @escaping () throws -> Void, _ b: @escaping () throws -> Void, runs: Int = 15) throws -> (Double, Double, Double) {
        try paired(timed(a), timed(b), runs: runs)
    }

    /// `paired` for runs that time themselves (`untilPrompt`).
    func paired(_ a: () throws -> Double, _ b: () throws -> Double, runs: Int = 15) throws -> (Double, Double, Double) {
        _ = try a()
        _ = try b()
        var ta: [Double] = []
        var tb: [Double] = []
        for _ in 0..<runs {
            ta.append(try a())
            tb.append(try b())
        }
        return (Self.median(ta), Self.median(tb), Self.median(zip(ta, tb).map { $0 / $1 }))
    }

    /// A run timed as a whole.
    func timed(_ body: @escaping () throws -> Void) -> () throws -> Double {
        {
            let start = Self.now()
            try body()
            return Self.now() - start
        }
    }

    /// A `casus play` timed from its start until `marker` (a prompt) is on its output; the end
    /// of input that closes the session comes after the clock has stopped, so what play does
    /// on leaving is not counted.
    func untilPrompt(_ arguments: [String], _ marker: String) -> () throws -> Double {
        {
            let start = Self.now()
            let child = try Child(casus, arguments, environment: environment)
            guard child.waitFor(marker, count: 1) else { throw BenchError("\(arguments.joined(separator: " ")): no \(marker)") }
            let seconds = Self.now() - start
            _ = child.finish()
            return seconds
        }
    }

    /// A store of `count` finished sessions of VO 1: one scripted play, copied under new ids
    /// (a copy is what the same play would have written, apart from its id).
    func storeOfFinishedSessions(_ count: Int) throws -> (dir: String, ids: [String]) {
        let dir = "\(work)/sessions-\(count)"
        let name = "vo1-afpersing-havo4"
        let child = try Child(
            casus,
            ["play", "\(root)/Scenarios/\(name).casus", "--answers", "\(root)/Tests/Fixtures/Playthroughs/\(name).answers",
             "--lang", "nl", "--dir", dir],
            environment: environment)
        let status = child.finish().status
        if status != 0 { throw BenchError("scripted play exited with \(status)") }
        guard let first = try FileManager.default.contentsOfDirectory(atPath: dir).first(where: { !$0.hasPrefix(".") }) else {
            throw BenchError("the scripted play left no session")
        }
        var ids = [first]
        let prefix = first.dropLast(4)
        for n in 1..<count {
            let id = prefix + String(format: "%04x", n)
            try shell("cp -a \(dir)/\(first) \(dir)/\(id)")
            ids.append(String(id))
        }
        return (dir, ids)
    }

    /// `casus report` of 1,000 sessions named by id, against the same report from their
    /// `sheet.json` files: naming a session must not cost much more than handing its sheet.
    mutating func reportOfManySessions(_ store: (dir: String, ids: [String])) throws {
        let sheets = store.ids.map { "\(store.dir)/\($0)/sheet.json" }
        let fromSheets = try reportTime(sheets, dir: store.dir)
        let byID = try reportTime(store.ids, dir: store.dir)
        rows.append(Row(
            measure: "report of \(store.ids.count) sessions by id vs from their sheet.json",
            value: String(format: "%.2f s vs %.2f s, %@", byID, fromSheets, times(byID / fromSheets)), target: "≤ 1.2×",
            met: byID <= 1.2 * fromSheets))
    }

    func reportTime(_ inputs: [String], dir: String) throws -> Double {
        try best(of: 1) {
            let child = try Child(casus, ["report"] + inputs + ["--dir", dir, "--out", "\(work)/report.md"], environment: environment)
            let status = child.finish().status
            if status != 0 { throw BenchError("casus report exited with \(status)") }
        }
    }

    /// Start to the first prompt of VO 1 in the store `dir` (the group leaves there, so
    /// nothing is added to it).
    func firstPromptRun(dir: String) -> () throws -> Double {
        untilPrompt(["play", "\(root)/Scenarios/vo1-afpersing-havo4.casus", "--lang", "nl", "--dir", dir], "Hoe heet jullie groep?")
    }

    mutating func firstPrompt(_ store: (dir: String, ids: [String])) throws {
        // The warm-up start in the copied store marks the copies finished, as their own play would have.
        let (full, empty, ratio) = try paired(firstPromptRun(dir: store.dir), firstPromptRun(dir: "\(work)/empty"))
        rows.append(Row(measure: "start to first prompt (havo 4, empty store)", value: ms(empty), target: "≤ 20 ms", met: empty <= 0.020))
        rows.append(Row(
            measure: "first prompt with \(store.ids.count) stored sessions vs an empty store",
            value: "\(ms(full)) vs \(ms(empty)), \(times(ratio))", target: "≤ 1.2×", met: ratio <= 1.2))
    }

    /// A scenario of `count` one-line text questions over steps of 100.
    func questionsScenario(_ count: Int) throws -> String {
        var text = "titel: Meting\ntaal: nl\ntaken: notulist\n\n"
        var n = 1
        while n <= count {
            text += "stap \"Deel \((n - 1) / 100 + 1)\" (10 min)\n"
            for _ in 0..<min(100, count - n + 1) {
                text += "    vraag v\(n) (tekst): Vraag \(n)?\n"
                n += 1
            }
            text += "einde\n\n"
        }
        let path = "\(work)/questions-\(count).casus"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let setup = ["Meetgroep", "Anna", "Bram", "Carla", "Daan", "", "1"]

    /// 1,000 answers typed one after the other: each answer to its durable save and the next
    /// prompt, early (answers 1–100) and late (901–1,000), which must cost about the same.
    /// Leaves a 1,000-answer journal for `resume`.
    mutating func durableAnswers(scenario: String, dir: String) throws {
        let child = try Child(casus, ["play", scenario, "--lang", "nl", "--dir", dir], environment: environment)
        for line in Self.setup { child.send(line) }
        guard child.waitFor("Vraag 1?", count: 1) else { throw BenchError("no first question") }
        var latencies: [Double] = []
        for n in 1...1_000 {
            let after = child.outputCount
            let start = Self.now()
            child.send("Antwoord \(n)")
            guard child.waitFor("Vraag \(n + 1)?", count: 1, after: after) else { throw BenchError("no prompt after answer \(n)") }
            latencies.append(Self.now() - start)
        }
        child.finish()
        let early = Array(latencies[0..<100])
        let late = Array(latencies[900..<1_000])
        let median = Self.median(early)
        let p95 = early.sorted()[early.count * 95 / 100]
        rows.append(Row(
            measure: "answer to durable save (journal fsync) and next prompt, answers 1–100",
            value: "\(ms(median)) median, \(ms(p95)) p95", target: "≤ 5 ms median", met: median <= 0.005))
        let lateMedian = Self.median(late)
        rows.append(Row(
            measure: "the same, answers 901–1,000 vs 1–100",
            value: "\(ms(lateMedian)) vs \(ms(median)) median, \(times(lateMedian / median))", target: "≤ 1.3×",
            met: lateMedian <= 1.3 * median))
    }

    mutating func resume(scenario: String, dir: String) throws {
        let resume = untilPrompt(["play", scenario, "--resume", "--lang", "nl", "--dir", dir], "Vraag 1001?")
        var seconds = Double.infinity
        for _ in 0..<5 { seconds = min(seconds, try resume()) }
        rows.append(Row(
            measure: "resume of a 1,000-answer journal (start to prompt)", value: ms(seconds), target: "≤ 50 ms",
            met: seconds <= 0.050))
    }

    mutating func scenarioTests() throws {
        let folder = "\(root)/Scenarios"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".casus") }.sorted()
        for file in files {
            let seconds = try best(of: 5) {
                let child = try Child(casus, ["test", "\(folder)/\(file)"], environment: environment)
                let status = child.finish().status
                if status != 0 { throw BenchError("casus test \(file) exited with \(status)") }
            }
            rows.append(Row(measure: "casus test \(file)", value: ms(seconds), target: "≤ 20 ms", met: seconds <= 0.020))
        }
    }

    /// Files far larger than real scenarios, as a hostile tester would give: `casus fmt`
    /// must stay linear (1 MB against 2 MB), `casus test` on a file near the size limit
    /// must finish within its work bound.
    mutating func hostileFiles() throws {
        var fmtSeconds: [Double] = []
        var fmtBytes: [Int] = []
        for steps in [750, 1_500] {
            let file = "\(work)/fmt-\(steps).casus"
            try shell("\(root)/scripts/generate-scenario \(steps) > \(file)")
            fmtBytes.append((try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
            let seconds = try best(of: 1) {
                let child = try Child(casus, ["fmt", file], environment: environment)
                let status = child.finish().status
                if status != 0 { throw BenchError("casus fmt \(file) exited with \(status)") }
            }
            fmtSeconds.append(seconds)
            rows.append(Row(
                measure: "fmt, \(steps) steps (\(String(format: "%.1f", Double(fmtBytes.last!) / 1e6)) MB)",
                value: String(format: "%.2f s", seconds), target: "(figure only)", met: nil))
        }
        let ratio = fmtSeconds[1] / fmtSeconds[0]
        let sizeRatio = Double(fmtBytes[1]) / Double(fmtBytes[0])
        rows.append(Row(
            measure: "fmt, 2 MB vs 1 MB", value: String(format: "%.2f× time for %.2f× input", ratio, sizeRatio),
            target: "~2× (linear)", met: ratio <= 1.5 * sizeRatio))
        let big = "\(work)/test-30mb.casus"
        try shell("\(root)/scripts/generate-scenario 22000 > \(big)")
        let bigBytes = (try FileManager.default.attributesOfItem(atPath: big)[.size] as? Int) ?? 0
        var kib = 0
        let seconds = try best(of: 1) {
            let child = try Child(casus, ["test", big], environment: environment)
            let result = child.finish()
            kib = result.maxRSSKiB
            if result.status != 0 { throw BenchError("casus test \(big) exited with \(result.status)") }
        }
        rows.append(Row(
            measure: "casus test, 22,000 steps (\(String(format: "%.1f", Double(bigBytes) / 1e6)) MB)",
            value: String(format: "%.1f s, %.0f MB peak", seconds, Double(kib) / 1024), target: "< 10 s", met: seconds < 10))
    }

    mutating func peakMemory() throws {
        let name = "vo1-afpersing-havo4"
        let child = try Child(
            casus,
            ["play", "\(root)/Scenarios/\(name).casus", "--answers", "\(root)/Tests/Fixtures/Playthroughs/\(name).answers",
             "--dir", "\(work)/memory"],
            environment: environment)
        let (status, kib) = child.finish()
        if status != 0 { throw BenchError("scripted play exited with \(status)") }
        let mb = Double(kib) / 1024
        rows.append(Row(measure: "peak memory of a scripted havo 4 play", value: String(format: "%.1f MB", mb), target: "≤ 30 MB", met: mb <= 30))
    }

    // MARK: - Helpers

    func best(of runs: Int, _ body: () throws -> Void) throws -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = Self.now()
            try body()
            best = min(best, Self.now() - start)
        }
        return best
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
    func times(_ ratio: Double) -> String { String(format: "%.2f×", ratio) }
    func kb(_ bytes: Int) -> String { String(format: "%.1f KB", Double(bytes) / 1000) }

    func size(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    func shell(_ command: String) throws {
        let child = try Child("/bin/sh", ["-c", command], environment: environment)
        let status = child.finish().status
        if status != 0 { throw BenchError("`\(command)` failed") }
    }

    static func machine() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        return "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB"
    }

    func printTable() {
        let w0 = rows.map(\.measure.count).max() ?? 0
        let w1 = rows.map(\.value.count).max() ?? 0
        let w2 = rows.map(\.target.count).max() ?? 0
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        print("| \(pad("measure", w0)) | \(pad("figure", w1)) | \(pad("target", w2)) | met |")
        print("|\(String(repeating: "-", count: w0 + 2))|\(String(repeating: "-", count: w1 + 2))|\(String(repeating: "-", count: w2 + 2))|-----|")
        for row in rows {
            let met = row.met.map { $0 ? "yes" : "NO" } ?? ""
            print("| \(pad(row.measure, w0)) | \(pad(row.value, w1)) | \(pad(row.target, w2)) | \(pad(met, 3)) |")
        }
    }
}
