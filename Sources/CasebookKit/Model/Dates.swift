import Foundation

/// A calendar date without time or time zone (front matter `date:`).
public struct DayDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month) else { return nil }
        guard (1...DayDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (a: DayDate, b: DayDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public var rfc3339: String { iso + "T00:00:00Z" }
    public var display: String { "\(DayDate.monthNames[month - 1]) \(day), \(year)" }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// When a figure was true: a year, a school year, a month or a day.
public enum AsOf: Sendable, Hashable {
    case year(Int)
    case schoolYear(Int)  // 2022-23 is stored as 2022
    case month(Int, Int)
    case day(DayDate)

    /// Accepts `2021`, `2022-23`, `2021-09` and `2021-09-30`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count == 4, let year = Int(first), (1900...2200).contains(year) else {
            return nil
        }
        switch parts.count {
        case 1:
            self = .year(year)
        case 2 where parts[1].count == 2:
            guard let second = Int(parts[1]) else { return nil }
            if second == (year + 1) % 100 {
                self = .schoolYear(year)
            } else if (1...12).contains(second) {
                self = .month(year, second)
            } else {
                return nil
            }
        case 3:
            guard let date = DayDate(iso: text) else { return nil }
            self = .day(date)
        default:
            return nil
        }
    }

    public var display: String {
        switch self {
        case .year(let y): "\(y)"
        case .schoolYear(let y): "\(y)–\(String(format: "%02d", (y + 1) % 100)) school year"
        case .month(let y, let m): "\(DayDate.monthNames[m - 1]) \(y)"
        case .day(let d): d.display
        }
    }

    /// Machine-readable form, as written in front matter.
    public var text: String {
        switch self {
        case .year(let y): "\(y)"
        case .schoolYear(let y): "\(y)-\(String(format: "%02d", (y + 1) % 100))"
        case .month(let y, let m): String(format: "%04d-%02d", y, m)
        case .day(let d): d.iso
        }
    }
}
