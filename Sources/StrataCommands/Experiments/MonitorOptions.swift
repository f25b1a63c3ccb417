/// The options of `monitor`, each declared once.
package enum MonitorOptions {
    package static let time = CommandOption.column("time", "the date or timestamp column that places each row in a period (required)")
    package static let metric = CommandOption.column("metric", "the KPI column: summed (or averaged, stat=mean) per period, or the numerator of a rate (required)")
    package static let denominator = CommandOption.column("denominator", "makes the KPI a rate: Σmetric ÷ Σdenominator per period (conversions per visitor)")
    package static let stat = CommandOption.choice("stat", default: MonitorStatistic.sum,
                                                   "without denominator=: sum of the metric per period, or mean (the rate of a 0/1 column)")
    package static let by = CommandOption.column("by", "a segment column: one series, one chart and its own limits per segment")
    package static let every = CommandOption.choice("every", default: KPIPeriod.week, "the period: day, week (from Monday) or month")
    package static let rule = CommandOption.choice("rule", default: MonitorRule.shewhart,
                                                   "shewhart (trailing mean ± z·sd), ewma (smoothed, for small shifts) or cusum (cumulative sums, for small persistent shifts)")
    package static let window = CommandOption.int("window", in: 2...520, default: 8,
                                                  "periods of history: the trailing window (shewhart) or the baseline at the start (ewma, cusum)")
    package static let z = CommandOption.number("z", in: 0.1...10, default: 3, "width of the limits in standard deviations (shewhart's z, ewma's L)")
    package static let lambda = CommandOption.number("lambda", in: 0.01...1, default: 0.2, "ewma: weight of the newest period (λ)")
    package static let k = CommandOption.number("k", in: 0...5, default: 0.5, "cusum: allowance in sd, half the shift to detect")
    package static let h = CommandOption.number("h", in: 0.1...50, default: 5, "cusum: decision limit in sd")

    package static let all: [any OptionDeclaration] = [time, metric, denominator, stat, by, every, rule, window, z, lambda, k, h]
}

package enum MonitorStatistic: String, OptionChoice {
    case sum
    case mean
}

extension KPIPeriod: OptionChoice {}

package enum MonitorRule: String, OptionChoice {
    case shewhart
    case ewma
    case cusum
}
