/// A fitted k-means clustering: centres, the label of each training row and its inertia.
public struct KMeansModel: ClusterModel {
    /// `k × featureCount`, with the training matrix's column names.
    public let centers: FeatureMatrix
    public let labels: [Int]
    /// Sum of squared distances from each row to its centre.
    public let inertia: Double
    /// Passes of the kept run (mini-batch: batches, as scikit-learn's `n_steps_`).
    public let iterations: Int
    /// False when the kept run stopped at `maxIterations`.
    public let converged: Bool
    public let options: KMeansOptions
    /// The algorithm that actually ran (`auto` resolved).
    public let algorithm: KMeansAlgorithm

    public var algorithmName: String { "k-means (k=\(options.k))" }

    /// The options, with the algorithm that ran in place of `auto`.
    public var parameterValues: [ParameterValue] {
        var ran = options
        ran.algorithm = algorithm
        return ran.described
    }

    /// The nearest centre of each row of `x` (ties go to the lower centre). `x` must have the
    /// training feature count; rows of another width get -1.
    public func predict(_ x: FeatureMatrix) -> [Int] {
        guard x.columnCount == centers.columnCount else { return [Int](repeating: -1, count: x.rowCount) }
        let assigned = KMeansKernels.nearestLabels(x, centers: centers.values, k: centers.rowCount,
                                                   workers: FixedChunks.threadCount)
        return assigned.map(Int.init)
    }

    /// The nearest centre by exact Euclidean distance, one row at a time (`assign`'s rule for every
    /// centre-based clustering; `predict` is the fast kernel for the training loop).
    public func assign(_ x: FeatureMatrix) -> [Int] { ClusterAssignment.nearestCenter(x, centers: centers) }
}
