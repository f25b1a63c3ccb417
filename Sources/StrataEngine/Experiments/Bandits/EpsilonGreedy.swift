public struct EpsilonGreedyParameters: EstimatorParameters, Equatable {
    /// The share of rounds that pull an arm at random.
    public var epsilon: Double
    public init(epsilon: Double = 0.1) { self.epsilon = epsilon }
    public var described: [ParameterValue] { [ParameterValue("epsilon", epsilon, default: 0.1)] }
}

/// ε-greedy: with probability ε a uniformly random arm, else the arm with the best mean so far
/// (every mean starts at 0, as in MABWiser).
public struct EpsilonGreedy: BanditPolicy {
    public let parameters: EpsilonGreedyParameters
    public let featureCount: Int
    public private(set) var tallies: ArmTallies

    public init(parameters: EpsilonGreedyParameters, armCount: Int, featureCount: Int) {
        self.parameters = parameters
        self.featureCount = featureCount
        tallies = ArmTallies(armCount: armCount)
    }

    public var armCount: Int { tallies.pulls.count }
    public var algorithmName: String { "ε-greedy (ε=\(DescribeFormat.number(parameters.epsilon)))" }
    public var parameterValues: [ParameterValue] { parameters.described }

    public func choose(_ features: [Double], using generator: inout SeededGenerator) -> Int {
        if generator.nextDouble() < parameters.epsilon { return generator.nextInt(below: armCount) }
        var best = 0
        for a in 1..<armCount where tallies.mean(a) > tallies.mean(best) { best = a }
        return best
    }

    public mutating func learn(_ event: BanditEvent) { tallies.add(event) }
}
