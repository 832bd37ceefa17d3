/// The sheet as Markdown that also reads well as plain text.
public enum MarkdownSheet {
    public static func render(_ model: SheetModel) -> String {
        let l = SheetLabels(model.language)
        var out: [String] = []
        func line(_ s: String = "") { out.append(s) }

        line("# \(l.sheet): \(inline(model.title))")
        line()
        if let audience = model.audience { line("- \(l.audience): \(inline(l.audienceText(audience)))") }
        if let source = model.source { line("- \(l.source): \(inline(source))") }
        if let author = model.author { line("- \(l.author): \(inline(author))") }
        if let group = model.setup?.group { line("- \(l.group): \(inline(group))") }
        line("- \(model.finished ? l.finished : l.inProgress)")

        // Under a scenario's `kop:` the built-in parts are one level deeper, so a heading is
        // never left empty with its content as a sibling.
        var h2 = "##"
        var h3 = "###"
        for section in SheetSection.plan(model) {
            switch section {
            case .heading(let text):
                line()
                line("## \(inline(text))")
                h2 = "###"
                h3 = "####"
            case .decision:
                line()
                line("## \(l.decision)")
                if let chosen = model.chosen {
                    line()
                    line("\(l.chosen): **\(inline(chosen))**")
                }
                if let plan = model.plan {
                    line()
                    line("### \(l.plan)")
                    valueLines(plan, l, &out)
                }
                for (answer, speech) in model.pitches {
                    line()
                    line("### \(l.presentation)")
                    valueLines(answer, l, &out)
                    line()
                    line(speech.isOverLimit ? "**\(l.speakingLine(speech)) \(l.speechWarning(speech))**" : l.speakingLine(speech))
                }
            case .group:
                guard let setup = model.setup else { continue }
                line()
                line("\(h2) \(l.group): \(inline(setup.group))")
                line()
                line("- \(l.members): \(setup.members.map(inline).joined(separator: ", "))")
                for job in Job.allCases {
                    if let who = setup.jobs[job] { line("- \(l.job(job)): \(inline(who))") }
                }
            case .caseText:
                guard let text = model.caseText else { continue }
                line()
                line("\(h2) \(l.caseTitle)")
                line()
                line(text.trimmingTrailingNewlines)
            case .roles:
                guard !model.roles.isEmpty else { continue }
                line()
                line("\(h2) \(l.roles)")
                line()
                for role in model.roles {
                    let description = role.description.map { ": " + inline($0) } ?? ""
                    line("- **\(inline(role.name))**\(description)")
                }
            case .allAnswers:
                line()
                line("\(h2) \(l.answers)")
                let shown = model.decisionKeys
                if model.answers.isEmpty {
                    line()
                    line(l.noAnswers)
                }
                for step in model.steps {
                    let answers = step.answers.filter { !shown.contains($0.key) }
                    guard !answers.isEmpty else { continue }
                    line()
                    line("\(h3) \(l.step) \(step.index + 1): \(inline(step.title))")
                    for answer in answers { answerLines(answer, l, &out) }
                }
            case .answers(let id):
                for answer in model.transcriptAnswers where answer.questionId == id { answerLines(answer, l, &out) }
            case .pressure:
                let answers = model.pressureAnswers
                guard !answers.isEmpty else { continue }
                line()
                line("\(h2) \(l.pressure)")
                for answer in answers { answerLines(answer, l, &out) }
            case .effects:
                for matrix in model.effects where !matrix.solutions.isEmpty {
                    line()
                    line("\(h2) \(l.effectMatrix)")
                    line()
                    line("| \(l.solution) | " + matrix.roles.map { cell($0.name) }.joined(separator: " | ") + " | \(l.total) |")
                    line("|---|" + String(repeating: ":-:|", count: matrix.roles.count) + "--:|")
                    for (s, solution) in matrix.solutions.enumerated() {
                        let cells = matrix.cells[s].map { c -> String in
                            guard let c else { return " " }
                            return cell(c.note.map { "\(c.rating.rawValue) (\($0))" } ?? c.rating.rawValue)
                        }
                        line("| \(s + 1). \(cell(solution)) | " + cells.joined(separator: " | ") + " | \(signed(matrix.totals[s])) |")
                    }
                    line()
                    line(l.legend)
                }
            case .votes:
                for vote in model.votes {
                    line()
                    line("\(h2) \(l.votes)")
                    line()
                    line("**\(inline(vote.prompt))**")
                    line()
                    for count in vote.tally {
                        let voters = vote.ballots.filter { $0.option == count.option }.map(\.member)
                        let who = voters.isEmpty ? "" : " (\(voters.map(inline).joined(separator: ", ")))"
                        line("- \(inline(count.option)): \(l.votes(count.votes))\(who)")
                    }
                    line()
                    if let chosen = vote.chosen {
                        let tie = vote.decidedByGroup ? " (\(l.tieDecided))" : ""
                        line("\(l.chosen): **\(inline(chosen))**\(tie)")
                    } else {
                        line("\(l.chosen): \(vote.isTie ? l.tieOpen : l.notChosen)")
                    }
                }
            case .times:
                guard !model.steps.isEmpty else { continue }
                line()
                line("\(h2) \(l.times)")
                line()
                line("| \(l.step) | \(l.spent) | \(l.budget) |")
                line("|---|--:|--:|")
                for step in model.steps {
                    let budget = step.budgetMinutes.map { "\($0) min" } ?? "–"
                    let over = step.budgetMinutes.map { step.spentSeconds > Double($0) * 60 } ?? false
                    line("| \(step.index + 1). \(cell(step.title)) | \(l.minutes(step.spentSeconds))\(over ? " (\(l.overBudget))" : "") | \(budget) |")
                }
            }
        }
        if let started = model.started {
            line()
            line("---")
            line()
            var footer = "\(l.started): \(SheetTime.local(started, offsetSeconds: model.utcOffsetSeconds))"
            if let updated = model.updated {
                footer += " · \(l.updated): \(SheetTime.local(updated, offsetSeconds: model.utcOffsetSeconds))"
            }
            line(footer)
        }
        // Control characters from answers or the scenario never reach a terminal that shows
        // the file (`cat sheet.md`): they become visible placeholders.
        return TextSafety.sanitize(out.joined(separator: "\n") + "\n")
    }

