import Foundation

/// The result of minimizing a function of several variables.
public struct MinimizeResult: Sendable {
    public let x: [Double]
    public let value: Double
    public let iterations: Int
    /// Whether the simplex shrank below the tolerances before the iteration limit.
    public let converged: Bool
}

/// Derivative-free minimization by the Nelder–Mead simplex (Nelder & Mead 1965, with the standard
/// coefficients: reflection 1, expansion 2, contraction ½, shrink ½).
///
/// Non-finite function values count as +∞, so a region where the objective is undefined simply
/// repels the simplex. The search restarts from its best point with a fresh simplex until a restart
/// no longer improves the value, because a simplex can collapse early on a ridge. Every loop is
/// bounded by `maxIterations`.
public struct NelderMead: Sendable {
    public var initialStep: Double = 0.5
    /// Stop when the values at the simplex's vertices differ by less than this (absolute + relative).
    public var valueTolerance: Double = 1e-12
    /// …and the vertices are within this distance of the best one (per coordinate).
    public var pointTolerance: Double = 1e-9
    public var maxIterations: Int = 20_000
    public var maxRestarts: Int = 5

    public init() {}

    public func minimize(_ f: ([Double]) -> Double, from start: [Double], cancellation: Cancellation = .never) throws -> MinimizeResult {
        var best = try simplexSearch(f, from: start, cancellation: cancellation)
        var iterations = best.iterations
        for _ in 0..<maxRestarts {
            let again = try simplexSearch(f, from: best.x, cancellation: cancellation)
            iterations += again.iterations
            let improved = again.value < best.value - valueTolerance * (1 + abs(best.value))
            if again.value <= best.value { best = again }
            if !improved { break }
        }
        return MinimizeResult(x: best.x, value: best.value, iterations: iterations, converged: best.converged)
    }

    private func simplexSearch(_ f: ([Double]) -> Double, from start: [Double], cancellation: Cancellation) throws -> MinimizeResult {
        let n = start.count
        func value(_ x: [Double]) -> Double { let v = f(x); return v.isFinite ? v : .infinity }
        var points = [start]
        for i in 0..<n {
            var p = start
            p[i] += p[i] == 0 ? initialStep : initialStep * max(1, abs(p[i]))
            points.append(p)
        }
        var values = points.map(value)
        var iteration = 0
        var converged = false
        while iteration < maxIterations {
            iteration += 1
            if iteration % 256 == 0 { try cancellation.check() }
            let order = values.indices.sorted { values[$0] < values[$1] }
            points = order.map { points[$0] }
            values = order.map { values[$0] }
            let spreadValue = abs(values[n] - values[0])
            var spreadPoint = 0.0
            for p in points.dropFirst() { for j in 0..<n { spreadPoint = max(spreadPoint, abs(p[j] - points[0][j])) } }
            if values[0].isFinite && spreadValue <= valueTolerance * (1 + abs(values[0])) && spreadPoint <= pointTolerance {
                converged = true
                break
            }
            var centroid = [Double](repeating: 0, count: n)
            for p in points.dropLast() { for j in 0..<n { centroid[j] += p[j] / Double(n) } }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (points[n][$0] - centroid[$0]) } }
            let reflected = along(-1), fr = value(reflected)
            if fr < values[0] {
                let expanded = along(-2), fe = value(expanded)
                if fe < fr { points[n] = expanded; values[n] = fe } else { points[n] = reflected; values[n] = fr }
            } else if fr < values[n - 1] {
                points[n] = reflected; values[n] = fr
            } else {
                let outside = fr < values[n]
                let contracted = along(outside ? -0.5 : 0.5), fc = value(contracted)
                if fc < (outside ? fr : values[n]) {
                    points[n] = contracted; values[n] = fc
                } else {
                    for i in 1...n {
                        points[i] = (0..<n).map { points[0][$0] + 0.5 * (points[i][$0] - points[0][$0]) }
                        values[i] = value(points[i])
                    }
                }
            }
        }
        let b = values.indices.min { values[$0] < values[$1] } ?? 0
        return MinimizeResult(x: points[b], value: values[b], iterations: iteration, converged: converged)
    }
}
