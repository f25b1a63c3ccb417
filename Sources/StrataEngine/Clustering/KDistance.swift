/// The sorted k-distance curve used to choose DBSCAN's eps, and the eps at its knee.
public struct KDistanceCurve: Sendable {
    public let k: Int
    /// Each point's distance to its k-th nearest other point, ascending.
    public let distances: [Double]
    /// `distances[kneeIndex]`, or the smallest positive distance when the knee sits on zeros.
    public let suggestedEps: Double
    public let kneeIndex: Int
}

public enum KDistance {
    /// The knee is found as in Kneedle without smoothing: with both axes scaled to 0…1, it is the
    /// point farthest below the straight line from the first point of the curve to the last
    /// (largest `x − y`), where the curve turns from slowly to steeply rising.
    public static func curve(_ x: FeatureMatrix, k: Int, context: RunContext) throws -> KDistanceCurve {
        let n = x.rowCount
        guard n >= 2 else { throw EngineError("a k-distance curve needs at least 2 points; there are \(n)") }
        guard k >= 1 && k < n else {
            throw EngineError("k must be between 1 and \(n - 1) (the number of other points), not \(k)")
        }
        try x.requireFiniteFeatures(for: "the k-distance curve")
        let squared: [Double]
        if x.columnCount <= DBSCAN.treeDimensionLimit {
            squared = try ranked(KDTree(x), rank: k + 1, context: context)
        } else {
            squared = try ranked(BruteForceNeighbors(x), rank: k + 1, context: context)
        }
        let distances = squared.map { $0.squareRoot() }.sorted()
        let knee = kneeIndex(distances)
        var eps = distances[knee]
        if eps <= 0 {
            guard let positive = distances.first(where: { $0 > 0 }) else {
                throw EngineError("every point has \(k) other points at distance 0 (duplicates), so no eps separates them",
                                  suggestion: "remove duplicate rows or use a larger k")
            }
            eps = positive
        }
        return KDistanceCurve(k: k, distances: distances, suggestedEps: eps, kneeIndex: knee)
    }

    /// Index of the point farthest below the chord of the normalized curve (0 when it is straight).
    static func kneeIndex(_ sorted: [Double]) -> Int {
        guard let first = sorted.first, let last = sorted.last, sorted.count > 2, last > first else {
            return 0
        }
        let span = last - first, steps = Double(sorted.count - 1)
        var best = 0, bestGap = 0.0
        for (i, value) in sorted.enumerated() {
            let gap = Double(i) / steps - (value - first) / span
            if gap > bestGap { bestGap = gap; best = i }
        }
        return best
    }

    private static func ranked<Index: NeighborIndex>(_ index: Index, rank: Int, context: RunContext) throws -> [Double] {
        let n = index.count
        let chunks = FixedChunks(total: n, parts: 32, minimumToSplit: FixedChunks.worthSplitting)
        return try chunks.map(cancellation: context.cancellation) { range in
            index.rankedSquaredDistance(queries: range, rank: rank)
        }.flatMap { $0 }
    }
}
