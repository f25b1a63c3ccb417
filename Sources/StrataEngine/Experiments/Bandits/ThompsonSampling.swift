public struct BetaPriorParameters: EstimatorParameters, Equatable {
    /// Beta(a, b) prior on every arm's success rate; Beta(1, 1) is uniform.
    public var a: Double
    public var b: Double
    public init(a: Double = 1, b: Double = 1) { self.a = a; self.b = b }
    public var described: [ParameterValue] { [ParameterValue("prior_a", a, default: 1), ParameterValue("prior_b", b, default: 1)] }
}

/// Thompson sampling for 0/1 rewards (Beta–Bernoulli): each round draws a rate from every arm's
/// Beta(a + successes, b + failures) posterior and pulls the largest draw. A reward r in [0, 1]
/// counts r successes and 1 − r failures.
public struct BetaThompson: BanditPolicy {
    public let parameters: BetaPriorParameters
    public let featureCount: Int
    public private(set) var tallies: ArmTallies

    public init(parameters: BetaPriorParameters, armCount: Int, featureCount: Int) {
        self.parameters = parameters
        self.featureCount = featureCount
        tallies = ArmTallies(armCount: armCount)
    }

    public var armCount: Int { tallies.pulls.count }
    public var algorithmName: String { "Thompson sampling (Beta–Bernoulli)" }
    public var parameterValues: [ParameterValue] { parameters.described }

    public func choose(_ features: [Double], using generator: inout SeededGenerator) -> Int {
        var best = 0
        var bestDraw = -Double.infinity
        for a in 0..<armCount {
            let successes = Swift.min(Swift.max(tallies.sums[a], 0), Double(tallies.pulls[a]))
            let draw = generator.nextBeta(parameters.a + successes, parameters.b + Double(tallies.pulls[a]) - successes)
            if draw > bestDraw { best = a; bestDraw = draw }
        }
        return best
    }

    public mutating func learn(_ event: BanditEvent) { tallies.add(event) }
}

public struct GaussianThompsonParameters: EstimatorParameters, Equatable {
    /// The noise variance assumed before any reward is seen, weighted as one observation.
    public var priorVariance: Double
    public init(priorVariance: Double = 0.25) { self.priorVariance = priorVariance }
    public var described: [ParameterValue] { [ParameterValue("prior_variance", priorVariance, default: 0.25)] }
}

/// Thompson sampling for real-valued rewards (Gaussian): every arm's mean has the posterior
/// N(mean_a, σ² / (n_a + 1)) of a flat-ish normal prior worth one observation, σ² the rewards'
/// pooled variance (with `priorVariance` as one pseudo-observation, so early rounds explore).
public struct GaussianThompson: BanditPolicy {
    public let parameters: GaussianThompsonParameters
    public let featureCount: Int
    public private(set) var tallies: ArmTallies
    private var sumOfSquares = 0.0
    private var sum = 0.0

    public init(parameters: GaussianThompsonParameters, armCount: Int, featureCount: Int) {
        self.parameters = parameters
        self.featureCount = featureCount
        tallies = ArmTallies(armCount: armCount)
    }

    public var armCount: Int { tallies.pulls.count }
    public var algorithmName: String { "Thompson sampling (Gaussian)" }
    public var parameterValues: [ParameterValue] { parameters.described }

    /// σ²: the pooled variance of all rewards with the prior variance as one more observation.
    public var noiseVariance: Double {
        let n = Double(tallies.total)
        let squaredDeviations = n == 0 ? 0 : Swift.max(0, sumOfSquares - sum * sum / n)
        return (squaredDeviations + parameters.priorVariance) / (n + 1)
    }

    public func choose(_ features: [Double], using generator: inout SeededGenerator) -> Int {
        let variance = noiseVariance
        var best = 0
        var bestDraw = -Double.infinity
        for a in 0..<armCount {
            let sd = (variance / Double(tallies.pulls[a] + 1)).squareRoot()
            let draw = tallies.mean(a) + sd * generator.nextGaussian()
            if draw > bestDraw { best = a; bestDraw = draw }
        }
        return best
    }

    public mutating func learn(_ event: BanditEvent) {
        tallies.add(event)
        sum += event.reward
        sumOfSquares += event.reward * event.reward
    }
}
