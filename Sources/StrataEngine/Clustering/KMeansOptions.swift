/// How k-means moves from one set of centres to the next. `lloyd` and `hamerly` are exact and give
/// the same clustering; `minibatch` trades a little inertia for speed on millions of rows.
public enum KMeansAlgorithm: String, Sendable, CaseIterable {
    /// The faster exact algorithm for the data's shape (see `KMeans.exactAlgorithm`).
    case auto
    /// Every point against every centre each pass, with the distances computed as ‖c‖² − 2x·c.
    case lloyd
    /// Lloyd's result, skipping the points whose distance bounds prove their centre cannot change.
    case hamerly
    /// Seeded random batches with per-centre learning rates (scikit-learn's MiniBatchKMeans).
    case minibatch
}

/// Settings of one k-means fit, with scikit-learn's meanings.
public struct KMeansOptions: EstimatorParameters {
    public var k: Int
    /// Runs from different k-means++ starts; the one with the lowest inertia is kept.
    public var initCount: Int = 10
    /// Passes over the data per run (mini-batch: epochs, i.e. `maxIterations × rows / batchSize` batches).
    public var maxIterations: Int = 300
    /// Stop when the squared centre shift is at most `tolerance ×` the mean per-feature variance.
    public var tolerance: Double = 1e-4
    public var seed: UInt64
    public var algorithm: KMeansAlgorithm = .auto
    /// Rows per mini-batch.
    public var batchSize: Int = 1024

    public init(k: Int, seed: UInt64) {
        self.k = k
        self.seed = seed
    }
}

extension KMeansOptions {
    /// Named as the `cluster kmeans` options are; the batch size is an internal of mini-batch.
    public var described: [ParameterValue] {
        let defaults = KMeansOptions(k: k, seed: seed)
        return [ParameterValue("k", k), ParameterValue("seed", String(seed)),
                ParameterValue("n_init", initCount, default: defaults.initCount),
                ParameterValue("max_iter", maxIterations, default: defaults.maxIterations),
                ParameterValue("tol", tolerance, default: defaults.tolerance),
                ParameterValue("algorithm", algorithm, default: defaults.algorithm)]
    }
}
