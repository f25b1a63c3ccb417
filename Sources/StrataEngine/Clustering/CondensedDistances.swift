/// The upper triangle of a symmetric distance matrix, row by row: entry (i, j) with i < j sits at
/// `rowBase[i] + j`. n(n−1)/2 doubles — the memory that bounds hierarchical clustering.
struct CondensedDistances: Sendable {
    let count: Int
    /// n(n−1)/2 distances; written only while the matrix is built and by the merge loop that owns it.
    let storage: DistanceBuffer
    /// `rowBase[i] + j` is the position of (i, j) for i < j.
    let rowBase: [Int]

    static func byteCount(points n: Int) -> Double { Double(n) * Double(n - 1) / 2 * 8 }

    /// Euclidean distances between the rows of `x`, computed on both cores (each core writes its own
    /// rows, so the result does not depend on scheduling).
    init(euclideanBetweenRowsOf x: FeatureMatrix, context: RunContext) throws {
        let n = x.rowCount
        count = n
        rowBase = (0..<n).map { i in i * (2 * n - i - 1) / 2 - i - 1 }
        let total = n * (n - 1) / 2
        let bases = rowBase
        storage = try DistanceBuffer(count: total)
        let output = DisjointWrites(storage.pointer, count: total)
        let chunks = FixedChunks(triangular: n, parts: total < 1 << 16 ? 1 : 8)
        _ = try chunks.map(cancellation: context.cancellation) { rows in
            try x.values.withUnsafeBufferPointer { points in
                try Self.fillRows(rows, points: points, dimension: x.columnCount, count: n,
                                  bases: bases, into: output, context: context)
            }
        }
    }

    /// The distance between points `i` and `j` (i ≠ j).
    func distance(_ i: Int, _ j: Int) -> Double {
        i < j ? storage.pointer[rowBase[i] + j] : storage.pointer[rowBase[j] + i]
    }

    private static func fillRows(_ rows: Range<Int>, points: UnsafeBufferPointer<Double>, dimension d: Int,
                                 count n: Int, bases: [Int], into output: DisjointWrites<Double>, context: RunContext) throws {
        guard let p = points.baseAddress else { return }
        for i in rows {
            if i & 63 == 0 { try context.cancellation.check() }
            let a = p + i * d
            let base = bases[i]
            for j in (i + 1)..<n {
                let b = p + j * d
                var sum = 0.0
                for k in 0..<d {
                    let diff = a[k] - b[k]
                    sum += diff * diff
                }
                output[base + j] = sum.squareRoot()
            }
        }
    }
}
