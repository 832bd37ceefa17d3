/// The report as one self-contained HTML page: no scripts, no network, inline CSS only (the
/// sheet's styles plus a few for side-by-side answers), print styles for A4.
public enum HTMLReport {
    public static func render(_ report: Report) -> String {
        let l = ReportLabels(report.language)
        let e = HTMLSheet.e
        var body: [String] = []
        func add(_ s: String) { body.append(s) }

        add("<header>")
        add("<p class=\"kicker\">\(e(l.title))</p>")
        add("<h1>\(report.scenarios.map { e($0.title) }.joined(separator: " · "))</h1>")
        add("<p class=\"facts\">\(e(l.groupsWord)): \(report.groups.map(e).joined(separator: ", "))</p>")
        add("</header>")

        for part in report.scenarios {
            add("<section class=\"scenario\">")
            add("<h2>\(e(l.sheet.scenario)): \(e(part.title))</h2>")
            add("<p class=\"facts\">\(e(l.file)): \(e(part.file)) · \(e(l.groupCount(part.groups.count))): \(part.groups.map(e).joined(separator: ", "))</p>")
            add("<h3>\(e(l.answersSideBySide))</h3>")
            for step in part.steps {
                add("<h4>\(e(l.sheet.step)) \(step.number): \(e(step.title))</h4>")
                for row in step.rows {
                    var out = "<div class=\"answer\"><p class=\"prompt\">\(e(row.prompt))"
                    if let context = row.context { out += " <span class=\"context\">\(e(context))</span>" }
                    out += "</p><table class=\"side\"><tbody>"
                    for entry in row.entries {
                        out += "<tr><th scope=\"row\">\(e(entry.group))"
                            + (entry.member.map { "<br><span class=\"context\">\(e($0))</span>" } ?? "") + "</th><td>"
                        if let text = entry.text {
                            if let items = entry.items {
                                out += "<ul>" + items.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
                            } else {
                                out += HTMLSheet.paragraphs(text)
                            }
                        } else {
                            out += "<p class=\"skipped\">\(e(l.sheet.skipped))</p>"
                        }
                        out += "</td></tr>"
                    }
                    add(out + "</tbody></table></div>")
                }
            }
            if !part.solutions.isEmpty {
                add("<h3>\(e(l.solutionsAndVotes))</h3>")
                for group in part.solutions {
                    var out = "<div class=\"solutions\"><h4>\(e(l.sheet.group)): \(e(group.group))</h4><ol>"
                    for (n, solution) in group.solutions.enumerated() {
                        var facts: [String] = []
                        if group.totals.indices.contains(n) { facts.append("\(e(l.effectTotal)) \(MarkdownSheet.signed(group.totals[n]))") }
                        if let count = group.tally.first(where: { $0.option == solution }) { facts.append(e(l.sheet.votes(count.votes))) }
                        let chosen = solution == group.chosen
                        out += "<li\(chosen ? " class=\"winner\"" : "")>\(e(solution))"
                            + (facts.isEmpty ? "" : " <span class=\"context\">(\(facts.joined(separator: ", ")))</span>") + "</li>"
                    }
                    out += "</ol><p class=\"chosen\">\(e(l.sheet.chosen)): "
                    if let chosen = group.chosen {
                        out += "<strong>\(e(chosen))</strong>" + (group.decidedByGroup ? " <span class=\"context\">(\(e(l.sheet.tieDecided)))</span>" : "")
                    } else {
                        out += e(l.sheet.notChosen)
                    }
                    add(out + "</p></div>")
                }
            }
            // Agreement is about solutions and their effects; without them there is nothing to compare.
            if part.solutions.isEmpty {
                add("</section>")
                continue
            }
            add("<h3>\(e(l.agreement))</h3>")
            if part.groups.count < 2 {
                add("<p>\(e(l.onlyOneGroup))</p>")
            } else if part.agreements.isEmpty {
                add("<p>\(e(l.noAgreement))</p>")
            } else {
                var out = "<ul class=\"agreement\">"
                for agreement in part.agreements {
                    switch agreement {
                    case .sameChoice(let solution, let groups):
                        out += "<li>\(e(l.sameChoice(groups))): <strong>\(e(solution))</strong></li>"
                    case .sharedSolution(let solution, let groups):
                        out += "<li>\(e(l.sharedSolution(groups))): \(e(solution))</li>"
                    case .effectSign(let role, let sign, let ratings):
                        out += "<li>\(e(l.effectSign(role: role, sign: sign))): "
                            + ratings.map { r in "\(e(r.group)) <span class=\"rating \(ratingClass(r.rating))\">\(e(r.rating))</span>" }
                            .joined(separator: ", ") + "</li>"
                    }
                }
                add(out + "</ul>")
            }
            add("</section>")
        }
        if let draft = report.draft { add(draftHTML(draft, l)) }
        add("<footer><p>\(e(l.sheet.printNote))</p></footer>")

