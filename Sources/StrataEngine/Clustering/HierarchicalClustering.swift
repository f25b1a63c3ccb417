/// Agglomerative clustering on Euclidean distances: nearest-neighbour chain for Ward, complete and
/// average linkage, a minimum spanning tree for single linkage. Output follows SciPy's `linkage`;
/// the flat clusters are the tree cut by count or height (SciPy's `fcluster`).
public struct HierarchicalClustering: Estimator {
    /// The condensed distance matrix takes n(n−1)/2 × 8 bytes (1.6 GB at this size) and the merge
    /// loop O(n²) time; above it the command should sample.
    public static let maxPoints = 20_000

    public let parameters: HierarchicalParameters

    public init(_ parameters: HierarchicalParameters) { self.parameters = parameters }

    public func fit(_ x: FeatureMatrix, context: RunContext) throws -> HierarchicalModel {
        if case .clusterCount(let k) = parameters.cut, k > x.rowCount {
            throw EngineError("k=\(k) is more than the number of rows (\(x.rowCount))", suggestion: "use k=\(x.rowCount) or fewer")
        }
        let tree = try Self.dendrogram(x, linkage: parameters.linkage, context: context)
        return try HierarchicalModel(dendrogram: tree, cut: parameters.cut, features: x)
    }

    /// The whole merge tree, uncut: what `fit` cuts, and what a sweep over k cuts many times.
    public static func dendrogram(_ x: FeatureMatrix, linkage: Linkage, context: RunContext) throws -> Dendrogram {
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

/// Where a merge tree is cut into flat clusters.
public enum TreeCut: Sendable, Equatable {
    /// Exactly this many clusters (the last k − 1 merges undone).
    case clusterCount(Int)
    /// Every merge at most this high is kept (SciPy's `fcluster(criterion="distance")`).
    case height(Double)
}

public struct HierarchicalParameters: EstimatorParameters {
    public var linkage: Linkage
    public var cut: TreeCut

    public init(linkage: Linkage = .ward, cut: TreeCut) {
        self.linkage = linkage
        self.cut = cut
    }

    public var described: [ParameterValue] {
        let cutValue: ParameterValue
        switch cut {
        case .clusterCount(let k): cutValue = ParameterValue("k", k)
        case .height(let h): cutValue = ParameterValue("height", h)
        }
        return [ParameterValue("linkage", linkage, default: .ward), cutValue]
    }
}
