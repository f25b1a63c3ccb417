/// A k-d tree for low-dimensional neighbour queries. Points are copied in tree order, so a leaf's
/// points are contiguous and nearby queries (processed in tree order) touch the same memory.
/// Each node keeps its points' bounding box: a query skips a box entirely out of reach and counts
/// a box entirely within reach without measuring its points.
struct KDTree: NeighborIndex {
    let count: Int
    let dimension: Int
    /// Points in tree order, row-major.
    let points: [Double]
    let originalRow: [Int]
    private let nodes: [Node]
    /// Node i's box: `boxLow[i*d..<(i+1)*d]`, `boxHigh[...]`.
    private let boxLow: [Double]
    private let boxHigh: [Double]

    static let leafSize = 24

    struct Node {
        var start: Int
        var end: Int
        /// Children node indices, or −1 for a leaf.
        var left: Int
        var right: Int
    }

    init(_ x: FeatureMatrix) {
        var builder = Builder(x)
        builder.build()
        count = x.rowCount
        dimension = x.columnCount
        nodes = builder.nodes
        boxLow = builder.boxLow
        boxHigh = builder.boxHigh
        originalRow = builder.order
        var permuted = [Double]()
        permuted.reserveCapacity(x.values.count)
        for row in builder.order { permuted += x.row(row) }
        points = permuted
    }

    private struct Builder {
        let x: FeatureMatrix
        var order: [Int]
        var nodes: [Node] = []
        var boxLow: [Double] = []
        var boxHigh: [Double] = []

        init(_ x: FeatureMatrix) {
            self.x = x
            order = Array(0..<x.rowCount)
        }

        mutating func build() {
            guard x.rowCount > 0 else { return }
            _ = makeNode(0, x.rowCount)
        }

        /// Builds the subtree over `order[start..<end]` and returns its node index.
        private mutating func makeNode(_ start: Int, _ end: Int) -> Int {
            let d = x.columnCount
            let index = nodes.count
            nodes.append(Node(start: start, end: end, left: -1, right: -1))
            var low = [Double](repeating: .infinity, count: d)
            var high = [Double](repeating: -.infinity, count: d)
            for position in start..<end {
                let base = order[position] * d
                for k in 0..<d {
                    let v = x.values[base + k]
                    low[k] = min(low[k], v)
                    high[k] = max(high[k], v)
                }
            }
            boxLow += low
            boxHigh += high
            var widest = 0
            for k in 0..<d where high[k] - low[k] > high[widest] - low[widest] { widest = k }
            // Coincident points cannot be split: they stay in one (possibly large) leaf.
            guard end - start > KDTree.leafSize, d > 0, high[widest] > low[widest] else { return index }
            let middle = (start + end) / 2
            select(middle, in: start..<end, coordinate: widest)
            let left = makeNode(start, middle)
            let right = makeNode(middle, end)
            nodes[index].left = left
            nodes[index].right = right
            return index
        }

