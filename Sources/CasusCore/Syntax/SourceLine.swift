/// One physical line of a scenario, split into indentation and content.
struct SourceLine: Sendable {
    /// 1-based line number.
    var number: Int
    /// The whole line without its line break, as Unicode scalars (columns count these).
    var scalars: [Unicode.Scalar]
    /// Indentation width; a tab counts as four columns, so mixed files still compare sanely.
    var indent: Int
    /// 1-based column where the content starts.
    var contentColumn: Int

    var contentString: String { String(String.UnicodeScalarView(scalars[(contentColumn - 1)...])) }

    var isBlank: Bool { contentColumn > scalars.count }

    /// A code comment line: `# …` as the first thing on the line.
    var isComment: Bool { !isBlank && scalars[contentColumn - 1] == "#" }

    /// Splits source text into lines (`\n`, `\r\n` and `\r` all end a line).
    static func split(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var current: [Unicode.Scalar] = []
        var number = 1
        var previousWasCR = false
        func finish() {
            lines.append(make(number: number, scalars: current))
            current.removeAll(keepingCapacity: true)
            number += 1
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if previousWasCR {
                    previousWasCR = false
                    continue
                }
                finish()
            } else if scalar == "\r" {
                finish()
                previousWasCR = true
                continue
            } else {
                current.append(scalar)
            }
            previousWasCR = false
        }
        if !current.isEmpty { finish() }
        return lines
    }

    private static func make(number: Int, scalars: [Unicode.Scalar]) -> SourceLine {
        var indent = 0
        var column = 1
        for scalar in scalars {
            if scalar == " " {
                indent += 1
            } else if scalar == "\t" {
                indent += 4 - indent % 4
            } else if scalar == "\u{FEFF}" && number == 1 && column == 1 {
                // A byte order mark is not indentation, but not content either.
            } else {
                break
            }
            column += 1
        }
        return SourceLine(number: number, scalars: scalars, indent: indent, contentColumn: column)
    }
}
