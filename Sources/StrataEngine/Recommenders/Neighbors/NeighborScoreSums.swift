/// Accumulates, per candidate item, the similarities of at most `limit` neighbours: the rule both
/// kNN recommenders use for top-N. Items never reached stay unscored and are not recommended.
struct NeighborScoreSums {
    private var scores: [Double]
    private var counts: [Int32]
    private var touched: [Int32] = []
    let limit: Int

    init(itemCount: Int, limit: Int) {
        scores = [Double](repeating: 0, count: itemCount)
        counts = [Int32](repeating: 0, count: itemCount)
        self.limit = limit
    }

    /// Adds a contribution, ignoring it once the item already has `limit`: callers feed
    /// contributions strongest first when the cut matters.
    @inline(__always)
    mutating func add(_ item: Int, _ similarity: Double) {
        let c = counts[item]
        guard Int(c) < limit else { return }
        if c == 0 { touched.append(Int32(item)) }
        counts[item] = c + 1
        scores[item] += similarity
    }

    /// Adds contributions strongest first (equal similarities by lower item), so each item sums its
    /// `limit` strongest ones.
    mutating func addStrongestFirst(_ contributions: [(item: Int32, similarity: Float)]) {
        // Positive floats order like their bit patterns; pack (−similarity, item) into one key.
        var keys = contributions.map { c -> UInt64 in
            (UInt64(UInt32.max - c.similarity.bitPattern) << 32) | UInt64(UInt32(bitPattern: c.item))
        }
        keys.sort()
        for k in keys {
            let item = Int(UInt32(truncatingIfNeeded: k))
            add(item, Double(Float(bitPattern: UInt32.max - UInt32(k >> 32))))
        }
    }

    func best(count: Int, exclude: Set<Int>) -> [Recommendation] {
        var heap = BoundedBest(capacity: count)
        for t in touched {
            let item = Int(t)
            if !exclude.contains(item) { heap.offer(item: item, score: scores[item]) }
        }
        return heap.sortedBestFirst()
    }
}

/// How neighbour explanations print numbers: three decimals, no trailing noise.
enum NeighborReasons {
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e9 { return String(Int(x)) }
        let scaled = (x * 1000).rounded() / 1000
        return String(scaled)
    }
}
