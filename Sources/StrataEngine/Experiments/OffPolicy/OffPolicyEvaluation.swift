/// One estimate of the evaluated policy's value, and of its difference from the logged policy's.
public struct OffPolicyEstimate: Sendable, Equatable {
    public let method: OffPolicyMethod
    /// NaN when the method cannot estimate anything here (replay or SNIPS with no matching row).
    public let value: Double
    public let standardError: Double
    /// value ± z·se.
    public let interval: ConfidenceInterval?
    /// Percentile interval over bootstrap resamples, when asked for.
    public let bootstrapInterval: ConfidenceInterval?
    /// value − the logged policy's mean reward, with the interval of the paired per-row differences.
    public let difference: Double
    public let differenceInterval: ConfidenceInterval?
    public let bootstrapDifferenceInterval: ConfidenceInterval?
}

/// The logging policy's value: the mean reward it collected, ± z·sd/√n.
public struct LoggedPolicyValue: Sendable, Equatable {
    public let value: Double
    public let standardError: Double
    public let interval: ConfidenceInterval
}

/// Everything `offpolicy` reports.
public struct OffPolicyReport: Sendable {
    public let estimates: [OffPolicyEstimate]
    /// The mean logged reward: the logging policy's own (on-policy) value, with its normal interval.
    public let logged: LoggedPolicyValue
    public let rows: Int
    public let actionCount: Int
    /// Rows where the logged action is the policy's choice (what replay keeps).
    public let matchedRows: Int
    /// Kish's effective sample size of the importance weights, (Σw)² / Σw².
    public let effectiveSampleSize: Double
    public let loggingIsUniform: Bool
    /// (context cell, action) pairs the reward model had no rows for.
    public let rewardModelFallbacks: Int
    public let rewardModelCells: Int
    /// Actions the policy chooses somewhere that the log never shows.
    public let unloggedChoices: [String]
    public let resamples: Int?
    public let seed: UInt64?

    public func estimate(_ method: OffPolicyMethod) -> OffPolicyEstimate? { estimates.first { $0.method == method } }
}

public enum OffPolicyEvaluation {
    public static func evaluate(_ data: LoggedBandit, policy: TargetPolicy, level: Double = 0.95,
                                resamples: Int? = nil, seed: UInt64 = 0, context: RunContext = .quiet) throws -> OffPolicyReport {
        try ExperimentInput.requireLevel(level)
        guard policy.actionCount == data.actionCount, policy.probabilities.count == data.count * data.actionCount else {
            throw EngineError("the policy covers \(policy.probabilities.count / max(1, policy.actionCount)) rows and "
                              + "\(policy.actionCount) actions, the log \(data.count) rows and \(data.actionCount) actions")
        }
        if let resamples, resamples < 10 { throw EngineError("a bootstrap needs at least 10 resamples, got \(resamples)") }
        let all = Array(0..<data.count)
        let contributions = OffPolicyEstimators.contributions(data, policy, rows: all)
        let boot = try resamples.map { try OffPolicyBootstrap.run(data, policy, resamples: $0, seed: seed, context: context) }
        let rewards = data.rewards
        let spread = SampleSummary(rewards)
        let logged = LoggedPolicyValue(value: spread.mean, standardError: spread.standardError,
                                       interval: .normal(estimate: spread.mean, standardError: spread.standardError, level: level))
        let estimates = OffPolicyMethod.allCases.map { m in
            Self.estimate(m, contributions[m] ?? RowContributions(value: .nan, perRow: []), loggedRewards: rewards, level: level,
                          boot: boot.map { ($0.values[m] ?? [], $0.differences[m] ?? []) })
        }
        var weightSum = 0.0
        var weightSquares = 0.0
        var matched = 0
        var chosen = Set<Int>()
        var loggedActions = Set<Int>()
        for row in all {
            let w = policy.probability(row: row, action: data.actions[row]) / data.propensities[row]
            weightSum += w
            weightSquares += w * w
            if w > 0 { matched += 1 }
            loggedActions.insert(data.actions[row])
            for a in 0..<data.actionCount where policy.probability(row: row, action: a) > 0 { chosen.insert(a) }
        }
        let model = CellRewardModel(data, rows: all)
        return OffPolicyReport(
            estimates: estimates, logged: logged, rows: data.count, actionCount: data.actionCount, matchedRows: matched,
            effectiveSampleSize: weightSquares > 0 ? weightSum * weightSum / weightSquares : 0,
            loggingIsUniform: data.loggingIsUniform, rewardModelFallbacks: model.fallbacks,
            rewardModelCells: data.contextCount * data.actionCount,
            unloggedChoices: chosen.subtracting(loggedActions).sorted().map { data.actionNames[$0] },
            resamples: resamples, seed: resamples == nil ? nil : seed)
    }

    private static func estimate(_ method: OffPolicyMethod, _ c: RowContributions, loggedRewards: [Double], level: Double,
                                 boot: (values: [Double], differences: [Double])?) -> OffPolicyEstimate {
        let loggedMean = OffPolicyEstimators.mean(loggedRewards)
        guard c.value.isFinite, !c.perRow.isEmpty else {
            return OffPolicyEstimate(method: method, value: .nan, standardError: .nan, interval: nil, bootstrapInterval: nil,
                                     difference: .nan, differenceInterval: nil, bootstrapDifferenceInterval: nil)
        }
        let se = SampleSummary(c.perRow).standardError
        let paired = zip(c.perRow, loggedRewards).map { $0 - $1 }
        let differenceInterval = ConfidenceInterval.normal(estimate: c.value - loggedMean, standardError: SampleSummary(paired).standardError,
                                                           level: level)
        return OffPolicyEstimate(method: method, value: c.value, standardError: se,
                                 interval: .normal(estimate: c.value, standardError: se, level: level),
                                 bootstrapInterval: boot.flatMap { percentileInterval($0.values, level: level) },
                                 difference: c.value - loggedMean, differenceInterval: differenceInterval,
                                 bootstrapDifferenceInterval: boot.flatMap { percentileInterval($0.differences, level: level) })
    }

    private static func percentileInterval(_ values: [Double], level: Double) -> ConfidenceInterval? {
        let finite = values.filter(\.isFinite).sorted()
        guard finite.count >= 2 else { return nil }
        return ConfidenceInterval(lower: Bootstrap.percentile(finite, (1 - level) / 2),
                                  upper: Bootstrap.percentile(finite, 1 - (1 - level) / 2), level: level)
    }
}
