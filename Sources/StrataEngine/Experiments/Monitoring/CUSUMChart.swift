extension ControlChart {
    /// Tabular CUSUM in sd units (Page 1954; Montgomery §9.1). Each sum collects evidence of a
    /// shift of about 2k sd in its direction and forgets deviations smaller than k; it signals
    /// above h, then restarts at zero so the next row is a new alarm. `statistic` is signed: C⁺ when
    /// the upper side is the larger (or signals), −C⁻ otherwise, against limits ±h; `runStart` is the
    /// first period since the signalling side last stood at zero.
    static func cusum(_ values: [Double], baseline count: Int, k: Double, h: Double) throws -> [ControlPoint] {
        let (mu, sigma) = try baseline(values[0..<count])
        var upper = 0.0
        var lower = 0.0
        var upperStart = count
        var lowerStart = count
        var points: [ControlPoint] = []
        for t in count..<values.count {
            let x = values[t]
            let u = (x - mu) / sigma
            if upper == 0 { upperStart = t }
            if lower == 0 { lowerStart = t }
            upper = max(0, upper + u - k)
            lower = max(0, lower - u - k)
            var deviation: Deviation?
            var runStart: Int?
            var statistic = upper >= lower ? upper : -lower
            if upper > h {
                deviation = .up
                runStart = upperStart
                statistic = upper
            } else if lower > h {
                deviation = .down
                runStart = lowerStart
                statistic = -lower
            }
            points.append(ControlPoint(index: t, value: x, expected: mu, statistic: statistic, lower: -h, upper: h,
                                       deviation: deviation, runStart: runStart))
            if upper > h { upper = 0 }
            if lower > h { lower = 0 }
        }
        return points
    }
}
