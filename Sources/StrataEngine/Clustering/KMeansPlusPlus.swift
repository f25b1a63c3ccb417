#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// k-means++ seeding as scikit-learn does it ("greedy" k-means++): the first centre is a uniformly
/// drawn row; each next centre is the best of `2 + ⌊ln k⌋` candidates drawn with probability
/// proportional to the squared distance to the nearest centre so far, "best" meaning the candidate
/// that leaves the smallest total squared distance. Candidates are scored with distances in the
/// ‖x‖² − 2x·c + ‖c‖² form, as scikit-learn does (clipped at 0); the distances kept for the next
/// draw are computed exactly.
enum KMeansPlusPlus {
    static func localTrials(k: Int) -> Int { 2 + Int(log(Double(k))) }

    static func centers(_ space: KMeansWorkspace, k: Int, generator: inout SeededGenerator) throws -> [Double] {
        let (n, d) = (space.n, space.d)
        let chunks = space.chunks
        var centers = [Double](repeating: 0, count: k * d)
        let closest = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer { closest.deallocate() }
        closest.initialize(repeating: .infinity)
        let chunkPotential = DisjointWrites<Double>(chunks: chunks.count, stride: 1, initial: 0)

        // Lowers `closest` to the distance to row `chosen` and refreshes the chunk potentials.
        func adopt(_ chosen: Int, as center: Int) throws {
            for f in 0..<d { centers[center * d + f] = space.row(chosen)[f] }
            let c0 = space.row(chosen)
            try space.parallel { c in
                var sum = 0.0
                for i in chunks.range(c) {
                    let dist = min(closest[i], KMeansKernels.squaredDistance(space.row(i), c0, d))
                    closest[i] = dist
                    sum += dist
                }
                chunkPotential.slot(c).pointee = sum
            }
        }

        try adopt(generator.nextInt(below: n), as: 0)
        let rowNorms = try space.rowSquaredNorms()
        let trials = localTrials(k: k)
        let trialPotential = DisjointWrites<Double>(chunks: chunks.count, stride: trials, initial: 0)
        for center in 1..<max(1, k) {
            let potential = (0..<chunks.count).reduce(0.0) { $0 + chunkPotential.slot($1).pointee }
            let candidates = (0..<trials).map { _ in
                draw(generator.nextDouble() * potential, closest: closest, chunks: chunks, chunkPotential: chunkPotential)
            }
            let table = KMeansKernels.CenterTable(candidates.flatMap { Array(UnsafeBufferPointer(start: space.row($0), count: d)) },
                                                  k: trials, d: d)
            try table.transposed.withUnsafeBufferPointer { ct in
                try table.squaredNorms.withUnsafeBufferPointer { norms in
                    try rowNorms.withUnsafeBufferPointer { rowNorm in
                        try space.parallel { c in
                            let sums = trialPotential.slot(c)
                            var group = 0
                            while group < trials {
                                let (low, high) = KMeansKernels.cappedPotentials(
                                    rows: chunks.range(c), space: space, rowNorms: rowNorm.baseAddress.unsafelyUnwrapped,
                                    closest: UnsafePointer(closest.baseAddress.unsafelyUnwrapped),
                                    transposed: ct.baseAddress.unsafelyUnwrapped + group,
                                    norms: norms.baseAddress.unsafelyUnwrapped + group, width: table.width)
                                for (lane, value) in [low[0], low[1], high[0], high[1]].enumerated() where group + lane < trials {
                                    sums[group + lane] = value
                                }
                                group += 4
                            }
                        }
                    }
                }
            }
            var best = 0
            var bestPotential = Double.infinity
            for t in 0..<trials {
                let total = (0..<chunks.count).reduce(0.0) { $0 + trialPotential.slot($1)[t] }
                if total < bestPotential {
                    bestPotential = total
                    best = t
                }
            }
            try adopt(candidates[best], as: center)
        }
        return centers
    }

    /// The first row whose running sum of `closest` exceeds `target` (rows already at a centre
    /// never qualify). Rounding can leave `target` just past the last sum; the last row with
    /// positive weight is taken then.
    private static func draw(_ target: Double, closest: UnsafeMutableBufferPointer<Double>, chunks: FixedChunks,
                             chunkPotential: DisjointWrites<Double>) -> Int {
        var before = 0.0
        var lastPositive = 0
        for c in 0..<chunks.count {
            let chunkSum = chunkPotential.slot(c).pointee
            if before + chunkSum > target {
                var running = before
                for i in chunks.range(c) where closest[i] > 0 {
                    running += closest[i]
                    lastPositive = i
                    if running > target { return i }
                }
                return lastPositive
            }
            before += chunkSum
            if chunkSum > 0 {
                for i in chunks.range(c).reversed() where closest[i] > 0 {
                    lastPositive = i
                    break
                }
            }
        }
        return lastPositive
    }
}
