/// Internal validity indices of a clustering, as scikit-learn defines them. Noise points (-1) are
/// left out of every index.
public enum ClusterValidity {
    /// Sum of squared distances from each clustered point to the mean of its cluster (0 when there is
    /// nothing to measure; labels beyond the matrix's rows are ignored).
    public static func inertia(_ x: FeatureMatrix, labels: [Int]) -> Double {
        guard let groups = try? ClusterGroups(x, labels: labels, requireValid: false, index: "inertia") else { return 0 }
        let d = x.columnCount
        let centroids = groups.centroids(x)
        var total = 0.0
        for (r, i) in groups.rows.enumerated() {
            for f in 0..<d {
                let diff = x[i, f] - centroids[groups.dense[r] * d + f]
                total += diff * diff
            }
        }
        return total
    }

    /// Mean silhouette (exact), with per-cluster means. Above `sampleLimit` clustered points, that
    /// many are drawn without replacement with `seed` and the silhouette is computed among them
    /// (as scikit-learn's `silhouette_score(sample_size=…)`); the report says so.
    public static func silhouette(_ x: FeatureMatrix, labels: [Int], sampleLimit: Int?, seed: UInt64,
                                  context: RunContext) throws -> SilhouetteReport {
        try silhouette(x, labels: labels, sampleLimit: sampleLimit, seed: seed, context: context,
                       workers: FixedChunks.threadCount)
    }

    static func silhouette(_ x: FeatureMatrix, labels: [Int], sampleLimit: Int?, seed: UInt64,
                           context: RunContext, workers: Int) throws -> SilhouetteReport {
        if let sampleLimit, sampleLimit < 2 {
            throw EngineError("the silhouette sample must have at least 2 points (got \(sampleLimit))")
        }
        var groups = try ClusterGroups(x, labels: labels, requireValid: true, index: "silhouette")
        var sampled = false
        if let sampleLimit, groups.rows.count > sampleLimit {
            var generator = SeededGenerator(seed: seed)
            let picked = generator.sampleIndices(count: sampleLimit, from: groups.rows.count).sorted()
            var subset = [Int](repeating: -1, count: x.rowCount)
            for p in picked { subset[groups.rows[p]] = labels[groups.rows[p]] }
            groups = try ClusterGroups(x, labels: subset, requireValid: true, index: "silhouette of the sample")
            sampled = true
        }
        return try SilhouetteComputation(x, groups: groups, workers: workers, cancellation: context.cancellation)
            .report(sampled: sampled)
    }

    /// Mean over clusters of the worst ratio (spread of i + spread of j) / distance between centroids
    /// i and j; spread is the mean distance of a cluster's points to its centroid. Lower is better.
    public static func daviesBouldin(_ x: FeatureMatrix, labels: [Int]) throws -> Double {
        let groups = try ClusterGroups(x, labels: labels, requireValid: true, index: "Davies–Bouldin")
        let d = x.columnCount
        let m = groups.clusterCount
        let centroids = groups.centroids(x)
        var spread = [Double](repeating: 0, count: m)
        for (r, i) in groups.rows.enumerated() {
            let c = groups.dense[r]
            var s = 0.0
            for f in 0..<d {
                let diff = x[i, f] - centroids[c * d + f]
                s += diff * diff
            }
            spread[c] += s.squareRoot()
        }
        for c in 0..<m { spread[c] /= Double(groups.sizes[c]) }
        var gaps = [Double](repeating: 0, count: m * m)
        for a in 0..<m {
            for b in 0..<m where b != a {
                var s = 0.0
                for f in 0..<d {
                    let diff = centroids[a * d + f] - centroids[b * d + f]
                    s += diff * diff
                }
                gaps[a * m + b] = s.squareRoot()
            }
        }
        // scikit-learn returns 0 when every spread or every centroid distance is (close to) zero.
        if spread.allSatisfy({ abs($0) <= 1e-8 }) || gaps.allSatisfy({ abs($0) <= 1e-8 }) { return 0 }
        var total = 0.0
        for a in 0..<m {
            var worst = 0.0
            for b in 0..<m where b != a && gaps[a * m + b] > 0 {
                worst = max(worst, (spread[a] + spread[b]) / gaps[a * m + b])
            }
            total += worst
        }
        return total / Double(m)
    }

    /// Between-cluster dispersion over within-cluster dispersion, each divided by its degrees of
    /// freedom (k − 1 and n − k). Higher is better; 1 when every cluster is a single repeated point.
    public static func calinskiHarabasz(_ x: FeatureMatrix, labels: [Int]) throws -> Double {
        let groups = try ClusterGroups(x, labels: labels, requireValid: true, index: "Calinski–Harabasz")
        let d = x.columnCount
        let (n, m) = (groups.rows.count, groups.clusterCount)
        let centroids = groups.centroids(x)
        var overall = [Double](repeating: 0, count: d)
        for i in groups.rows { for f in 0..<d { overall[f] += x[i, f] } }
        for f in 0..<d { overall[f] /= Double(n) }
        var between = 0.0
        for c in 0..<m {
            var s = 0.0
            for f in 0..<d {
                let diff = centroids[c * d + f] - overall[f]
                s += diff * diff
            }
            between += Double(groups.sizes[c]) * s
        }
        var within = 0.0
        for (r, i) in groups.rows.enumerated() {
            for f in 0..<d {
                let diff = x[i, f] - centroids[groups.dense[r] * d + f]
                within += diff * diff
            }
        }
        if within == 0 { return 1 }
        return between * Double(n - m) / (within * Double(m - 1))
    }
}
