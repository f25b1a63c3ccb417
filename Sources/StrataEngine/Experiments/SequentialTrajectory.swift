/// One look of a sequential test at one treatment.
public struct SequentialPoint: Sendable, Equatable {
    /// Units of every variant seen so far.
    public let unitsSeen: Int
    public let treatment: String
    public let controlValue: Double
    public let treatmentValue: Double
    public let look: SequentialLook
}

extension SequentialTest {
    /// Replays units in arrival order and looks `looks` times, evenly spaced, at each treatment's
    /// difference from the control (index 0) in rate or mean. τ² is r*·V with V the estimate's
    /// variance on all the data, so each sequence is tuned to be narrowest at the planned end.
    public static func trajectory(variantOfUnit: [Int], values: [Double], labels: [String], looks: Int,
                                  alpha: Double) throws -> [[SequentialPoint]] {
        guard variantOfUnit.count == values.count else {
            throw EngineError("there are \(variantOfUnit.count) variant labels and \(values.count) metric values; they must pair up")
        }
        guard labels.count >= 2 else { throw EngineError("a sequential test needs at least 2 variants, got \(labels.count)") }
        guard looks >= 1 else { throw EngineError("a sequential test needs at least one look") }
        guard alpha > 0 && alpha < 1 else { throw EngineError("alpha must be between 0 and 1, got \(alpha)") }
        guard variantOfUnit.allSatisfy({ $0 >= 0 && $0 < labels.count }) else { throw EngineError("a unit's variant is not among the labels") }
        let ratio = optimalMixingRatio(alpha: alpha)
        var running = [RunningMoments](repeating: RunningMoments(), count: labels.count)
        for (v, x) in zip(variantOfUnit, values) { running[v].add(x) }
        let finalMoments = running
        let mixing = (1..<labels.count).map { t in ratio * estimateVariance(finalMoments[0], finalMoments[t]) }

        running = [RunningMoments](repeating: RunningMoments(), count: labels.count)
        var points = [[SequentialPoint]](repeating: [], count: labels.count - 1)
        var previous = [Double](repeating: 1, count: labels.count - 1)
        var nextLook = 1
        for (i, (v, x)) in zip(variantOfUnit, values).enumerated() {
            running[v].add(x)
            let seen = i + 1
            guard seen * looks >= nextLook * values.count else { continue }
            nextLook += 1
            for t in 1..<labels.count {
                let c = running[0]
                let s = running[t]
                guard c.count >= 2 && s.count >= 2 else { continue }
                let look = SequentialTest.look(estimate: s.mean - c.mean, variance: estimateVariance(c, s),
                                               mixingVariance: mixing[t - 1], alpha: alpha, previousPValue: previous[t - 1])
                previous[t - 1] = look.pValue
                points[t - 1].append(SequentialPoint(unitsSeen: seen, treatment: labels[t], controlValue: c.mean,
                                                     treatmentValue: s.mean, look: look))
            }
        }
        return points
    }

    private static func estimateVariance(_ c: RunningMoments, _ t: RunningMoments) -> Double {
        c.variance / Double(c.count) + t.variance / Double(t.count)
    }
}

/// Count, mean and sum of squared deviations, updated one value at a time (Welford).
struct RunningMoments: Sendable {
    private(set) var count = 0
    private(set) var mean = 0.0
    private var squares = 0.0

    mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        squares += delta * (x - mean)
    }

    /// Sample variance (n − 1); 0 below two values.
    var variance: Double { count > 1 ? squares / Double(count - 1) : 0 }
}
