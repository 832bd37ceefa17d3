import CasusCore
import Foundation

extension SheetModel {
    /// The sheet of a stored session, its times shown in this computer's time zone (the core
    /// knows no clock or zone; this edge does).
    public init(stored state: SessionState, language: Language, started: Date, events: [SessionEvent]) {
        self.init(
            state: state, language: language, started: Timestamp(started.timeIntervalSince1970),
            updated: events.last.map(\.timestamp), utcOffsetSeconds: TimeZone.current.secondsFromGMT(for: started))
    }
}
