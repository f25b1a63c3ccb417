/// The inner loops shared by the k-means algorithms, on raw row-major buffers.
enum KMeansKernels {
    typealias Lanes = SIMD2<Double>

    @inline(__always) static func load(_ p: UnsafePointer<Double>) -> Lanes {
        UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
    }

    /// Squared Euclidean distance from feature differences (the exact form, used for bounds and
    /// inertia), two features at a time in two accumulators so the additions overlap.
    @inline(__always)
    static func squaredDistance(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ d: Int) -> Double {
        var even = Lanes(repeating: 0)
        var odd = Lanes(repeating: 0)
        var f = 0
        while f + 4 <= d {
            let first = load(a + f) - load(b + f)
            let second = load(a + f + 2) - load(b + f + 2)
            even += first * first
            odd += second * second
            f += 4
        }
        if f + 2 <= d {
            let diff = load(a + f) - load(b + f)
            even += diff * diff
            f += 2
        }
        even += odd
        var sum = even[0] + even[1]
        if f < d {
            let diff = a[f] - b[f]
            sum += diff * diff
        }
        return sum
    }

    /// Centres laid out for the blocked nearest-centre search: transposed (`d × width`, `width`
    /// being k rounded up to 4, so four centres sit in two vector registers) with their squared
    /// norms. Padding centres have infinite norm and are never nearest.
    struct CenterTable {
        let k: Int
        let d: Int
        let width: Int
        var transposed: [Double]
        var squaredNorms: [Double]

        init(_ centers: [Double], k: Int, d: Int) {
            self.k = k
            self.d = d
            width = (k + 3) / 4 * 4
            transposed = [Double](repeating: 0, count: width * d)
            squaredNorms = [Double](repeating: .infinity, count: width)
            for j in 0..<k {
                var norm = 0.0
                for f in 0..<d {
                    let v = centers[j * d + f]
                    transposed[f * width + j] = v
                    norm += v * v
                }
                squaredNorms[j] = norm
            }
        }
    }

    /// ‖c‖² − 2x·c for two rows and four centres (columns `0..<4` of a `CenterTable` slice):
    /// the first row's scores in (a0, a1), the second's in (b0, b1), four independent accumulators
    /// so that the additions overlap.
    @inline(__always)
    static func scores(_ first: UnsafePointer<Double>, _ second: UnsafePointer<Double>, d: Int, width: Int,
                       transposed: UnsafePointer<Double>, norms: UnsafePointer<Double>)
        -> (Lanes, Lanes, Lanes, Lanes) {
        var a0 = load(norms), a1 = load(norms + 2)
        var b0 = a0, b1 = a1
        var column = transposed
        for f in 0..<d {
            let c0 = load(column)
            let c1 = load(column + 2)
            let u = Lanes(repeating: -2 * first[f])
            let v = Lanes(repeating: -2 * second[f])
            a0 += u * c0
            a1 += u * c1
            b0 += v * c0
            b1 += v * c1
            column += width
        }
        return (a0, a1, b0, b1)
    }

    /// The nearest centre of two rows at once by ‖c‖² − 2x·c (‖x‖² is the same for every centre):
    /// four centres at a time, the two rows' scores in four independent vector accumulators.
    /// Ties go to the lower centre. `second` may equal `first` for an odd row out.
    @inline(__always)
    static func nearestPair(_ first: UnsafePointer<Double>, _ second: UnsafePointer<Double>, d: Int, width: Int,
                            transposed: UnsafePointer<Double>, norms: UnsafePointer<Double>) -> (Int, Int) {
        var bestFirst = 0
        var bestSecond = 0
        var scoreFirst = Double.infinity
        var scoreSecond = Double.infinity
        var group = 0
        while group < width {
            let (a0, a1, b0, b1) = scores(first, second, d: d, width: width, transposed: transposed + group,
                                          norms: norms + group)
            keepLower(a0[0], group, &bestFirst, &scoreFirst)
            keepLower(a0[1], group + 1, &bestFirst, &scoreFirst)
            keepLower(a1[0], group + 2, &bestFirst, &scoreFirst)
            keepLower(a1[1], group + 3, &bestFirst, &scoreFirst)
            keepLower(b0[0], group, &bestSecond, &scoreSecond)
            keepLower(b0[1], group + 1, &bestSecond, &scoreSecond)
            keepLower(b1[0], group + 2, &bestSecond, &scoreSecond)
            keepLower(b1[1], group + 3, &bestSecond, &scoreSecond)
            group += 4
        }
        return (bestFirst, bestSecond)
    }

    @inline(__always)
    private static func keepLower(_ score: Double, _ j: Int, _ best: inout Int, _ bestScore: inout Double) {
        if score < bestScore {
            bestScore = score
            best = j
        }
    }

    /// For four candidate centres (columns `0..<4` of a `CenterTable` slice), the sum over `rows`
    /// of min(closest squared distance so far, squared distance to the candidate), the candidate
    /// distance taken as max(0, ‖x‖² + ‖c‖² − 2x·c). Two rows at a time for independent accumulators.
    @inline(__always)
    static func cappedPotentials(rows: Range<Int>, space: KMeansWorkspace, rowNorms: UnsafePointer<Double>,
                                 closest: UnsafePointer<Double>, transposed: UnsafePointer<Double>,
                                 norms: UnsafePointer<Double>, width: Int) -> (Lanes, Lanes) {
        let d = space.d
        var low = Lanes(repeating: 0)
        var high = Lanes(repeating: 0)
        let zero = Lanes(repeating: 0)
        var i = rows.lowerBound
        while i < rows.upperBound {
            let next = min(i + 1, rows.upperBound - 1)
            let first = space.row(i)
            let second = space.row(next)
            let (a0, a1, b0, b1) = scores(first, second, d: d, width: width, transposed: transposed, norms: norms)
            let capA = Lanes(repeating: closest[i])
            let normA = Lanes(repeating: rowNorms[i])
            low += pointwiseMin(capA, pointwiseMax(zero, a0 + normA))
            high += pointwiseMin(capA, pointwiseMax(zero, a1 + normA))
            if next != i {
                let capB = Lanes(repeating: closest[next])
                let normB = Lanes(repeating: rowNorms[next])
                low += pointwiseMin(capB, pointwiseMax(zero, b0 + normB))
                high += pointwiseMin(capB, pointwiseMax(zero, b1 + normB))
            }
            i += 2
        }
        return (low, high)
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
                        let base = xs.baseAddress.unsafelyUnwrapped
                        let output = DisjointWrites(out)
                        chunks.forEach(workers: workers) { c in
                            var i = chunks.range(c).lowerBound
                            let end = chunks.range(c).upperBound
                            while i < end {
                                let next = min(i + 1, end - 1)
                                let (a, b) = nearestPair(
                                    base + i * d, base + next * d, d: d, width: table.width,
                                    transposed: ct.baseAddress.unsafelyUnwrapped, norms: norms.baseAddress.unsafelyUnwrapped)
                                output[i] = Int32(a)
                                output[next] = Int32(b)
                                i += 2
                            }
                        }
                    }
                }
            }
        }
        return labels
    }
}

