import Foundation

/// How many bins a histogram gets.
public enum BinRule: Sendable, Equatable {
    case count(Int)
    /// ⌈log2 n⌉ + 1 equal bins (NumPy's "sturges").
    case sturges
    /// Bin width 2·IQR·n^(-1/3) (NumPy's "fd"); robust to outliers. One bin when the IQR is 0.
    case freedmanDiaconis

    public var name: String {
        switch self {
        case .count: return "fixed count"
        case .sturges: return "Sturges"
        case .freedmanDiaconis: return "Freedman–Diaconis"
        }
    }
}

/// Equal-width bins computed the way NumPy's `histogram_bin_edges` and `histogram` do, so edges and
/// counts match NumPy for the same rule: edges `lower + i·step` with the last edge exactly the
/// maximum, bins half-open except the last.
public enum HistogramBins {
    /// The most bins a rule may produce (Freedman–Diaconis explodes on heavy tails).
    public static let maxBins = 10_000

    /// Edges for finite `values`; `integerData` keeps the bin width at least 1, as NumPy does for
    /// integer arrays. Empty input gives one bin over [0, 1].
    public static func edges(_ values: [Double], rule: BinRule, integerData: Bool = false) -> [Double] {
        guard let lo = values.min(), let hi = values.max() else { return [0, 1] }
        var first = lo, last = hi
        if first == last { first -= 0.5; last += 0.5 }
        let binCount: Int
        switch rule {
        case .count(let n):
            binCount = max(1, n)
        case .sturges, .freedmanDiaconis:
            var width = rule == .sturges ? (hi - lo) / (log2(Double(values.count)) + 1)
                : 2 * interquartileRange(values) * pow(Double(values.count), -1.0 / 3.0)
            if integerData && width > 0 && width < 1 { width = 1 }
            if width > 0 {
                let n = ((last - first) / width).rounded(.up)
                binCount = n.isFinite ? Int(min(n, Double(maxBins))) : maxBins
            } else {
                binCount = 1
            }
        }
        let step = (last - first) / Double(binCount)
        var edges = (0...binCount).map { Double($0) * step + first }
        edges[binCount] = last
        return edges
    }

    /// Counts of `values` per bin; values outside the edges are ignored.
    public static func counts(_ values: [Double], edges: [Double]) -> [Int] {
        let binCount = edges.count - 1
        guard binCount >= 1, let first = edges.first, let last = edges.last, last > first else {
            return [values.count]
        }
        var counts = [Int](repeating: 0, count: binCount)
        let scale = Double(binCount) / (last - first)
        for v in values where v >= first && v <= last {
            var i = min(binCount - 1, Int((v - first) * scale))
            // The float index can land one off near an edge; the edges decide, as in NumPy.
            if i > 0 && v < edges[i] { i -= 1 }
            if i < binCount - 1 && v >= edges[i + 1] { i += 1 }
            counts[i] += 1
        }
        return counts
    }

    /// Q3 − Q1 with linear interpolation.
    package static func interquartileRange(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return Quartiles.interpolated(sorted, 0.75) - Quartiles.interpolated(sorted, 0.25)
    }
}

/// Quantiles of sorted data by linear interpolation between order statistics (NumPy's default).
package enum Quartiles {
    package static func interpolated(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = q * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(sorted.count - 1, below + 1)
        let t = position - Double(below)
        return sorted[below] + (sorted[above] - sorted[below]) * t
    }
}

extension BoxSummary {
    /// The summary of the finite values among `values`; nil when there are none.
    public init?(name: String, values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard let minimum = sorted.first, let maximum = sorted.last else { return nil }
        let q1 = Quartiles.interpolated(sorted, 0.25), q3 = Quartiles.interpolated(sorted, 0.75)
        let reach = 1.5 * (q3 - q1)
        let inside = sorted.filter { $0 >= q1 - reach && $0 <= q3 + reach }
        self.init(name: name, count: sorted.count, q1: q1, median: Quartiles.interpolated(sorted, 0.5), q3: q3,
                  lowerWhisker: inside.first ?? q1, upperWhisker: inside.last ?? q3,
                  outliers: sorted.filter { $0 < q1 - reach || $0 > q3 + reach },
                  minimum: minimum, maximum: maximum)
    }
}
