extension ControlChart {
    /// EWMA from z₀ = μ₀ over the periods after the baseline, with the exact limits for the t-th
    /// judged period, μ₀ ± L·σ·√(λ/(2 − λ)·(1 − (1 − λ)^{2t})), which start narrow and widen to the
    /// asymptotic L·σ·√(λ/(2 − λ)) (Montgomery, Introduction to Statistical Quality Control, §9.2).
    static func ewma(_ values: [Double], baseline count: Int, lambda: Double, width: Double) throws -> [ControlPoint] {
        let (mu, sigma) = try baseline(values[0..<count])
        var smoothed = mu
        var decay = 1.0
        var points: [ControlPoint] = []
        for t in count..<values.count {
            let x = values[t]
            smoothed = lambda * x + (1 - lambda) * smoothed
            decay *= (1 - lambda) * (1 - lambda)
            let spread = width * sigma * (lambda / (2 - lambda) * (1 - decay)).squareRoot()
            let deviation: Deviation? = smoothed > mu + spread ? .up : (smoothed < mu - spread ? .down : nil)
            points.append(ControlPoint(index: t, value: x, expected: mu, statistic: smoothed, lower: mu - spread, upper: mu + spread,
                                       deviation: deviation, runStart: nil))
        }
        return points
    }
}
