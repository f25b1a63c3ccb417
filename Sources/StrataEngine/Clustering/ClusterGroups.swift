/// The rows a validity index looks at, grouped by cluster: noise (-1) left out, cluster ids
/// numbered densely in ascending order of the original id.
struct ClusterGroups {
    /// Matrix rows used (no noise), in row order.
    let rows: [Int]
    /// Dense cluster of each used row (parallel to `rows`).
    let dense: [Int]
    /// Original id of each dense cluster, ascending.
    let ids: [Int]
    let sizes: [Int]

    var clusterCount: Int { ids.count }

    /// Groups `labels`; with `requireValid`, refuses what the indices are undefined for
    /// (scikit-learn's rule: 2 ≤ clusters ≤ points − 1).
    init(_ x: FeatureMatrix, labels: [Int], requireValid: Bool, index: String) throws {
        if requireValid {
            guard labels.count == x.rowCount else {
                throw EngineError("\(index): \(labels.count) labels for \(x.rowCount) rows")
            }
            if let bad = labels.first(where: { $0 < -1 }) {
                throw EngineError("\(index): cluster labels are 0 or more, or -1 for noise (found \(bad))")
            }
            if !x.values.allSatisfy(\.isFinite) {
                throw EngineError("\(index) needs finite feature values", suggestion: "drop or impute missing values first")
            }
        }
        let count = min(labels.count, x.rowCount)
        let used = (0..<count).filter { labels[$0] >= 0 }
        let ids = Set(used.map { labels[$0] }).sorted()
        let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let dense = used.map { position[labels[$0]] ?? 0 }
        var sizes = [Int](repeating: 0, count: ids.count)
        for c in dense { sizes[c] += 1 }
        if requireValid {
            let noise = count - used.count
            let noiseNote = noise > 0 ? " after leaving out \(noise) noise point(s)" : ""
            guard used.count >= 2 else {
                throw EngineError("\(index) needs at least 2 clustered points; there are \(used.count)\(noiseNote)")
            }
            guard ids.count >= 2 else {
                throw EngineError("\(index) needs at least 2 clusters; all \(used.count) points are in one cluster\(noiseNote)",
                                  suggestion: "cluster with k=2 or more")
            }
            guard ids.count < used.count else {
                throw EngineError("\(index) needs fewer clusters than points (\(ids.count) clusters, \(used.count) points\(noiseNote))",
                                  suggestion: "use fewer clusters")
            }
        }
        self.rows = used
        self.dense = dense
        self.ids = ids
        self.sizes = sizes
    }

    /// Mean of each dense cluster (`clusterCount × d`, row-major).
    func centroids(_ x: FeatureMatrix) -> [Double] {
        let d = x.columnCount
        var sums = [Double](repeating: 0, count: clusterCount * d)
        for (r, i) in rows.enumerated() {
            for f in 0..<d { sums[dense[r] * d + f] += x[i, f] }
        }
        for c in 0..<clusterCount where sizes[c] > 0 {
            for f in 0..<d { sums[c * d + f] /= Double(sizes[c]) }
        }
        return sums
    }
}