    private static func answerLines(_ answer: SheetModel.Answer, _ l: SheetLabels, _ out: inout [String]) {
        out.append("")
        let context = l.context(answer).map { " _(\(inline($0)))_" } ?? ""
        out.append("**\(inline(answer.prompt))**\(context)")
        valueLines(answer, l, &out)
    }

    /// An empty line, then the answer: a list, a quote for long text, else one line.
    private static func valueLines(_ answer: SheetModel.Answer, _ l: SheetLabels, _ out: inout [String]) {
        out.append("")
        guard let value = answer.value, let text = answer.text else {
            out.append(l.skipped)
            return
        }
        switch value {
        case .list(let items):
            out.append(contentsOf: items.map { "- " + inline($0) })
        case .longText(let s):
            out.append(contentsOf: s.trimmingTrailingNewlines.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + block(String($0)) })
        case .text, .yesNo, .choice, .scale, .member, .role, .effect, .vote:
            out.append(block(text))
        }
    }

    /// One-line text: line breaks become spaces; `<` is escaped so no viewer reads it as HTML.
    static func inline(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\n", "\r": out.append(" ")
            case "<": out += "\\<"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Text on a line of its own: a leading list or heading marker is escaped, so an answer
    /// such as `- ` or `+ note` stays text.
    static func block(_ s: String) -> String {
        let text = inline(s)
        guard let first = text.first, "-+*#>=|".contains(first) || (first.isNumber && text.contains(". ")) else { return text }
        return first.isNumber ? text : "\\" + text
    }

    /// Text for a table cell: one line, pipes escaped.
    static func cell(_ s: String) -> String {
        inline(s).replacingAll("|", with: "\\|")
    }

    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.last == "\n" || s.last == "\r" { s.removeLast() }
        return s
    }

    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self {
            if ch == target { out += replacement } else { out.append(ch) }
        }
        return out
    }
}

/// Formats timestamps without Foundation: the core never reads a clock or a time zone.
public enum SheetTime {
    /// `2026-11-25 22:38 UTC`.
    public static func utc(_ t: Timestamp) -> String { local(t, offsetSeconds: 0) }

    /// `2026-11-25 23:38 (UTC+1)`: the wall-clock time at `offsetSeconds` from UTC.
    public static func local(_ t: Timestamp, offsetSeconds: Int) -> String {
        let total = Int(t.secondsSince1970.rounded(.down)) + offsetSeconds
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secs = total - days * 86_400
        let (y, m, d) = CivilDay(daysSince1970: days).ymd
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let clock = "\(y)-\(two(m))-\(two(d)) \(two(secs / 3600)):\(two(secs % 3600 / 60))"
        guard offsetSeconds != 0 else { return clock + " UTC" }
        let minutes = abs(offsetSeconds) / 60
        let sign = offsetSeconds < 0 ? "-" : "+"
        return clock + " (UTC\(sign)\(minutes / 60)\(minutes % 60 == 0 ? "" : ":" + two(minutes % 60)))"
    }
}
