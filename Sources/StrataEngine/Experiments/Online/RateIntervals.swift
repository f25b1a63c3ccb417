/// A rate (successes out of trials) with its Wilson score interval.
public struct RateEstimate: Sendable, Equatable {
    public let successes: Int
    public let trials: Int
    public let interval: ConfidenceInterval

    public var rate: Double { Double(successes) / Double(trials) }
}

/// A mean with its Student t interval.
public struct MeanEstimate: Sendable, Equatable {
    public let summary: SampleSummary
    /// Nil with fewer than two values: there is no spread to measure.
    public let interval: ConfidenceInterval?

    public var mean: Double { summary.mean }
}

public enum RateIntervals {
    /// Wilson's score interval, (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), as statsmodels'
    /// `proportion_confint(method="wilson")`. Unlike the Wald interval p̂ ± z·√(p̂(1 − p̂)/n), it
    /// stays inside [0, 1] and keeps its coverage near 0 and 1 and on small samples, where CTRs live.
    public static func wilson(successes: Int, trials: Int, level: Double) throws -> RateEstimate {
        try ExperimentInput.requireLevel(level)
        guard trials > 0 else { throw EngineError("a rate needs at least one trial, got 0") }
        guard successes >= 0 && successes <= trials else {
            throw EngineError("successes must be between 0 and the number of trials; got \(successes) of \(trials)")
        }
        let n = Double(trials)
        let p = Double(successes) / n
        let z = Distributions.normalUpperQuantile((1 - level) / 2)
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        return RateEstimate(successes: successes, trials: trials,
                            interval: ConfidenceInterval(lower: centre - half, upper: centre + half, level: level))
    }

    /// mean ± t(n − 1)·s/√n, SciPy's `stats.t.interval(level, n − 1, loc=mean, scale=sem)`.
    public static func studentT(_ values: [Double], level: Double) throws -> MeanEstimate {
        try ExperimentInput.requireLevel(level)
        try ExperimentInput.requireSamples(values, atLeast: 1, "the values")
        let s = SampleSummary(values)
        guard s.count >= 2 else { return MeanEstimate(summary: s, interval: nil) }
        let t = Distributions.studentTUpperQuantile((1 - level) / 2, df: Double(s.count - 1))
        let half = t * s.standardError
        return MeanEstimate(summary: s, interval: ConfidenceInterval(lower: s.mean - half, upper: s.mean + half, level: level))
    }
}
