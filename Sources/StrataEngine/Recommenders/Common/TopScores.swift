/// Picking the best-scored items. Every recommender ranks through here so that ties are broken the
/// same way everywhere: the higher score first, and among equal scores the lower item index.
enum TopScores {
    /// Whether `a` ranks before `b`.
    @inline(__always)
    static func ranksBefore(_ a: (item: Int, score: Double), _ b: (item: Int, score: Double)) -> Bool {
        a.score > b.score || (a.score == b.score && a.item < b.item)
    }

    /// The best `count` entries of a dense score vector, skipping `exclude` and non-finite scores.
    /// `isCandidate` limits the items considered (nil: all).
    static func select(
        _ scores: UnsafeBufferPointer<Double>, count: Int, exclude: Set<Int>, isCandidate: ((Int) -> Bool)? = nil
    ) -> [Recommendation] {
        guard count > 0 else { return [] }
        var heap = BoundedBest(capacity: count)
        let checkExclude = !exclude.isEmpty
        for item in 0..<scores.count {
            let s = scores[item]
            guard s.isFinite, !checkExclude || !exclude.contains(item) else { continue }
            if let isCandidate, !isCandidate(item) { continue }
            heap.offer(item: item, score: s)
        }
        return heap.sortedBestFirst()
    }

    /// The same for single-precision scores (the factor models'); scores come back as Double.
    /// Items are visited in increasing order, so once the heap is full an item can only enter with a
    /// score strictly above the worst kept one (a tie loses to the lower index already kept): one
    /// comparison per item on the common path.
    static func select(_ scores: UnsafeBufferPointer<Float>, count: Int, exclude: Set<Int>) -> [Recommendation] {
        guard count > 0 else { return [] }
        var heap = BoundedBest(capacity: count)
        let checkExclude = !exclude.isEmpty
        var item = 0
        while item < scores.count, heap.items.count < count {
            let s = scores[item]
            if s.isFinite, !checkExclude || !exclude.contains(item) { heap.offer(item: item, score: Double(s)) }
            item &+= 1
        }
        guard item < scores.count else { return heap.sortedBestFirst() }
        var threshold = Float(heap.scores[0])
        while item < scores.count {
            let s = scores[item]
            if s > threshold, s.isFinite, !checkExclude || !exclude.contains(item) {
                heap.offer(item: item, score: Double(s))
                threshold = Float(heap.scores[0])
            }
            item &+= 1
        }
        return heap.sortedBestFirst()
    }

    static func select(_ scores: [Float], count: Int, exclude: Set<Int>) -> [Recommendation] {
        scores.withUnsafeBufferPointer { select($0, count: count, exclude: exclude) }
    }

    static func select(_ scores: [Double], count: Int, exclude: Set<Int>, isCandidate: ((Int) -> Bool)? = nil) -> [Recommendation] {
        scores.withUnsafeBufferPointer { select($0, count: count, exclude: exclude, isCandidate: isCandidate) }
    }

    /// The best `count` of a sparse list of (item, score) pairs, skipping `exclude`.
    static func select(items: [Int], scores: [Double], count: Int, exclude: Set<Int>) -> [Recommendation] {
        guard count > 0 else { return [] }
        var heap = BoundedBest(capacity: count)
        for (item, s) in zip(items, scores) where s.isFinite && !exclude.contains(item) {
            heap.offer(item: item, score: s)
        }
        return heap.sortedBestFirst()
    }
}

/// A min-heap holding the best `capacity` entries seen so far (its root is the worst kept entry).
struct BoundedBest {
    let capacity: Int
    private(set) var items: [Int] = []
    private(set) var scores: [Double] = []

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        items.reserveCapacity(min(self.capacity, 1 << 16))
        scores.reserveCapacity(min(self.capacity, 1 << 16))
    }

    /// Whether slot `a` holds a worse entry than slot `b`.
    @inline(__always)
    private func worse(_ a: Int, _ b: Int) -> Bool {
        scores[a] < scores[b] || (scores[a] == scores[b] && items[a] > items[b])
    }

    @inline(__always)
    mutating func offer(item: Int, score: Double) {
        if items.count < capacity {
            items.append(item)
            scores.append(score)
            siftUp(items.count - 1)
        } else if capacity > 0, score > scores[0] || (score == scores[0] && item < items[0]) {
            items[0] = item
            scores[0] = score
            siftDown(0)
        }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard worse(child, parent) else { return }
            items.swapAt(child, parent)
            scores.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let n = items.count
        while true {
            let left = 2 * parent + 1
            guard left < n else { return }
            var worst = left
            if left + 1 < n, worse(left + 1, left) { worst = left + 1 }
            guard worse(worst, parent) else { return }
            items.swapAt(worst, parent)
            scores.swapAt(worst, parent)
            parent = worst
        }
    }

    mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
        scores.removeAll(keepingCapacity: true)
    }

    func sortedBestFirst() -> [Recommendation] {
        zip(items, scores)
            .sorted { TopScores.ranksBefore(($0.0, $0.1), ($1.0, $1.1)) }
            .map { Recommendation(item: $0.0, score: $0.1) }
    }
}
