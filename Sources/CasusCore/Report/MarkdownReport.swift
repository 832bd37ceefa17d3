/// The report as Markdown that also reads well as plain text. Escaping as in `MarkdownSheet`.
public enum MarkdownReport {
    public static func render(_ report: Report) -> String {
        let l = ReportLabels(report.language)
        var out: [String] = []
        func line(_ s: String = "") { out.append(s) }
        let inline = MarkdownSheet.inline
        let block = MarkdownSheet.block

        line("# \(l.title)")
        line()
        line("- \(l.groupsWord): \(report.groups.map(inline).joined(separator: ", "))")
        line("- \(l.scenarios): " + report.scenarios.map { "\(inline($0.title)) (\(l.groupCount($0.groups.count)))" }.joined(separator: "; "))

        for part in report.scenarios {
            line()
            line("## \(l.sheet.scenario): \(inline(part.title))")
            line()
            line("_\(l.file): \(inline(part.file)) · \(l.groupCount(part.groups.count)): \(part.groups.map(inline).joined(separator: ", "))_")
            line()
            line("### \(l.answersSideBySide)")
            for step in part.steps {
                line()
                line("#### \(l.sheet.step) \(step.number): \(inline(step.title))")
                for row in step.rows {
                    line()
                    line("**\(inline(row.prompt))**" + (row.context.map { " _(\(inline($0)))_" } ?? ""))
                    line()
                    for entry in row.entries {
                        let who = "**\(inline(entry.group))**" + (entry.member.map { " (\(inline($0)))" } ?? "")
                        guard let text = entry.text else {
                            line("- \(who): \(l.sheet.skipped)")
                            continue
                        }
                        if let items = entry.items {
                            line("- \(who):")
                            for item in items { line("  - \(inline(item))") }
                        } else if entry.isLong || text.contains("\n") {
                            line("- \(who):")
                            line()
                            for part in text.trimmingTrailingNewlines.split(separator: "\n", omittingEmptySubsequences: false) {
                                line("  > \(block(String(part)))")
                            }
                            line()
                        } else {
                            line("- \(who): \(inline(text))")
                        }
                    }
                }
            }
            if !part.solutions.isEmpty {
                line()
                line("### \(l.solutionsAndVotes)")
                for group in part.solutions {
                    line()
                    line("#### \(l.sheet.group): \(inline(group.group))")
                    line()
                    for (n, solution) in group.solutions.enumerated() {
                        var facts: [String] = []
                        if group.totals.indices.contains(n) { facts.append("\(l.effectTotal) \(MarkdownSheet.signed(group.totals[n]))") }
                        if let count = group.tally.first(where: { $0.option == solution }) { facts.append(l.sheet.votes(count.votes)) }
                        let mark = solution == group.chosen ? "**\(inline(solution))**" : inline(solution)
                        line("\(n + 1). \(mark)" + (facts.isEmpty ? "" : " — " + facts.joined(separator: ", ")))
                    }
                    line()
                    if let chosen = group.chosen {
                        line("\(l.sheet.chosen): **\(inline(chosen))**" + (group.decidedByGroup ? " (\(l.sheet.tieDecided))" : ""))
                    } else {
                        line("\(l.sheet.chosen): \(l.sheet.notChosen)")
                    }
                }
            }
            // Agreement is about solutions and their effects; without them there is nothing to compare.
            guard !part.solutions.isEmpty else { continue }
            line()
            line("### \(l.agreement)")
            line()
            if part.groups.count < 2 {
                line(l.onlyOneGroup)
            } else if part.agreements.isEmpty {
                line(l.noAgreement)
            }
            for agreement in part.agreements {
                switch agreement {
                case .sameChoice(let solution, let groups):
                    line("- \(inline(l.sameChoice(groups))): **\(inline(solution))**")
                case .sharedSolution(let solution, let groups):
                    line("- \(inline(l.sharedSolution(groups))): \(inline(solution))")
                case .effectSign(let role, let sign, let ratings):
                    line("- \(inline(l.effectSign(role: role, sign: sign))): " + ratings.map { "\(inline($0.group)) \($0.rating)" }.joined(separator: ", "))
                }
            }
        }

        if let draft = report.draft { draftLines(draft, l, &out) }
        // One empty line at most between blocks.
        var lines: [String] = []
        for s in out where !(s.isEmpty && (lines.last?.isEmpty ?? true)) { lines.append(s) }
        // No raw control characters from answers, as in the sheet.
        return TextSafety.sanitize(lines.joined(separator: "\n") + "\n")
    }

    private static func draftLines(_ draft: ProtocolDraft, _ l: ReportLabels, _ out: inout [String]) {
        func line(_ s: String = "") { out.append(s) }
        let inline = MarkdownSheet.inline
        line()
        line("## \(l.draft)")
        line()
        line(l.draftIntro)
        func contribution(_ c: ProtocolDraft.Contribution) {
            line()
            line("#### \(l.sheet.group): \(inline(c.group))")
            if !c.experiences.isEmpty {
                line()
                line("**\(l.experiences)**")
                line()
                for e in c.experiences { line("- \(inline(e))") }
            }
            if let examples = c.examples {
                line()
                line("**\(l.examples)**")
                line()
                for part in examples.trimmingTrailingNewlines.split(separator: "\n", omittingEmptySubsequences: false) {
                    line("> \(MarkdownSheet.block(String(part)))")
                }
            }
            if !c.recommendations.isEmpty {
                line()
                line("**\(l.recommendations)**")
                line()
                for p in c.recommendations { line("- \(inline(p.text))" + (p.who.map { " — _\(l.who):_ \(inline($0))" } ?? "")) }
            }
            if !c.steps.isEmpty {
                line()
                line("**\(l.stepPlan)**")
                line()
                for (n, p) in c.steps.enumerated() { line("\(n + 1). \(inline(p.text))" + (p.who.map { " — _\(l.who):_ \(inline($0))" } ?? "")) }
            }
        }
        for section in draft.sections {
            line()
            line("### \(section.topic.rawValue). \(section.topic.name.text(l.language))")
            line()
            line("_\(inline(section.topic.question.text(l.language)))_")
            if section.contributions.isEmpty {
                line()
                line(l.notCovered)
            }
            section.contributions.forEach(contribution)
        }
        if !draft.unmatched.isEmpty {
            line()
            line("### \(l.unmatched)")
            for c in draft.unmatched {
                line()
                line("_\(l.topic): \(inline(c.topicAnswer.isEmpty ? l.noAnswer : c.topicAnswer))_")
                contribution(c)
            }
        }
        line()
        line("### \(l.openTopics)")
        line()
        if draft.openTopics.isEmpty {
            line(l.allCovered)
        } else {
            line(l.openTopicsIntro)
            line()
            for topic in draft.openTopics { line("- \(topic.rawValue) – \(inline(topic.question.text(l.language)))") }
        }
        line()
        line("### \(l.followUp)")
        line()
        line("**\(l.followUpMoment)**")
        line()
        if draft.followUps.isEmpty { line(l.nobodyYet) }
        for f in draft.followUps { line("- **\(inline(f.group))**: \(inline(f.text))") }
        line()
        line("_\(l.followUpAdvice)_")
        line()
        line("**\(l.authors)**")
        line()
        if draft.authors.isEmpty { line(l.nobodyYet) }
        for a in draft.authors { line("- **\(inline(a.group))**: \(inline(a.text))") }
    }
}
