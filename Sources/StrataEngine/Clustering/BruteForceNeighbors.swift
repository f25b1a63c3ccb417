/// Exhaustive neighbour search for high dimensions, where space-partitioning trees stop pruning.
/// Queries are compared with tiles of points that stay in cache while a block of queries passes.
struct BruteForceNeighbors: NeighborIndex {
    let count: Int
    let dimension: Int
    let points: [Double]
    let originalRow: [Int]

    private static let tileSize = 256

    init(_ x: FeatureMatrix) {
        count = x.rowCount
        dimension = x.columnCount
        points = x.values
        originalRow = Array(0..<x.rowCount)
    }

    /// Visits every (query, point) pair of the range, tile by tile, with its squared distance.
    private func forEachPair(queries: Range<Int>, _ body: (Int, Int, Double) -> Void) {
        let d = dimension
        points.withUnsafeBufferPointer { buffer in
            guard let p = buffer.baseAddress else { return }
            var tileStart = 0
            while tileStart < count {
                let tileEnd = min(count, tileStart + Self.tileSize)
                for q in queries {
                    let a = p + q * d
                    for j in tileStart..<tileEnd { body(q, j, squaredDistance(a, p + j * d, dimension: d)) }
                }
                tileStart = tileEnd
            }
        }
    }

    func countWithin(queries: Range<Int>, radiusSquared: Double, limit: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: queries.count)
        let first = queries.lowerBound
        forEachPair(queries: queries) { q, _, distance in
            if distance <= radiusSquared { counts[q - first] += 1 }
        }
        return counts.map { min($0, limit) }
    }

    func forEachWithin(queries: Range<Int>, radiusSquared: Double, _ body: (Int, Int) -> Void) {
        forEachPair(queries: queries) { q, j, distance in
            if distance <= radiusSquared { body(q, j) }
        }
    }

    func rankedSquaredDistance(queries: Range<Int>, rank: Int) -> [Double] {
        var kept = [SmallestValues](repeating: SmallestValues(capacity: rank), count: queries.count)
        let first = queries.lowerBound
        forEachPair(queries: queries) { q, _, distance in kept[q - first].offer(distance) }
        return kept.map(\.bound)
    }
}
