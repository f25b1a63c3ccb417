#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension Distributions {
    /// The regularized lower incomplete gamma P(a, x) = γ(a, x) / Γ(a), for a > 0 and x ≥ 0.
    public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        if a.isNaN || x.isNaN || a <= 0 || x < 0 { return .nan }
        if x == 0 { return 0 }
        if x.isInfinite { return 1 }
        return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x)
    }

    /// The regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), computed directly in the upper
    /// tail so small tail probabilities keep their relative precision.
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        if a.isNaN || x.isNaN || a <= 0 || x < 0 { return .nan }
        if x == 0 { return 1 }
        if x.isInfinite { return 0 }
        return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x)
    }

    /// P(X ≤ x) for a χ² variable with `df` degrees of freedom.
    public static func chiSquaredCDF(_ x: Double, df: Double) -> Double {
        x <= 0 ? 0 : regularizedGammaP(df / 2, x / 2)
    }

    /// P(X ≥ x): the p-value of a χ² statistic.
    public static func chiSquaredSurvival(_ x: Double, df: Double) -> Double {
        x <= 0 ? 1 : regularizedGammaQ(df / 2, x / 2)
    }

    /// Σ xⁿ / (a(a+1)…(a+n)) times x^a e^{−x} / Γ(a); converges quickly for x < a + 1.
    private static func gammaSeries(_ a: Double, _ x: Double) -> Double {
        var denominator = a
        var term = 1 / a
        var sum = term
        for _ in 0..<100_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
        }
        return sum * exp(-x + a * log(x) - lgamma(a))
    }

    /// Legendre's continued fraction for Q(a, x) by the modified Lentz method; for x ≥ a + 1.
    private static func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return exp(-x + a * log(x) - lgamma(a)) * h
    }
}
