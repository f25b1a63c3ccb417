#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A paired t-test on differences a − b.
public struct PairedTTest: Sendable, Equatable {
    public let n: Int
    public let meanDifference: Double
    /// NaN when every difference is zero.
    public let t: Double
    public let degreesOfFreedom: Int
    /// Two-sided.
    public let pValue: Double
}

/// The Wilcoxon signed-rank test on differences a − b (zero differences dropped, average ranks for
/// ties, no continuity correction: SciPy's defaults).
public struct WilcoxonSignedRank: Sendable, Equatable {
    /// Non-zero differences ranked.
    public let n: Int
    public let zeros: Int
    /// Sum of the ranks of positive differences.
    public let rankSumPositive: Double
    public let rankSumNegative: Double
    /// Normal approximation's z (with tie correction); NaN when the exact distribution was used.
    public let z: Double
    public let exact: Bool
    /// Two-sided.
    public let pValue: Double
}

public enum PairedTests {
    public static func tTest(_ a: [Double], _ b: [Double]) throws -> PairedTTest {
        let d = try differences(a, b)
        guard d.count >= 2 else { throw EngineError("a paired t-test needs at least 2 pairs, got \(d.count)") }
        return tTest(differences: d, meanVarianceFactor: 1 / Double(d.count))
    }

    /// t = mean / √(factor · s²) on J − 1 degrees of freedom; factor is 1/J for the plain test.
    private static func tTest(differences d: [Double], meanVarianceFactor factor: Double) -> PairedTTest {
        let n = Double(d.count)
        let mean = d.reduce(0, +) / n
        var ss = 0.0
        for x in d { ss += (x - mean) * (x - mean) }
        let variance = ss / (n - 1)
        let df = d.count - 1
        if variance == 0 {
            // All differences equal: no variation to test against.
            return PairedTTest(n: d.count, meanDifference: mean, t: mean == 0 ? .nan : (mean > 0 ? .infinity : -.infinity),
                               degreesOfFreedom: df, pValue: mean == 0 ? 1 : 0)
        }
        let t = mean / (factor * variance).squareRoot()
        return PairedTTest(n: d.count, meanDifference: mean, t: t, degreesOfFreedom: df,
                           pValue: Distributions.studentTTwoSided(t, df: Double(df)))
    }

    /// Nadeau & Bengio's corrected resampled t-test (Machine Learning 52, 2003) on differences
    /// a − b of one metric over J resamples (folds) that share training rows: the variance of the
    /// mean difference is (1/J + n_test/n_train)·s² instead of s²/J, because overlapping training
    /// sets make the fold results positively correlated and the plain paired t-test too eager.
    /// Degrees of freedom J − 1.
    public static func correctedResampledTTest(_ a: [Double], _ b: [Double], testToTrainRatio: Double) throws -> PairedTTest {
        guard testToTrainRatio >= 0, testToTrainRatio.isFinite else {
            throw EngineError("the test-to-training size ratio \(testToTrainRatio) is not a non-negative number")
        }
        let d = try differences(a, b)
        guard d.count >= 2 else { throw EngineError("a corrected resampled t-test needs at least 2 folds, got \(d.count)") }
        return tTest(differences: d, meanVarianceFactor: 1 / Double(d.count) + testToTrainRatio)
    }

    /// Exact null distribution for up to 50 non-zero differences without ties (as SciPy's 'auto');
    /// otherwise the normal approximation with the tie correction.
    public static func wilcoxon(_ a: [Double], _ b: [Double]) throws -> WilcoxonSignedRank {
        let all = try differences(a, b)
        let d = all.filter { $0 != 0 }
        let zeros = all.count - d.count
        guard !d.isEmpty else {
            return WilcoxonSignedRank(n: 0, zeros: zeros, rankSumPositive: 0, rankSumNegative: 0, z: .nan,
                                      exact: false, pValue: 1)
        }
        let order = d.indices.sorted { abs(d[$0]) < abs(d[$1]) }
        var ranks = [Double](repeating: 0, count: d.count)
        var tieCorrection = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && abs(d[order[j + 1]]) == abs(d[order[i]]) { j += 1 }
            let average = Double(i + j + 2) / 2
            for k in i...j { ranks[order[k]] = average }
            let t = Double(j - i + 1)
            tieCorrection += t * t * t - t
            i = j + 1
        }
        var plus = 0.0, minus = 0.0
        for k in d.indices { if d[k] > 0 { plus += ranks[k] } else { minus += ranks[k] } }
        let n = Double(d.count)
        if d.count <= 50 && tieCorrection == 0 && zeros == 0 {
            let p = exactTwoSided(rankSum: plus, n: d.count)
            return WilcoxonSignedRank(n: d.count, zeros: zeros, rankSumPositive: plus, rankSumNegative: minus,
                                      z: .nan, exact: true, pValue: p)
        }
        let mean = n * (n + 1) / 4
        let se = ((n * (n + 1) * (2 * n + 1) - tieCorrection / 2) / 24).squareRoot()
        let z = se > 0 ? (plus - mean) / se : 0
        return WilcoxonSignedRank(n: d.count, zeros: zeros, rankSumPositive: plus, rankSumNegative: minus, z: z,
                                  exact: false, pValue: Distributions.normalTwoSided(z))
    }

    /// 2·min(P(W ≤ w), P(W ≥ w)) under the null, where W is the positive rank sum of n untied ranks:
    /// counts of subsets of {1…n} by their sum.
    static func exactTwoSided(rankSum: Double, n: Int) -> Double {
        let maxSum = n * (n + 1) / 2
        var ways = [Double](repeating: 0, count: maxSum + 1)
        ways[0] = 1
        for r in 1...n {
            for s in stride(from: maxSum, through: r, by: -1) { ways[s] += ways[s - r] }
        }
        let total = pow(2, Double(n))
        let w = Int(rankSum.rounded())
        var lower = 0.0, upper = 0.0
        for s in 0...maxSum {
            if s <= w { lower += ways[s] }
            if s >= w { upper += ways[s] }
        }
        return min(1, 2 * min(lower, upper) / total)
    }

    private static func differences(_ a: [Double], _ b: [Double]) throws -> [Double] {
        guard a.count == b.count else {
            throw EngineError("paired samples differ in length (\(a.count) and \(b.count))")
        }
        var d: [Double] = []
        d.reserveCapacity(a.count)
        for (x, y) in zip(a, b) where !x.isNaN && !y.isNaN { d.append(x - y) }
        return d
    }
}
