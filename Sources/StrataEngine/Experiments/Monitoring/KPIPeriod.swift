/// The calendar window a KPI is summed or averaged over. Weeks start on Monday (ISO 8601), months
/// on their first day, so a period is named by the date it starts.
public enum KPIPeriod: String, Sendable, CaseIterable {
    case day
    case week
    case month

    /// The first day of the period holding `day` (days since 1970-01-01).
    public func start(of day: Int64) -> Int64 {
        switch self {
        case .day:
            return day
        case .week:
            return day - Int64(CivilCalendar.isoWeekday(fromDays: day) - 1)
        case .month:
            let c = CivilCalendar.civil(fromDays: day)
            return CivilCalendar.days(year: c.year, month: c.month, day: 1)
        }
    }
}
