/// One k-means run from one start: what the algorithms hand back to `KMeans.fit`.
struct KMeansRunResult {
    var centers: [Double]
    var labels: [Int]
    var inertia: Double
    var iterations: Int
    var converged: Bool
}
