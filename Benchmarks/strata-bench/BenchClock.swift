import Foundation

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

/// The process's peak resident set so far (VmHWM), in MB; 0 where /proc is not available.
func peakResidentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
    return 0
}
