#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

public struct UCB1Parameters: EstimatorParameters, Equatable {
    /// Scales the exploration bonus (1 is Auer et al.'s UCB1).
    public var alpha: Double
    public init(alpha: Double = 1) { self.alpha = alpha }
    public var described: [ParameterValue] { [ParameterValue("alpha", alpha, default: 1)] }
}

/// UCB1 (Auer, Cesa-Bianchi and Fischer 2002): each arm once, then the arm maximising
/// mean_a + α·√(2 ln n / n_a), n the rounds so far. Deterministic; ties go to the lower arm.
public struct UCB1: BanditPolicy {
    public let parameters: UCB1Parameters
    public let featureCount: Int
    public private(set) var tallies: ArmTallies

    public init(parameters: UCB1Parameters, armCount: Int, featureCount: Int) {
        self.parameters = parameters
        self.featureCount = featureCount
        tallies = ArmTallies(armCount: armCount)
    }

    public var armCount: Int { tallies.pulls.count }
    public var algorithmName: String { "UCB1 (α=\(DescribeFormat.number(parameters.alpha)))" }
    public var parameterValues: [ParameterValue] { parameters.described }

    public func choose(_ features: [Double], using generator: inout SeededGenerator) -> Int {
        let logTotal = log(Double(Swift.max(1, tallies.total)))
        var best = 0
        var bestBound = -Double.infinity
        for a in 0..<armCount {
            let n = tallies.pulls[a]
            if n == 0 { return a }
            let bound = tallies.sums[a] / Double(n) + parameters.alpha * (2 * logTotal / Double(n)).squareRoot()
            if bound > bestBound { best = a; bestBound = bound }
        }
        return best
    }

    public mutating func learn(_ event: BanditEvent) { tallies.add(event) }
}
