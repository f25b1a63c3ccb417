/// One tier as it came out.
public struct TierBand: Sendable, Equatable {
    public let label: String
    /// The cut points around the tier: it holds values with lower ≤ v < upper (nil = unbounded).
    public let lower: Double?
    public let upper: Double?
    public let count: Int
    /// Mean of the values in the tier; nil when it is empty.
    public let mean: Double?
}

public struct TierResult: Sendable {
    /// One label per value; nil where the value is missing.
    public let labels: [String?]
    public let bands: [TierBand]
    public let cuts: [Double]
    public let missing: Int
}

/// Cuts a score into named tiers. A value equal to a cut point goes to the tier above it,
/// for quantile cuts and explicit thresholds alike.
public enum Tiers {
    /// Cut points at the j/count quantiles (linear interpolation) of the non-missing values.
    public static func byQuantiles(_ values: [Double], count: Int, labels: [String]?) throws -> TierResult {
        guard count >= 2 else { throw EngineError("tiers needs at least 2 tiers, got \(count)") }
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { throw EngineError("the column has no values to cut into tiers") }
        let cuts = (1..<count).compactMap { Quantiles.linear(sorted: sorted, Double($0) / Double(count)) }
        return try assign(values, cuts: cuts, labels: labels, checkIncreasing: false)
    }

    /// Explicit cut points, increasing: n cut points make n + 1 tiers.
    public static func byThresholds(_ values: [Double], thresholds: [Double], labels: [String]?) throws -> TierResult {
        guard !thresholds.isEmpty else { throw EngineError("give at least one threshold") }
        return try assign(values, cuts: thresholds, labels: labels, checkIncreasing: true)
    }

    /// The tier of `v`: how many cut points are at or below it (a value on a cut goes up).
    public static func tier(of v: Double, cuts: [Double]) -> Int {
        cuts.reduce(0) { $0 + ($1 <= v ? 1 : 0) }
    }

    static func assign(_ values: [Double], cuts: [Double], labels given: [String]?, checkIncreasing: Bool) throws -> TierResult {
        if checkIncreasing {
            for (a, b) in zip(cuts, cuts.dropFirst()) where !(a < b) {
                throw EngineError("thresholds must increase: \(a) is followed by \(b)")
            }
        }
        let tierCount = cuts.count + 1
        let labels = given ?? (1...tierCount).map { "T\($0)" }
        guard labels.count == tierCount else {
            throw EngineError("\(tierCount) tiers need \(tierCount) labels, got \(labels.count)",
                              suggestion: "list the labels from the lowest tier to the highest")
        }
        guard Set(labels).count == labels.count else { throw EngineError("tier labels must differ from each other") }
        var counts = [Int](repeating: 0, count: tierCount)
        var sums = [CompensatedSum](repeating: CompensatedSum(), count: tierCount)
        var missing = 0
        let assigned: [String?] = values.map { v in
            guard v.isFinite else { missing += 1; return nil }
            let t = tier(of: v, cuts: cuts)
            counts[t] += 1
            sums[t].add(v)
            return labels[t]
        }
        let bands = (0..<tierCount).map { t in
            TierBand(label: labels[t], lower: t > 0 ? cuts[t - 1] : nil, upper: t < cuts.count ? cuts[t] : nil,
                     count: counts[t], mean: counts[t] > 0 ? sums[t].value / Double(counts[t]) : nil)
        }
        return TierResult(labels: assigned, bands: bands, cuts: cuts, missing: missing)
    }
}
