// Lloyd against Hamerly on seeded Gaussian blobs of several shapes (rows × features × k), to
// decide what `KMeansAlgorithm.auto` picks. Prints one JSON line per shape with process CPU seconds.
import StrataEngine

enum KMeansShapes {
    static let usage = "[ROWS] [ITERATIONS]"

    static func run(_ args: [String]) throws -> String {
        let n = args.first.flatMap { Int($0) } ?? 200_000
        let iterations = args.dropFirst().first.flatMap { Int($0) } ?? 30
        var lines: [String] = []
        for d in [2, 8, 32] {
            for k in [4, 16, 64] {
                let x = blobs(n: n, d: d, blobs: k, seed: UInt64(d * 1000 + k))
                var figures: [String] = []
                for algorithm in [KMeansAlgorithm.lloyd, .hamerly] {
                    var options = KMeansOptions(k: k, seed: 1)
                    options.initCount = 1
                    options.maxIterations = iterations
                    options.tolerance = 0
                    options.algorithm = algorithm
                    var timer = CPUAndWallClock()
                    let model = try KMeans(options).fit(x, context: .quiet)
                    let lap = timer.lap()
                    figures.append("\"\(algorithm.rawValue)\": {\"cpu_seconds\": \(lap.cpu), \"wall_seconds\": \(lap.wall), "
                                   + "\"iterations\": \(model.iterations), \"inertia\": \(model.inertia)}")
                }
                lines.append("{\"rows\": \(n), \"features\": \(d), \"k\": \(k), " + figures.joined(separator: ", ") + "}")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Blobs with centres uniform in [-10, 10]^d and standard deviation 3, so that they overlap
    /// and k-means keeps iterating.
    static func blobs(n: Int, d: Int, blobs: Int, seed: UInt64) -> FeatureMatrix {
        var generator = SeededGenerator(seed: seed)
        let centers = (0..<(blobs * d)).map { _ in generator.nextDouble() * 20 - 10 }
        var values = [Double](repeating: 0, count: n * d)
        for i in 0..<n {
            let b = generator.nextInt(below: blobs)
            for f in 0..<d { values[i * d + f] = centers[b * d + f] + 3 * generator.nextGaussian() }
        }
        return FeatureMatrix(rowCount: n, columnCount: d, values: values, columnNames: (1...d).map { "f\($0)" })
    }
}
