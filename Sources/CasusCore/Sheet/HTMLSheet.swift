/// The sheet as one self-contained HTML page: no scripts, no network, inline CSS only; large
/// type for the wall, print styles for A4 (and A3 with the `a3` class or the print dialog).
public enum HTMLSheet {
    public static func render(_ model: SheetModel) -> String {
        let l = SheetLabels(model.language)
        var body: [String] = []
        func add(_ s: String) { body.append(s) }

        add("<header>")
        add("<p class=\"kicker\">\(e(l.sheet))</p>")
        add("<h1>\(e(model.title))</h1>")
        var facts: [String] = []
        // The group opens the poster, so the wall shows whose decision it is.
        if let setup = model.setup {
            facts.append("<strong>\(e(l.group)): \(e(setup.group))</strong> (\(setup.members.map(e).joined(separator: ", ")))")
        }
        if let audience = model.audience { facts.append("\(e(l.audience)): \(e(l.audienceText(audience)))") }
        if let source = model.source { facts.append("\(e(l.source)): \(e(source))") }
        if let author = model.author { facts.append("\(e(l.author)): \(e(author))") }
        facts.append(e(model.finished ? l.finished : l.inProgress))
        add("<p class=\"facts\">" + facts.joined(separator: " · ") + "</p>")
        add("</header>")

        // Under a scenario's `kop:` the built-in parts are one level deeper, so a heading is
        // never left empty with its content as a sibling.
        var h2 = "h2"
        var h3 = "h3"
        func heading(_ tag: String, _ text: String) -> String { "<\(tag)>\(e(text))</\(tag)>" }
        for section in SheetSection.plan(model) {
            switch section {
            case .heading(let text):
                add("<h2 class=\"custom\">\(e(text))</h2>")
                h2 = "h3"
                h3 = "h4"
            case .decision:
                add(decisionHTML(model, l))
            case .group:
                guard let setup = model.setup else { continue }
                add("<section class=\"group\">" + heading(h2, "\(l.group): \(setup.group)"))
                add("<p><strong>\(e(l.members)):</strong> \(setup.members.map(e).joined(separator: ", "))</p>")
                let jobs = Job.allCases.compactMap { job in setup.jobs[job].map { "<li><strong>\(e(l.job(job))):</strong> \(e($0))</li>" } }
                if !jobs.isEmpty { add("<ul class=\"jobs\">" + jobs.joined() + "</ul>") }
                add("</section>")
            case .caseText:
                guard let text = model.caseText else { continue }
                add("<section class=\"case\">" + heading(h2, l.caseTitle) + "\(paragraphs(text))</section>")
            case .roles:
                guard !model.roles.isEmpty else { continue }
                add("<section class=\"roles\">" + heading(h2, l.roles) + "<ul>")
                for role in model.roles {
                    add("<li><strong>\(e(role.name))</strong>" + (role.description.map { ": " + e($0) } ?? "") + "</li>")
                }
                add("</ul></section>")
            case .allAnswers:
                add("<section class=\"answers\">" + heading(h2, l.answers))
                if model.answers.isEmpty { add("<p>\(e(l.noAnswers))</p>") }
                let shown = model.decisionKeys
                for step in model.steps {
                    let answers = step.answers.filter { !shown.contains($0.key) }
                    guard !answers.isEmpty else { continue }
                    add(heading(h3, "\(l.step) \(step.index + 1): \(step.title)"))
                    for answer in answers { add(answerHTML(answer, l)) }
                }
                add("</section>")
            case .answers(let id):
                for answer in model.transcriptAnswers where answer.questionId == id { add(answerHTML(answer, l)) }
            case .pressure:
                let answers = model.pressureAnswers
                guard !answers.isEmpty else { continue }
                add("<section class=\"pressure\">" + heading(h2, l.pressure))
                for answer in answers { add(answerHTML(answer, l)) }
                add("</section>")
            case .effects:
                for matrix in model.effects where !matrix.solutions.isEmpty { add(effectsHTML(matrix, l, heading: h2)) }
            case .votes:
                for vote in model.votes { add(voteHTML(vote, l, heading: h2)) }
            case .times:
                guard !model.steps.isEmpty else { continue }
                add("<section class=\"times\">" + heading(h2, l.times) + "<table><thead><tr><th>\(e(l.step))</th><th>\(e(l.spent))</th><th>\(e(l.budget))</th></tr></thead><tbody>")
                for step in model.steps {
                    let over = step.budgetMinutes.map { step.spentSeconds > Double($0) * 60 } ?? false
                    let budget = step.budgetMinutes.map { "\($0) min" } ?? "–"
                    add("<tr\(over ? " class=\"over\"" : "")><td>\(step.index + 1). \(e(step.title))</td><td>\(e(l.minutes(step.spentSeconds)))\(over ? " (" + e(l.overBudget) + ")" : "")</td><td>\(budget)</td></tr>")
                }
                add("</tbody></table></section>")
            }
        }
        var footer = "<footer><p>\(e(l.printNote))</p>"
        if let started = model.started {
            footer += "<p>\(e(l.started)): \(e(SheetTime.local(started, offsetSeconds: model.utcOffsetSeconds)))"
            if let updated = model.updated {
                footer += " · \(e(l.updated)): \(e(SheetTime.local(updated, offsetSeconds: model.utcOffsetSeconds)))"
            }
            footer += "</p>"
        }
        add(footer + "</footer>")

        let title = "\(e(l.sheet)): \(e(model.title))\(model.setup.map { " – " + e($0.group) } ?? "")"
        // HTML cannot carry control characters meaningfully either: visible placeholders.
        return TextSafety.sanitize(page(language: model.language, title: title, css: css, body: body))
    }

