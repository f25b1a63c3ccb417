extension ColumnDisplay {
    /// The places a column of doubles carries when nothing says how its values were written (a
    /// Parquet DOUBLE, say): the fewest places, up to `maxDecimals`, that show every value to
    /// within 1e-12 of itself (2.55 needs 2, 3.0 none, 0.125 three, a sum of prices that came out
    /// 8187806.363999999 three), nil when some value needs more (measurements, ratios: shown to
    /// significant digits). So a column of prices keeps its cents on screen whatever rows are in
    /// view, as a CSV's does. The tolerance is relative, far below any digit shown, and a column
    /// of measurements passes it only if every one of its values happens to sit that close to a
    /// grid of at most four places.
    public static func decimalsCarried(by values: [Double]) -> Int? {
        let scales: [Double] = [1, 10, 100, 1_000, 10_000]
        var needed = 0
        for value in values where value.isFinite && value != 0 {
            // Past 2^53 / 10^4 the scaled value is not exact, so the test would lie: treat as measured.
            guard value.magnitude < 9.0e11 else { return nil }
            while true {
                let scale = scales[needed]
                if ((value * scale).rounded() / scale - value).magnitude <= value.magnitude * 1e-12 { break }
                needed += 1
                if needed > maxDecimals { return nil }
            }
        }
        return needed
    }
}
