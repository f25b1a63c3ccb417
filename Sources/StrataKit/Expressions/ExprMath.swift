#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C math library without Foundation, plus the rounding rules the language documents.
package enum ExprMath {
    package static func naturalLog(_ x: Double) -> Double { log(x) }
    package static func commonLog(_ x: Double) -> Double { log10(x) }
    package static func logOnePlus(_ x: Double) -> Double { log1p(x) }
    package static func exponential(_ x: Double) -> Double { exp(x) }
    package static func powerOfTen(_ k: Int) -> Double { pow(10, Double(k)) }

    /// Half away from zero (2.5 → 3, -2.5 → -3) at `digits` decimals; negative digits round to
    /// tens, hundreds…. Works on the binary value, so 2.675 (stored as 2.67499999…) gives 2.67,
    /// as in most tools.
    package static func round(_ x: Double, digits: Int64) -> Double {
        guard x.isFinite else { return x }
        if digits == 0 { return x.rounded(.toNearestOrAwayFromZero) }
        let d = Int(max(-308, min(308, digits)))
        if d > 0 {
            let p = powerOfTen(d)
            let scaled = x * p
            guard scaled.isFinite else { return x }
            let r = scaled.rounded(.toNearestOrAwayFromZero) / p
            return r.isFinite ? r : x
        }
        let p = powerOfTen(-d)
        return (x / p).rounded(.toNearestOrAwayFromZero) * p
    }

    /// Integer rounding to a power of ten (digits < 0), half away from zero; nil on overflow.
    package static func round(_ x: Int64, digits: Int64) -> Int64? {
        if digits >= 0 { return x }
        if digits < -19 { return 0 }
        if digits == -19 {
            // The nearest multiples of 10^19 are 0 and ±10^19, which does not fit in 64 bits.
            return x.magnitude >= 5_000_000_000_000_000_000 ? nil : 0
        }
        var p: Int64 = 1
        for _ in 0..<Int(-digits) { p &*= 10 }
        let q = x / p
        let r = x % p
        let away: Int64 = r.magnitude * 2 >= p.magnitude ? (x < 0 ? -1 : 1) : 0
        let (m, o) = (q + away).multipliedReportingOverflow(by: p)
        return o ? nil : m
    }
}
