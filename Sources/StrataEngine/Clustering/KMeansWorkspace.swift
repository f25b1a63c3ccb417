/// The buffers one k-means fit works in: the data (borrowed), the labels, and per-chunk centre sums.
///
/// Centre sums are kept per chunk and added up in chunk order, which makes the new centres
/// independent of the thread count, and lets Hamerly's passes re-sum only the chunks in which
/// some label changed while still producing exactly Lloyd's centres.
final class KMeansWorkspace: @unchecked Sendable {
    let x: UnsafePointer<Double>
    let n: Int
    let d: Int
    let k: Int
    let chunks: FixedChunks
    let workers: Int
    let cancellation: Cancellation
    let labels: UnsafeMutableBufferPointer<Int32>
    /// Per chunk: `k × d` sums of the chunk's rows by label.
    let chunkSums: DisjointWrites<Double>
    /// Per chunk: rows per label.
    let chunkCounts: DisjointWrites<Int>

    init(x: UnsafePointer<Double>, n: Int, d: Int, k: Int, workers: Int, cancellation: Cancellation,
         chunkSize: Int = FixedChunks.defaultSize) {
        self.x = x
        self.n = n
        self.d = d
        self.k = k
        self.workers = workers
        self.cancellation = cancellation
        chunks = FixedChunks(total: n, size: chunkSize)
        labels = .allocate(capacity: max(1, n))
        labels.initialize(repeating: -1)
        chunkSums = DisjointWrites(chunks: chunks.count, stride: k * d, initial: 0)
        chunkCounts = DisjointWrites(chunks: chunks.count, stride: k, initial: 0)
    }

    deinit { labels.deallocate() }

    private var cachedRowNorms: [Double]?

    /// ‖x‖² of every row, computed once per fit (k-means++ scores candidates with it).
    func rowSquaredNorms() throws -> [Double] {
        if let cachedRowNorms { return cachedRowNorms }
        var norms = [Double](repeating: 0, count: n)
        try norms.withUnsafeMutableBufferPointer { out in
            let output = DisjointWrites(out)
            try parallel { c in
                for i in chunks.range(c) {
                    var sum = 0.0
                    for f in 0..<d { sum += row(i)[f] * row(i)[f] }
                    output[i] = sum
                }
            }
        }
        cachedRowNorms = norms
        return norms
    }

    /// Forgets the previous run's labels, so a new run's first pass counts every row as changed.
    func resetLabels() { labels.update(repeating: -1) }

    @inline(__always) func row(_ i: Int) -> UnsafePointer<Double> { x + i * d }

    /// Runs `body` over the chunks in parallel; throws if the user cancelled meanwhile.
    func parallel(_ body: (Int) -> Void) throws {
        try chunks.forEach(workers: workers, cancellation: cancellation, body)
    }

    /// Recomputes chunk `c`'s centre sums and counts from its labels.
    func resum(chunk c: Int) {
        let sums = chunkSums.slot(c)
        let counts = chunkCounts.slot(c)
        sums.update(repeating: 0, count: k * d)
        counts.update(repeating: 0, count: k)
        for i in chunks.range(c) {
            let label = Int(labels[i])
            counts[label] += 1
            let target = sums + label * d
            let source = row(i)
            for f in 0..<d { target[f] += source[f] }
        }
    }

    /// Lloyd's assignment step: every row to its nearest centre, chunk sums refreshed.
    /// Returns how many labels changed (every row counts on the first pass, as in scikit-learn,
    /// whose previous labels start at -1).
    func assignAll(_ centers: [Double], updateSums: Bool) throws -> Int {
        let table = KMeansKernels.CenterTable(centers, k: k, d: d)
        let changes = DisjointWrites<Int>(chunks: chunks.count, stride: 1, initial: 0)
        try table.transposed.withUnsafeBufferPointer { ct in
            try table.squaredNorms.withUnsafeBufferPointer { norms in
                let transposed = ct.baseAddress.unsafelyUnwrapped
                let squaredNorms = norms.baseAddress.unsafelyUnwrapped
                try parallel { c in
                    let sums = chunkSums.slot(c)
                    let counts = chunkCounts.slot(c)
                    if updateSums {
                        sums.update(repeating: 0, count: k * d)
                        counts.update(repeating: 0, count: k)
                    }
                    var changed = 0
                    func record(_ r: Int, _ best: Int) {
                        if labels[r] != Int32(best) {
                            changed += 1
                            labels[r] = Int32(best)
                        }
                        if updateSums {
                            counts[best] += 1
                            let target = sums + best * d
                            let source = row(r)
                            for f in 0..<d { target[f] += source[f] }
                        }
                    }
                    // Rows go in pairs; an odd last row is paired with itself.
                    let range = chunks.range(c)
                    var i = range.lowerBound
                    while i < range.upperBound {
                        let next = min(i + 1, range.upperBound - 1)
                        let (first, second) = KMeansKernels.nearestPair(
                            row(i), row(next), d: d, width: table.width, transposed: transposed, norms: squaredNorms)
                        record(i, first)
                        if next != i { record(next, second) }
                        i += 2
                    }
                    changes.slot(c).pointee = changed
                }
            }
        }
        return (0..<chunks.count).reduce(0) { $0 + changes.slot($1).pointee }
    }

