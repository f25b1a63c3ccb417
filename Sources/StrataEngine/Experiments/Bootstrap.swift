/// A percentile bootstrap of a difference in means, with its resampling made reproducible.
public struct BootstrapInterval: Sendable, Equatable {
    public let estimate: Double
    public let interval: ConfidenceInterval
    /// Standard deviation of the resampled differences.
    public let standardError: Double
    public let resamples: Int
    /// Share of resampled differences on the other side of zero from the estimate, doubled: a rough
    /// two-sided p-value, capped at 1.
    public let pValue: Double
}

public enum Bootstrap {
    /// Resample each group with replacement (sizes kept), take mean(treatment) − mean(control),
    /// `resamples` times; the interval is the (α/2, 1 − α/2) percentiles of those differences
    /// (linear interpolation, as NumPy's `percentile`). Resample `b` draws from its own stream of
    /// `seed`, so the result does not depend on how many threads share the work.
    public static func differenceInMeans(control: [Double], treatment: [Double], resamples: Int = 2_000,
                                         level: Double = 0.95, seed: UInt64) throws -> BootstrapInterval {
        try ExperimentInput.requireSamples(control, atLeast: 1, "the control group")
        try ExperimentInput.requireSamples(treatment, atLeast: 1, "the treatment group")
        try ExperimentInput.requireLevel(level)
        guard resamples >= 10 else { throw EngineError("a bootstrap needs at least 10 resamples, got \(resamples)") }
        let chunks = 16
        let perChunk = (resamples + chunks - 1) / chunks
        let parts: [[Double]] = try FixedChunks(pieces: chunks).map(cancellation: .never) { pieces in
            let chunk = pieces.lowerBound
            let range = (chunk * perChunk)..<min(resamples, (chunk + 1) * perChunk)
            return range.map { b in
                var rng = SeededGenerator(seed: seed, stream: UInt64(b))
                return resampledMean(treatment, &rng) - resampledMean(control, &rng)
            }
        }
        let differences = parts.flatMap { $0 }.sorted()
        let estimate = SampleSummary(treatment).mean - SampleSummary(control).mean
        let spread = SampleSummary(differences)
        let below = Double(differences.filter { $0 <= 0 }.count)
        let above = Double(differences.filter { $0 >= 0 }.count)
        let p = min(1, 2 * min(below, above) / Double(differences.count))
        let interval = ConfidenceInterval(lower: percentile(differences, (1 - level) / 2),
                                          upper: percentile(differences, 1 - (1 - level) / 2), level: level)
        return BootstrapInterval(estimate: estimate, interval: interval, standardError: spread.variance.squareRoot(),
                                 resamples: resamples, pValue: p)
    }

    private static func resampledMean(_ values: [Double], _ rng: inout SeededGenerator) -> Double {
        var sum = 0.0
        for _ in 0..<values.count { sum += values[rng.nextInt(below: values.count)] }
        return sum / Double(values.count)
    }

    /// NumPy's default ('linear') percentile of sorted values, q in [0, 1].
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        guard let first = sorted.first else { return .nan }
        let position = q * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        guard below + 1 < sorted.count else { return sorted[sorted.count - 1] }
        let fraction = position - Double(below)
        return below < 0 ? first : sorted[below] + fraction * (sorted[below + 1] - sorted[below])
    }
}
