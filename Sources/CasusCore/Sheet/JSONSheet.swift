/// The sheet as JSON, for `casus report` and other tools.
///
/// Shape (keys sorted; every clock time lives under `times`, so two sessions with the same
/// answers give the same JSON apart from `times`):
///
///     {"format":1,
///      "scenario":{"title","path","audience":{"school","level"}|null,"source","author","language"},
///      "group":{"name","members":[…],"jobs":{"scribe":…}}|null,
///      "finished":bool,
///      "case":"…"|null, "roles":[{"id","name","description"}],
///      "answers":[{"id","key","value","text","step","stepTitle","prompt","type","role","roleName",
///                  "solution","solutionText","member","item","skipped","protocol"?}],   (protocol: only on tagged questions)
///      "pressure":["key",…],
///      "effects":[{"question","solutions":[…],"roles":[ids],"cells":[[{"rating","score","note"}|null]],"totals":[…]}],
///      "votes":[{"key","prompt","tally":[{"option","votes"}],"ballots":[{"member","option"}],"chosen","tie","decidedByGroup"}],
///      "chosen":"…"|null,
///      "speaking":{"seconds","limitMinutes","overLimit","parts":[{"key","words","seconds","limitMinutes","overLimit"}]},
///      "times":{"started","updated","steps":[{"step","title","budgetMinutes","spentSeconds","overBudget"}]}}
///
/// `value` is the stored answer in its journal shape (`{"type":"text","text":…}`); `step` is
/// 1-based; `role` is the role id, `solution` the 1-based solution number.
public enum JSONSheet {
    public static let format = 1

    public static func render(_ model: SheetModel) -> String {
        value(model).serialized()
    }

    public static func value(_ model: SheetModel) -> JSONValue {
        let l = SheetLabels(model.language)
        var root: [String: JSONValue] = [:]
        root["format"] = .int(format)
        root["scenario"] = .object([
            "title": .string(model.title), "path": .string(model.scenarioPath),
            "audience": model.audience.map { .object(["school": .string($0.school.rawValue), "level": .optional($0.level)]) } ?? .null,
            "source": .optional(model.source), "author": .optional(model.author),
            "language": .string(model.language.rawValue),
        ])
        root["group"] = model.setup.map { setup in
            .object([
                "name": .string(setup.group), "members": .array(setup.members.map { .string($0) }),
                "jobs": .object(Dictionary(uniqueKeysWithValues: setup.jobs.map { ($0.key.rawValue, JSONValue.string($0.value)) })),
            ])
        } ?? .null
        root["finished"] = .bool(model.finished)
        root["case"] = .optional(model.caseText)
        root["roles"] = .array(model.roles.map {
            .object(["id": .string($0.id), "name": .string($0.name), "description": .optional($0.description)])
        })
        root["answers"] = .array(model.answers.map { a in
            var fields: [String: JSONValue] = [
                "id": .string(a.questionId), "key": .string(a.key), "value": a.value.map(encode) ?? .null,
                "text": .optional(a.text), "step": .int(a.stepIndex + 1),
                "stepTitle": .string(model.steps.indices.contains(a.stepIndex) ? model.steps[a.stepIndex].title : ""),
                "prompt": .string(a.prompt), "type": .string(typeName(a.type)),
                "role": .optional(a.roleId), "roleName": .optional(a.role),
                "solution": .optional(a.solutionNumber), "solutionText": .optional(a.solution),
                "member": .optional(a.member), "item": .optional(a.item), "skipped": .bool(a.value == nil),
            ]
            // Only tagged answers carry the field, so untagged sheets stay as they were.
            if !a.protocolSections.isEmpty { fields["protocol"] = .array(a.protocolSections.map { .string($0) }) }
            return .object(fields)
        })
        root["pressure"] = .array(model.pressureAnswers.map { .string($0.key) })
        root["effects"] = .array(model.effects.map { m in
            .object([
                "question": .string(m.questionId), "solutions": .array(m.solutions.map { .string($0) }),
                "roles": .array(m.roles.map { .string($0.id) }),
                "cells": .array(m.cells.map { row in
                    .array(row.map { cell in
                        cell.map {
                            .object(["rating": .string($0.rating.rawValue), "score": .int($0.rating.score), "note": .optional($0.note)])
                        } ?? .null
                    })
                }),
                "totals": .array(m.totals.map { .int($0) }),
            ])
        })
        root["votes"] = .array(model.votes.map { v in
            .object([
                "key": .string(v.key), "prompt": .string(v.prompt),
                "tally": .array(v.tally.map { .object(["option": .string($0.option), "votes": .int($0.votes)]) }),
                "ballots": .array(v.ballots.map { .object(["member": .string($0.member), "option": .optional($0.option)]) }),
                "chosen": .optional(v.chosen), "tie": .bool(v.isTie), "decidedByGroup": .bool(v.decidedByGroup),
            ])
        })
        root["chosen"] = .optional(model.chosen)
        root["speaking"] = .object([
            "seconds": .number(model.speakingSeconds.rounded()),
            "overLimit": .bool(model.speeches.contains { $0.isOverLimit }),
            "warnings": .array(model.speeches.filter(\.isOverLimit).map { .string(l.speechWarning($0)) }),
            "parts": .array(model.speeches.map { s in
                .object([
                    "key": .string(s.key), "words": .int(s.words), "seconds": .number(s.seconds.rounded()),
                    "limitMinutes": .int(s.limitMinutes), "overLimit": .bool(s.isOverLimit),
                ])
            }),
        ])
        root["times"] = .object([
            "started": model.started.map { .number($0.secondsSince1970) } ?? .null,
            "updated": model.updated.map { .number($0.secondsSince1970) } ?? .null,
            "steps": .array(model.steps.map { s in
                .object([
                    "step": .int(s.index + 1), "title": .string(s.title), "budgetMinutes": .optional(s.budgetMinutes),
                    "spentSeconds": .number(s.spentSeconds.rounded()),
                    "overBudget": .bool(s.budgetMinutes.map { s.spentSeconds > Double($0) * 60 } ?? false),
                ])
            }),
        ])
        return .object(root)
    }

    /// An answer in its journal shape.
    static func encode(_ value: AnswerValue) -> JSONValue {
        switch value {
        case .text(let s): .object(["type": .string("text"), "text": .string(s)])
        case .longText(let s): .object(["type": .string("long"), "text": .string(s)])
        case .list(let items): .object(["type": .string("list"), "items": .array(items.map { .string($0) })])
        case .yesNo(let b): .object(["type": .string("yesNo"), "value": .bool(b)])
        case .choice(let s): .object(["type": .string("choice"), "option": .string(s)])
        case .scale(let n): .object(["type": .string("scale"), "value": .int(n)])
        case .member(let s): .object(["type": .string("member"), "name": .string(s)])
        case .role(let s): .object(["type": .string("role"), "role": .string(s)])
        case .effect(let rating, let note):
            .object(["type": .string("effect"), "rating": .string(rating.rawValue), "note": .optional(note)])
        case .vote(let d):
            .object([
                "type": .string("vote"), "chosen": .string(d.chosen),
                "tally": .array(d.tally.map { .object(["option": .string($0.option), "votes": .int($0.votes)]) }),
            ])
        }
    }

    static func typeName(_ type: AnswerType) -> String {
        switch type {
        case .text: "text"
        case .longText: "long"
        case .list: "list"
        case .yesNo: "yesNo"
        case .choice: "choice"
        case .scale: "scale"
        case .member: "member"
        case .role: "role"
        case .effect: "effect"
        case .vote: "vote"
        }
    }
}
