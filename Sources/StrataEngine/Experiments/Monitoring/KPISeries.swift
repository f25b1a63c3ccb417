/// How the rows of one period become its KPI value.
public enum KPIStatistic: Sendable, Equatable {
    /// Σ metric.
    case sum
    /// Σ metric ÷ rows (the rate of a 0/1 column, the mean of a number).
    case mean
    /// Σ numerator ÷ Σ denominator: conversions per visitor, revenue per session.
    case ratio
}

/// One segment's KPI, one value per period that had data, in time order.
public struct KPISeries: Sendable, Equatable {
    public let segment: String
    /// The first day of each period (days since 1970-01-01), increasing.
    public let periods: [Int64]
    public let values: [Double]
}

/// The KPI of every segment, with the rows that could not be used.
public struct KPIAggregate: Sendable, Equatable {
    public let series: [KPISeries]
    /// Rows without a time or a metric value (or, for a ratio, a denominator).
    public let rowsLeftOut: Int
    /// Periods dropped because their denominator summed to zero.
    public let periodsWithoutDenominator: Int
}

extension KPISeries {
    /// Buckets rows into periods per segment and computes the statistic in each. `days[i]` is row
    /// i's day (nil when missing), `segmentOfRow[i]` indexes `segmentLabels`. Sums run in row
    /// order, so the result is the same on every run.
    public static func aggregate(days: [Int64?], metric: [Double], denominator: [Double]? = nil,
                                 segmentOfRow: [Int], segmentLabels: [String],
                                 every period: KPIPeriod, statistic: KPIStatistic) throws -> KPIAggregate {
        guard metric.count == days.count, segmentOfRow.count == days.count, denominator.map({ $0.count == days.count }) ?? true else {
            throw EngineError("the time, metric, denominator and segment columns must have one value per row each")
        }
        guard !segmentLabels.isEmpty else { throw EngineError("there are no segments to monitor") }
        if statistic == .ratio && denominator == nil { throw EngineError("a ratio KPI needs a denominator column") }
        struct Cell { var numerator = 0.0; var denominator = 0.0; var rows = 0 }
        var cells = [[Int64: Cell]](repeating: [:], count: segmentLabels.count)
        var leftOut = 0
        for row in days.indices {
            let s = segmentOfRow[row]
            guard let day = days[row], metric[row].isFinite, s >= 0 && s < segmentLabels.count else { leftOut += 1; continue }
            var d = 0.0
            if statistic == .ratio {
                guard let den = denominator?[row], den.isFinite else { leftOut += 1; continue }
                d = den
            }
            let key = period.start(of: day)
            var cell = cells[s][key] ?? Cell()
            cell.numerator += metric[row]
            cell.denominator += d
            cell.rows += 1
            cells[s][key] = cell
        }
        var withoutDenominator = 0
        var series: [KPISeries] = []
        for (s, label) in segmentLabels.enumerated() {
            var periods: [Int64] = []
            var values: [Double] = []
            for key in cells[s].keys.sorted() {
                guard let cell = cells[s][key] else { continue }
                let value: Double
                switch statistic {
                case .sum: value = cell.numerator
                case .mean: value = cell.numerator / Double(cell.rows)
                case .ratio:
                    guard cell.denominator != 0 else { withoutDenominator += 1; continue }
                    value = cell.numerator / cell.denominator
                }
                periods.append(key)
                values.append(value)
            }
            series.append(KPISeries(segment: label, periods: periods, values: values))
        }
        guard series.contains(where: { !$0.values.isEmpty }) else {
            throw EngineError("no period has a usable value: every row is missing its time or metric\(statistic == .ratio ? ", or its denominator" : "")")
        }
        return KPIAggregate(series: series, rowsLeftOut: leftOut, periodsWithoutDenominator: withoutDenominator)
    }
}
