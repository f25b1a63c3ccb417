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

    /// Items that received more than `limit` contributions (only possible when the limit was not
    /// enforced while adding).
    func items(withMoreThan limit: Int) -> [Int] {
        touched.lazy.map(Int.init).filter { Int(self.counts[$0]) > limit }
    }

    mutating func replaceScore(of item: Int, with score: Double) { scores[item] = score }

    func best(count: Int, exclude: Set<Int>) -> [Recommendation] {
        var heap = BoundedBest(capacity: count)
        let checkExclude = !exclude.isEmpty
        for t in touched {
            let item = Int(t)
            if !checkExclude || !exclude.contains(item) { heap.offer(item: item, score: scores[item]) }
        }
        return heap.sortedBestFirst()
    }

    /// The same, leaving out the items flagged in `skip` (a user's own items, by index).
    func best(count: Int, skip: [Bool]) -> [Recommendation] {
        var heap = BoundedBest(capacity: count)
        for t in touched {
            let item = Int(t)
            if !skip[item] { heap.offer(item: item, score: scores[item]) }
        }
        return heap.sortedBestFirst()
    }

    /// Back to empty, in time proportional to the items touched (the arrays are reused per user).
    mutating func clear() {
        for t in touched {
            scores[Int(t)] = 0
            counts[Int(t)] = 0
        }
        touched.removeAll(keepingCapacity: true)
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
