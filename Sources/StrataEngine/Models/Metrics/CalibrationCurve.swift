/// A reliability diagram's bins: predicted probabilities cut into equal-width bins on [0, 1], and
/// per bin the mean prediction against the observed positive rate. A well calibrated model has
/// them equal.
///
/// Bins follow scikit-learn's `calibration_curve(strategy="uniform")`: edges are NumPy's
/// `linspace(0, 1, bins + 1)`, and a probability on an inner edge falls in the lower bin (bin b
/// holds (edge_b, edge_b+1], the first also holds 0). scikit-learn returns only the non-empty
/// bins; here every bin is listed, the empty ones with a count of 0 and no rates.
public struct CalibrationCurve: Sendable, Equatable {
    public struct Bin: Sendable, Equatable {
        public let lower: Double
        public let upper: Double
        public let count: Int
        public let positives: Int
        /// Nil for an empty bin.
        public let meanPredicted: Double?
        /// Nil for an empty bin.
        public let observedRate: Double?
    }

    public let bins: [Bin]

    public init(_ outcomes: BinaryOutcomes, bins binCount: Int = 10) throws {
        guard binCount >= 1, binCount <= 1000 else {
            throw EngineError("calibration needs between 1 and 1000 bins, not \(binCount)")
        }
        try outcomes.requireProbabilities(for: "calibration")
        let step = 1.0 / Double(binCount)
        // NumPy's linspace: i · step + 0, the last edge exactly 1.
        let edges = (0...binCount).map { $0 == binCount ? 1.0 : Double($0) * step }
        var counts = [Int](repeating: 0, count: binCount)
        var positives = [Int](repeating: 0, count: binCount)
        var sums = [Double](repeating: 0, count: binCount)
        for (p, positive) in zip(outcomes.scores, outcomes.isPositive) {
            // searchsorted(inner edges, p, side="left"): the number of inner edges below p.
            var bin = 0
            var low = 0, high = binCount - 1
            while low < high {
                let mid = (low + high) / 2
                if edges[mid + 1] < p { low = mid + 1 } else { high = mid }
            }
            bin = low
            counts[bin] += 1
            sums[bin] += p
            if positive { positives[bin] += 1 }
        }
        bins = (0..<binCount).map { b in
            Bin(lower: edges[b], upper: edges[b + 1], count: counts[b], positives: positives[b],
                meanPredicted: counts[b] > 0 ? sums[b] / Double(counts[b]) : nil,
                observedRate: counts[b] > 0 ? Double(positives[b]) / Double(counts[b]) : nil)
        }
    }
}
