import Foundation

/// The Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, by its power series
/// Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ.
///
/// The series converges for |z| < 1, at the rate of zⁿ once n is past a, b and c. Summation stops
/// when a bound on the whole remaining tail (a geometric series at the larger of the next term ratio
/// and z, the ratios' limit) is below 1e-16 of the sum.
/// The loop is bounded: a series that has not met that test after `maxTerms` terms throws rather
/// than return a value it cannot vouch for.
public enum Hypergeometric {
    public static let maxTerms = 1_000_000

    public static func f21(_ a: Double, _ b: Double, _ c: Double, _ z: Double) throws -> Double {
        guard a.isFinite, b.isFinite, c.isFinite, z.isFinite, z >= 0, z < 1 else {
            throw EngineError("2F1(\(a), \(b); \(c); \(z)) is only computed here for finite parameters and 0 ≤ z < 1")
        }
        guard c > 0 || c != c.rounded() else {
            throw EngineError("2F1 is undefined for c = \(c) (a non-positive integer)")
        }
        if z == 0 { return 1 }
        var sum = 1.0, term = 1.0
        for n in 0..<maxTerms {
            let k = Double(n)
            let ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z
            term *= ratio
            sum += term
            if term == 0 { return sum }
            // Term ratios tend to z monotonically once n is large, so with the next ratio below 1 the
            // tail is at most a geometric series of rate max(next ratio, z).
            let next = abs((a + k + 1) * (b + k + 1) / ((c + k + 1) * (k + 2)) * z)
            if next < 1 {
                let rate = max(next, z)
                if abs(term) * rate / (1 - rate) <= 1e-16 * abs(sum) { return sum }
            }
            if !sum.isFinite { break }
        }
        throw EngineError("2F1(\(a), \(b); \(c); \(z)) did not converge within \(maxTerms) terms")
    }
}
