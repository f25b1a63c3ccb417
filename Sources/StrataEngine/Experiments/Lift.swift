/// Treatment against control, as an absolute difference and as a relative change, each with a
/// normal-approximation interval.
public struct Lift: Sendable, Equatable {
    /// treatment − control.
    public let absolute: Double
    public let absoluteInterval: ConfidenceInterval
    /// treatment / control − 1; NaN when the control's value is zero.
    public let relative: Double
    public let relativeInterval: ConfidenceInterval?
    /// Two-sided p-value of the absolute difference by the normal approximation.
    public let pValue: Double

    /// Independent estimates m_c, m_t with squared standard errors v_c, v_t:
    /// absolute Δ = m_t − m_c ± z·√(v_c + v_t);
    /// relative m_t/m_c − 1 ± z·√(v_t/m_c² + m_t²·v_c/m_c⁴) (delta method, as GrowthBook).
    /// `absoluteInterval` replaces the normal interval for the difference when the test has its own
    /// (Welch's t-based one, a bootstrap's percentiles).
    public init(control: Double, controlVariance: Double, treatment: Double, treatmentVariance: Double, level: Double,
                absoluteInterval: ConfidenceInterval? = nil) {
        absolute = treatment - control
        let se = (controlVariance + treatmentVariance).squareRoot()
        self.absoluteInterval = absoluteInterval ?? .normal(estimate: absolute, standardError: se, level: level)
        pValue = se > 0 ? Distributions.normalTwoSided(absolute / se) : (absolute == 0 ? 1 : 0)
        guard control != 0 else {
            relative = .nan
            relativeInterval = nil
            return
        }
        relative = treatment / control - 1
        let relativeVariance = treatmentVariance / (control * control)
            + treatment * treatment * controlVariance / (control * control * control * control)
        relativeInterval = .normal(estimate: relative, standardError: relativeVariance.squareRoot(), level: level)
    }
}
