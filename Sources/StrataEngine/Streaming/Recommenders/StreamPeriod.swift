/// Periods written as a number and a unit: `90s`, `30m`, `12h`, `7d`, `2w`.
public enum StreamPeriod {
    private static let units: [(suffix: Character, seconds: Double, name: String)] =
        [("w", 604_800, "w"), ("d", 86_400, "d"), ("h", 3_600, "h"), ("m", 60, "m"), ("s", 1, "s")]

    /// Seconds, or nil when the text is not a positive number followed by s, m, h, d or w.
    public static func seconds(_ text: String) -> Double? {
        guard let last = text.last, let unit = units.first(where: { $0.suffix == last }),
              let n = Double(text.dropLast()), n.isFinite, n > 0 else { return nil }
        let s = n * unit.seconds
        return s < 1e15 ? s : nil
    }

    /// The largest unit that divides the period exactly: 604800 → "1w", 86400*7.5 → "180h".
    public static func describe(seconds: Double) -> String {
        for unit in units where seconds >= unit.seconds {
            let n = seconds / unit.seconds
            if n == n.rounded() { return "\(Int64(n))\(unit.name)" }
        }
        return "\(DescribeFormat.number(seconds))s"
    }
}
