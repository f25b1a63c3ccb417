/// One agglomeration step in SciPy's linkage-matrix convention: ids below the point count are
/// points, id n+i is the cluster formed by merge i; `left` < `right`; `size` counts the points.
public struct Merge: Sendable, Equatable {
    public let left: Int
    public let right: Int
    public let height: Double
    public let size: Int

    public init(left: Int, right: Int, height: Double, size: Int) {
        self.left = left
        self.right = right
        self.height = height
        self.size = size
    }
}

/// The full merge tree of an agglomerative clustering, merges sorted by height (non-decreasing:
/// all four linkages are monotone), and the flat clusterings cut from it.
public struct Dendrogram: Sendable {
    public let pointCount: Int
    public let linkage: Linkage
    public let merges: [Merge]

    public init(pointCount: Int, linkage: Linkage, merges: [Merge]) {
        self.pointCount = pointCount
        self.linkage = linkage
        self.merges = merges
    }

    /// Exactly `clusterCount` clusters: the tree with its last `clusterCount − 1` merges undone.
    /// When merges tie in height at the cut, the earlier ones in the (stable, sorted) merge order
    /// are kept, so the count is always the one asked for; `isCutTied(clusterCount:)` says whether
    /// that choice was arbitrary. Clusters are numbered by first appearance in row order.
    public func labels(clusterCount: Int) throws -> [Int] {
        guard pointCount > 0 else { throw EngineError("there are no points to cluster") }
        guard clusterCount >= 1 && clusterCount <= pointCount else {
            throw EngineError("cannot cut \(pointCount) points into \(clusterCount) clusters",
                              suggestion: "choose k between 1 and \(pointCount)")
        }
        return labelsAfter(mergeCount: pointCount - clusterCount)
    }

    /// Clusters whose merge height is at most `height` (SciPy's `fcluster(criterion="distance")`).
    public func labels(height: Double) -> [Int] {
        var applied = 0
        while applied < merges.count && merges[applied].height <= height { applied += 1 }
        return labelsAfter(mergeCount: applied)
    }

    /// True when the merge undone last and the merge kept last have the same height, so another
    /// clustering with the same number of clusters is just as valid.
    public func isCutTied(clusterCount: Int) -> Bool {
        let kept = pointCount - clusterCount
        guard kept >= 1 && kept < merges.count else { return false }
        return merges[kept - 1].height == merges[kept].height
    }

    /// Heights at which the clustering has `clusterCount` clusters: from the last kept merge's
    /// height (inclusive) to the first undone merge's (exclusive). Nil when `clusterCount` is out of range.
    public func heightRange(clusterCount: Int) -> (from: Double, below: Double)? {
        let kept = pointCount - clusterCount
        guard clusterCount >= 1 && kept >= 0 && kept <= merges.count else { return nil }
        return (kept == 0 ? 0 : merges[kept - 1].height, kept == merges.count ? .infinity : merges[kept].height)
    }

    /// Flat labels after applying the first `mergeCount` merges.
    private func labelsAfter(mergeCount: Int) -> [Int] {
        let n = pointCount
        // The cluster id (point id or n+i) each id finally belongs to, resolved from the newest merge down.
        var owner = Array(0..<(n + mergeCount))
        for step in stride(from: mergeCount - 1, through: 0, by: -1) {
            let merge = merges[step]
            owner[merge.left] = owner[n + step]
            owner[merge.right] = owner[n + step]
        }
        var number: [Int: Int] = [:]
        return (0..<n).map { point in
            let cluster = owner[point]
            if let existing = number[cluster] { return existing }
            number[cluster] = number.count
            return number.count - 1
        }
    }
}
