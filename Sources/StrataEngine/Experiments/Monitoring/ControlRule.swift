/// An alert rule for a KPI series: which periods deviate from what the series' own history leads
/// one to expect. All three are deterministic functions of the values, so the same series always
/// raises the same alerts.
public enum ControlRule: Sendable, Equatable {
    /// Each period against the mean ± z·sd of the `window` periods just before it (itself excluded).
    case shewhart(window: Int, z: Double)
    /// The exponentially weighted mean z_t = λx_t + (1 − λ)z_{t−1} against μ₀ ± L·σ·√(λ/(2 − λ)·(1 − (1 − λ)^{2t})),
    /// with μ₀ and σ from the first `baseline` periods.
    case ewma(baseline: Int, lambda: Double, width: Double)
    /// Tabular CUSUM on standardized values u_t = (x_t − μ₀)/σ: C⁺ = max(0, C⁺ + u_t − k),
    /// C⁻ = max(0, C⁻ − u_t − k), a signal when either exceeds h (both in sd units), with μ₀ and σ
    /// from the first `baseline` periods. A sum restarts at zero after it signals.
    case cusum(baseline: Int, k: Double, h: Double)

    /// Periods used to learn what is normal before the first one can be judged.
    public var history: Int {
        switch self {
        case .shewhart(let w, _): return w
        case .ewma(let b, _, _): return b
        case .cusum(let b, _, _): return b
        }
    }

    public var name: String {
        switch self {
        case .shewhart: return "shewhart"
        case .ewma: return "ewma"
        case .cusum: return "cusum"
        }
    }
}

public enum Deviation: String, Sendable, Equatable {
    case up
    case down
}

/// One judged period. `statistic` is what the rule compares with its limits: the value itself
/// (Shewhart), the EWMA, or the CUSUM sum in sd units on the side that is larger.
public struct ControlPoint: Sendable, Equatable {
    /// Index into the series.
    public let index: Int
    public let value: Double
    /// The centre: the trailing mean (Shewhart) or the baseline mean μ₀ (EWMA, CUSUM).
    public let expected: Double
    public let statistic: Double
    /// Limits on `statistic`: value limits for Shewhart and EWMA, ±h for CUSUM.
    public let lower: Double
    public let upper: Double
    public let deviation: Deviation?
    /// CUSUM only: the first period of the run that led to a signal (after the sum last stood at zero),
    /// an estimate of when a shift began.
    public let runStart: Int?

    /// The limit that was crossed, or the nearer one when none was.
    public var crossedLimit: Double { deviation == .down ? lower : upper }
}

public enum ControlChart {
    /// Judges every period of `values` that has enough history before it. Throws when the series is
    /// too short for the rule's history, or its baseline has no spread.
    public static func evaluate(_ values: [Double], rule: ControlRule) throws -> [ControlPoint] {
        try validate(rule)
        guard values.allSatisfy(\.isFinite) else { throw EngineError("a KPI series holds a value that is not a finite number") }
        let needed = rule.history + 1
        guard values.count >= needed else {
            throw EngineError("the series has \(values.count) period\(values.count == 1 ? "" : "s"); \(rule.name) needs at least \(needed) "
                              + "(\(rule.history) to learn from and one to judge)",
                              suggestion: "use a shorter window= or a finer every=")
        }
        switch rule {
        case .shewhart(let window, let z): return shewhart(values, window: window, z: z)
        case .ewma(let baseline, let lambda, let width): return try ewma(values, baseline: baseline, lambda: lambda, width: width)
        case .cusum(let baseline, let k, let h): return try cusum(values, baseline: baseline, k: k, h: h)
        }
    }

    private static func validate(_ rule: ControlRule) throws {
        switch rule {
        case .shewhart(let window, let z):
            guard window >= 2 else { throw EngineError("a trailing window needs at least 2 periods to have a spread, got \(window)") }
            guard z > 0 && z.isFinite else { throw EngineError("z must be a positive number of standard deviations, got \(z)") }
        case .ewma(let baseline, let lambda, let width):
            guard baseline >= 2 else { throw EngineError("the baseline needs at least 2 periods to have a spread, got \(baseline)") }
            guard lambda > 0 && lambda <= 1 else { throw EngineError("λ (lambda) must be in (0, 1], got \(lambda)") }
            guard width > 0 && width.isFinite else { throw EngineError("L must be a positive number of standard deviations, got \(width)") }
        case .cusum(let baseline, let k, let h):
            guard baseline >= 2 else { throw EngineError("the baseline needs at least 2 periods to have a spread, got \(baseline)") }
            guard k >= 0 && k.isFinite else { throw EngineError("k must be zero or a positive number of standard deviations, got \(k)") }
            guard h > 0 && h.isFinite else { throw EngineError("h must be a positive number of standard deviations, got \(h)") }
        }
    }

    /// Mean and sample standard deviation of the baseline; an error when it has no spread, since
    /// limits of zero width would flag every later change.
    static func baseline(_ values: ArraySlice<Double>) throws -> (mean: Double, sd: Double) {
        let summary = SampleSummary(Array(values))
        let sd = summary.variance.squareRoot()
        guard sd > 0 else {
            throw EngineError("the first \(values.count) periods all have the value \(summary.mean); there is no spread to set limits from",
                              suggestion: "use a longer window= or the shewhart rule")
        }
        return (summary.mean, sd)
    }
}
