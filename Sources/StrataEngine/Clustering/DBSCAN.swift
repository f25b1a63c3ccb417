/// The outcome of DBSCAN: `labels` 0…clusterCount−1, −1 for noise, in input row order.
public struct DBSCANResult: Sendable {
    public let labels: [Int]
    public let isCore: [Bool]
    public let clusterCount: Int
    public let noiseCount: Int
}

/// Density-based clustering with scikit-learn's semantics: a point is core when at least
/// `minPoints` points (itself included) lie within `eps` (distance ≤ eps); clusters are the
/// connected groups of core points plus the non-core points within eps of them. A non-core point
/// near several clusters joins the one scikit-learn finds first, i.e. the cluster whose lowest
/// core row number is smallest, so labels equal scikit-learn's up to renumbering.
public struct DBSCAN: Estimator {
    /// Above this many features a k-d tree prunes too little and blocked brute force is used.
    static let treeDimensionLimit = 16

    public let parameters: DBSCANParameters

    public init(_ parameters: DBSCANParameters) { self.parameters = parameters }

    public func fit(_ x: FeatureMatrix, context: RunContext) throws -> DBSCANModel {
        let (eps, minPoints) = (parameters.eps, parameters.minPoints)
        guard eps.isFinite && eps > 0 else {
            throw EngineError("eps must be a positive distance, not \(eps)",
                              suggestion: "read a value off the k-distance curve (kdist), e.g. its suggested eps")
        }
        guard minPoints >= 1 else {
            throw EngineError("minpts must be at least 1 (it counts the point itself), not \(minPoints)")
        }
        try x.requireFiniteFeatures(for: "DBSCAN")
        try requireInt32Rows(x.rowCount, "DBSCAN")
        let result: DBSCANResult
        if x.rowCount == 0 {
            result = DBSCANResult(labels: [], isCore: [], clusterCount: 0, noiseCount: 0)
        } else if x.columnCount <= Self.treeDimensionLimit {
            result = try Self.run(KDTree(x), eps: eps, minPoints: minPoints, context: context)
        } else {
            result = try Self.run(BruteForceNeighbors(x), eps: eps, minPoints: minPoints, context: context)
        }
        return DBSCANModel(result, parameters: parameters, features: x)
    }

    /// Chunks per pass: more than the two cores, so dense and sparse regions even out.
    private static let chunkCount = 32
    private static let chunksPerRound = 4

    static func run<Index: NeighborIndex>(_ index: Index, eps: Double, minPoints: Int,
                                                 context: RunContext) throws -> DBSCANResult {
        let n = index.count
        let r2 = eps * eps
        let chunks = FixedChunks(total: n, parts: chunkCount, minimumToSplit: FixedChunks.worthSplitting)

        // Pass 1: which points are core (counting stops at minPoints).
        let counts = try chunks.map(cancellation: context.cancellation) { range in
            index.countWithin(queries: range, radiusSquared: r2, limit: minPoints)
        }
        let isCore = counts.flatMap { $0.map { $0 >= minPoints } }

        // Pass 2: join core points within eps; remember the core neighbours of the other points.
        // Each chunk records its unions in a union-find over all points; chunks run a few at a time
        // and are folded into `components` in chunk order, which bounds memory to a few such arrays.
        var components = UnionFind(count: n)
        var borders: [BorderNeighbours] = []
        for round in stride(from: 0, to: chunks.count, by: chunksPerRound) {
            let roundChunks = chunks.subset(round..<min(chunks.count, round + chunksPerRound))
            let parts = try roundChunks.map(cancellation: context.cancellation) { range in
                var unions = UnionFind(count: n)
                var border = BorderNeighbours()
                index.forEachWithin(queries: range, radiusSquared: r2) { query, neighbour in
                    guard isCore[neighbour] else { return }
                    if isCore[query] { unions.union(query, neighbour) } else { border.append(neighbour, of: query) }
                }
                return (unions, border)
            }
            for (unions, border) in parts {
                var unions = unions
                components.absorb(&unions)
                borders.append(border)
            }
        }
        try context.cancellation.check()

        // Clusters are numbered in the order of their lowest core input row, as scikit-learn's scan does.
        var clusterOfRoot = [Int](repeating: -1, count: n)
        var positionOfRow = [Int](repeating: 0, count: n)
        for (position, row) in index.originalRow.enumerated() { positionOfRow[row] = position }
        var clusterCount = 0
        for row in 0..<n {
            let position = positionOfRow[row]
            guard isCore[position] else { continue }
            let root = components.root(position)
            if clusterOfRoot[root] < 0 { clusterOfRoot[root] = clusterCount; clusterCount += 1 }
        }
        var labels = [Int](repeating: -1, count: n)
        var coreByRow = [Bool](repeating: false, count: n)
        for position in 0..<n {
            let row = index.originalRow[position]
            if isCore[position] {
                labels[row] = clusterOfRoot[components.root(position)]
                coreByRow[row] = true
            }
        }
        for border in borders {
            border.forEach { position, neighbours in
                var best = Int.max
                for neighbour in neighbours { best = min(best, clusterOfRoot[components.root(neighbour)]) }
                labels[index.originalRow[position]] = best
            }
        }
        let noise = labels.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
        return DBSCANResult(labels: labels, isCore: coreByRow, clusterCount: clusterCount, noiseCount: noise)
    }
}

/// The core neighbours of the non-core points of one chunk, in query order (each query's
/// neighbours arrive together).
private struct BorderNeighbours: Sendable {
    private var query: [Int] = []
    private var neighbour: [Int] = []

    mutating func append(_ core: Int, of point: Int) {
        query.append(point)
        neighbour.append(core)
    }

    /// Each non-core point with at least one core neighbour, with those neighbours.
    func forEach(_ body: (Int, ArraySlice<Int>) -> Void) {
        var start = 0
        while start < query.count {
            var end = start + 1
            while end < query.count && query[end] == query[start] { end += 1 }
            body(query[start], neighbour[start..<end])
            start = end
        }
    }
}

/// Disjoint sets over 0..<count with path halving and union by size.
struct UnionFind: Sendable {
    private var parent: [Int32]
    private var size: [Int32]

    init(count: Int) {
        parent = (0..<count).map { Int32($0) }
        size = [Int32](repeating: 1, count: count)
    }

    var count: Int { parent.count }

    /// Adds every union recorded in `other` (over the same points).
    mutating func absorb(_ other: inout UnionFind) {
        for node in 0..<other.count where Int(other.parent[node]) != node { union(node, other.root(node)) }
    }

    mutating func root(_ node: Int) -> Int {
        var node = node
        while Int(parent[node]) != node {
            let grand = parent[Int(parent[node])]
            parent[node] = grand
            node = Int(grand)
        }
        return node
    }

    mutating func union(_ a: Int, _ b: Int) {
        var ra = root(a), rb = root(b)
        guard ra != rb else { return }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = Int32(ra)
        size[ra] += size[rb]
    }
}
