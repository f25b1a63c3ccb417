/// The estimators of a policy's value from a log another policy collected.
public enum OffPolicyMethod: String, Sendable, CaseIterable {
    case replay
    case ips
    case snips
    case dm
    case dr

    public var displayName: String {
        switch self {
        case .replay: return "replay"
        case .ips: return "IPS"
        case .snips: return "self-normalized IPS"
        case .dm: return "direct method"
        case .dr: return "doubly robust"
        }
    }
}

/// One estimator's point estimate with one value per row whose mean it is (its influence values):
/// the normal interval is mean ± z·sd/√n of those values, which for IPS, DM and DR is obp's
/// "round rewards" and for SNIPS and replay the delta method of a ratio.
struct RowContributions: Sendable {
    let value: Double
    /// Empty when the estimate is undefined (no row matches the policy).
    let perRow: [Double]
}

enum OffPolicyEstimators {
    /// All methods on `rows` of `data` (with repetition for a bootstrap resample); the reward model
    /// is fitted on the same rows.
    static func contributions(_ data: LoggedBandit, _ policy: TargetPolicy, rows: [Int]) -> [OffPolicyMethod: RowContributions] {
        let model = CellRewardModel(data, rows: rows)
        let n = Double(rows.count)
        var weights: [Double] = []
        var direct: [Double] = []
        weights.reserveCapacity(rows.count)
        direct.reserveCapacity(rows.count)
        for row in rows {
            weights.append(policy.probability(row: row, action: data.actions[row]) / data.propensities[row])
            var q = 0.0
            for a in 0..<data.actionCount {
                let p = policy.probability(row: row, action: a)
                if p > 0 { q += p * model.predict(cell: data.contextOfRow[row], action: a) }
            }
            direct.append(q)
        }
        var ips: [Double] = []
        var dr: [Double] = []
        var weightSum = 0.0
        var weightedReward = 0.0
        for (i, row) in rows.enumerated() {
            let r = data.rewards[row]
            ips.append(weights[i] * r)
            dr.append(direct[i] + weights[i] * (r - model.predict(cell: data.contextOfRow[row], action: data.actions[row])))
            weightSum += weights[i]
            weightedReward += weights[i] * r
        }
        var result: [OffPolicyMethod: RowContributions] = [
            .ips: RowContributions(value: mean(ips), perRow: ips),
            .dm: RowContributions(value: mean(direct), perRow: direct),
            .dr: RowContributions(value: mean(dr), perRow: dr),
        ]
        if weightSum > 0 {
            // V = Σwr / Σw; its influence is w(r − V)/w̄, centred on V so that the mean is V.
            let v = weightedReward / weightSum
            let meanWeight = weightSum / n
            let snips = rows.enumerated().map { i, row in v + weights[i] * (data.rewards[row] - v) / meanWeight }
            result[.snips] = RowContributions(value: v, perRow: snips)
        } else {
            result[.snips] = RowContributions(value: .nan, perRow: [])
        }
        result[.replay] = replay(data, policy, rows: rows)
        return result
    }

    /// Li et al. (2011): the mean reward of the rows where the logged action is the one the policy
    /// would have chosen. Unbiased only when the logging policy was uniform.
    static func replay(_ data: LoggedBandit, _ policy: TargetPolicy, rows: [Int]) -> RowContributions {
        guard let choices = policy.choices else { return RowContributions(value: .nan, perRow: []) }
        var matched = 0
        var total = 0.0
        for row in rows where choices[row] == data.actions[row] {
            matched += 1
            total += data.rewards[row]
        }
        guard matched > 0 else { return RowContributions(value: .nan, perRow: []) }
        let v = total / Double(matched)
        let share = Double(matched) / Double(rows.count)
        let perRow = rows.map { row in choices[row] == data.actions[row] ? v + (data.rewards[row] - v) / share : v }
        return RowContributions(value: v, perRow: perRow)
    }

    static func mean(_ values: [Double]) -> Double {
        var total = 0.0
        for v in values { total += v }
        return values.isEmpty ? .nan : total / Double(values.count)
    }
}
