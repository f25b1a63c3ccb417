/// Mean silhouette of a clustering, overall and per cluster.
public struct SilhouetteReport: Sendable {
    public let mean: Double
    /// One entry per cluster (noise left out), ascending by cluster id.
    public let perCluster: [(cluster: Int, size: Int, mean: Double)]
    /// Points the silhouette was computed over.
    public let pointsUsed: Int
    /// True when `pointsUsed` points were drawn with the given seed because there were more than the limit.
    public let sampled: Bool
}
