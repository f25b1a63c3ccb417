/// A fitted clustering cut from a merge tree: it can hand out the tree and where it was cut
/// (to draw a dendrogram), whatever algorithm grew the tree.
public protocol HasDendrogram: ClusterModel {
    var dendrogram: Dendrogram { get }
    var cut: TreeCut { get }
}

/// A hierarchical clustering: the whole merge tree, the cut that gave the flat clusters, and the
/// cluster means that place new rows.
public struct HierarchicalModel: HasDendrogram {
    public let dendrogram: Dendrogram
    public let cut: TreeCut
    public let labels: [Int]
    /// The mean of each cluster in the fitted feature space, `k × d`.
    public let centers: FeatureMatrix

    /// Cuts `dendrogram`, grown on the rows of `features`.
    public init(dendrogram: Dendrogram, cut: TreeCut, features: FeatureMatrix) throws {
        self.dendrogram = dendrogram
        self.cut = cut
        switch cut {
        case .clusterCount(let k): labels = try dendrogram.labels(clusterCount: k)
        case .height(let h): labels = dendrogram.labels(height: h)
        }
        centers = ClusterAssignment.centroids(features, labels: labels)
    }

    public var algorithmName: String { "hierarchical (\(dendrogram.linkage.rawValue))" }

    public var parameterValues: [ParameterValue] {
        HierarchicalParameters(linkage: dendrogram.linkage, cut: cut).described
    }

    /// New rows go to the nearest cluster mean.
    public func assign(_ x: FeatureMatrix) -> [Int] { ClusterAssignment.nearestCenter(x, centers: centers) }

    /// Whether merges tie in height where a cut by count undid them (another clustering with as
    /// many clusters is as valid); never for a cut by height.
    public var isCutTied: Bool {
        guard case .clusterCount(let k) = cut else { return false }
        return dendrogram.isCutTied(clusterCount: k)
    }
}
