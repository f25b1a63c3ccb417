/// Wall-clock timing for the benchmark modes.
struct BenchClock {
    private let clock = ContinuousClock()
    private var start: ContinuousClock.Instant

    init() { start = clock.now }

    /// Seconds since the clock was made or last lapped, and restarts it.
    mutating func lap() -> Double {
        let now = clock.now
        let d = now - start
        start = now
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

struct BenchUsageError: Error, CustomStringConvertible {
    let description: String
}
