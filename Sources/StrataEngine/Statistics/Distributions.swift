#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Cumulative distribution functions for the tests Strata runs, from the special functions.
public enum Distributions {
    /// P(Z ≤ z) for a standard normal, through erfc so both tails keep full relative precision.
    public static func normalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.squareRoot())
    }

    /// Two-sided tail P(|Z| ≥ |z|).
    public static func normalTwoSided(_ z: Double) -> Double {
        min(1, erfc(abs(z) / 2.squareRoot()))
    }

    /// P(T ≤ t) for Student's t with `df` degrees of freedom (df > 0, not necessarily whole).
    public static func studentTCDF(_ t: Double, df: Double) -> Double {
        if t.isNaN || df.isNaN || df <= 0 { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        // P(|T| ≥ |t|) = I_x(df/2, 1/2) with x = df / (df + t²).
        let tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), a: df / 2, b: 0.5)
        return t > 0 ? 1 - tail : tail
    }

    /// Two-sided tail P(|T| ≥ |t|).
    public static func studentTTwoSided(_ t: Double, df: Double) -> Double {
        if t.isNaN || df.isNaN || df <= 0 { return .nan }
        if t.isInfinite { return 0 }
        return regularizedIncompleteBeta(df / (df + t * t), a: df / 2, b: 0.5)
    }

    /// I_x(a, b) = B(x; a, b) / B(a, b) for a, b > 0 and 0 ≤ x ≤ 1.
    ///
    /// The continued fraction for I_x(a, b) converges fast when x < (a + 1)/(a + b + 2); otherwise
    /// the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) puts x on that side. The fraction is evaluated with
    /// the modified Lentz method.
    public static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x.isNaN || a <= 0 || b <= 0 { return .nan }
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        // x^a (1−x)^b / (a B(a, b)), in logs to avoid overflow for large a, b.
        let logFront = a * log(x) + b * log1p(-x) - logBeta(a, b)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * betaContinuedFraction(x, a: a, b: b) / a
        }
        let logFrontSwapped = b * log1p(-x) + a * log(x) - logBeta(b, a)
        return 1 - exp(logFrontSwapped) * betaContinuedFraction(1 - x, a: b, b: a) / b
    }

    static func logBeta(_ a: Double, _ b: Double) -> Double {
        lgamma(a) + lgamma(b) - lgamma(a + b)
    }

    /// The continued fraction 1/(1+ d1/(1+ d2/(1+ …))) with
    /// d_{2m+1} = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)), d_{2m} = m(b−m)x / ((a+2m−1)(a+2m)).
    private static func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-16
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...10_000 {
            let mm = Double(m)
            let even = mm * (b - mm) * x / ((a + 2 * mm - 1) * (a + 2 * mm))
            d = 1 + even * d; if abs(d) < tiny { d = tiny }
            c = 1 + even / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + mm) * (a + b + mm) * x / ((a + 2 * mm) * (a + 2 * mm + 1))
            d = 1 + odd * d; if abs(d) < tiny { d = tiny }
            c = 1 + odd / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            result *= step
            if abs(step - 1) < epsilon { break }
        }
        return result
    }
}
