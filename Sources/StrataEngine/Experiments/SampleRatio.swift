/// Sample ratio mismatch: are the variants' sizes what the design's split would produce by chance?
/// A mismatch usually means broken assignment or logging, and then no other figure can be trusted.
public struct SampleRatioCheck: Sendable, Equatable {
    public let observed: [Int]
    public let expected: [Double]
    public let statistic: Double
    public let pValue: Double
    /// p below `threshold` (0.001 by default, as GrowthBook).
    public let mismatch: Bool
    public let threshold: Double
}

public enum SampleRatio {
    /// χ² goodness of fit Σ(O − E)²/E with E = N·wᵢ/Σw and k − 1 degrees of freedom
    /// (SciPy's `chisquare`).
    public static func check(counts: [Int], design weights: [Double], threshold: Double = 0.001) throws -> SampleRatioCheck {
        guard counts.count >= 2 else { throw EngineError("a sample-ratio check needs at least 2 variants, got \(counts.count)") }
        guard weights.count == counts.count else {
            throw EngineError("the design has \(weights.count) share\(weights.count == 1 ? "" : "s") but there are \(counts.count) variants; give one share per variant")
        }
        guard weights.allSatisfy({ $0 > 0 && $0.isFinite }) else { throw EngineError("every share in the design must be a positive number") }
        guard counts.allSatisfy({ $0 >= 0 }) else { throw EngineError("variant sizes cannot be negative") }
        let total = Double(counts.reduce(0, +))
        guard total > 0 else { throw EngineError("no units in any variant: nothing to compare with the design") }
        let weightSum = weights.reduce(0, +)
        let expected = weights.map { total * $0 / weightSum }
        var statistic = 0.0
        for (o, e) in zip(counts, expected) { statistic += (Double(o) - e) * (Double(o) - e) / e }
        let p = Distributions.chiSquaredSurvival(statistic, df: Double(counts.count - 1))
        return SampleRatioCheck(observed: counts, expected: expected, statistic: statistic, pValue: p,
                                mismatch: p < threshold, threshold: threshold)
    }
}