        // No raw control characters from answers, as in the sheet.
        return TextSafety.sanitize(
            HTMLSheet.page(language: report.language, title: e(l.title), css: HTMLSheet.css + "\n" + css, body: body))
    }

    private static func draftHTML(_ draft: ProtocolDraft, _ l: ReportLabels) -> String {
        let e = HTMLSheet.e
        var out = "<section class=\"draft\"><h2>\(e(l.draft))</h2><p>\(e(l.draftIntro))</p>"
        func points(_ list: [ProtocolDraft.Point], ordered: Bool) -> String {
            let tag = ordered ? "ol" : "ul"
            return "<\(tag)>" + list.map { p in
                "<li>\(e(p.text))" + (p.who.map { "<br><span class=\"who\">\(e(l.who)): \(e($0))</span>" } ?? "") + "</li>"
            }.joined() + "</\(tag)>"
        }
        func contribution(_ c: ProtocolDraft.Contribution) -> String {
            var s = "<div class=\"contribution\"><h4>\(e(l.sheet.group)): \(e(c.group))</h4>"
            if !c.experiences.isEmpty {
                s += "<p class=\"prompt\">\(e(l.experiences))</p><ul>" + c.experiences.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
            }
            if let examples = c.examples { s += "<p class=\"prompt\">\(e(l.examples))</p><blockquote>\(HTMLSheet.paragraphs(examples))</blockquote>" }
            if !c.recommendations.isEmpty { s += "<p class=\"prompt\">\(e(l.recommendations))</p>" + points(c.recommendations, ordered: false) }
            if !c.steps.isEmpty { s += "<p class=\"prompt\">\(e(l.stepPlan))</p>" + points(c.steps, ordered: true) }
            return s + "</div>"
        }
        for section in draft.sections {
            out += "<section class=\"topic\(section.contributions.isEmpty ? " open" : "")\"><h3>\(section.topic.rawValue). \(e(section.topic.name.text(l.language)))</h3>"
            out += "<p class=\"context\">\(e(section.topic.question.text(l.language)))</p>"
            if section.contributions.isEmpty { out += "<p class=\"skipped\">\(e(l.notCovered))</p>" }
            out += section.contributions.map(contribution).joined() + "</section>"
        }
        if !draft.unmatched.isEmpty {
            out += "<section class=\"topic\"><h3>\(e(l.unmatched))</h3>"
            for c in draft.unmatched {
                out += "<p class=\"context\">\(e(l.topic)): \(e(c.topicAnswer.isEmpty ? l.noAnswer : c.topicAnswer))</p>" + contribution(c)
            }
            out += "</section>"
        }
        out += "<h3>\(e(l.openTopics))</h3>"
        if draft.openTopics.isEmpty {
            out += "<p>\(e(l.allCovered))</p>"
        } else {
            out += "<p>\(e(l.openTopicsIntro))</p><ul class=\"open-topics\">"
                + draft.openTopics.map { "<li>\($0.rawValue). \(e($0.question.text(l.language)))</li>" }.joined() + "</ul>"
        }
        out += "<h3>\(e(l.followUp))</h3><p class=\"prompt\">\(e(l.followUpMoment))</p>"
        out += draft.followUps.isEmpty ? "<p>\(e(l.nobodyYet))</p>"
            : "<ul>" + draft.followUps.map { "<li><strong>\(e($0.group)):</strong> \(e($0.text))</li>" }.joined() + "</ul>"
        out += "<p class=\"advice\">\(e(l.followUpAdvice))</p><p class=\"prompt\">\(e(l.authors))</p>"
        out += draft.authors.isEmpty ? "<p>\(e(l.nobodyYet))</p>"
            : "<ul>" + draft.authors.map { "<li><strong>\(e($0.group)):</strong> \(e($0.text))</li>" }.joined() + "</ul>"
        return out + "</section>"
    }

    private static func ratingClass(_ symbol: String) -> String {
        EffectRating(rawValue: symbol).map(HTMLSheet.ratingClass) ?? "r-0"
    }

    static let css = """
        h4 { font-size: 1.05rem; margin: 1rem 0 0.3rem; }
        .scenario { border-top: 0.2rem solid var(--accent); margin-top: 2rem; }
        table.side th { width: 22%; background: #f6f6f6; font-weight: bold; }
        table.side td p, table.side td ul { margin: 0 0 0.3rem; }
        .solutions li.winner { font-weight: bold; }
        .agreement li { margin: 0.3rem 0; }
        .draft { border-top: 0.3rem double var(--accent); margin-top: 2.5rem; }
        .topic { border-left: 0.3rem solid var(--accent); padding-left: 0.8rem; margin: 1rem 0; }
        .topic.open { border-left-color: var(--line); }
        .who { color: var(--muted); font-size: 0.9rem; }
        .advice { background: #eef4fa; border-left: 0.3rem solid var(--accent); padding: 0.4rem 0.6rem; }
        @media print {
          .answer, .contribution, .topic { break-inside: avoid; }
          h3, h4 { break-after: avoid; }
        }
        """
}
