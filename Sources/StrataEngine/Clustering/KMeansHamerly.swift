/// Hamerly's exact acceleration of Lloyd (Hamerly 2010): each row keeps an upper bound on the
/// distance to its centre and a lower bound on the distance to every other centre. When the upper
/// bound is below both the lower bound and half the distance from its centre to the nearest other
/// centre, the row cannot change cluster and is passed over without touching its features. The
/// labels, stopping rules and centres are Lloyd's (chunks whose labels did not change keep their sums).
final class KMeansHamerly {
    private let space: KMeansWorkspace
    private let upper: UnsafeMutableBufferPointer<Double>
    private let lower: UnsafeMutableBufferPointer<Double>

    init(_ space: KMeansWorkspace) {
        self.space = space
        upper = .allocate(capacity: max(1, space.n))
        upper.initialize(repeating: 0)
        lower = .allocate(capacity: max(1, space.n))
        lower.initialize(repeating: 0)
    }

    deinit {
        upper.deallocate()
        lower.deallocate()
    }

    func run(initial: [Double], maxIterations: Int, tolerance: Double) throws -> KMeansRunResult {
        let k = space.k
        space.resetLabels()
        var centers = initial
        var motion = CenterMotion(k: k)
        var halfGap = [Double](repeating: 0, count: k)
        var iterations = 0
        var converged = false
        var strict = false
        for iteration in 0..<maxIterations {
            let changed = try pass(centers, motion: motion, halfGap: halfGap, full: iteration == 0, updateSums: true)
            var (next, counts) = space.meanCenters(previous: centers)
            if counts.contains(0) {
                let relocation = try space.relocateEmptyClusters(centers: next, assignedTo: centers, counts: &counts)
                next = relocation.centers
                for i in relocation.moved {
                    upper[i] = 0
                    lower[i] = 0
                }
            }
            let shifts = space.squaredShifts(from: centers, to: next)
            motion = CenterMotion(shifts: shifts)
            centers = next
            halfGap = Self.halfGaps(centers, k: k, d: space.d)
            iterations = iteration + 1
            if iteration > 0 && changed == 0 {
                strict = true
                converged = true
                break
            }
            if shifts.reduce(0, +) <= tolerance {
                converged = true
                break
            }
        }
        if !strict { _ = try pass(centers, motion: motion, halfGap: halfGap, full: iterations == 0, updateSums: false) }
        return KMeansRunResult(centers: centers, labels: space.labelsArray(), inertia: try space.inertia(centers),
                               iterations: iterations, converged: converged)
    }

    /// How far each centre moved in the last update, and the largest two moves (the lower bound
    /// of a row drops by the largest move of any centre other than its own).
    struct CenterMotion {
        var moves: [Double]
        var largest = 0
        var largestMove = 0.0
        var secondMove = 0.0

        init(k: Int) { moves = [Double](repeating: 0, count: k) }

        init(shifts: [Double]) {
            moves = shifts.map { $0.squareRoot() }
            for (j, move) in moves.enumerated() {
                if move > largestMove {
                    secondMove = largestMove
                    largestMove = move
                    largest = j
                } else if move > secondMove {
                    secondMove = move
                }
            }
        }
    }

    /// Half the distance from each centre to its nearest other centre (infinite when k = 1).
    static func halfGaps(_ centers: [Double], k: Int, d: Int) -> [Double] {
        var gaps = [Double](repeating: .infinity, count: k)
        centers.withUnsafeBufferPointer { cs in
            let base = cs.baseAddress.unsafelyUnwrapped
            for a in 0..<k {
                for b in (a + 1)..<max(a + 1, k) {
                    let half = KMeansKernels.squaredDistance(base + a * d, base + b * d, d).squareRoot() / 2
                    gaps[a] = min(gaps[a], half)
                    gaps[b] = min(gaps[b], half)
                }
            }
        }
        return gaps
    }

    /// One assignment pass. `full` computes every distance (the first pass, which sets the bounds).
    private func pass(_ centers: [Double], motion: CenterMotion, halfGap: [Double], full: Bool,
                      updateSums: Bool) throws -> Int {
        let (k, d) = (space.k, space.d)
        let labels = space.labels
        let (upper, lower) = (self.upper, self.lower)
        let changes = DisjointWrites<Int>(chunks: space.chunks.count, stride: 1, initial: 0)
        try centers.withUnsafeBufferPointer { cs in
            try motion.moves.withUnsafeBufferPointer { moves in
                try halfGap.withUnsafeBufferPointer { gaps in
                    let centerBase = cs.baseAddress.unsafelyUnwrapped
                    try space.parallel { c in
                        var changed = 0
                        for i in space.chunks.range(c) {
                            let row = space.row(i)
                            var label = Int(labels[i])
                            var up: Double
                            var low: Double
                            if full {
                                up = .infinity
                                low = 0
                            } else {
                                up = upper[i] + moves[label]
                                low = lower[i] - (label == motion.largest ? motion.secondMove : motion.largestMove)
                            }
                            let bound = max(gaps[label < 0 ? 0 : label], low)
                            if full || up > bound {
                                if !full { up = KMeansKernels.squaredDistance(row, centerBase + label * d, d).squareRoot() }
                                if full || up > bound {
                                    let (best, nearest, second) = Self.nearestTwo(row, centerBase, k: k, d: d)
                                    if best != label {
                                        changed += 1
                                        label = best
                                        labels[i] = Int32(best)
                                    }
                                    up = nearest
                                    low = second
                                }
                            }
                            upper[i] = up
                            lower[i] = low
                        }
                        changes.slot(c).pointee = changed
                        if updateSums && (changed > 0 || full) { space.resum(chunk: c) }
                    }
                }
            }
        }
        return (0..<space.chunks.count).reduce(0) { $0 + changes.slot($1).pointee }
    }

    /// The nearest centre (ties to the lower index) with its distance and the second-nearest distance.
    @inline(__always)
    private static func nearestTwo(_ row: UnsafePointer<Double>, _ centers: UnsafePointer<Double>, k: Int, d: Int)
        -> (Int, Double, Double) {
        var best = 0
        var nearest = Double.infinity
        var second = Double.infinity
        for j in 0..<k {
            let dist = KMeansKernels.squaredDistance(row, centers + j * d, d)
            if dist < nearest {
                second = nearest
                nearest = dist
                best = j
            } else if dist < second {
                second = dist
            }
        }
        return (best, nearest.squareRoot(), second.squareRoot())
    }
}