    /// The decision the group presents, first on the page: the chosen solution, the plan,
    /// the pitch and whether it fits its speaking time.
    private static func decisionHTML(_ model: SheetModel, _ l: SheetLabels) -> String {
        var out = "<section class=\"decision\"><h2>\(e(l.decision))</h2>"
        if let chosen = model.chosen { out += "<p class=\"chosen\">\(e(l.chosen)): <strong>\(e(chosen))</strong></p>" }
        if let plan = model.plan { out += "<div class=\"plan\"><h3>\(e(l.plan))</h3>\(valueHTML(plan, l))</div>" }
        for (answer, speech) in model.pitches {
            out += "<div class=\"pitch\"><h3>\(e(l.presentation))</h3>\(valueHTML(answer, l))"
            out += speech.isOverLimit
                ? "<p class=\"warning\">\(e(l.speakingLine(speech))) \(e(l.speechWarning(speech)))</p>"
                : "<p class=\"speaking\">\(e(l.speakingLine(speech)))</p>"
            out += "</div>"
        }
        return out + "</section>"
    }

    private static func answerHTML(_ answer: SheetModel.Answer, _ l: SheetLabels) -> String {
        var out = "<div class=\"answer\"><p class=\"prompt\">\(e(answer.prompt))"
        if let context = l.context(answer) { out += " <span class=\"context\">\(e(context))</span>" }
        out += "</p>"
        return out + valueHTML(answer, l) + "</div>"
    }

    /// The answer itself: a list, a quote for long text, a rating, else one paragraph.
    private static func valueHTML(_ answer: SheetModel.Answer, _ l: SheetLabels) -> String {
        var out = ""
        switch answer.value {
        case nil: out += "<p class=\"skipped\">\(e(l.skipped))</p>"
        case .list(let items)?: out += "<ul>" + items.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
        case .longText(let s)?: out += "<blockquote>\(paragraphs(s))</blockquote>"
        case .effect(let rating, let note)?:
            out += "<p class=\"value\"><span class=\"rating \(ratingClass(rating))\">\(e(rating.rawValue))</span>"
                + (note.map { " " + e($0) } ?? "") + "</p>"
        case .text?, .yesNo?, .choice?, .scale?, .member?, .role?, .vote?:
            out += "<p class=\"value\">\(e(answer.text ?? ""))</p>"
        }
        return out
    }

