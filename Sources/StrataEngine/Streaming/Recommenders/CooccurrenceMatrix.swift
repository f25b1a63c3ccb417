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
    /// Working space of an update: the partners of the item whose column is being rewritten.
    private var partnerBuffer: [Int32] = []

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
        let rootI = roots[i], row = i * stride
        counts.withUnsafeBufferPointer { c in
        similarities.withUnsafeMutableBufferPointer { s in
        roots.withUnsafeBufferPointer { r in
            guard let cs = c.baseAddress, let ss = s.baseAddress, let rs = r.baseAddress else { return }
            // Row i in one branch-free pass the compiler vectorises: the quotient is formed for every
            // x (0/0 where the pair never occurred, then discarded), kept where c_ix > 0. A cell with
            // c_ix = 0 was never written, so it stays 0 either way.
            let rowCounts = cs + row, rowSimilarities = ss + row
            for x in 0..<n {
                let count = rowCounts[x]
                // The batch kernel's c / (‖i‖ ‖x‖), stored as Float.
                let sim = Float(Double(count) / (rs[x] * rootI))
                rowSimilarities[x] = count > 0 ? sim : 0
            }
        }}}
        mirrorColumn(of: i)
    }

    /// Copies row i into column i, only where pairs occurred: their indices are first gathered
    /// without branching (a branch per cell mispredicts on a half-filled row, and the column's
    /// cells are each on their own cache line).
    private mutating func mirrorColumn(of i: Int) {
        let stride = capacity, n = itemCount, row = i * stride
        if partnerBuffer.count < n { partnerBuffer = [Int32](repeating: 0, count: capacity) }
        var found = 0
        counts.withUnsafeBufferPointer { c in
        partnerBuffer.withUnsafeMutableBufferPointer { slots in
            guard let cs = c.baseAddress, let list = slots.baseAddress else { return }
            for x in 0..<n {
                list[found] = Int32(truncatingIfNeeded: x)
                // 1 when c_ix > 0, else 0 (counts are never negative), in arithmetic: a
                // comparison here compiles to a branch.
                found &+= 1 &- Int((UInt32(bitPattern: cs[row + x]) &- 1) >> 31)
            }
        }}
        partnerBuffer.withUnsafeBufferPointer { list in
        similarities.withUnsafeMutableBufferPointer { s in
            guard let ss = s.baseAddress, let xs = list.baseAddress else { return }
            for p in 0..<found {
                let x = Int(xs[p])
                ss[x * stride + i] = ss[row + x]
            }
        }}
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

    /// Writes into `scores` the sum of `items`' similarity rows, added in the order given (as the
    /// sparse path and the batch model add them); the first row is copied in, since 0 + x is x.
    /// Every entry below `itemCount` is written, whatever the buffer held.
    func accumulate(_ items: [Int32], scores: UnsafeMutablePointer<Double>) {
        let stride = capacity, n = itemCount
        var first = true
        similarities.withUnsafeBufferPointer { s in
            guard let base = s.baseAddress else { return }
            for t in items where Int(t) < n {
                let row = base + Int(t) * stride
                if first {
                    for j in 0..<n { scores[j] = Double(row[j]) }
                } else {
                    for j in 0..<n { scores[j] += Double(row[j]) }
                }
                first = false
            }
        }
        if first { scores.update(repeating: 0, count: n) }
    }

    /// The batch rule for a candidate reached from more than `k` of the user's items: the sum of
    /// its `k` largest similarities to them, largest first (kept sorted by insertion in `buffer`),
    /// and how many of the items reach it. Reached from `k` or fewer, the candidate's score is its
    /// full row sum instead (added in the user's order), which the caller holds.
    func strongest(_ j: Int, among items: [Int32], k: Int, buffer: inout [Float]) -> (sum: Double, reached: Int) {
        guard k > 0 else { return (0, 0) }
        if buffer.count < k { buffer = [Float](repeating: 0, count: k) }
        let n = itemCount, stride = capacity
        var reached = 0
        similarities.withUnsafeBufferPointer { s in
        buffer.withUnsafeMutableBufferPointer { kept in
            guard let base = s.baseAddress, let top = kept.baseAddress else { return }
            // Empty slots hold 0, so `sim > top[k - 1]` admits any positive similarity until the
            // k slots are full, then only one above the smallest kept.
            top.update(repeating: 0, count: k)
            // Column j rather than row j (the matrix is symmetric to the bit): the user's rows were
            // just summed, so they are in cache, where row j's cells would each be a miss.
            let column = base + j
            for t in items where Int(t) < n {
                let sim = column[Int(t) * stride]
                if sim > top[k - 1] {
                    var p = min(reached, k - 1)
                    while p > 0, top[p - 1] < sim {
                        top[p] = top[p - 1]
                        p -= 1
                    }
                    top[p] = sim
                }
                // 1 when sim > 0 (similarities are never negative), without a branch.
                reached &+= 1 &- Int((sim.bitPattern &- 1) >> 31)
            }
        }}
        var total = 0.0
        for p in 0..<min(reached, k) { total += Double(buffer[p]) }
        return (total, reached)
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
