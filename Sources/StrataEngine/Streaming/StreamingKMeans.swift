/// The settings of streaming k-means.
public struct StreamingKMeansParameters: EstimatorParameters, Equatable {
    public var k: Int
    /// How much of a centre's past weight survives each batch (1 = remember everything, as
    /// scikit-learn's MiniBatchKMeans.partial_fit; 0.9 halves old weight in about 7 batches).
    public var decay: Double

    public init(k: Int, decay: Double = 1) {
        self.k = k
        self.decay = decay
    }

    public var described: [ParameterValue] {
        [ParameterValue("k", k), ParameterValue("decay", decay, default: 1)]
    }
}

/// Mini-batch k-means fed in arrival order, with a forgetting factor. Each batch is assigned to
/// the centres as they were before it (ties to the lower centre); then every centre that got rows
/// moves to the weighted mean of its decayed past weight and its new rows:
///
///     c ← (c · w · decay + Σ x) / (w · decay + n),   w ← w · decay + n
///
/// With decay = 1 this is scikit-learn's MiniBatchKMeans.partial_fit with reassignment_ratio = 0
/// (the batch version, `KMeansMiniBatch`, uses the same move). Centres that got no rows keep
/// their place; their weight still decays, so they move faster when rows come back. Unless centres
/// are given, the first k distinct rows seen are the starting centres (a repeat of a centre is
/// applied as an ordinary row), so nothing is random.
public struct StreamingKMeans: IncrementalModel, Equatable {
    public typealias Event = [Double]

    public let parameters: StreamingKMeansParameters
    public let dimensions: Int
    /// k × dimensions, row-major; fewer than k rows until k rows have arrived.
    public private(set) var centers: [[Double]]
    /// The decayed number of rows behind each centre.
    public private(set) var weights: [Double]
    public private(set) var rowsSeen = 0

    public init(_ parameters: StreamingKMeansParameters, dimensions: Int, initialCenters: [[Double]] = []) throws {
        guard parameters.k >= 1 else { throw EngineError("k-means needs k ≥ 1, got \(parameters.k)") }
        guard parameters.decay > 0, parameters.decay <= 1 else {
            throw EngineError("decay must be in (0, 1], got \(DescribeFormat.number(parameters.decay))",
                              suggestion: "1 remembers everything; 0.9 forgets old rows over a few batches")
        }
        guard initialCenters.count <= parameters.k, initialCenters.allSatisfy({ $0.count == dimensions }) else {
            throw EngineError("initial centres must be at most \(parameters.k) rows of \(dimensions) numbers")
        }
        self.parameters = parameters
        self.dimensions = dimensions
        centers = initialCenters
        weights = [Double](repeating: 0, count: initialCenters.count)
    }

    public var algorithmName: String { "streaming k-means (k=\(parameters.k), decay=\(DescribeFormat.number(parameters.decay)))" }
    public var parameterValues: [ParameterValue] { parameters.described }

    public func updated(with events: some Collection<[Double]>, context: RunContext) throws -> StreamingKMeans {
        try context.cancellation.check()
        var next = self
        var batch: [[Double]] = []
        for x in events {
            guard x.count == dimensions, x.allSatisfy(\.isFinite) else {
                throw EngineError("a k-means row needs \(dimensions) finite numbers, got \(x.map(DescribeFormat.number).joined(separator: ", "))")
            }
            if next.centers.count < parameters.k, !next.centers.contains(x) {
                // Seeding: the row becomes a centre with weight 1, as if it were its own first batch.
                next.centers.append(x)
                next.weights.append(1)
            } else {
                batch.append(x)
            }
        }
        next.rowsSeen += events.count
        guard !batch.isEmpty else { return next }
        let k = next.centers.count
        var sums = [[Double]](repeating: [Double](repeating: 0, count: dimensions), count: k)
        var counts = [Double](repeating: 0, count: k)
        for x in batch {
            let j = nearest(x)
            counts[j] += 1
            for f in 0..<dimensions { sums[j][f] += x[f] }
        }
        for j in 0..<k {
            let kept = next.weights[j] * parameters.decay
            let total = kept + counts[j]
            if counts[j] > 0 {
                for f in 0..<dimensions { next.centers[j][f] = (next.centers[j][f] * kept + sums[j][f]) / total }
            }
            next.weights[j] = total
        }
        return next
    }

    /// The index of the closest centre (ties to the lower index); 0 before any centre exists.
    public func nearest(_ x: [Double]) -> Int {
        var best = 0
        var bestDistance = Double.infinity
        for (j, c) in centers.enumerated() {
            var d = 0.0
            for f in 0..<min(c.count, x.count) { d += (x[f] - c[f]) * (x[f] - c[f]) }
            if d < bestDistance { best = j; bestDistance = d }
        }
        return best
    }

    /// Sum of squared distances from each row to its nearest centre.
    public func inertia(_ rows: [[Double]]) -> Double {
        rows.reduce(0) { total, x in
            guard !centers.isEmpty else { return total }
            let c = centers[nearest(x)]
            return total + zip(x, c).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        }
    }
}
