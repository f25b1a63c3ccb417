/// How the distance between two clusters is defined in agglomerative clustering.
public enum Linkage: String, Sendable, CaseIterable {
    /// Merge cost is the increase in within-cluster variance (SciPy's `ward`, on Euclidean distances).
    case ward
    /// Largest distance between a point of one cluster and a point of the other.
    case complete
    /// Mean distance over all pairs of points, one from each cluster (UPGMA).
    case average
    /// Smallest distance between the clusters (the minimum spanning tree).
    case single
}

/// The Lance–Williams update: the distance from cluster `i` to the union of `x` and `y`, from the
/// distances before the merge and the cluster sizes. One type per linkage so the merge loop is
/// specialized for it.
protocol LanceWilliamsUpdate {
    static func distance(toMergedFrom dxi: Double, _ dyi: Double, mergeDistance dxy: Double,
                         sizes nx: Double, _ ny: Double, _ ni: Double) -> Double
}

enum WardUpdate: LanceWilliamsUpdate {
    @inline(__always)
    static func distance(toMergedFrom dxi: Double, _ dyi: Double, mergeDistance dxy: Double,
                         sizes nx: Double, _ ny: Double, _ ni: Double) -> Double {
        let t = 1 / (nx + ny + ni)
        // Distances are kept unsquared (as SciPy does), so heights and ties match its output.
        // Rounding can push a zero result (coincident points) just below zero.
        return max(0, (ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy).squareRoot()
    }
}

enum CompleteUpdate: LanceWilliamsUpdate {
    @inline(__always)
    static func distance(toMergedFrom dxi: Double, _ dyi: Double, mergeDistance dxy: Double,
                         sizes nx: Double, _ ny: Double, _ ni: Double) -> Double { max(dxi, dyi) }
}

enum AverageUpdate: LanceWilliamsUpdate {
    @inline(__always)
    static func distance(toMergedFrom dxi: Double, _ dyi: Double, mergeDistance dxy: Double,
                         sizes nx: Double, _ ny: Double, _ ni: Double) -> Double {
        (nx * dxi + ny * dyi) / (nx + ny)
    }
}
