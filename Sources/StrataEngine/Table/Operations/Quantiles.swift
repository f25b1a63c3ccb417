/// Quantiles by linear interpolation between closest ranks (NumPy's default `linear` method,
/// also what pandas' `describe` and `quantile` use).
public enum Quantiles {
    /// The `p`-quantile (0 ≤ p ≤ 1) of values already sorted ascending; nil when there are none.
    public static func linear<C: RandomAccessCollection>(sorted values: C, _ p: Double) -> Double?
    where C.Element == Double, C.Index == Int {
        guard !values.isEmpty, p.isFinite else { return nil }
        let q = min(max(p, 0), 1)
        let h = Double(values.count - 1) * q
        let lo = Int(h.rounded(.down))
        let base = values.startIndex
        let a = values[base + lo]
        guard lo + 1 < values.count else { return a }
        return lerp(a, values[base + lo + 1], h - Double(lo))
    }

    /// Interpolation written the way NumPy writes it (from whichever end is nearer) so results agree
    /// with it to the last bit, and so that equal neighbours always give exactly that value.
    @inline(__always)
    static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let d = b - a
        return t >= 0.5 ? b - d * (1 - t) : a + d * t
    }
}

/// Neumaier's compensated summation: float sums that do not lose small terms next to large ones,
/// computed in row order so the result never depends on scheduling.
struct CompensatedSum {
    private(set) var sum = 0.0
    private var compensation = 0.0

    @inline(__always)
    mutating func add(_ x: Double) {
        let t = sum + x
        if abs(sum) >= abs(x) {
            compensation += (sum - t) + x
        } else {
            compensation += (x - t) + sum
        }
        sum = t
    }

    /// Once the running sum overflows to infinity the compensation turns into NaN; the infinite sum is the answer then.
    var value: Double { compensation.isFinite ? sum + compensation : sum }
}
