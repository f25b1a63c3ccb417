/// The Mann–Whitney U test by its normal approximation (SciPy's `mannwhitneyu` with
/// `method='asymptotic'`, `use_continuity=True`, two-sided).
public struct MannWhitneyTest: Sendable, Equatable {
    /// U of the first sample: its rank sum minus n₁(n₁ + 1)/2.
    public let u: Double
    public let z: Double
    public let pValue: Double
    /// P(X > Y) + ½P(X = Y) estimated as U / (n₁n₂): 0.5 means neither group tends to be larger.
    public let commonLanguageEffect: Double
}

public enum MannWhitney {
    /// Ranks are averaged over ties; σ² = n₁n₂/12 · ((n + 1) − Σ(t³ − t)/(n(n − 1))), and
    /// z = (max(U₁, U₂) − n₁n₂/2 − ½)/σ.
    public static func test(_ x: [Double], _ y: [Double]) throws -> MannWhitneyTest {
        try ExperimentInput.requireSamples(x, atLeast: 1, "the first group")
        try ExperimentInput.requireSamples(y, atLeast: 1, "the second group")
        let n1 = Double(x.count)
        let n2 = Double(y.count)
        let n = n1 + n2
        let pooled = (x.map { ($0, true) } + y.map { ($0, false) }).sorted { $0.0 < $1.0 }
        var rankSumX = 0.0
        var tieTerm = 0.0
        var i = 0
        while i < pooled.count {
            var j = i
            while j + 1 < pooled.count && pooled[j + 1].0 == pooled[i].0 { j += 1 }
            let averageRank = Double(i + j) / 2 + 1
            let tied = Double(j - i + 1)
            tieTerm += tied * tied * tied - tied
            for k in i...j where pooled[k].1 { rankSumX += averageRank }
            i = j + 1
        }
        let u1 = rankSumX - n1 * (n1 + 1) / 2
        let u2 = n1 * n2 - u1
        let mean = n1 * n2 / 2
        let sigma = (n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)))).squareRoot()
        let effect = u1 / (n1 * n2)
        guard sigma > 0 && sigma.isFinite else {
            // Every value is tied: the groups cannot be told apart.
            return MannWhitneyTest(u: u1, z: 0, pValue: 1, commonLanguageEffect: effect)
        }
        let z = (max(u1, u2) - mean - 0.5) / sigma
        let p = min(1, 2 * Distributions.normalCDF(-z))
        return MannWhitneyTest(u: u1, z: z, pValue: p, commonLanguageEffect: effect)
    }
}
