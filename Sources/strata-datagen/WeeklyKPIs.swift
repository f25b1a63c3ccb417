import StrataEngine

extension Streams {
    /// Its own stream, declared here so that the KPI table never shifts another file's draws.
    static let weeklyKPIs: UInt64 = 41
}

/// A weekly KPI table per customer segment (visitors, conversions, revenue), the kind of report a
/// marketing team watches. Conversion is steady except for three planted deviations, the truth a
/// monitoring rule should recover (documented in datasets/README.md):
///
/// - a one-week spike: `big_spender` converts 1.8 times as often in the week of 2025-03-17;
/// - a small persistent shift: `loyal_regular` converts 7 % less from the week of 2025-06-30 on,
///   about one weekly standard deviation, too small for a 3-sigma Shewhart chart;
/// - a drop: `bargain_hunter` converts at 55 % of normal for two weeks from 2025-09-08.
///
/// `occasional` has no deviation at all, so any alert there is a false alarm.
enum WeeklyKPIFactory {
    /// Mondays from 2024-12-02 to 2025-12-01: 53 weeks inside the shared window.
    static let firstWeek = Timeline.day(2024, 12, 2)
    static let weeks = 53
    static let segments = ["bargain_hunter", "loyal_regular", "big_spender", "occasional"]
    /// Average weekly visitors, conversion rate and order value (£) of each segment.
    static let visitors = [5_200.0, 4_000.0, 1_800.0, 3_000.0]
    static let conversionRate = [0.045, 0.060, 0.070, 0.030]
    static let orderValue = [24.0, 38.0, 115.0, 45.0]

    static let spikeWeek = Timeline.day(2025, 3, 17)
    static let spikeFactor = 1.8
    static let shiftFrom = Timeline.day(2025, 6, 30)
    static let shiftFactor = 0.93
    static let dropFrom = Timeline.day(2025, 9, 8)
    static let dropWeeks = 2
    static let dropFactor = 0.55

    /// How much conversion is multiplied by in `segment` in the week starting `week`.
    static func plantedFactor(segment: Int, week: Int) -> Double {
        switch segments[segment] {
        case "big_spender" where week == spikeWeek: return spikeFactor
        case "loyal_regular" where week >= shiftFrom: return shiftFactor
        case "bargain_hunter" where week >= dropFrom && week < dropFrom + 7 * dropWeeks: return dropFactor
        default: return 1
        }
    }

    static func make(seed: UInt64) -> CSVFile {
        var rng = SeededGenerator(seed: seed, stream: Streams.weeklyKPIs)
        var csv = CSVFile(name: "kpis.csv", header: ["week", "segment", "visitors", "conversions", "revenue"])
        for w in 0..<weeks {
            let week = firstWeek + 7 * w
            // Traffic follows the shop's season (busy before Christmas); conversion does not.
            var season = 0.0
            for d in 0..<7 { season += Timeline.baseWeight(week + d) }
            season /= 7
            for s in segments.indices {
                let count = rng.poisson(visitors[s] * season)
                let rate = conversionRate[s] * plantedFactor(segment: s, week: week)
                var conversions = 0
                var cents = 0
                for _ in 0..<count where rng.chance(rate) {
                    conversions += 1
                    // Lognormal order values with the segment's mean: exp(N(−σ²/2, σ²)) has mean 1.
                    cents += Int((orderValue[s] * DetMath.exp(rng.normal(mean: -0.18, sd: 0.6)) * 100).rounded())
                }
                csv.date(days: week)
                csv.text(segments[s])
                csv.int(count)
                csv.int(conversions)
                csv.money(cents: cents)
                csv.endRow()
            }
        }
        return csv
    }
}
