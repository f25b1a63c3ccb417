public struct DBSCANParameters: EstimatorParameters {
    /// The neighbourhood radius (distance ≤ eps counts).
    public var eps: Double
    /// Points within eps, the point itself included, that make a core point (scikit-learn's `min_samples`).
    public var minPoints: Int

    public init(eps: Double, minPoints: Int = 5) {
        self.eps = eps
        self.minPoints = minPoints
    }

    public var described: [ParameterValue] {
        [ParameterValue("eps", eps), ParameterValue("minpts", minPoints, default: 5)]
    }
}

/// A fitted DBSCAN: labels (−1 for noise), which rows are core points, and the core points
/// themselves, which place new rows.
public struct DBSCANModel: ClusterModel {
    public let labels: [Int]
    public let isCore: [Bool]
    public let clusterCount: Int
    public let noiseCount: Int
    public let parameters: DBSCANParameters
    /// The core rows in row order, and their labels.
    let corePoints: FeatureMatrix
    let coreLabels: [Int]

    init(_ result: DBSCANResult, parameters: DBSCANParameters, features: FeatureMatrix) {
        labels = result.labels
        isCore = result.isCore
        clusterCount = result.clusterCount
        noiseCount = result.noiseCount
        self.parameters = parameters
        let cores = result.isCore.indices.filter { result.isCore[$0] }
        corePoints = features.takingRows(cores)
        coreLabels = cores.map { result.labels[$0] }
    }

    public var eps: Double { parameters.eps }
    public var coreCount: Int { coreLabels.count }
    public var algorithmName: String { "DBSCAN (eps=\(DescribeFormat.number(parameters.eps)), minpts=\(parameters.minPoints))" }
    public var parameterValues: [ParameterValue] { parameters.described }

    /// DBSCAN's rule for a new point: the cluster of the nearest core point within eps (ties go to
    /// the earlier core row), else noise (−1).
    public func assign(_ x: FeatureMatrix) -> [Int] {
        let limit = parameters.eps * parameters.eps
        return (0..<x.rowCount).map { i in
            var best = -1, bestDistance = Double.infinity
            for c in 0..<corePoints.rowCount {
                let d = ClusterAssignment.squaredDistance(x.row(i), corePoints.row(c))
                if d <= limit && d < bestDistance { best = coreLabels[c]; bestDistance = d }
            }
            return best
        }
    }
}
