/// Top neighbours of every row by a sparse-sparse product: row a meets only the rows that share a
/// column with it, found through the transpose, so the work is Σ over columns of (column count)²
/// and nothing of size rows × rows is ever held. Runs on all cores over fixed row ranges.
enum SimilarityKernel {
    struct Setup: Sendable {
        let measure: SimilarityMeasure
        /// Neighbours kept per row.
        let keep: Int
        let shrinkage: Double
        let minSimilarity: Double
    }

    static func topNeighbors(rows: SparseRows, columns: SparseRows, setup: Setup, context: RunContext) throws -> NeighborLists {
        let norms = rows.norms()
        let chunks = FixedChunks(total: rows.rowCount, parts: FixedChunks.defaultParts)
        let parts = try chunks.map(cancellation: context.cancellation) { range in
            try computeRows(range, rows: rows, columns: columns, norms: norms, setup: setup, cancellation: context.cancellation)
        }
        var rowStart = [Int](repeating: 0, count: rows.rowCount + 1)
        var neighbors: [Int32] = []
        var similarities: [Float] = []
        neighbors.reserveCapacity(parts.reduce(0) { $0 + $1.neighbors.count })
        similarities.reserveCapacity(neighbors.capacity)
        var row = 0
        for part in parts {
            for c in part.counts {
                rowStart[row + 1] = rowStart[row] + c
                row += 1
            }
            neighbors += part.neighbors
            similarities += part.similarities
        }
        return NeighborLists(rowCount: rows.rowCount, rowStart: rowStart, neighbors: neighbors, similarities: similarities)
    }

    private struct Part: Sendable {
        var counts: [Int] = []
        var neighbors: [Int32] = []
        var similarities: [Float] = []
    }

    private static func computeRows(
        _ range: Range<Int>, rows: SparseRows, columns: SparseRows, norms: [Double], setup: Setup,
        cancellation: Cancellation
    ) throws -> Part {
        let n = rows.rowCount
        let commonSupport = setup.measure == .pearson
        var part = Part()
        part.counts.reserveCapacity(range.count)
        var heap = BoundedBest(capacity: setup.keep)
        var touched: [Int32] = []
        let dot = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let shared = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        let squaresA = UnsafeMutableBufferPointer<Double>.allocate(capacity: commonSupport ? n : 0)
        let squaresB = UnsafeMutableBufferPointer<Double>.allocate(capacity: commonSupport ? n : 0)
        defer { dot.deallocate(); shared.deallocate(); squaresA.deallocate(); squaresB.deallocate() }
        dot.initialize(repeating: 0)
        shared.initialize(repeating: 0)
        squaresA.initialize(repeating: 0)
        squaresB.initialize(repeating: 0)

        try rows.rowStart.withUnsafeBufferPointer { rowStart in
        try rows.indices.withUnsafeBufferPointer { rowIndices in
        try columns.rowStart.withUnsafeBufferPointer { colStart in
        try columns.indices.withUnsafeBufferPointer { colIndices in
        try (rows.values ?? []).withUnsafeBufferPointer { rowValues in
        try (columns.values ?? []).withUnsafeBufferPointer { colValues in
            let rowsBinary = rows.values == nil
            let columnsBinary = columns.values == nil
            for a in range {
                if (a - range.lowerBound) & 15 == 0 { try cancellation.check() }
                touched.removeAll(keepingCapacity: true)
                for p in rowStart[a]..<rowStart[a + 1] {
                    let f = Int(rowIndices[p])
                    let va = rowsBinary ? 1 : Double(rowValues[p])
                    for q in colStart[f]..<colStart[f + 1] {
                        let b = Int(colIndices[q])
                        if b == a { continue }
                        let vb = columnsBinary ? 1 : Double(colValues[q])
                        if shared[b] == 0 { touched.append(Int32(b)) }
                        shared[b] += 1
                        dot[b] += va * vb
                        if commonSupport {
                            squaresA[b] += va * va
                            squaresB[b] += vb * vb
                        }
                    }
                }
                heap.removeAll()
                let countA = Double(rowStart[a + 1] - rowStart[a])
                for t in touched {
                    let b = Int(t)
                    let common = Double(shared[b])
                    var s: Double
                    switch setup.measure {
                    case .cosine, .adjustedCosine:
                        let denominator = norms[a] * norms[b]
                        s = denominator > 0 ? dot[b] / denominator : 0
                    case .pearson:
                        let denominator = (squaresA[b] * squaresB[b]).squareRoot()
                        s = denominator > 0 ? dot[b] / denominator : 0
                        squaresA[b] = 0
                        squaresB[b] = 0
                    case .jaccard:
                        let countB = Double(rowStart[b + 1] - rowStart[b])
                        s = common / (countA + countB - common)
                    }
                    if setup.shrinkage > 0 { s *= common / (common + setup.shrinkage) }
                    if s > setup.minSimilarity { heap.offer(item: b, score: s) }
                    dot[b] = 0
                    shared[b] = 0
                }
                let best = heap.sortedBestFirst()
                part.counts.append(best.count)
                for r in best {
                    part.neighbors.append(Int32(r.item))
                    part.similarities.append(Float(r.score))
                }
            }
        }}}}}}
        return part
    }
}
