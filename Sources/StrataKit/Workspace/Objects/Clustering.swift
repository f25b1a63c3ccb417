/// A fitted clustering kept in the workspace: the fitted model (whatever algorithm made it) and the
/// facts of the workspace around it — the feature columns and their scaler, the rows clustered with
/// their cluster, the scaled features and the validity figures.
public struct Clustering: WorkspaceObject {
    public static let labelColumn = "cluster"

    /// How output names the algorithm ("k-means", "hierarchical", "DBSCAN"), from the kinds table.
    public let method: String
    public let model: any ClusterModel
    public let featureColumns: [String]
    public let scaler: FittedScaler
    /// The rows clustered (all, or those kept by missing=drop) with a `cluster` column appended.
    public let table: Table
    /// The scaled features the labels were fitted on, for validity figures and projections.
    public let scaledFeatures: FeatureMatrix
    /// Validity figures by name (silhouette, Davies–Bouldin, …), nil where undefined.
    public let validity: [(String, Double?)]

    package init(method: String, model: any ClusterModel, featureColumns: [String], scaler: FittedScaler, table: Table,
                 scaledFeatures: FeatureMatrix, validity: [(String, Double?)]) {
        self.method = method
        self.model = model
        self.featureColumns = featureColumns
        self.scaler = scaler
        self.table = table
        self.scaledFeatures = scaledFeatures
        self.validity = validity
    }

    /// One label per row of `table`: 0…k−1, −1 for noise.
    public var labels: [Int] { model.labels }

    /// The model's parameters, then the scaling its features went through, in display order.
    public var parameters: [StrataEngine.ParameterValue] {
        model.parameterValues + [StrataEngine.ParameterValue("scale", scaler.method)]
    }

    /// The merge tree and its cut, for a clustering cut from one (`chart dendrogram`). The model is
    /// kept type-erased in the workspace, so whether it has a tree is asked of the role, not of any
    /// one algorithm.
    public var tree: (any HasDendrogram)? { model.mergeTree }

    public var kindName: String { "\(method) clustering" }

    /// Charts and other row commands read the clustered rows with their `cluster` column.
    public var rows: Table? { table }

    public var clusterCount: Int { model.clusterCount }

    public var summary: String {
        "\(method), \(clusterCount) cluster\(clusterCount == 1 ? "" : "s") of \(Format.count(table.rowCount)) rows on "
            + featureColumns.joined(separator: ", ")
    }

    /// Labels for new rows: scaled with this clustering's scaler, then placed by the model's own rule.
    public func assign(_ x: FeatureMatrix) throws -> [Int] {
        model.assign(try scaler.transform(x))
    }
}
