/// A degree-2 factorisation machine (Rendle, "Factorization Machines", ICDM 2010) over binary
/// (one-hot) features:
///
///     ŷ(x) = w₀ + Σⱼ wⱼ xⱼ + Σⱼ<ⱼ' ⟨vⱼ, vⱼ'⟩ xⱼ xⱼ'
///
/// The pairwise term is computed as ½ Σ_f [(Σⱼ v_jf xⱼ)² − Σⱼ v_jf² xⱼ²], O(k·n) for n active
/// features rather than O(k·n²). With one-hot features every active xⱼ is 1, so a row is the list
/// of its active feature indices.
public struct FactorizationMachine: Sendable, Equatable {
    public var bias: Double
    /// One weight per feature.
    public var linear: [Double]
    /// Feature-major: feature j's factors are `factors[j*k ..< (j+1)*k]`.
    public var factors: [Double]
    public let k: Int

    public init(bias: Double, linear: [Double], factors: [Double], k: Int) {
        precondition(k > 0 && factors.count == linear.count * k)
        self.bias = bias
        self.linear = linear
        self.factors = factors
        self.k = k
    }

    public var featureCount: Int { linear.count }

    /// ŷ for the row whose active features are `features`.
    public func predict(_ features: [Int]) -> Double {
        var y = bias
        for j in features { y += linear[j] }
        return y + pairwise(features)
    }

    /// The pairwise term, by the O(k·n) identity.
    public func pairwise(_ features: [Int]) -> Double {
        var total = 0.0
        for f in 0..<k {
            var sum = 0.0, squares = 0.0
            for j in features {
                let v = factors[j * k + f]
                sum += v
                squares += v * v
            }
            total += sum * sum - squares
        }
        return 0.5 * total
    }

    /// ⟨vₐ, v_b⟩.
    public func interaction(_ a: Int, _ b: Int) -> Double {
        var s = 0.0
        for f in 0..<k { s += factors[a * k + f] * factors[b * k + f] }
        return s
    }

    /// One SGD step on the squared error (ŷ − y)², as river's `FMRegressor` takes it: the gradient
    /// 2(ŷ − y) is computed once from the parameters before the step, then
    ///   w₀ ← w₀ − η·g,   wⱼ ← wⱼ − η(g + λwⱼ),   v_jf ← v_jf − η(g·(Σₗ v_lf − v_jf) + λv_jf)
    /// for each active feature j (the sums Σₗ v_lf taken before any factor moves). Returns ŷ.
    @discardableResult
    public mutating func step(_ features: [Int], target: Double, learningRate eta: Double, regularization lambda: Double) -> Double {
        let predicted = predict(features)
        let g = 2 * (predicted - target)
        var sums = [Double](repeating: 0, count: k)
        for j in features { for f in 0..<k { sums[f] += factors[j * k + f] } }
        bias -= eta * g
        for j in features { linear[j] -= eta * (g + lambda * linear[j]) }
        for j in features {
            for f in 0..<k {
                let v = factors[j * k + f]
                factors[j * k + f] = v - eta * (g * (sums[f] - v) + lambda * v)
            }
        }
        return predicted
    }
}
