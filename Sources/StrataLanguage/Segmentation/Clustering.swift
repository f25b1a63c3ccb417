/// A fitted clustering kept in the workspace: how it was made, the rows it was made from with their
/// cluster, and what is needed to place new rows (`assign`) or draw it (centres, dendrogram, core flags).
public struct Clustering: WorkspaceObject {
    public static let labelColumn = "cluster"

    public enum Method: String, Sendable {
        case kmeans = "k-means"
        case hierarchical
        case dbscan = "DBSCAN"
    }

    public let method: Method
    /// Parameters as typed or defaulted (k, seed, linkage, eps…), in display order.
    public let parameters: [(String, String)]
    public let featureColumns: [String]
    public let scaler: FittedScaler
    /// The rows clustered (all, or those kept by missing=drop) with a `cluster` column appended.
    public let table: Table
    /// One label per row of `table`: 0…k−1, −1 for DBSCAN noise.
    public let labels: [Int]
    /// The scaled features the labels were fitted on, for validity figures, projections and `assign`.
    public let scaledFeatures: FeatureMatrix
    /// Cluster centres in scaled units: the k-means centres, or the cluster means for hierarchical.
    public let centers: FeatureMatrix?
    /// Hierarchical clustering only.
    public let dendrogram: Dendrogram?
    /// DBSCAN only: core flags per row and the radius.
    public let isCore: [Bool]?
    public let eps: Double?
    /// Validity figures by name (silhouette, Davies–Bouldin, …), nil where undefined.
    public let validity: [(String, Double?)]

    public var kindName: String { method == .hierarchical ? "hierarchical clustering" : "\(method.rawValue) clustering" }

    /// Charts and other row commands read the clustered rows with their `cluster` column.
    public var rows: Table? { table }

    public var clusterCount: Int { Set(labels.filter { $0 >= 0 }).count }

    public var summary: String {
        "\(method.rawValue), \(clusterCount) cluster\(clusterCount == 1 ? "" : "s") of \(Format.count(table.rowCount)) rows on "
            + featureColumns.joined(separator: ", ")
    }

    /// Labels for new rows, scaled with this clustering's scaler: nearest centre (k-means, hierarchical)
    /// or nearest core point within eps (DBSCAN).
    public func assign(_ x: FeatureMatrix) throws -> [Int] {
        let scaled = try scaler.transform(x)
        if let isCore, let eps {
            return ClusterAssignment.nearestCore(scaled, fitted: scaledFeatures, labels: labels, isCore: isCore, eps: eps)
        }
        return ClusterAssignment.nearestCenter(scaled, centers: centers ?? ClusterAssignment.centroids(scaledFeatures, labels: labels))
    }
}
