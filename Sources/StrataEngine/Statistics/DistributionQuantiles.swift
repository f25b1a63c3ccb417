#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension Distributions {
    /// z with P(Z ≤ z) = p. Acklam's rational approximation (relative error 1.2e-9) polished by two
    /// Halley steps on the erfc-based CDF, which brings it to the CDF's own precision.
    public static func normalQuantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        // Solve in the smaller tail so tiny upper-tail probabilities keep their precision.
        if p > 0.5 { return -normalQuantile(1 - p) }
        var x = acklam(p)
        for _ in 0..<2 {
            let error = normalCDF(x) - p
            let u = error * (2 * Double.pi).squareRoot() * exp(x * x / 2)
            x -= u / (1 + x * u / 2)
        }
        return x
    }

    /// z with P(Z ≥ z) = q, exact in the far upper tail (as SciPy's `norm.isf`).
    public static func normalUpperQuantile(_ q: Double) -> Double { -normalQuantile(q) }

    private static func acklam(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let q = p - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }

    /// Density of Student's t with `df` degrees of freedom.
    public static func studentTDensity(_ t: Double, df: Double) -> Double {
        exp(lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * log(df * Double.pi) - (df + 1) / 2 * log1p(t * t / df))
    }

    /// t with P(T ≤ t) = p for Student's t with `df` degrees of freedom: Newton's method on the
    /// lower tail (where the incomplete beta keeps relative precision), started from the
    /// Cornish–Fisher expansion and kept inside a bracket.
    public static func studentTQuantile(_ p: Double, df: Double) -> Double {
        if p.isNaN || df.isNaN || p < 0 || p > 1 || df <= 0 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if p > 0.5 { return -studentTQuantile(1 - p, df: df) }
        // Cauchy: tan(π(p − ½)) = −1/tan(πp), written so a tiny p keeps its digits.
        if df == 1 { return -1 / tan(Double.pi * p) }
        if df == 2 { return -(1 - 2 * p) / (2 * p * (1 - p)).squareRoot() }
        let z = normalQuantile(p)
        let z3 = z * z * z
        var t = z + (z3 + z) / (4 * df) + (5 * z3 * z * z + 16 * z3 + 3 * z) / (96 * df * df)
        // The lower tail is below 0.5, so t < 0; the bracket [low, 0] shrinks with every step.
        var low = -Double.greatestFiniteMagnitude
        var high = 0.0
        if !(t < 0) || !t.isFinite { t = -1 }
        for _ in 0..<200 {
            let tail = studentTCDF(t, df: df)
            if tail > p { high = t } else { low = t }
            let step = (tail - p) / studentTDensity(t, df: df)
            var next = t - step
            if !(next > low && next < high) || !next.isFinite {
                next = low.isFinite && low > -Double.greatestFiniteMagnitude ? (low + high) / 2 : 2 * t
            }
            if abs(next - t) <= 1e-15 * abs(t) { return next }
            t = next
        }
        return t
    }

    /// t with P(T ≥ t) = q (SciPy's `t.isf`).
    public static func studentTUpperQuantile(_ q: Double, df: Double) -> Double { -studentTQuantile(q, df: df) }
}
