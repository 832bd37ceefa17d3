import Foundation

/// The installed static binary against the dynamic one from the build tree, side by side in
/// one run, with a minimal Swift program that prints a prompt as the floor for the first
/// prompt. `make bench` passes the paths: `--installed BIN --reference NAME=BIN ...`.
struct StartupComparison {
    var installed: String
    var dynamic: String
    /// Reference programs that print "> " and wait for a line, by label.
    var references: [(label: String, path: String)]

    static func parse(_ arguments: [String], dynamic: String) -> StartupComparison? {
        var installed: String?
        var references: [(String, String)] = []
        var i = 0
        while i + 1 < arguments.count {
            switch arguments[i] {
            case "--installed": installed = arguments[i + 1]
            case "--reference":
                let parts = arguments[i + 1].split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { references.append((parts[0], parts[1])) }
            default: break
            }
            i += 2
        }
        return installed.map { StartupComparison(installed: $0, dynamic: dynamic, references: references) }
    }
}

extension Bench {
    mutating func startupComparison(_ comparison: StartupComparison) throws {
        let binaries = [("installed static", comparison.installed), ("dynamic, build tree", comparison.dynamic)]
        let tiny = "\(work)/tiny.casus"
        try Data("titel: T\nstap \"A\"\n    vraag a (tekst): A?\neinde\n".utf8).write(to: URL(fileURLWithPath: tiny))
        let scenario = "\(root)/Scenarios/vo1-afpersing-havo4.casus"

        func side(_ measure: String, _ body: (String) throws -> Double) rethrows {
            let figures = try binaries.map { try body($0.1) }
            let value = zip(binaries, figures).map { "\($0.0.0) \(ms($0.1))" }.joined(separator: ", ")
            rows.append(Row(
                measure: measure, value: value + String(format: " (%.2f×)", figures[0] / figures[1]),
                target: "(figure only)", met: nil))
        }
        try side("start-up: casus --help") { binary in
            try best(of: 7) {
                let status = try Child(binary, ["--help"], environment: environment).finish().status
                if status != 0 { throw BenchError("\(binary) --help exited with \(status)") }
            }
        }
        try side("start-up: check of a 4-line scenario") { binary in
            try best(of: 7) {
                let status = try Child(binary, ["check", tiny], environment: environment).finish().status
                if status != 0 { throw BenchError("\(binary) check exited with \(status)") }
            }
        }
        var prompts: [Double] = []
        try side("start-up: first prompt of VO 1 (median of 9)") { binary in
            let median = try firstPromptMedian(binary, ["play", scenario, "--lang", "nl"], marker: "Hoe heet jullie groep?")
            prompts.append(median)
            return median
        }
        for reference in comparison.references {
            let median = try firstPromptMedian(reference.path, [], marker: "> ")
            rows.append(Row(
                measure: "first prompt of a minimal Swift program (\(reference.label))", value: ms(median),
                target: "(reference)", met: nil))
            rows.append(Row(
                measure: "first prompt of VO 1, installed, against it",
                value: String(format: "%.2f×", prompts[0] / median), target: "≤ 2×", met: prompts[0] <= 2 * median))
        }
        for (label, path) in binaries {
            let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            rows.append(Row(
                measure: "binary size, \(label)\(label.hasPrefix("installed") ? " (stripped)" : "")",
                value: String(format: "%.1f MB", Double(bytes) / 1e6), target: "(figure only)", met: nil))
        }
    }

    func firstPromptMedian(_ binary: String, _ arguments: [String], marker: String) throws -> Double {
        var times: [Double] = []
        for run in 0..<9 {
            let start = Self.now()
            let child = try Child(binary, arguments + (arguments.isEmpty ? [] : ["--dir", "\(work)/startup-\(run)"]),
                                  environment: environment)
            guard child.waitFor(marker, count: 1) else { throw BenchError("no first prompt from \(binary)") }
            times.append(Self.now() - start)
            child.finish()
        }
        return Self.median(times)
    }
}
