/// Agglomerative clustering on Euclidean distances: nearest-neighbour chain for Ward, complete and
/// average linkage, a minimum spanning tree for single linkage. Output follows SciPy's `linkage`.
public enum HierarchicalClustering {
    /// The condensed distance matrix takes n(n−1)/2 × 8 bytes (1.6 GB at this size) and the merge
    /// loop O(n²) time; above it the command should sample.
    public static let maxPoints = 20_000

    public static func fit(_ x: FeatureMatrix, linkage: Linkage, context: RunContext) throws -> Dendrogram {
        let n = x.rowCount
        guard n >= 1 else { throw EngineError("hierarchical clustering needs at least one point; there are none") }
        guard n <= maxPoints else {
            let gigabytes = CondensedDistances.byteCount(points: n) / 1e9
            let formatted = (gigabytes * 10).rounded() / 10
            throw EngineError(
                "hierarchical clustering keeps all \(n) × \(n) pairwise distances: about \(formatted) GB "
                    + "(n²/2 × 8 bytes) and time growing with n²; the limit is \(maxPoints) points",
                suggestion: "cluster a sample of at most \(maxPoints) rows (sample n=…), or use k-means for all rows")
        }
        try x.requireFiniteFeatures(for: "hierarchical clustering")
        let distances = try CondensedDistances(euclideanBetweenRowsOf: x, context: context)
        let raw: RawMerges
        switch linkage {
        case .ward: raw = try NearestNeighborChain.merges(distances, update: WardUpdate.self, context: context)
        case .complete: raw = try NearestNeighborChain.merges(distances, update: CompleteUpdate.self, context: context)
        case .average: raw = try NearestNeighborChain.merges(distances, update: AverageUpdate.self, context: context)
        case .single: raw = try SingleLinkageTree.merges(distances, context: context)
        }
        return raw.dendrogram(linkage: linkage)
    }
}
