/// Fixed-radius and k-nearest queries over a point set, used by DBSCAN and the k-distance curve.
/// Queries are for the indexed points themselves, named by their *position* in the index (an index
/// may reorder points for locality; `originalRow` maps back). Each query method takes a range of
/// positions so an implementation can batch work and take its buffers once per call.
protocol NeighborIndex: Sendable {
    var count: Int { get }
    /// `originalRow[position]` is the input row stored at that position.
    var originalRow: [Int] { get }

    /// For each query position, how many points (itself included) lie within squared distance
    /// `radiusSquared`, counting no further than `limit`.
    func countWithin(queries: Range<Int>, radiusSquared: Double, limit: Int) -> [Int]

    /// Calls `body(query, neighbour)` for every point within `radiusSquared` of each query
    /// (itself included).
    func forEachWithin(queries: Range<Int>, radiusSquared: Double, _ body: (Int, Int) -> Void)

    /// For each query, the `rank`-th smallest squared distance to all points, itself included
    /// (rank 1 is the query's own zero).
    func rankedSquaredDistance(queries: Range<Int>, rank: Int) -> [Double]
}

/// Squared Euclidean distance, summed in coordinate order as scikit-learn does, so that points
/// near the eps boundary fall on the same side.
@inline(__always)
func squaredDistance(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, dimension: Int) -> Double {
    var sum = 0.0
    for k in 0..<dimension {
        let diff = a[k] - b[k]
        sum += diff * diff
    }
    return sum
}

/// The `capacity` smallest values seen so far, as a max-heap (the largest kept value on top).
struct SmallestValues {
    private(set) var heap: [Double] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(capacity)
    }

    /// The value a new one must beat to be kept (infinity until full).
    var bound: Double { heap.count < capacity ? .infinity : heap[0] }

    mutating func reset() { heap.removeAll(keepingCapacity: true) }

    mutating func offer(_ value: Double) {
        if heap.count < capacity {
            heap.append(value)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[parent] < heap[child] else { break }
                heap.swapAt(parent, child)
                child = parent
            }
        } else if value < heap[0] {
            heap[0] = value
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var largest = parent
                if left < heap.count && heap[left] > heap[largest] { largest = left }
                if right < heap.count && heap[right] > heap[largest] { largest = right }
                if largest == parent { break }
                heap.swapAt(parent, largest)
                parent = largest
            }
        }
    }
}
