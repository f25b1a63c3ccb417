/// Item-kNN state for a small catalogue, held dense: the co-occurrence counts c_ij and the cosine
/// similarities as the batch model stores them (Float), both items × items, row-major with a
/// stride of `capacity`.
///
/// An event that gives user u the new item i changes c_ia for u's earlier items a and n_i, so only
/// row i and column i of the similarities change; they are rewritten at once (O(items) per event,
/// whatever the stream's length). A list then sums whole similarity rows, one per item of the
/// user, in a loop the compiler vectorises, instead of visiting co-occurring pairs one by one.
struct CooccurrenceMatrix: Sendable {
    private(set) var capacity = 0
    /// Items in use (indices below it); rows and columns beyond are zero.
    private(set) var itemCount = 0
    private var counts: [Int32] = []
    private var similarities: [Float] = []
    /// Ordered pairs with c_ij > 0.
    private(set) var pairCount = 0

    /// Room for items 0..<needed, growing by at least a quarter in steps of 64; false when that
    /// would pass `limit` (nothing changes).
    mutating func reserve(items needed: Int, limit: Int) -> Bool {
        if needed <= capacity {
            itemCount = max(itemCount, needed)
            return true
        }
        guard needed <= limit else { return false }
        let grown = min(limit, (max(needed, capacity + capacity / 4) + 63) / 64 * 64)
        var newCounts = [Int32](repeating: 0, count: grown * grown)
        var newSimilarities = [Float](repeating: 0, count: grown * grown)
        for r in 0..<itemCount {
            for c in 0..<itemCount {
                newCounts[r * grown + c] = counts[r * capacity + c]
                newSimilarities[r * grown + c] = similarities[r * capacity + c]
            }
        }
        counts = newCounts
        similarities = newSimilarities
        capacity = grown
        itemCount = needed
        return true
    }

    /// A user with items `earlier` took item `i` (new to them); `roots[x]` is √n_x with n_i
    /// already counted. Adds the pairs, then rewrites row and column i.
    mutating func add(item i: Int, earlier: [Int32], roots: [Double]) {
        let stride = capacity, n = itemCount
        counts.withUnsafeMutableBufferPointer { c in
            for t in earlier where Int(t) != i {
                let a = Int(t)
                if c[i * stride + a] == 0 { pairCount += 2 }
                c[i * stride + a] += 1
                c[a * stride + i] += 1
            }
        }
        let rootI = roots[i]
        counts.withUnsafeBufferPointer { c in
        similarities.withUnsafeMutableBufferPointer { s in
        roots.withUnsafeBufferPointer { r in
            for x in 0..<n {
                let count = c[i * stride + x]
                guard count > 0 else { continue }
                // The batch kernel's c / (‖i‖ ‖x‖), stored as Float.
                let sim = Float(Double(count) / (r[x] * rootI))
                s[i * stride + x] = sim
                s[x * stride + i] = sim
            }
        }}}
    }

    func similarity(_ a: Int, _ b: Int) -> Float {
        a < itemCount && b < itemCount ? similarities[a * capacity + b] : 0
    }

    /// The items that co-occurred with `item`, by index.
    func partners(of item: Int) -> [Int32] {
        guard item >= 0, item < itemCount else { return [] }
        return (0..<itemCount).compactMap { j in j != item && counts[item * capacity + j] > 0 ? Int32(j) : nil }
    }

    func count(_ a: Int, _ b: Int) -> Int32 {
        a < itemCount && b < itemCount ? counts[a * capacity + b] : 0
    }

    /// Adds each of `items`' similarity rows into `scores` (in the order given, as the sparse
    /// path and the batch model add them) and, when `counting`, how many of them reach each item
    /// and the largest similarity that does.
    func accumulate(_ items: [Int32], scores: UnsafeMutablePointer<Double>, reached: UnsafeMutablePointer<Int32>,
                    peaks: UnsafeMutablePointer<Float>, counting: Bool) {
        let stride = capacity, n = itemCount
        similarities.withUnsafeBufferPointer { s in
            guard let base = s.baseAddress else { return }
            for t in items where Int(t) < n {
                let row = base + Int(t) * stride
                for j in 0..<n { scores[j] += Double(row[j]) }
                if counting {
                    for j in 0..<n {
                        reached[j] &+= row[j] > 0 ? 1 : 0
                        peaks[j] = max(peaks[j], row[j])
                    }
                }
            }
        }
    }

    /// The batch rule for a candidate reached from more than `k` of the user's items: the sum of
    /// its `k` largest similarities to them, largest first (kept sorted by insertion in `buffer`).
    func strongest(_ j: Int, among items: [Int32], k: Int, buffer: inout [Float]) -> Double {
        buffer.removeAll(keepingCapacity: true)
        similarities.withUnsafeBufferPointer { s in
            let row = j * capacity
            for t in items where Int(t) < itemCount {
                let sim = s[row + Int(t)]
                guard sim > 0, buffer.count < k || sim > buffer[buffer.count - 1] else { continue }
                if buffer.count == k { buffer.removeLast() }
                var p = buffer.count
                buffer.append(sim)
                while p > 0, buffer[p - 1] < sim {
                    buffer[p] = buffer[p - 1]
                    p -= 1
                }
                buffer[p] = sim
            }
        }
        var total = 0.0
        for s in buffer { total += Double(s) }
        return total
    }

    /// Every ordered pair (a, b, c_ab) with c_ab > 0, row by row: what the sparse form starts from.
    func forEachPair(_ body: (Int, Int, Int32) -> Void) {
        for a in 0..<itemCount {
            for b in 0..<itemCount where counts[a * capacity + b] > 0 { body(a, b, counts[a * capacity + b]) }
        }
    }

    /// The two matrices at their current capacity (known from counts, so it replays identically).
    var memoryBytes: Int { capacity * capacity * 8 }
}
