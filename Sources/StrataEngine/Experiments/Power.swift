#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Which approximation sizes a test: the normal one (proportions, statsmodels' `NormalIndPower`)
/// or Student's t with the noncentral t for power (means, `TTestIndPower`).
public enum PowerModel: Sendable, Equatable {
    case normal
    case studentT
}

/// Power, sample size and minimum detectable effect for a two-sided, two-sample test of a
/// standardised effect d (Cohen's d for means, Cohen's h for proportions), with n₂ = ratio · n₁.
public enum PowerAnalysis {
    /// Normal: Φ(d√ñ − z₁₋α/₂) + Φ(−d√ñ − z₁₋α/₂), Ñ = 1/(1/n₁ + 1/n₂).
    /// Student t: P(T' > t₁₋α/₂) + P(T' < t_α/₂) for T' noncentral t with df = n₁ + n₂ − 2 and
    /// noncentrality |d|√Ñ.
    public static func power(effect: Double, nobs1: Double, alpha: Double, ratio: Double = 1, model: PowerModel) -> Double {
        let nobs2 = nobs1 * ratio
        let effective = 1 / (1 / nobs1 + 1 / nobs2)
        switch model {
        case .normal:
            let crit = Distributions.normalUpperQuantile(alpha / 2)
            let shift = effect * effective.squareRoot()
            return (1 - Distributions.normalCDF(crit - shift)) + Distributions.normalCDF(-crit - shift)
        case .studentT:
            let df = nobs1 - 1 + nobs2 - 1
            let nc = abs(effect) * effective.squareRoot()
            let upper = Distributions.studentTUpperQuantile(alpha / 2, df: df)
            let lower = Distributions.studentTQuantile(alpha / 2, df: df)
            return (1 - Distributions.noncentralTCDF(upper, df: df, delta: nc)) + Distributions.noncentralTCDF(lower, df: df, delta: nc)
        }
    }

    /// The (fractional) first-group size that reaches `power`; round up for a plan.
    public static func sampleSize(effect: Double, power target: Double, alpha: Double, ratio: Double = 1, model: PowerModel) throws -> Double {
        try validate(alpha: alpha, power: target, ratio: ratio)
        guard effect != 0 && effect.isFinite else { throw EngineError("the effect to detect must be a non-zero number") }
        let floor = model == .studentT ? 2.0 : 1e-6
        if power(effect: effect, nobs1: floor, alpha: alpha, ratio: ratio, model: model) >= target { return floor }
        return try solve(floor, 1e12, increasing: true, target: target) {
            power(effect: effect, nobs1: $0, alpha: alpha, ratio: ratio, model: model)
        }
    }

    /// The smallest standardised effect detected with `power` at this size.
    public static func minimumDetectableEffect(nobs1: Double, power target: Double, alpha: Double, ratio: Double = 1, model: PowerModel) throws -> Double {
        try validate(alpha: alpha, power: target, ratio: ratio)
        guard nobs1 >= 2 else { throw EngineError("a group needs at least 2 units to size a test, got \(nobs1)") }
        return try solve(1e-12, 1e3, increasing: true, target: target) {
            power(effect: $0, nobs1: nobs1, alpha: alpha, ratio: ratio, model: model)
        }
    }

    /// Cohen's h = 2·asin(√p₂) − 2·asin(√p₁) (statsmodels' `proportion_effectsize(p2, p1)`).
    public static func cohensH(from p1: Double, to p2: Double) -> Double {
        2 * asin(p2.squareRoot()) - 2 * asin(p1.squareRoot())
    }

    /// The rate p₂ > p₁ that is Cohen's h away from p₁.
    public static func rate(from p1: Double, cohensH h: Double) -> Double {
        let angle = asin(p1.squareRoot()) + h / 2
        guard angle < Double.pi / 2 else { return 1 }
        let s = sin(angle)
        return s * s
    }

    private static func validate(alpha: Double, power: Double, ratio: Double) throws {
        guard alpha > 0 && alpha < 1 else { throw EngineError("alpha must be between 0 and 1, got \(alpha)") }
        guard power > alpha && power < 1 else { throw EngineError("power must be between alpha and 1, got \(power)") }
        guard ratio > 0 && ratio.isFinite else { throw EngineError("the size ratio must be positive, got \(ratio)") }
    }

    /// Bisection on a monotone function over [low, high], to the last bit.
    private static func solve(_ low: Double, _ high: Double, increasing: Bool, target: Double, _ f: (Double) -> Double) throws -> Double {
        var a = low
        var b = high
        guard (f(b) - target) * (increasing ? 1 : -1) >= 0 else {
            throw EngineError("no size up to \(Int(high)) reaches that power; the effect is too small to detect")
        }
        for _ in 0..<300 {
            let mid = a + (b - a) / 2
            if mid <= a || mid >= b { break }
            if (f(mid) - target) * (increasing ? 1 : -1) >= 0 { b = mid } else { a = mid }
        }
        return b
    }
}
