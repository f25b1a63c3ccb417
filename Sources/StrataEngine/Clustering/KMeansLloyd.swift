/// Lloyd's algorithm with scikit-learn's stopping rules: stop when no label changed since the
/// previous pass ("strict" convergence), or when the summed squared centre shift is at most the
/// tolerance; in the second case the labels are recomputed for the final centres.
enum KMeansLloyd {
    static func run(_ space: KMeansWorkspace, initial: [Double], maxIterations: Int,
                    tolerance: Double) throws -> KMeansRunResult {
        space.resetLabels()
        var centers = initial
        var iterations = 0
        var converged = false
        var strict = false
        for iteration in 0..<maxIterations {
            let changed = try space.assignAll(centers, updateSums: true)
            var (next, counts) = space.meanCenters(previous: centers)
            if counts.contains(0) {
                next = try space.relocateEmptyClusters(centers: next, assignedTo: centers, counts: &counts).centers
            }
            let shift = space.squaredShifts(from: centers, to: next).reduce(0, +)
            centers = next
            iterations = iteration + 1
            if iteration > 0 && changed == 0 {
                strict = true
                converged = true
                break
            }
            if shift <= tolerance {
                converged = true
                break
            }
        }
        if !strict { _ = try space.assignAll(centers, updateSums: false) }
        return KMeansRunResult(centers: centers, labels: space.labelsArray(), inertia: try space.inertia(centers),
                               iterations: iterations, converged: converged)
    }
}
