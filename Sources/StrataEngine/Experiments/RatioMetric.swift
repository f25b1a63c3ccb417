/// A ratio of sums such as revenue per session, where the unit randomised (a visitor) is not the
/// unit counted (a session), so neither sum's spread alone gives the ratio's.
public struct RatioEstimate: Sendable, Equatable {
    public let units: Int
    /// Σ numerator / Σ denominator.
    public let ratio: Double
    /// Delta-method variance of the ratio.
    public let variance: Double

    public var standardError: Double { variance.squareRoot() }
}

public enum RatioMetric {
    /// R = ȳ/x̄ and, by the delta method (first-order Taylor expansion of y/x about the means),
    /// Var(R) ≈ (s²_y − 2R·s_xy + R²·s²_x) / (n·x̄²), with sample (n − 1) variances and covariance.
    public static func estimate(numerator y: [Double], denominator x: [Double]) throws -> RatioEstimate {
        guard y.count == x.count else {
            throw EngineError("the numerator has \(y.count) values and the denominator \(x.count); a ratio metric needs one of each per unit")
        }
        try ExperimentInput.requireSamples(y, atLeast: 2, "the ratio's numerator")
        try ExperimentInput.requireSamples(x, atLeast: 2, "the ratio's denominator")
        let sy = SampleSummary(y)
        let sx = SampleSummary(x)
        guard sx.mean != 0 else { throw EngineError("the ratio's denominator sums to zero, so the ratio is undefined") }
        let covariance = SampleSummary.covariance(y, x, meanY: sy.mean, meanX: sx.mean)
        let r = sy.mean / sx.mean
        let n = Double(y.count)
        let variance = (sy.variance - 2 * r * covariance + r * r * sx.variance) / (n * sx.mean * sx.mean)
        return RatioEstimate(units: y.count, ratio: r, variance: max(0, variance))
    }
}
