#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The mixture sequential probability ratio test (Robbins 1970; Johari, Pekelis & Walsh 2017, as
/// Optimizely and Eppo use it) for a difference Δ estimated by Δ̂ with variance V, mixing the
/// alternative over Δ ~ N(0, τ²):
///
///   Λ = √(V/(V + τ²)) · exp(τ²Δ̂² / (2V(V + τ²)))
///
/// Rejecting when Λ ≥ 1/α keeps the chance of ever rejecting a true null below α however often one
/// looks (Ville's inequality). Inverting it gives the confidence sequence
///
///   Δ̂ ± √( V(V + τ²)/τ² · (2·log(1/α) + log((V + τ²)/V)) ),
///
/// which covers Δ at every look simultaneously with probability ≥ 1 − α.
public struct SequentialLook: Sendable, Equatable {
    public let estimate: Double
    public let variance: Double
    public let interval: ConfidenceInterval
    /// min over looks so far of 1/Λ, capped at 1 (always valid).
    public let pValue: Double
}

public enum SequentialTest {
    /// The mixing ratio r = τ²/V that makes the sequence narrowest when the estimate's variance is
    /// V: the minimiser of (1 + r)/r · (2·log(1/α) + log(1 + r)), by golden-section search on log r.
    public static func optimalMixingRatio(alpha: Double) -> Double {
        func width(_ logR: Double) -> Double {
            let r = exp(logR)
            return (1 + r) / r * (2 * log(1 / alpha) + log1p(r))
        }
        var a = -10.0
        var b = 10.0
        let g = (5.0.squareRoot() - 1) / 2
        for _ in 0..<200 {
            let c = b - g * (b - a)
            let d = a + g * (b - a)
            if width(c) < width(d) { b = d } else { a = c }
        }
        return exp((a + b) / 2)
    }

    /// One look: Δ̂, its variance V and the mixing variance τ², with the p-value carried from the
    /// previous look (1 at the first).
    public static func look(estimate: Double, variance v: Double, mixingVariance tau2: Double, alpha: Double,
                            previousPValue: Double = 1) -> SequentialLook {
        guard v > 0 && tau2 > 0 && v.isFinite else {
            return SequentialLook(estimate: estimate, variance: v,
                                  interval: ConfidenceInterval(lower: -.infinity, upper: .infinity, level: 1 - alpha), pValue: previousPValue)
        }
        let halfWidth = (v * (v + tau2) / tau2 * (2 * log(1 / alpha) + log((v + tau2) / v))).squareRoot()
        let logLambda = 0.5 * log(v / (v + tau2)) + tau2 * estimate * estimate / (2 * v * (v + tau2))
        let p = min(previousPValue, min(1, exp(-logLambda)))
        return SequentialLook(estimate: estimate, variance: v,
                              interval: ConfidenceInterval(lower: estimate - halfWidth, upper: estimate + halfWidth, level: 1 - alpha),
                              pValue: p)
    }
}