        /// Reorders `order[range]` so position `nth` holds the point whose `coordinate` ranks there,
        /// with no larger value before it and no smaller after it (quickselect, median-of-three).
        private mutating func select(_ nth: Int, in range: Range<Int>, coordinate: Int) {
            let d = x.columnCount
            var lo = range.lowerBound, hi = range.upperBound - 1
            func value(_ position: Int) -> Double { x.values[order[position] * d + coordinate] }
            while lo < hi {
                let mid = lo + (hi - lo) / 2
                if value(mid) < value(lo) { order.swapAt(mid, lo) }
                if value(hi) < value(lo) { order.swapAt(hi, lo) }
                if value(hi) < value(mid) { order.swapAt(hi, mid) }
                let pivot = value(mid)
                var i = lo, j = hi
                while i <= j {
                    while value(i) < pivot { i += 1 }
                    while value(j) > pivot { j -= 1 }
                    if i <= j {
                        order.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if nth <= j { hi = j } else if nth >= i { lo = i } else { return }
            }
        }
    }

    // MARK: Queries

    /// Squared distance from `q` to the nearest and to the farthest point of node `node`'s box.
    @inline(__always)
    private static func boxDistances(_ q: UnsafePointer<Double>, low: UnsafePointer<Double>,
                                     high: UnsafePointer<Double>, dimension d: Int) -> (near: Double, far: Double) {
        var near = 0.0, far = 0.0
        for k in 0..<d {
            let below = low[k] - q[k], above = q[k] - high[k]
            let gap = max(0, max(below, above))
            near += gap * gap
            let reach = max(q[k] - low[k], high[k] - q[k])
            far += reach * reach
        }
        return (near, far)
    }

    private struct View {
        let points: UnsafePointer<Double>
        let low: UnsafePointer<Double>
        let high: UnsafePointer<Double>
        let nodes: UnsafePointer<Node>
        let d: Int
    }

    private func withView<R>(_ body: (View) -> R) -> R? {
        points.withUnsafeBufferPointer { p in
            boxLow.withUnsafeBufferPointer { lo in
                boxHigh.withUnsafeBufferPointer { hi in
                    nodes.withUnsafeBufferPointer { nd in
                        guard let pp = p.baseAddress, let lp = lo.baseAddress, let hp = hi.baseAddress,
                              let np = nd.baseAddress else { return nil }
                        return body(View(points: pp, low: lp, high: hp, nodes: np, d: dimension))
                    }
                }
            }
        }
    }

    func countWithin(queries: Range<Int>, radiusSquared r2: Double, limit: Int) -> [Int] {
        var stack = [Int](repeating: 0, count: 128)
        return withView { v in
            queries.map { query in
                let q = v.points + query * v.d
                var found = 0, top = 1
                stack[0] = 0
                while top > 0 && found < limit {
                    top -= 1
                    let node = v.nodes[stack[top]], id = stack[top]
                    let box = Self.boxDistances(q, low: v.low + id * v.d, high: v.high + id * v.d, dimension: v.d)
                    if box.near > r2 { continue }
                    if box.far <= r2 { found += node.end - node.start; continue }
                    if node.left < 0 {
                        for j in node.start..<node.end where squaredDistance(q, v.points + j * v.d, dimension: v.d) <= r2 {
                            found += 1
                        }
                    } else {
                        stack[top] = node.right
                        stack[top + 1] = node.left
                        top += 2
                    }
                }
                return min(found, limit)
            }
        } ?? []
    }

    func forEachWithin(queries: Range<Int>, radiusSquared r2: Double, _ body: (Int, Int) -> Void) {
        var stack = [Int](repeating: 0, count: 128)
        _ = withView { v in
            for query in queries {
                let q = v.points + query * v.d
                var top = 1
                stack[0] = 0
                while top > 0 {
                    top -= 1
                    let node = v.nodes[stack[top]], id = stack[top]
                    let box = Self.boxDistances(q, low: v.low + id * v.d, high: v.high + id * v.d, dimension: v.d)
                    if box.near > r2 { continue }
                    if box.far <= r2 {
                        for j in node.start..<node.end { body(query, j) }
                    } else if node.left < 0 {
                        for j in node.start..<node.end where squaredDistance(q, v.points + j * v.d, dimension: v.d) <= r2 {
                            body(query, j)
                        }
                    } else {
                        stack[top] = node.right
                        stack[top + 1] = node.left
                        top += 2
                    }
                }
            }
        }
    }

    func rankedSquaredDistance(queries: Range<Int>, rank: Int) -> [Double] {
        var kept = SmallestValues(capacity: rank)
        var stack = [Int](repeating: 0, count: 128)
        return withView { v in
            queries.map { query in
                let q = v.points + query * v.d
                kept.reset()
                var top = 1
                stack[0] = 0
                while top > 0 {
                    top -= 1
                    let id = stack[top], node = v.nodes[id]
                    let box = Self.boxDistances(q, low: v.low + id * v.d, high: v.high + id * v.d, dimension: v.d)
                    if box.near > kept.bound { continue }
                    if node.left < 0 {
                        for j in node.start..<node.end { kept.offer(squaredDistance(q, v.points + j * v.d, dimension: v.d)) }
                    } else {
                        // Push the farther child first so the nearer one is searched first and tightens the bound.
                        let leftNear = Self.boxDistances(q, low: v.low + node.left * v.d,
                                                         high: v.high + node.left * v.d, dimension: v.d).near
                        let rightNear = Self.boxDistances(q, low: v.low + node.right * v.d,
                                                          high: v.high + node.right * v.d, dimension: v.d).near
                        let (first, second) = leftNear <= rightNear ? (node.left, node.right) : (node.right, node.left)
                        stack[top] = second
                        stack[top + 1] = first
                        top += 2
                    }
                }
                return kept.bound
            }
        } ?? []
    }
}
