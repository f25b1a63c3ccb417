public struct KMedoidsParameters: EstimatorParameters {
    /// The number of clusters, each represented by one of the rows (its medoid).
    public var k: Int
    /// SWAP passes at most; each pass makes the one exchange that lowers the cost most.
    public var maxIterations: Int

    public init(k: Int, maxIterations: Int = 300) {
        self.k = k
        self.maxIterations = maxIterations
    }

    public var described: [ParameterValue] {
        [ParameterValue("k", k), ParameterValue("max_iter", maxIterations, default: 300)]
    }
}

/// k-medoids by PAM (Kaufman & Rousseeuw): BUILD chooses k medoids greedily, then SWAP exchanges a
/// medoid for another row while that lowers the sum of Euclidean distances from each row to its
/// nearest medoid, one best exchange per pass. Deterministic, and the same choices as
/// scikit-learn-extra's `KMedoids(method="pam", init="build")`, ties included (BUILD keeps the last
/// of equally good candidates, SWAP the first). Keeps all pairwise distances, so it is bounded in rows.
public struct KMedoids: Estimator {
    /// n(n−1)/2 distances (100 MB here) and SWAP passes of k·n² steps.
    public static let maxPoints = 5_000

    public let parameters: KMedoidsParameters

    public init(_ parameters: KMedoidsParameters) { self.parameters = parameters }

    public func fit(_ x: FeatureMatrix, context: RunContext) throws -> KMedoidsModel {
        let (n, k) = (x.rowCount, parameters.k)
        guard k >= 1 && k <= n else {
            throw EngineError("k-medoids cannot make \(k) clusters of \(n) rows", suggestion: "choose k between 1 and \(n)")
        }
        guard n <= Self.maxPoints else {
            throw EngineError("k-medoids keeps all \(n) × \(n) pairwise distances; the limit is \(Self.maxPoints) rows",
                              suggestion: "cluster a sample of at most \(Self.maxPoints) rows (sample n=…), or use k-means")
        }
        try x.requireFiniteFeatures(for: "k-medoids")
        let distances = try CondensedDistances(euclideanBetweenRowsOf: x, context: context)
        let d = { (i: Int, j: Int) in i == j ? 0 : distances.distance(i, j) }
        var medoids = try Self.build(n: n, k: k, d, context: context)
        var iterations = 0, converged = false
        while iterations < parameters.maxIterations {
            iterations += 1
            guard let (position, row) = try Self.bestSwap(n: n, medoids: medoids, d, context: context) else {
                converged = true
                break
            }
            medoids[position] = row
        }
        var labels = [Int](repeating: 0, count: n)
        var inertia = 0.0
        for j in 0..<n {
            var best = 0
            for m in 1..<k where d(medoids[m], j) < d(medoids[best], j) { best = m }
            labels[j] = best
            inertia += d(medoids[best], j)
        }
        return KMedoidsModel(medoidRows: medoids, centers: x.takingRows(medoids), labels: labels, inertia: inertia,
                             iterations: iterations, converged: converged, parameters: parameters)
    }

    /// BUILD: the row with the least total distance, then repeatedly the row whose addition lowers
    /// the total distance to the nearest medoid most.
    static func build(n: Int, k: Int, _ d: (Int, Int) -> Double, context: RunContext) throws -> [Int] {
        var first = 0, firstTotal = Double.infinity
        for i in 0..<n {
            var total = 0.0
            for j in 0..<n { total += d(j, i) }
            if total < firstTotal { first = i; firstTotal = total }
        }
        var medoids = [first]
        var isMedoid = [Bool](repeating: false, count: n)
        isMedoid[first] = true
        var nearest = (0..<n).map { d(first, $0) }
        while medoids.count < k {
            try context.cancellation.check()
            var chosen = -1, largestGain = 0.0
            for i in 0..<n where !isMedoid[i] {
                var gain = 0.0
                for j in 0..<n where !isMedoid[j] { gain += max(0, nearest[j] - d(i, j)) }
                if gain >= largestGain { chosen = i; largestGain = gain }
            }
            guard chosen >= 0 else { throw EngineError("k-medoids found no row to add as a medoid") }
            medoids.append(chosen)
            isMedoid[chosen] = true
            for j in 0..<n { nearest[j] = min(nearest[j], d(j, chosen)) }
        }
        return medoids
    }

    /// SWAP: the (medoid position, row) exchange that lowers the total distance most, or nil when none lowers it.
    static func bestSwap(n: Int, medoids: [Int], _ d: (Int, Int) -> Double, context: RunContext) throws -> (Int, Int)? {
        // Per row, the distance to its nearest and second-nearest medoid.
        var nearest = [Double](repeating: .infinity, count: n), second = nearest
        for j in 0..<n {
            for m in medoids {
                let v = d(m, j)
                if v < nearest[j] { second[j] = nearest[j]; nearest[j] = v } else if v < second[j] { second[j] = v }
            }
        }
        var isMedoid = [Bool](repeating: false, count: n)
        for m in medoids { isMedoid[m] = true }
        var best: (Int, Int)?, bestChange = 0.0
        for h in 0..<n where !isMedoid[h] {
            try context.cancellation.check()
            for (position, i) in medoids.enumerated() {
                var change = 0.0
                for j in 0..<n where !isMedoid[j] {
                    let toI = d(i, j), toH = d(h, j)
                    if toI == nearest[j] {
                        change += toH < second[j] ? toH - nearest[j] : second[j] - nearest[j]
                    } else if toH < nearest[j] {
                        change += toH - nearest[j]
                    }
                }
                // The medoid given up becomes an ordinary row.
                let fromH = d(h, i)
                change += fromH < second[i] ? fromH : second[i]
                if change < bestChange { best = (position, h); bestChange = change }
            }
        }
        return best
    }
}

/// A fitted k-medoids clustering: the medoid rows, their coordinates, labels and the total distance.
public struct KMedoidsModel: ClusterModel {
    /// Training row of each cluster's medoid, in cluster order.
    public let medoidRows: [Int]
    /// The medoids' features, `k × d`.
    public let centers: FeatureMatrix
    public let labels: [Int]
    /// Sum of the distances (not squared) from each row to its medoid: PAM's objective.
    public let inertia: Double
    public let iterations: Int
    /// False when SWAP stopped at `maxIterations` with an improving exchange left.
    public let converged: Bool
    public let parameters: KMedoidsParameters

    public var algorithmName: String { "k-medoids (k=\(parameters.k))" }
    public var parameterValues: [ParameterValue] { parameters.described }

    /// New rows go to the nearest medoid.
    public func assign(_ x: FeatureMatrix) -> [Int] { ClusterAssignment.nearestCenter(x, centers: centers) }
}
