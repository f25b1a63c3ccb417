#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension Distributions {
    /// P(T ≤ t) for the noncentral t with `df` degrees of freedom and noncentrality `delta`
    /// (Lenth's algorithm AS 243: Poisson-weighted incomplete beta series, summed until the error
    /// bound falls below 1e-14). The power of a t-test is its upper tail at the critical value.
    public static func noncentralTCDF(_ t: Double, df: Double, delta: Double) -> Double {
        if t.isNaN || df.isNaN || delta.isNaN || df <= 0 { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        if delta == 0 { return studentTCDF(t, df: df) }
        let negative = t < 0
        let tt = negative ? -t : t
        let del = negative ? -delta : delta
        var result = 0.0
        let x = tt * tt / (tt * tt + df)
        if x > 0 {
            let lambda = del * del
            var p = 0.5 * exp(-0.5 * lambda)
            var q = (2 / Double.pi).squareRoot() * p * del
            var s = 0.5 - p
            var a = 0.5
            let b = 0.5 * df
            let rxb = pow(1 - x, b)
            let logBetaHalf = 0.5 * log(Double.pi) + lgamma(b) - lgamma(0.5 + b)
            var xOdd = regularizedIncompleteBeta(x, a: a, b: b)
            var gOdd = 2 * rxb * exp(a * log(x) - logBetaHalf)
            var xEven = 1 - rxb
            var gEven = b * x * rxb
            result = p * xOdd + q * xEven
            var n = 1.0
            while n <= 100_000 {
                a += 1
                xOdd -= gOdd
                xEven -= gEven
                gOdd *= x * (a + b - 1) / a
                gEven *= x * (a + b - 0.5) / (a + 0.5)
                p *= lambda / (2 * n)
                q *= lambda / (2 * n + 1)
                s -= p
                n += 1
                result += p * xOdd + q * xEven
                let bound = 2 * s * (xOdd - gOdd)
                if bound <= 1e-14 && n > lambda / 2 { break }
            }
        }
        result += normalCDF(-del)
        result = min(1, max(0, result))
        return negative ? 1 - result : result
    }
}
