/// Resamples the log's rows with replacement and re-runs every estimator, reward model included,
/// on each resample. Resample `b` draws from stream `b` of the seed, so the result is the same on
/// any number of threads.
enum OffPolicyBootstrap {
    struct Result: Sendable {
        var values: [OffPolicyMethod: [Double]] = [:]
        /// Each resample's estimate minus its own mean logged reward.
        var differences: [OffPolicyMethod: [Double]] = [:]
    }

    static func run(_ data: LoggedBandit, _ policy: TargetPolicy, resamples: Int, seed: UInt64,
                    context: RunContext) throws -> Result {
        let chunks = FixedChunks(total: resamples, parts: FixedChunks.defaultParts)
        let parts: [[[OffPolicyMethod: (Double, Double)]]] = try chunks.map(cancellation: context.cancellation) { range in
            try range.map { b in
                try context.cancellation.check()
                var rng = SeededGenerator(seed: seed, stream: UInt64(b))
                let rows = (0..<data.count).map { _ in rng.nextInt(below: data.count) }
                var logged = 0.0
                for row in rows { logged += data.rewards[row] }
                logged /= Double(rows.count)
                return OffPolicyEstimators.contributions(data, policy, rows: rows).mapValues { ($0.value, $0.value - logged) }
            }
        }
        var result = Result()
        for resample in parts.joined() {
            for method in OffPolicyMethod.allCases {
                let (value, difference) = resample[method] ?? (.nan, .nan)
                result.values[method, default: []].append(value)
                result.differences[method, default: []].append(difference)
            }
        }
        return result
    }
}
