/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), after
/// Howard Hinnant's `days_from_civil` / `civil_from_days`. Independent of time zones and
/// Foundation, so results are identical on every platform.
public enum CivilCalendar {
    public static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func civil(fromDays z0: Int64) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysInMonth(year: year, month: month)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        default:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        }
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public static func isoWeekday(fromDays z: Int64) -> Int {
        // 1970-01-01 was a Thursday (ISO 4).
        let r = Int((z + 3) % 7)
        return (r < 0 ? r + 7 : r) + 1
    }

    public static func formatDate(days: Int64) -> String {
        let (y, m, d) = civil(fromDays: days)
        return pad4(y) + "-" + pad2(m) + "-" + pad2(d)
    }

    public static func formatTimestamp(seconds: Int64) -> String {
        let days = floorDiv(seconds, 86_400)
        let secs = Int(seconds - days * 86_400)
        return formatDate(days: days) + " " + pad2(secs / 3600) + ":" + pad2(secs / 60 % 60) + ":" + pad2(secs % 60)
    }

    public static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    private static func pad4(_ v: Int) -> String {
        if v < 0 { return "-" + pad4(-v) }
        let s = String(v)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