    private static func effectsHTML(_ m: SheetModel.Effects, _ l: SheetLabels, heading: String) -> String {
        var out = "<section class=\"effects\"><\(heading)>\(e(l.effectMatrix))</\(heading)><table class=\"matrix\"><thead><tr><th>\(e(l.solution))</th>"
        out += m.roles.map { "<th>\(e($0.name))</th>" }.joined() + "<th>\(e(l.total))</th></tr></thead><tbody>"
        for (s, solution) in m.solutions.enumerated() {
            out += "<tr><th scope=\"row\">\(s + 1). \(e(solution))</th>"
            for cell in m.cells[s] {
                if let cell {
                    out += "<td class=\"\(ratingClass(cell.rating))\"><span class=\"symbol\">\(e(cell.rating.rawValue))</span>"
                        + (cell.note.map { "<small>\(e($0))</small>" } ?? "") + "</td>"
                } else {
                    out += "<td class=\"empty\"></td>"
                }
            }
            let total = m.totals[s]
            out += "<td class=\"total\">\(total > 0 ? "+" : "")\(total)</td></tr>"
        }
        out += "</tbody></table><p class=\"legend\">"
        out += EffectRating.allCases.map { "<span class=\"rating \(ratingClass($0))\">\(e($0.rawValue))</span>" }.joined(separator: " ")
        out += " " + e(l.legend) + "</p></section>"
        return out
    }

    private static func voteHTML(_ v: SheetModel.Vote, _ l: SheetLabels, heading: String) -> String {
        let most = max(1, v.tally.map(\.votes).max() ?? 1)
        var out = "<section class=\"vote\"><\(heading)>\(e(l.votes))</\(heading)><p class=\"prompt\">\(e(v.prompt))</p><div class=\"bars\">"
        for count in v.tally {
            let width = Int((Double(count.votes) / Double(most) * 100).rounded())
            let winner = count.option == v.chosen
            let voters = v.ballots.filter { $0.option == count.option }.map(\.member)
            let who = voters.isEmpty ? "" : "<small class=\"voters\">\(voters.map(e).joined(separator: ", "))</small>"
            out += "<div class=\"bar\(winner ? " winner" : "")\"><span class=\"label\">\(e(count.option))\(who)</span>"
                + "<span class=\"track\"><span class=\"fill\" style=\"width:\(width)%\"></span></span>"
                + "<span class=\"count\">\(count.votes)</span></div>"
        }
        out += "</div>"
        if let chosen = v.chosen {
            out += "<p class=\"chosen\">\(e(l.chosen)): <strong>\(e(chosen))</strong>"
                + (v.decidedByGroup ? " <span class=\"context\">(\(e(l.tieDecided)))</span>" : "") + "</p>"
        } else {
            out += "<p class=\"chosen\">\(e(l.chosen)): \(e(v.isTie ? l.tieOpen : l.notChosen))</p>"
        }
        return out + "</section>"
    }

    static func ratingClass(_ rating: EffectRating) -> String {
        switch rating {
        case .veryPositive: "r-pp"
        case .positive: "r-p"
        case .neutral: "r-0"
        case .negative: "r-m"
        case .veryNegative: "r-mm"
        }
    }