    /// Centres as the means of their rows (chunk sums added in chunk order), with row counts.
    /// Empty clusters keep their previous centre here; `relocateEmptyClusters` fixes them.
    func meanCenters(previous: [Double]) -> (centers: [Double], counts: [Int]) {
        var sums = [Double](repeating: 0, count: k * d)
        var counts = [Int](repeating: 0, count: k)
        for c in 0..<chunks.count {
            let chunkSum = chunkSums.slot(c)
            let chunkCount = chunkCounts.slot(c)
            for j in 0..<k { counts[j] += chunkCount[j] }
            for e in 0..<(k * d) { sums[e] += chunkSum[e] }
        }
        var centers = previous
        for j in 0..<k where counts[j] > 0 {
            let scale = 1 / Double(counts[j])
            for f in 0..<d { centers[j * d + f] = sums[j * d + f] * scale }
        }
        return (centers, counts)
    }

    /// Sum of squared distances from each row to its centre, exact (feature differences).
    func inertia(_ centers: [Double]) throws -> Double {
        let partial = DisjointWrites<Double>(chunks: chunks.count, stride: 1, initial: 0)
        try centers.withUnsafeBufferPointer { cs in
            let centerBase = cs.baseAddress.unsafelyUnwrapped
            try parallel { c in
                var sum = 0.0
                for i in chunks.range(c) {
                    sum += KMeansKernels.squaredDistance(row(i), centerBase + Int(labels[i]) * d, d)
                }
                partial.slot(c).pointee = sum
            }
        }
        return (0..<chunks.count).reduce(0.0) { $0 + partial.slot($1).pointee }
    }

    /// Gives each empty cluster the row farthest from its centre (among rows whose cluster keeps
    /// at least one other row), as scikit-learn does, then refreshes the affected chunk sums.
    /// Returns the rows moved (in the order of the empty clusters) and the new centres.
    func relocateEmptyClusters(centers: [Double], assignedTo oldCenters: [Double], counts: inout [Int])
        throws -> (moved: [Int], centers: [Double]) {
        let empty = (0..<k).filter { counts[$0] == 0 }
        guard !empty.isEmpty else { return ([], centers) }
        let want = empty.count
        let sizes = counts
        // Each chunk keeps its `want` farthest rows; merged in chunk order with ties to the lower row.
        let candidates = DisjointWrites<Int>(chunks: chunks.count, stride: want, initial: -1)
        let distances = DisjointWrites<Double>(chunks: chunks.count, stride: want, initial: -1)
        try oldCenters.withUnsafeBufferPointer { cs in
            let centerBase = cs.baseAddress.unsafelyUnwrapped
            try parallel { c in
                let rows = candidates.slot(c)
                let far = distances.slot(c)
                for i in chunks.range(c) where sizes[Int(labels[i])] > 1 {
                    let dist = KMeansKernels.squaredDistance(row(i), centerBase + Int(labels[i]) * d, d)
                    var slot = want
                    while slot > 0 && dist > far[slot - 1] { slot -= 1 }
                    guard slot < want else { continue }
                    for s in stride(from: want - 1, to: slot, by: -1) {
                        far[s] = far[s - 1]
                        rows[s] = rows[s - 1]
                    }
                    far[slot] = dist
                    rows[slot] = i
                }
            }
        }
        var pool: [(distance: Double, row: Int)] = []
        for c in 0..<chunks.count {
            for s in 0..<want where candidates.slot(c)[s] >= 0 {
                pool.append((distances.slot(c)[s], candidates.slot(c)[s]))
            }
        }
        pool.sort { $0.distance != $1.distance ? $0.distance > $1.distance : $0.row < $1.row }
        var newCenters = centers
        var moved: [Int] = []
        var dirty = Set<Int>()
        var next = 0
        for cluster in empty {
            while next < pool.count && counts[Int(labels[pool[next].row])] <= 1 { next += 1 }
            guard next < pool.count else { break }
            let i = pool[next].row
            next += 1
            counts[Int(labels[i])] -= 1
            counts[cluster] = 1
            labels[i] = Int32(cluster)
            moved.append(i)
            dirty.insert(chunks.chunk(containing: i))
            for f in 0..<d { newCenters[cluster * d + f] = row(i)[f] }
        }
        for c in dirty.sorted() { resum(chunk: c) }
        // The clusters that gave a row up have new means.
        let recomputed = meanCenters(previous: newCenters)
        for j in 0..<k where !empty.contains(j) && recomputed.counts[j] > 0 {
            for f in 0..<d { newCenters[j * d + f] = recomputed.centers[j * d + f] }
        }
        return (moved, newCenters)
    }

    /// Squared shift of each centre.
    func squaredShifts(from old: [Double], to new: [Double]) -> [Double] {
        (0..<k).map { j in
            var s = 0.0
            for f in 0..<d {
                let diff = new[j * d + f] - old[j * d + f]
                s += diff * diff
            }
            return s
        }
    }

    func labelsArray() -> [Int] { labels.map(Int.init) }
}
