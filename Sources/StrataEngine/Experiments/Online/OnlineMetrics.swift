/// CTR, conversion and revenue of one group of exposures (a strategy, a segment, a context cell).
public struct OnlineGroupMetrics: Sendable, Equatable {
    public let group: Int
    public let exposures: Int
    /// Clicks per exposure; nil when no clicked column was given or no row of the group has one.
    public let ctr: RateEstimate?
    /// Orders per exposure.
    public let conversion: RateEstimate?
    /// Revenue per exposure.
    public let revenue: MeanEstimate?
}

/// The outcome columns of an exposure log, one value per row (NaN where missing).
public struct ExposureOutcomes: Sendable {
    public let clicked: [Double]?
    public let converted: [Double]?
    public let revenue: [Double]?

    /// Clicks and orders must be 0 or 1 (or missing); revenue any finite number (or missing).
    public init(clicked: [Double]?, converted: [Double]?, revenue: [Double]?) throws {
        for (name, values) in [("clicked", clicked), ("converted", converted)] {
            guard let values else { continue }
            if let row = values.firstIndex(where: { $0.isFinite && $0 != 0 && $0 != 1 }) {
                throw EngineError("\(name) is 0 or 1 per exposure, but row \(row + 1) holds \(DescribeFormat.number(values[row]))",
                                  suggestion: "a rate outside [0, 1] is not a click or an order; use revenue= for amounts")
            }
        }
        if let revenue, let row = revenue.firstIndex(where: { $0.isInfinite }) {
            throw EngineError("revenue in row \(row + 1) is not a finite number")
        }
        self.clicked = clicked
        self.converted = converted
        self.revenue = revenue
    }
}

public enum OnlineMetrics {
    /// Metrics per group, in group order, for the rows with `groupOfRow[row] == group`. A row whose
    /// value is missing counts in neither numerator nor denominator of that metric. Groups without
    /// rows are left out.
    public static func byGroup(_ outcomes: ExposureOutcomes, groupOfRow: [Int], groupCount: Int,
                               level: Double) throws -> [OnlineGroupMetrics] {
        var exposures = [Int](repeating: 0, count: groupCount)
        var clicks = [(Int, Int)](repeating: (0, 0), count: groupCount)
        var orders = [(Int, Int)](repeating: (0, 0), count: groupCount)
        var revenue = [[Double]](repeating: [], count: groupCount)
        for (row, g) in groupOfRow.enumerated() where g >= 0 && g < groupCount {
            exposures[g] += 1
            if let c = outcomes.clicked?[row], c.isFinite { clicks[g] = (clicks[g].0 + (c == 1 ? 1 : 0), clicks[g].1 + 1) }
            if let c = outcomes.converted?[row], c.isFinite { orders[g] = (orders[g].0 + (c == 1 ? 1 : 0), orders[g].1 + 1) }
            if let r = outcomes.revenue?[row], r.isFinite { revenue[g].append(r) }
        }
        return try (0..<groupCount).compactMap { g -> OnlineGroupMetrics? in
            guard exposures[g] > 0 else { return nil }
            let ctr = clicks[g].1 > 0 ? try RateIntervals.wilson(successes: clicks[g].0, trials: clicks[g].1, level: level) : nil
            let conversion = orders[g].1 > 0 ? try RateIntervals.wilson(successes: orders[g].0, trials: orders[g].1, level: level) : nil
            let mean = revenue[g].isEmpty ? nil : try RateIntervals.studentT(revenue[g], level: level)
            return OnlineGroupMetrics(group: g, exposures: exposures[g], ctr: ctr, conversion: conversion, revenue: mean)
        }
    }
}
