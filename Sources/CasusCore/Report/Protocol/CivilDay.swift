/// A calendar day (proleptic Gregorian), counted from 1970-01-01, written out in Dutch or
/// English ("dinsdag 15 december 2026"). The caller decides which day it is; the core reads
/// no clock.
public struct CivilDay: Hashable, Sendable, Comparable {
    public var daysSince1970: Int

    public init(daysSince1970: Int) { self.daysSince1970 = daysSince1970 }

    /// The local day of `timestamp` at `offsetSeconds` from UTC.
    public init(_ timestamp: Timestamp, offsetSeconds: Int) {
        let total = Int(timestamp.secondsSince1970.rounded(.down)) + offsetSeconds
        daysSince1970 = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
    }

    public static func < (a: CivilDay, b: CivilDay) -> Bool { a.daysSince1970 < b.daysSince1970 }

    public func adding(days: Int) -> CivilDay { CivilDay(daysSince1970: daysSince1970 + days) }

    /// Year, month (1–12) and day (Howard Hinnant's algorithm); `SheetTime` uses it too.
    public var ymd: (year: Int, month: Int, day: Int) {
        let z = daysSince1970 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((daysSince1970 % 7) + 7 + 3) % 7 }

    public func text(_ language: Language) -> String {
        let (y, m, d) = ymd
        switch language {
        case .nl:
            let days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
            let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
            return "\(days[weekday]) \(d) \(months[m - 1]) \(y)"
        case .en:
            let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
            return "\(days[weekday]) \(d) \(months[m - 1]) \(y)"
        }
    }
}
