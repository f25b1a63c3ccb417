/// CUPED (Deng, Xu, Kohavi & Walker 2013): subtract from each unit's metric the part its
/// pre-experiment value predicts. Randomisation makes the covariate independent of the variant, so
/// the difference in adjusted means estimates the same effect with less variance.
public struct CUPEDAdjustment: Sendable, Equatable {
    /// θ = cov(Y, X) / var(X), over all units of all variants together.
    public let theta: Double
    /// Mean of the covariate over all units.
    public let covariateMean: Double
    /// Pearson correlation of metric and covariate over all units.
    public let correlation: Double
    /// Y − θ(X − X̄), in input order.
    public let adjusted: [Double]
    /// 1 − var(adjusted)/var(Y): the share of the metric's variance removed (≈ correlation²).
    public let varianceReduction: Double
}

public enum CUPED {
    public static func adjust(metric y: [Double], covariate x: [Double]) throws -> CUPEDAdjustment {
        guard y.count == x.count else {
            throw EngineError("the metric has \(y.count) values and the covariate \(x.count); CUPED needs one covariate value per unit")
        }
        try ExperimentInput.requireSamples(y, atLeast: 3, "the metric")
        try ExperimentInput.requireSamples(x, atLeast: 3, "the covariate")
        let sy = SampleSummary(y)
        let sx = SampleSummary(x)
        guard sx.variance > 0 else { throw EngineError("the covariate has the same value for every unit, so it cannot explain any variance") }
        let covariance = SampleSummary.covariance(y, x, meanY: sy.mean, meanX: sx.mean)
        let theta = covariance / sx.variance
        let adjusted = (0..<y.count).map { y[$0] - theta * (x[$0] - sx.mean) }
        let reduction = sy.variance > 0 ? 1 - SampleSummary(adjusted).variance / sy.variance : 0
        let correlation = sy.variance > 0 ? covariance / (sy.variance * sx.variance).squareRoot() : 0
        return CUPEDAdjustment(theta: theta, covariateMean: sx.mean, correlation: correlation, adjusted: adjusted,
                               varianceReduction: reduction)
    }
}
