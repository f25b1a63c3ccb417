/// Mini-batch k-means after scikit-learn's MiniBatchKMeans, for millions of rows.
///
/// Starts: each of `initCount` k-means++ runs is seeded on `3 × batchSize` rows drawn with
/// replacement (at least `3k`), and the start with the lowest inertia on a separate validation
/// draw of the same size is kept. Steps: a batch of `batchSize` rows drawn with replacement moves
/// each centre to the running mean of every row ever assigned to it (its per-centre learning rate
/// is 1/count); centres whose count falls below 1 % of the largest are reseeded from batch rows now
/// and then. Stops after `maxIterations × rows / batchSize` batches or when the smoothed batch
/// inertia has not improved for 10 batches. As in scikit-learn (whose MiniBatchKMeans defaults to
/// tol = 0), the centre-shift tolerance is not used: one batch barely moves the centres.
/// Labels and inertia are then computed exactly for every row.
enum KMeansMiniBatch {
    static let patience = 10
    static let reassignmentRatio = 0.01

    static func run(_ space: KMeansWorkspace, options: KMeansOptions, tolerance _: Double,
                    context: RunContext) throws -> KMeansRunResult {
        let (n, d, k) = (space.n, space.d, options.k)
        let batchSize = min(options.batchSize, n)
        let initSize = min(n, max(3 * batchSize, 3 * k))
        var sampler = SeededGenerator(seed: options.seed, stream: 1 << 32)
        let validation = rows(of: space, (0..<initSize).map { _ in sampler.nextInt(below: n) })

        var centers: [Double] = []
        var bestInertia = Double.infinity
        for restart in 0..<options.initCount {
            var generator = SeededGenerator(seed: options.seed, stream: UInt64(restart))
            let subset = rows(of: space, (0..<initSize).map { _ in generator.nextInt(below: n) })
            let start = try subset.withUnsafeBufferPointer { sub in
                let initSpace = KMeansWorkspace(x: sub.baseAddress.unsafelyUnwrapped, n: initSize, d: d, k: k,
                                                workers: space.workers, cancellation: space.cancellation)
                return try KMeansPlusPlus.centers(initSpace, k: k, generator: &generator)
            }
            let inertia = batchInertia(validation, centers: start, k: k, d: d)
            if inertia < bestInertia || centers.isEmpty {
                bestInertia = inertia
                centers = start
            }
        }

        var counts = [Double](repeating: 0, count: k)
        let steps = max(1, Int((Double(options.maxIterations) * Double(n) / Double(batchSize)).rounded(.down)))
        let smoothing = min(1, Double(batchSize) * 2 / Double(n + 1))
        var smoothed = 0.0
        var smoothedBest = Double.infinity
        var stale = 0
        var performed = 0
        var converged = false
        var batchGenerator = SeededGenerator(seed: options.seed, stream: (1 << 32) + 1)
        var batchRows = [Int](repeating: 0, count: batchSize)
        for step in 0..<steps {
            if step & 255 == 0 { try context.cancellation.check() }
            for b in 0..<batchSize { batchRows[b] = batchGenerator.nextInt(below: n) }
            let inertia = update(&centers, counts: &counts, space: space, batch: batchRows)
            if (step + 1) % (10 + Int(counts.min() ?? 0)) == 0 {
                reseedSmallCenters(&centers, counts: &counts, space: space, batch: batchRows, generator: &batchGenerator)
            }
            performed = step + 1
            if step == 0 {
                smoothed = inertia / Double(batchSize)
                continue
            }
            smoothed = smoothed * (1 - smoothing) + inertia / Double(batchSize) * smoothing
            if smoothed < smoothedBest {
                smoothedBest = smoothed
                stale = 0
            } else {
                stale += 1
                if stale >= patience {
                    converged = true
                    break
                }
            }
        }
        _ = try space.assignAll(centers, updateSums: false)
        return KMeansRunResult(centers: centers, labels: space.labelsArray(), inertia: try space.inertia(centers),
                               iterations: performed, converged: converged)
    }

    /// One batch: assign its rows, then move each centre to the running mean of its rows. Returns
    /// the batch inertia against the centres before the move.
    private static func update(_ centers: inout [Double], counts: inout [Double], space: KMeansWorkspace,
                               batch: [Int]) -> Double {
        let (d, k) = (space.d, space.k)
        let table = KMeansKernels.CenterTable(centers, k: k, d: d)
        var sums = [Double](repeating: 0, count: k * d)
        var batchCounts = [Double](repeating: 0, count: k)
        var inertia = 0.0
        table.transposed.withUnsafeBufferPointer { ct in
            table.squaredNorms.withUnsafeBufferPointer { norms in
                centers.withUnsafeBufferPointer { cs in
                    for i in batch {
                        let row = space.row(i)
                        let best = KMeansKernels.nearestPair(
                            row, row, d: d, width: table.width, transposed: ct.baseAddress.unsafelyUnwrapped,
                            norms: norms.baseAddress.unsafelyUnwrapped).0
                        inertia += KMeansKernels.squaredDistance(row, cs.baseAddress.unsafelyUnwrapped + best * d, d)
                        batchCounts[best] += 1
                        for f in 0..<d { sums[best * d + f] += row[f] }
                    }
                }
            }
        }
        for j in 0..<k where batchCounts[j] > 0 {
            let total = counts[j] + batchCounts[j]
            for f in 0..<d {
                centers[j * d + f] = (centers[j * d + f] * counts[j] + sums[j * d + f]) / total
            }
            counts[j] = total
        }
        return inertia
    }

    /// Centres that attracted almost nothing move to random rows of the batch (scikit-learn's
    /// random reassignment), so a bad start does not leave a cluster stranded.
    private static func reseedSmallCenters(_ centers: inout [Double], counts: inout [Double], space: KMeansWorkspace,
                                           batch: [Int], generator: inout SeededGenerator) {
        let largest = counts.max() ?? 0
        var small = (0..<space.k).filter { counts[$0] < reassignmentRatio * largest }
        if small.count > batch.count / 2 { small = Array(small.prefix(batch.count / 2)) }
        guard !small.isEmpty else { return }
        let kept = (0..<space.k).filter { !small.contains($0) }.map { counts[$0] }.min() ?? 0
        let picks = generator.sampleIndices(count: small.count, from: batch.count)
        for (j, pick) in zip(small, picks) {
            let row = space.row(batch[pick])
            for f in 0..<space.d { centers[j * space.d + f] = row[f] }
            counts[j] = kept
        }
    }

    private static func batchInertia(_ rows: [Double], centers: [Double], k: Int, d: Int) -> Double {
        var inertia = 0.0
        rows.withUnsafeBufferPointer { rs in
            centers.withUnsafeBufferPointer { cs in
                for i in 0..<(rs.count / d) {
                    var best = Double.infinity
                    for j in 0..<k {
                        best = min(best, KMeansKernels.squaredDistance(rs.baseAddress.unsafelyUnwrapped + i * d,
                                                                      cs.baseAddress.unsafelyUnwrapped + j * d, d))
                    }
                    inertia += best
                }
            }
        }
        return inertia
    }

    private static func rows(of space: KMeansWorkspace, _ indices: [Int]) -> [Double] {
        var out = [Double]()
        out.reserveCapacity(indices.count * space.d)
        for i in indices { out += UnsafeBufferPointer(start: space.row(i), count: space.d) }
        return out
    }
}
