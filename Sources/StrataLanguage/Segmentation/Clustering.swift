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
    /// The scaled features the labels were fitted on, for validity figures and projections.
    public let scaledFeatures: FeatureMatrix
    /// k-means centres in scaled units.
    public let centers: FeatureMatrix?
    /// DBSCAN only.
    public let isCore: [Bool]?
    /// Validity figures by name (silhouette, Davies–Bouldin, …), nil where undefined.
    public let validity: [(String, Double?)]

    public var kindName: String { method == .hierarchical ? "hierarchical clustering" : "\(method.rawValue) clustering" }

    public var clusterCount: Int { Set(labels.filter { $0 >= 0 }).count }

    public var summary: String {
        "\(method.rawValue), \(clusterCount) clusters of \(table.rowCount) rows on \(featureColumns.joined(separator: ", "))"
    }
}
