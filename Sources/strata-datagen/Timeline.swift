import StrataEngine

/// The observation window shared by every dataset, as day numbers since 1970-01-01.
enum Timeline {
    static let start = day(2024, 12, 1)
    static let end = day(2025, 12, 9)
    /// The "today" of the snapshot: recency and tenure in customers.csv are measured to this day.
    static let asOf = day(2025, 12, 10)
    static let dayCount = end - start + 1

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Int { Int(CivilCalendar.days(year: y, month: m, day: d)) }

    static func civil(_ day: Int) -> (year: Int, month: Int, day: Int) { CivilCalendar.civil(fromDays: Int64(day)) }

    /// Whole months from `from` to `to`, the way people count tenure (a month completes on the same day-of-month).
    static func monthsBetween(_ from: Int, _ to: Int) -> Int {
        let a = civil(from)
        let b = civil(to)
        return (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0)
    }

    static func isChristmasDay(_ day: Int) -> Bool {
        let c = civil(day)
        return c.month == 12 && c.day == 25
    }

    /// Store-wide sales: percentage off every list price on those days.
    static func discountPercent(on day: Int) -> Int {
        if day >= Timeline.day(2025, 11, 24) && day <= Timeline.day(2025, 12, 1) { return 20 }  // Black Friday week
        if day >= Timeline.day(2025, 1, 2) && day <= Timeline.day(2025, 1, 15) { return 15 }    // January sale
        if day >= Timeline.day(2025, 7, 1) && day <= Timeline.day(2025, 7, 14) { return 10 }    // summer sale
        return 0
    }

    /// Relative shopping intensity of a day: weekends and the run-up to Christmas are busy,
    /// late summer is quiet, and the shop ships nothing on Christmas Day.
    static func baseWeight(_ day: Int) -> Double {
        if isChristmasDay(day) { return 0 }
        let weekday = CivilCalendar.isoWeekday(fromDays: Int64(day))
        let weekdayFactor = [0.95, 0.95, 1.0, 1.0, 1.05, 1.15, 1.1][weekday - 1]
        let c = civil(day)
        let monthFactor = [0.9, 0.85, 0.95, 1.0, 1.0, 0.95, 0.9, 0.85, 1.0, 1.1, 1.35, 1.5][c.month - 1]
        var w = weekdayFactor * monthFactor
        if c.month == 12 && c.day >= 18 && c.day <= 23 { w *= 1.3 }
        if c.month == 12 && c.day == 26 { w *= 0.6 }
        return w
    }

    /// Day sampler over the window whose sale days are boosted by `saleAffinity` (0 = indifferent).
    static func daySampler(saleAffinity: Double) -> CumulativeSampler {
        var weights: [Double] = []
        for d in start...end {
            var w = baseWeight(d)
            if discountPercent(on: d) > 0 { w *= 1 + saleAffinity }
            weights.append(w)
        }
        return CumulativeSampler(weights: weights)
    }

    /// Relative activity by hour of day for each way of shopping or browsing.
    static let storeHours: [Double] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 6, 8, 10, 10, 8, 7, 7, 8, 6, 3, 0, 0, 0, 0]
    static let webHours: [Double] = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 3, 4, 5, 5, 6, 5, 4, 4, 4, 4, 5, 6, 7, 6, 4, 2]
    static let appHours: [Double] = [1.5, 0.8, 0.4, 0.2, 0.2, 0.5, 1.5, 4, 4, 3, 3, 3, 5, 5, 3, 3, 3, 4, 6, 8, 9, 8, 6, 3]
    static let desktopHours: [Double] = [0.3, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4, 7, 8, 8, 7, 8, 8, 7, 6, 4, 3, 3, 3, 2, 1, 0.5]
    static let tabletHours: [Double] = [0.5, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 2, 2, 2, 2, 2.5, 2, 2, 2, 2, 3, 5, 7, 8, 7, 4, 1.5]

    static func channelHours(_ channel: Int) -> [Double] { [webHours, appHours, storeHours][channel] }
    static func deviceHours(_ device: Int) -> [Double] { [appHours, desktopHours, tabletHours][device] }

    /// A second-resolution time on `day`, in seconds since the epoch.
    static func moment(on day: Int, hourWeights: [Double], _ rng: inout SeededGenerator) -> Int {
        let hour = rng.pick(hourWeights)
        return day * 86_400 + hour * 3600 + rng.nextInt(below: 3600)
    }
}
