/// The draft protocol laid out once as headings, paragraphs, lists, a checklist and a
/// table, so Markdown, HTML and the editable document say the same in the same order.
public enum ProtocolLayout {
    /// A piece of inline text.
    public enum Run: Hashable, Sendable {
        case text(String), strong(String), emphasis(String)
    }

    public enum Block: Hashable, Sendable {
        case heading(level: Int, String)
        case paragraph([Run])
        case list(ordered: Bool, [[Run]])
        case checklist([(done: Bool, [Run])])
        case table(header: [String], rows: [[String]])

        public static func == (a: Block, b: Block) -> Bool { String(describing: a) == String(describing: b) }
        public func hash(into h: inout Hasher) { h.combine(String(describing: self)) }
    }

    public static func blocks(_ doc: ProtocolDocument, language: Language) -> [Block] {
        let l = ProtocolLabels(language)
        var out: [Block] = []
        func mentions(_ p: ProtocolDocument.Point) -> [Run] {
            var runs: [Run] = []
            for (n, m) in p.mentions.enumerated() {
                runs.append(.text(n == 0 ? " — " : ", "))
                runs.append(.strong(m.group))
                if let d = m.detail { runs.append(.text(" (\(d))")) }
            }
            return runs
        }

        out.append(.heading(level: 1, l.title))
        out.append(.paragraph([.emphasis(l.intro(l.list(doc.groups.map { "\($0.name): \($0.scenario)" })))]))
        if !doc.unfinished.isEmpty { out.append(.paragraph([.strong(l.unfinished(l.list(doc.unfinished)))])) }

        out.append(.heading(level: 2, l.checklist))
        out.append(.paragraph([.text(l.checklistIntro)]))
        out.append(.checklist(doc.checklist.map { item in
            var runs: [Run] = [.text(l.requirement(item.requirement) + " — ")]
            if item.isMet {
                runs.append(.text(l.namedBy + " "))
                for (n, e) in item.evidence.enumerated() {
                    if n > 0 { runs.append(.text("; ")) }
                    runs += [.strong(e.group), .text(": “\(e.detail ?? "")”")]
                }
            } else {
                runs.append(.emphasis(l.stillOpen))
            }
            return (item.isMet, runs)
        }))

        for s in doc.sections {
            out.append(.heading(level: 2, "\(s.section.rawValue). \(s.section.title.text(language))"))
            if s.isOpen {
                out.append(.paragraph([.emphasis(l.notDiscussed), .text(" \(l.toAnswer): \(s.section.openQuestion.text(language))")]))
                continue
            }
            let by = s.groups.compactMap { name in doc.groups.first { $0.name == name } }.map(l.groupName)
            out.append(.paragraph([.emphasis("\(l.discussedBy): \(l.list(by))")]))
            out.append(.list(ordered: s.section == .stepPlan, s.points.map { [.text($0.text)] + mentions($0) }))
            if !s.agreements.isEmpty {
                out.append(.paragraph([.strong(l.agreements + ":")]))
                out.append(.list(ordered: false, s.agreements.map { [.text("\($0.text) (\($0.groups.joined(separator: ", ")))")] }))
            }
            if !s.differences.isEmpty {
                out.append(.paragraph([.strong(l.differences + ":")]))
                out.append(.list(ordered: false, s.differences.map { d in
                    switch d {
                    case .who(let point, let ms):
                        [.text(l.whoDiffers(point) + ": " + ms.map { "\($0.group): \($0.detail ?? "–")" }.joined(separator: "; "))]
                    case .onlyBy(let group, let points):
                        [.text(l.onlyBy(group) + ": " + points.joined(separator: "; "))]
                    }
                }))
            }
            if s.section == .stepPlan {
                out.append(.heading(level: 3, l.whoDoesWhat))
                if doc.roles.isEmpty {
                    out.append(.paragraph([.text(l.noRoles)]))
                } else {
                    out.append(.paragraph([.text(l.whoDoesWhatIntro)]))
                    out.append(.table(header: [l.role, l.task, l.groupsColumn], rows: doc.roles.flatMap { row in
                        row.tasks.enumerated().map { n, task in [n == 0 ? row.role : "", task.text, task.groups.joined(separator: ", ")] }
                    }))
                }
            }
        }

        out.append(.heading(level: 2, l.openPoints))
        let openRequirements = doc.checklist.filter { !$0.isMet }
        if doc.openSections.isEmpty && openRequirements.isEmpty && doc.unfinished.isEmpty {
            out.append(.paragraph([.text(l.nothingOpen)]))
        }
        if !doc.openSections.isEmpty {
            out.append(.paragraph([.strong(l.openSections + ":")]))
            out.append(.list(ordered: false, doc.openSections.map {
                [.text("\($0.title.text(language)) (\(l.section) \($0.rawValue)) — \($0.openQuestion.text(language))")]
            }))
        }
        if !openRequirements.isEmpty {
            out.append(.paragraph([.strong(l.openRequirements + ":")]))
            out.append(.checklist(openRequirements.map { (false, [.text(l.requirement($0.requirement))]) }))
        }
        if !doc.unfinished.isEmpty { out.append(.paragraph([.text(l.unfinished(l.list(doc.unfinished)))])) }
        out.append(.paragraph([.emphasis(l.sourceNote)]))
        return out
    }
}
