/// The checks every k-means fit makes before touching the data, with messages that say what to change.
enum KMeansInputCheck {
    static func validate(_ x: FeatureMatrix, options: KMeansOptions) throws {
        let (n, k) = (x.rowCount, options.k)
        guard k >= 1 else {
            throw EngineError("k must be at least 1 (got \(k))", suggestion: "ask for k=2 or more clusters")
        }
        guard x.columnCount > 0 else { throw EngineError("k-means needs at least one feature column") }
        guard n > 0 else { throw EngineError("k-means needs at least one row; the feature matrix is empty") }
        guard n >= k else {
            throw EngineError("k=\(k) is more than the number of rows (\(n))",
                              suggestion: "use k=\(n) or fewer")
        }
        guard options.initCount >= 1 else { throw EngineError("the number of k-means starts must be at least 1 (got \(options.initCount))") }
        guard options.maxIterations >= 1 else {
            throw EngineError("the iteration limit must be at least 1 (got \(options.maxIterations))")
        }
        guard options.tolerance.isFinite && options.tolerance >= 0 else {
            throw EngineError("the tolerance must be a finite number ≥ 0 (got \(options.tolerance))")
        }
        guard options.batchSize >= 1 else { throw EngineError("the batch size must be at least 1 (got \(options.batchSize))") }
        if let bad = x.values.firstIndex(where: { !$0.isFinite }) {
            let count = x.values.reduce(0) { $0 + ($1.isFinite ? 0 : 1) }
            let row = bad / x.columnCount
            throw EngineError("\(count) feature value(s) are not finite numbers (first: row \(row + 1), column "
                              + "'\(x.columnNames[bad % x.columnCount])' is \(x.values[bad]))",
                              suggestion: "drop or impute missing values, and check scaling of constant columns")
        }
        let distinct = distinctRowCount(x, atMost: k)
        guard distinct >= k else {
            throw EngineError("k=\(k) is more than the number of distinct points (\(distinct))",
                              suggestion: "use k=\(distinct) or fewer")
        }
    }

    /// Distinct rows, counting only up to `limit` (the scan stops there, so the usual case is quick).
    static func distinctRowCount(_ x: FeatureMatrix, atMost limit: Int) -> Int {
        var seen = Set<[UInt64]>()
        for i in 0..<x.rowCount {
            // + 0 turns -0.0 into 0.0, which is the same point.
            seen.insert(x.row(i).map { ($0 + 0).bitPattern })
            if seen.count >= limit { return seen.count }
        }
        return seen.count
    }

    /// The mean of the per-feature (population) variances: scikit-learn scales `tol` by it.
    static func meanFeatureVariance(_ x: FeatureMatrix) -> Double {
        let (n, d) = (x.rowCount, x.columnCount)
        guard n > 0, d > 0 else { return 0 }
        var means = [Double](repeating: 0, count: d)
        var squares = [Double](repeating: 0, count: d)
        x.values.withUnsafeBufferPointer { v in
            for i in 0..<n { for f in 0..<d { means[f] += v[i * d + f] } }
            for f in 0..<d { means[f] /= Double(n) }
            for i in 0..<n {
                for f in 0..<d {
                    let diff = v[i * d + f] - means[f]
                    squares[f] += diff * diff
                }
            }
        }
        return squares.reduce(0, +) / Double(n) / Double(d)
    }
}
