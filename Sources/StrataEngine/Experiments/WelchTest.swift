/// Welch's unequal-variance t-test of treatment − control (SciPy's `ttest_ind(equal_var=False)`).
public struct WelchTest: Sendable, Equatable {
    public let difference: Double
    public let standardError: Double
    public let t: Double
    /// Welch–Satterthwaite degrees of freedom.
    public let degreesOfFreedom: Double
    /// Two-sided.
    public let pValue: Double

    /// The t-based interval for the difference at `level`.
    public func interval(level: Double) -> ConfidenceInterval {
        let q = Distributions.studentTUpperQuantile((1 - level) / 2, df: degreesOfFreedom)
        return ConfidenceInterval(lower: difference - q * standardError, upper: difference + q * standardError, level: level)
    }
}

public enum MeanTests {
    public static func welch(control: [Double], treatment: [Double]) throws -> WelchTest {
        try ExperimentInput.requireSamples(control, atLeast: 2, "the control group")
        try ExperimentInput.requireSamples(treatment, atLeast: 2, "the treatment group")
        return try welch(control: SampleSummary(control), treatment: SampleSummary(treatment))
    }

    /// t = (x̄_t − x̄_c) / √(s²_c/n_c + s²_t/n_t), df = (a + b)² / (a²/(n_c − 1) + b²/(n_t − 1)).
    public static func welch(control c: SampleSummary, treatment t: SampleSummary) throws -> WelchTest {
        guard c.count >= 2 && t.count >= 2 else {
            throw EngineError("Welch's t-test needs at least 2 values in each group (got \(c.count) and \(t.count))")
        }
        let a = c.varianceOfMean
        let b = t.varianceOfMean
        let difference = t.mean - c.mean
        let se = (a + b).squareRoot()
        guard se > 0 else {
            throw EngineError("every value is the same within each group, so the spread is zero and a t-test cannot be computed")
        }
        let df = (a + b) * (a + b) / (a * a / Double(c.count - 1) + b * b / Double(t.count - 1))
        let statistic = difference / se
        return WelchTest(difference: difference, standardError: se, t: statistic, degreesOfFreedom: df,
                         pValue: Distributions.studentTTwoSided(statistic, df: df))
    }
}
