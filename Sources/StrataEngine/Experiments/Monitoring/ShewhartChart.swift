extension ControlChart {
    /// x_t against mean ± z·sd of x_{t−w} … x_{t−1} (sample sd). The current period is left out of
    /// its own limits, so one extreme week cannot hide itself by widening them.
    static func shewhart(_ values: [Double], window: Int, z: Double) -> [ControlPoint] {
        (window..<values.count).map { t in
            let trailing = SampleSummary(Array(values[(t - window)..<t]))
            let spread = z * trailing.variance.squareRoot()
            let lower = trailing.mean - spread
            let upper = trailing.mean + spread
            let x = values[t]
            let deviation: Deviation? = x > upper ? .up : (x < lower ? .down : nil)
            return ControlPoint(index: t, value: x, expected: trailing.mean, statistic: x, lower: lower, upper: upper,
                                deviation: deviation, runStart: nil)
        }
    }
}
