/// k-means clustering (k-means++ starts, several restarts, exact Lloyd/Hamerly or mini-batch).
public struct KMeans: Estimator {
    public let parameters: KMeansOptions

    public init(_ parameters: KMeansOptions) { self.parameters = parameters }

    public func fit(_ x: FeatureMatrix, context: RunContext) throws -> KMeansModel {
        try Self.fit(x, options: parameters, context: context, workers: FixedChunks.threadCount)
    }

    /// `workers` only changes the speed: chunks are fixed and their sums combined in order.
    static func fit(_ x: FeatureMatrix, options: KMeansOptions, context: RunContext, workers: Int,
                    chunkSize: Int = FixedChunks.defaultSize) throws -> KMeansModel {
        try KMeansInputCheck.validate(x, options: options)
        let (n, d, k) = (x.rowCount, x.columnCount, options.k)
        let tolerance = options.tolerance * KMeansInputCheck.meanFeatureVariance(x)
        let algorithm = options.algorithm == .auto ? exactAlgorithm(rows: n, features: d, k: k) : options.algorithm
        let best: KMeansRunResult = try x.values.withUnsafeBufferPointer { xs in
            let space = KMeansWorkspace(x: xs.baseAddress.unsafelyUnwrapped, n: n, d: d, k: k, workers: workers,
                                        cancellation: context.cancellation, chunkSize: chunkSize)
            if algorithm == .minibatch {
                return try KMeansMiniBatch.run(space, options: options, tolerance: tolerance, context: context)
            }
            let hamerly = algorithm == .hamerly ? KMeansHamerly(space) : nil
            context.progress.begin("k-means", total: options.initCount, unit: "runs")
            defer { context.progress.end() }
            var best: KMeansRunResult?
            for restart in 0..<options.initCount {
                var generator = SeededGenerator(seed: options.seed, stream: UInt64(restart))
                let start = try KMeansPlusPlus.centers(space, k: k, generator: &generator)
                let run = try hamerly?.run(initial: start, maxIterations: options.maxIterations, tolerance: tolerance)
                    ?? KMeansLloyd.run(space, initial: start, maxIterations: options.maxIterations, tolerance: tolerance)
                if best.map({ run.inertia < $0.inertia }) ?? true { best = run }
                context.progress.update(restart + 1)
            }
            guard let best else { throw EngineError("k-means ran no restart") }
            return best
        }
        let centers = FeatureMatrix(rowCount: k, columnCount: d, values: best.centers, columnNames: x.columnNames)
        return KMeansModel(centers: centers, labels: best.labels, inertia: best.inertia, iterations: best.iterations,
                           converged: best.converged, options: options, algorithm: algorithm)
    }

    /// The exact algorithm `auto` picks: Hamerly once a full distance pass is expensive (k·d ≥ 1024),
    /// Lloyd below. Process CPU seconds for 30 iterations on 200,000 overlapping blobs (std 3,
    /// centres in [-10, 10]^d), `strata-bench kmeans-shapes`, two runs on the shared 2-core machine
    /// (load 12), Lloyd / Hamerly:
    ///   d=2:  k=4 0.10/0.11, 0.06/0.08   k=16 0.20/0.19, 0.18/0.19   k=64 0.56/0.54, 0.63/0.52
    ///   d=8:  k=4 0.05/0.06, 0.10/0.10   k=16 0.32/0.35, 0.64/0.44   k=64 1.32/1.46, 1.45/1.40
    ///   d=32: k=4 0.09/0.11, 0.10/0.10   k=16 0.37/0.41, 0.42/0.41   k=64 4.65/2.11, 4.81/1.95
    /// Lloyd's paired-row kernel keeps up with Hamerly's skipped rows until the per-row cost k·d
    /// grows; below 1024 the two are within the machine's noise and Lloyd needs no bound arrays.
    /// On the 1,000,000 × 8, k = 8 benchmark Lloyd was also the faster (docs/performance.md).
    static func exactAlgorithm(rows _: Int, features: Int, k: Int) -> KMeansAlgorithm {
        k * features >= 1024 ? .hamerly : .lloyd
    }
}
