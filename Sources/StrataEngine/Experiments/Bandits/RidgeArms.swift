/// Per-arm ridge regression of reward on context features, as LinUCB and linear Thompson sampling
/// keep it: A_a = λI + Σ x xᵀ (held as its inverse, updated by Sherman–Morrison) and b_a = Σ r x.
public struct RidgeArms: Sendable, Equatable {
    public let featureCount: Int
    public let armCount: Int
    /// A_a⁻¹ for every arm, row-major, `featureCount²` values per arm.
    public private(set) var inverses: [Double]
    /// b_a for every arm, `featureCount` values per arm.
    public private(set) var targets: [Double]

    init(armCount: Int, featureCount: Int, lambda: Double) {
        self.armCount = armCount
        self.featureCount = featureCount
        let d = featureCount
        var identity = [Double](repeating: 0, count: d * d)
        for i in 0..<d { identity[i * d + i] = 1 / lambda }
        inverses = Array((0..<armCount).map { _ in identity }.joined())
        targets = [Double](repeating: 0, count: armCount * d)
    }

    /// θ_a = A_a⁻¹ b_a.
    func coefficients(_ arm: Int) -> [Double] {
        let d = featureCount
        var theta = [Double](repeating: 0, count: d)
        for i in 0..<d {
            var s = 0.0
            for j in 0..<d { s += inverses[arm * d * d + i * d + j] * targets[arm * d + j] }
            theta[i] = s
        }
        return theta
    }

    /// xᵀθ_a and xᵀA_a⁻¹x.
    @inline(__always)
    func estimate(_ arm: Int, _ x: [Double]) -> (mean: Double, variance: Double) {
        let d = featureCount
        let base = arm * d * d
        var mean = 0.0
        var variance = 0.0
        for i in 0..<d {
            var row = 0.0
            var theta = 0.0
            for j in 0..<d {
                let m = inverses[base + i * d + j]
                row += m * x[j]
                theta += m * targets[arm * d + j]
            }
            variance += x[i] * row
            mean += x[i] * theta
        }
        return (mean, Swift.max(0, variance))
    }

    mutating func add(_ event: BanditEvent) {
        let d = featureCount
        let base = event.arm * d * d
        let x = event.features
        // u = A⁻¹x; A⁻¹ ← A⁻¹ − u uᵀ / (1 + xᵀu) (A⁻¹ stays symmetric).
        var u = [Double](repeating: 0, count: d)
        var denominator = 1.0
        for i in 0..<d {
            var s = 0.0
            for j in 0..<d { s += inverses[base + i * d + j] * x[j] }
            u[i] = s
            denominator += x[i] * s
        }
        for i in 0..<d {
            for j in 0..<d { inverses[base + i * d + j] -= u[i] * u[j] / denominator }
            targets[event.arm * d + i] += event.reward * x[i]
        }
    }
}

public struct LinearBanditParameters: EstimatorParameters, Equatable {
    /// Exploration: LinUCB's width multiplier, or linear Thompson sampling's posterior scale.
    public var alpha: Double
    /// Ridge penalty λ (A starts at λI).
    public var lambda: Double
    public init(alpha: Double = 1, lambda: Double = 1) { self.alpha = alpha; self.lambda = lambda }
    public var described: [ParameterValue] { [ParameterValue("alpha", alpha, default: 1), ParameterValue("lambda", lambda, default: 1)] }
}

/// What LinUCB and linear Thompson sampling share: their parameters and one ridge model per arm,
/// which each updates by `RidgeArms.add`; they differ only in how they choose an arm.
public protocol RidgeBanditPolicy: BanditPolicy where Parameters == LinearBanditParameters {
    var parameters: LinearBanditParameters { get }
    var ridge: RidgeArms { get }
    init(parameters: LinearBanditParameters, ridge: RidgeArms)
}

extension RidgeBanditPolicy {
    /// A policy that has seen nothing: every arm's A starts at λI.
    public init(parameters: LinearBanditParameters, armCount: Int, featureCount: Int) {
        self.init(parameters: parameters, ridge: RidgeArms(armCount: armCount, featureCount: featureCount, lambda: parameters.lambda))
    }

    public var armCount: Int { ridge.armCount }
    public var featureCount: Int { ridge.featureCount }
    public var parameterValues: [ParameterValue] { parameters.described }
}

/// LinUCB with disjoint linear models (Li, Chu, Langford and Schapire 2010): per arm a ridge
/// regression θ_a, and the arm maximising xᵀθ_a + α·√(xᵀA_a⁻¹x). Deterministic; ties go to the lower arm.
public struct LinUCB: RidgeBanditPolicy {
    public let parameters: LinearBanditParameters
    public private(set) var ridge: RidgeArms

    public init(parameters: LinearBanditParameters, ridge: RidgeArms) { self.parameters = parameters; self.ridge = ridge }

    public var algorithmName: String { "LinUCB (α=\(DescribeFormat.number(parameters.alpha)))" }

    /// Every arm's upper confidence bound for a context.
    public func bounds(_ features: [Double]) -> [Double] {
        (0..<armCount).map { a in
            let e = ridge.estimate(a, features)
            return e.mean + parameters.alpha * e.variance.squareRoot()
        }
    }

    public func choose(_ features: [Double], using generator: inout SeededGenerator) -> Int {
        firstArgmax(bounds(features))
    }

    public mutating func learn(_ event: BanditEvent) { ridge.add(event) }
}

/// Linear Thompson sampling (Agrawal and Goyal 2013): per arm θ̃ ~ N(θ_a, α²A_a⁻¹), then the arm
/// maximising xᵀθ̃. Equivalent and cheaper: xᵀθ̃ ~ N(xᵀθ_a, α²·xᵀA_a⁻¹x), one normal draw per arm.
public struct LinearThompson: RidgeBanditPolicy {
    public let parameters: LinearBanditParameters
    public private(set) var ridge: RidgeArms

    public init(parameters: LinearBanditParameters, ridge: RidgeArms) { self.parameters = parameters; self.ridge = ridge }

    public var algorithmName: String { "linear Thompson sampling (α=\(DescribeFormat.number(parameters.alpha)))" }

    public func choose(_ features: [Double], using generator: inout SeededGenerator) -> Int {
        var best = 0
        var bestDraw = -Double.infinity
        for a in 0..<armCount {
            let e = ridge.estimate(a, features)
            let draw = e.mean + parameters.alpha * e.variance.squareRoot() * generator.nextGaussian()
            if draw > bestDraw { best = a; bestDraw = draw }
        }
        return best
    }

    public mutating func learn(_ event: BanditEvent) { ridge.add(event) }
}
