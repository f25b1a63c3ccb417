/// k-means clustering (k-means++ starts, several restarts, exact Lloyd/Hamerly or mini-batch).
public enum KMeans {
    public static func fit(_ x: FeatureMatrix, options: KMeansOptions, context: RunContext) throws -> KMeansModel {
        try fit(x, options: options, context: context, workers: ClusterThreads.available)
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

    /// The exact algorithm `auto` picks. Measured on this project's 2-core machine (see the
    /// comment in the body and docs/performance.md, "Clustering: k-means and silhouette").
    static func exactAlgorithm(rows: Int, features: Int, k: Int) -> KMeansAlgorithm {
        .hamerly
    }
}