    /// Text as paragraphs: an empty line starts a new one, single line breaks stay.
    static func paragraphs(_ text: String) -> String {
        var paragraphs: [[Substring]] = [[]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(line)
            }
        }
        return paragraphs.filter { !$0.isEmpty }.map { "<p>" + $0.map { e(String($0)) }.joined(separator: "<br>") + "</p>" }.joined()
    }

    /// Escapes `& < > " '` for text and attribute values.
    public static func e(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A complete, self-contained HTML page (no network: the content security policy allows
    /// nothing but inline style). `title` is already escaped.
    static func page(language: Language, title: String, css: String, body: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(title)</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        <main>
        \(body.joined(separator: "\n"))
        </main>
        </body>
        </html>

        """
    }

    static let css = """
        :root { --ink: #1a1a1a; --muted: #555; --line: #ccc; --accent: #1f4e79; }
        * { box-sizing: border-box; }
        html { font-size: 22px; }
        body { margin: 0; color: var(--ink); background: #fff; font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; line-height: 1.4; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
        header { border-bottom: 0.25rem solid var(--accent); margin-bottom: 1rem; }
        .kicker { text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 0; font-size: 0.8rem; }
        h1 { font-size: 2.4rem; margin: 0.2rem 0 0.4rem; line-height: 1.1; }
        h2 { font-size: 1.5rem; color: var(--accent); margin: 1.6rem 0 0.5rem; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1.2rem; margin: 1.2rem 0 0.4rem; }
        .facts { color: var(--muted); margin: 0 0 0.6rem; }
        .answer { margin: 0.6rem 0 0.9rem; break-inside: avoid; }
        .prompt { font-weight: bold; margin: 0 0 0.2rem; }
        .context { font-weight: normal; color: var(--muted); font-size: 0.85rem; }
        .value, .answer ul, .answer blockquote { margin: 0 0 0 1rem; }
        blockquote { border-left: 0.25rem solid var(--line); padding-left: 0.8rem; }
        blockquote p { margin: 0 0 0.4rem; }
        .skipped { color: var(--muted); font-style: italic; margin-left: 1rem; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
        th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
        .matrix { table-layout: auto; }
        .matrix thead th:first-child { width: 28%; }
        .matrix th, .matrix td { hyphens: manual; overflow-wrap: normal; word-break: normal; }
        .matrix thead th { font-size: 0.8rem; }
        .matrix td { text-align: center; vertical-align: middle; padding: 0.3rem 0.25rem; }
        .matrix td .symbol { display: block; font-size: 1.6rem; font-weight: bold; }
        .matrix td small { display: block; font-size: 0.7rem; }
        .matrix td.total { font-weight: bold; background: #f3f3f3; }
        .r-pp { background: #1b5e20; color: #fff; }
        .r-p { background: #81c784; color: #000; }
        .r-0 { background: #eeeeee; color: #000; }
        .r-m { background: #f4a6a6; color: #000; }
        .r-mm { background: #b71c1c; color: #fff; }
        .legend { font-size: 0.75rem; color: var(--muted); }
        .legend .rating { display: inline-block; min-width: 1.8rem; text-align: center; padding: 0 0.2rem; font-weight: bold; }
        .rating { padding: 0 0.3rem; border-radius: 0.2rem; font-weight: bold; }
        .bars { margin: 0.5rem 0; }
        .bar { display: flex; align-items: center; gap: 0.6rem; margin: 0.3rem 0; }
        .bar .label { flex: 0 0 35%; }
        .bar .track { flex: 1; background: #eee; height: 1.4rem; border-radius: 0.2rem; overflow: hidden; }
        .bar .fill { display: block; height: 100%; background: #6b8fb3; }
        .bar.winner .fill { background: var(--accent); }
        .bar.winner .label { font-weight: bold; }
        .bar .count { flex: 0 0 2rem; text-align: right; font-weight: bold; }
        .chosen { font-size: 1.2rem; }
        .bar .voters { display: block; font-size: 0.7rem; color: var(--muted); font-weight: normal; }
        .decision { border: 0.15rem solid var(--accent); border-radius: 0.4rem; padding: 0 1rem 0.6rem; margin: 1rem 0 1.5rem; }
        .decision h2 { margin-top: 0.8rem; }
        .decision h3 { color: var(--accent); margin: 0.8rem 0 0.3rem; }
        .decision blockquote { margin: 0; }
        .speaking { font-weight: bold; }
        tr.over td { color: #b71c1c; }
        .warning { background: #fff3cd; border-left: 0.3rem solid #b71c1c; padding: 0.4rem 0.6rem; font-weight: bold; margin: 0.3rem 0; }
        footer { margin-top: 2rem; color: var(--muted); font-size: 0.7rem; border-top: 1px solid var(--line); }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        @page { size: A4; margin: 15mm; }
        @page a3 { size: A3; margin: 15mm; }
        /* On a narrow screen the matrix scrolls on its own instead of widening the page. */
        @media screen { .effects { overflow-x: auto; } }
        @media print {
          html { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; }
          section, table, .bar { break-inside: avoid; }
          /* The decision opens the first page even when the pitch is long. */
          section.decision { break-inside: auto; }
          .decision h3 { break-after: avoid; }
          footer p:first-child { display: none; }
          body.a3 { page: a3; }
          body.a3, html:has(body.a3) { font-size: 15pt; }
        }
        """
}
