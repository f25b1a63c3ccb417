/// The inner loops shared by the k-means algorithms, on raw row-major buffers.
enum KMeansKernels {
    /// Squared Euclidean distance, summed feature by feature (the exact form, used for bounds and inertia).
    @inline(__always)
    static func squaredDistance(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ d: Int) -> Double {
        var sum = 0.0
        for f in 0..<d {
            let diff = a[f] - b[f]
            sum += diff * diff
        }
        return sum
    }

    /// Centres laid out for the blocked nearest-centre search: transposed (`d × k`, so the inner
    /// loop runs over contiguous centres and vectorizes) and with their squared norms.
    struct CenterTable {
        let k: Int
        let d: Int
        var transposed: [Double]
        var squaredNorms: [Double]

        init(_ centers: [Double], k: Int, d: Int) {
            self.k = k
            self.d = d
            transposed = [Double](repeating: 0, count: k * d)
            squaredNorms = [Double](repeating: 0, count: k)
            for j in 0..<k {
                var norm = 0.0
                for f in 0..<d {
                    let v = centers[j * d + f]
                    transposed[f * k + j] = v
                    norm += v * v
                }
                squaredNorms[j] = norm
            }
        }
    }

    /// The nearest centre of one row by ‖c‖² − 2x·c (‖x‖² is the same for every centre). Ties go
    /// to the lower centre. `scores` is scratch of `k` doubles.
    @inline(__always)
    static func nearest(_ row: UnsafePointer<Double>, d: Int, k: Int, transposed: UnsafePointer<Double>,
                        norms: UnsafePointer<Double>, scores: UnsafeMutablePointer<Double>) -> Int {
        for j in 0..<k { scores[j] = norms[j] }
        for f in 0..<d {
            let v = -2 * row[f]
            let centersOfFeature = transposed + f * k
            for j in 0..<k { scores[j] += v * centersOfFeature[j] }
        }
        var best = 0
        var bestScore = scores[0]
        for j in 1..<k where scores[j] < bestScore {
            best = j
            bestScore = scores[j]
        }
        return best
    }

    /// The nearest centre of every row of `x` (for `predict`).
    static func nearestLabels(_ x: FeatureMatrix, centers: [Double], k: Int, workers: Int) -> [Int32] {
        let d = x.columnCount
        let n = x.rowCount
        guard k > 0, n > 0 else { return [Int32](repeating: -1, count: n) }
        let table = CenterTable(centers, k: k, d: d)
        var labels = [Int32](repeating: 0, count: n)
        let chunks = FixedChunks(total: n)
        x.values.withUnsafeBufferPointer { xs in
            table.transposed.withUnsafeBufferPointer { ct in
                table.squaredNorms.withUnsafeBufferPointer { norms in
                    labels.withUnsafeMutableBufferPointer { out in
                        let base = UnsafeSendable(xs.baseAddress.unsafelyUnwrapped)
                        let outBase = UnsafeSendable(out.baseAddress.unsafelyUnwrapped)
                        chunks.forEach(workers: workers) { c in
                            let scores = UnsafeMutablePointer<Double>.allocate(capacity: k)
                            defer { scores.deallocate() }
                            for i in chunks.range(c) {
                                outBase.value[i] = Int32(nearest(
                                    base.value + i * d, d: d, k: k, transposed: ct.baseAddress.unsafelyUnwrapped,
                                    norms: norms.baseAddress.unsafelyUnwrapped, scores: scores))
                            }
                        }
                    }
                }
            }
        }
        return labels
    }
}

/// A pointer handed to worker threads that write disjoint parts of it (or only read it).
struct UnsafeSendable<P>: @unchecked Sendable {
    let value: P
    init(_ value: P) { self.value = value }
}
