#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

public struct SoftmaxParameters: EstimatorParameters, Equatable {
    /// The temperature τ: small values exploit, large values pull almost uniformly.
    public var temperature: Double
    public init(temperature: Double = 0.1) { self.temperature = temperature }
    public var described: [ParameterValue] { [ParameterValue("temperature", temperature, default: 0.1)] }
}

/// Softmax (Boltzmann) exploration: arm a with probability ∝ exp(mean_a / τ), drawn with one uniform.
public struct Softmax: BanditPolicy {
    public let parameters: SoftmaxParameters
    public let featureCount: Int
    public private(set) var tallies: ArmTallies

    public init(parameters: SoftmaxParameters, armCount: Int, featureCount: Int) {
        self.parameters = parameters
        self.featureCount = featureCount
        tallies = ArmTallies(armCount: armCount)
    }

    public var armCount: Int { tallies.pulls.count }
    public var algorithmName: String { "softmax (τ=\(DescribeFormat.number(parameters.temperature)))" }
    public var parameterValues: [ParameterValue] { parameters.described }

    public func choose(_ features: [Double], using generator: inout SeededGenerator) -> Int {
        var top = tallies.mean(0)
        for a in 1..<armCount { top = Swift.max(top, tallies.mean(a)) }
        // Shifting by the largest mean keeps exp from overflowing; the probabilities are unchanged.
        var weights = [Double](repeating: 0, count: armCount)
        var total = 0.0
        for a in 0..<armCount {
            weights[a] = exp((tallies.mean(a) - top) / parameters.temperature)
            total += weights[a]
        }
        var target = generator.nextDouble() * total
        for a in 0..<armCount {
            target -= weights[a]
            if target < 0 { return a }
        }
        return armCount - 1
    }

    public mutating func learn(_ event: BanditEvent) { tallies.add(event) }
}
