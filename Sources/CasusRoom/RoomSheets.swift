import CasusCore
import Foundation

/// The sheets and the merged report, rendered by the core from the groups' replayed state:
/// the same renderers `casus sheet` and `casus report` use.
enum RoomSheets {
    static func model(_ group: RoomGroup) -> SheetModel {
        let header = try? group.join.header.decode(GroupHeader.self)
        let started = header?.created ?? group.events.first?.timestamp.secondsSince1970
        return SheetModel(
            state: group.state, language: group.language, started: started.map(Timestamp.init),
            updated: group.events.last?.timestamp,
            utcOffsetSeconds: TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: started ?? 0)))
    }

    /// The group's sheet as a standalone HTML page (the poster layout of `casus sheet`).
    static func html(_ model: SheetModel) -> String { HTMLSheet.render(model) }

    /// The merged report of `models` (join order), as `casus report` makes it.
    static func report(_ models: [SheetModel], language: Language, format: Format) -> String {
        let report = Report(sheets: models.map(SheetDocument.init), language: language)
        switch format {
        case .markdown: return MarkdownReport.render(report)
        case .html: return HTMLReport.render(report)
        }
    }

    enum Format { case markdown, html }
}
