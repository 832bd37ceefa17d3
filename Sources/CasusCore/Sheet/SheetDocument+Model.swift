extension SheetDocument {
    /// The document of a sheet model: what the JSON sheet shows and the report reads.
    public init(_ model: SheetModel) {
        let labels = SheetLabels(model.language)
        let scenario = Scenario(
            title: model.title, path: model.scenarioPath,
            audience: model.audience.map { Audience(school: $0.school.rawValue, level: $0.level) },
            source: model.source, author: model.author, language: model.language.rawValue)
        let group = model.setup.map { setup in
            Group(
                name: setup.group, members: setup.members,
                jobs: Dictionary(uniqueKeysWithValues: setup.jobs.map { ($0.key.rawValue, $0.value) }))
        }
        let roles = model.roles.map { Role(id: $0.id, name: $0.name, description: $0.description) }
        let answers = model.answers.map { a in
            Answer(
                id: a.questionId, key: a.key, value: a.value, text: a.text, step: a.stepIndex + 1,
                stepTitle: model.steps.indices.contains(a.stepIndex) ? model.steps[a.stepIndex].title : "",
                prompt: a.prompt, type: AnswerKind(a.type), role: a.roleId, roleName: a.role,
                solution: a.solutionNumber, solutionText: a.solution, member: a.member, item: a.item,
                skipped: a.value == nil, protocol: a.protocolSections.isEmpty ? nil : a.protocolSections)
        }
        let pressure = model.pressureAnswers.map(\.key)
        let effects = model.effects.map { m in
            Effects(
                question: m.questionId, solutions: m.solutions, roles: m.roles.map(\.id),
                cells: m.cells.map { row in
                    row.map { cell in cell.map { Cell(rating: $0.rating.rawValue, score: $0.rating.score, note: $0.note) } }
                },
                totals: m.totals)
        }
        let votes = model.votes.map { v in
            Vote(
                key: v.key, prompt: v.prompt, tally: v.tally,
                ballots: v.ballots.map { Ballot(member: $0.member, option: $0.option) }, chosen: v.chosen,
                tie: v.isTie, decidedByGroup: v.decidedByGroup)
        }
        let speaking = Speaking(
            seconds: model.speakingSeconds.rounded(), overLimit: model.speeches.contains { $0.isOverLimit },
            warnings: model.speeches.filter(\.isOverLimit).map { labels.speechWarning($0) },
            parts: model.speeches.map { s in
                Speaking.Part(
                    key: s.key, words: s.words, seconds: s.seconds.rounded(), limitMinutes: s.limitMinutes,
                    overLimit: s.isOverLimit)
            })
        let times = Times(
            started: model.started?.secondsSince1970, updated: model.updated?.secondsSince1970,
            steps: model.steps.map { s in
                StepTime(
                    step: s.index + 1, title: s.title, budgetMinutes: s.budgetMinutes, spentSeconds: s.spentSeconds.rounded(),
                    overBudget: s.budgetMinutes.map { s.spentSeconds > Double($0) * 60 } ?? false)
            })
        self.init(
            format: Self.currentFormat, scenario: scenario, group: group, finished: model.finished, caseText: model.caseText,
            roles: roles, answers: answers, pressure: pressure, effects: effects, votes: votes, chosen: model.chosen,
            speaking: speaking, times: times)
    }
}

extension SheetDocument.AnswerKind {
    init(_ type: AnswerType) {
        switch type {
        case .text: self = .text
        case .longText: self = .long
        case .list: self = .list
        case .yesNo: self = .yesNo
        case .choice: self = .choice
        case .scale: self = .scale
        case .member: self = .member
        case .role: self = .role
        case .effect: self = .effect
        case .vote: self = .vote
        }
    }
}
