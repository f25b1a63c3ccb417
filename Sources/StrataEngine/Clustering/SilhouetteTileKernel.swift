/// One tile of the silhouette's pairwise distances: rows of one block against the columns of
/// another (only j > i on the diagonal), added to both sides' per-cluster sums.
///
/// Written with explicit two-lane SIMD: the baseline x86-64 target has no wider vectors, and the
/// square roots and the run sums do not vectorize on their own (floating-point sums keep their order).
struct SilhouetteTileKernel {
    typealias Lanes = SIMD2<Double>

    let rows: UnsafePointer<Double>
    let columns: UnsafePointer<Double>
    let cluster: UnsafePointer<Int>
    let n: Int
    let d: Int
    let m: Int
    let tile: Int

    /// Per-lane buffers: one row's distances, the column sums of the current run of row clusters,
    /// and the runs of equal clusters among the tile's columns.
    final class Scratch {
        let distances: UnsafeMutablePointer<Double>
        let columnRun: UnsafeMutablePointer<Double>
        var runs: [(start: Int, end: Int, cluster: Int)] = []

        init(tile: Int) {
            // Room for a whole SIMD pair past the last column.
            distances = .allocate(capacity: tile + 2)
            columnRun = .allocate(capacity: tile + 2)
        }

        deinit {
            distances.deallocate()
            columnRun.deallocate()
        }
    }

    @inline(__always) private static func load(_ p: UnsafeMutablePointer<Double>) -> Lanes {
        UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
    }

    @inline(__always) private static func store(_ v: Lanes, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
    }

    func run(rowBlock: Int, columnBlock: Int, into sums: UnsafeMutablePointer<Double>, scratch: Scratch) {
        let rowStart = rowBlock * tile
        let rowEnd = min(n, rowStart + tile)
        let columnStart = columnBlock * tile
        let width = min(n, columnStart + tile) - columnStart
        let distances = scratch.distances
        let columnRun = scratch.columnRun
        columnRun.update(repeating: 0, count: width + 2)
        scratch.runs.removeAll(keepingCapacity: true)
        var start = 0
        for j in 1...width where j == width || cluster[columnStart + j] != cluster[columnStart + start] {
            scratch.runs.append((start, j, cluster[columnStart + start]))
            start = j
        }
        let runs = scratch.runs
        var runCluster = cluster[rowStart]
        for i in rowStart..<rowEnd {
            if cluster[i] != runCluster {
                flush(columnRun, cluster: runCluster, from: columnStart, width: width, into: sums)
                runCluster = cluster[i]
            }
            // Only the upper triangle: on the diagonal tile, columns after i.
            let first = rowBlock == columnBlock ? i + 1 - columnStart : 0
            guard first < width else { continue }
            squaredDistances(row: rows + i * d, columnStart: columnStart, first: first, width: width, into: distances)
            Self.squareRoots(distances + first, count: width - first)
            let rowSums = sums + i * m
            for run in runs where run.end > first {
                var j = max(run.start, first)
                var pair = Lanes(repeating: 0)
                while j + 2 <= run.end {
                    let dist = Self.load(distances + j)
                    pair += dist
                    Self.store(Self.load(columnRun + j) + dist, columnRun + j)
                    j += 2
                }
                var total = pair[0] + pair[1]
                if j < run.end {
                    total += distances[j]
                    columnRun[j] += distances[j]
                }
                rowSums[run.cluster] += total
            }
        }
        flush(columnRun, cluster: runCluster, from: columnStart, width: width, into: sums)
    }

    /// Square roots in place, two at a time. `Double.squareRoot()` compiles to a scalar square
    /// root behind a check for negative inputs here (libm's errno rule), which halves the rate and
    /// blocks vectorization; instead, the reciprocal square root is refined by Newton's method from
    /// the classic bit-level first guess (three steps bring its 3.4 % error to about 1e-11), and one
    /// Heron step on x·y brings the root to within an ulp or two. Zero stays zero; inputs are
    /// sums of squares, never negative.
    @inline(__always)
    static func squareRoots(_ values: UnsafeMutablePointer<Double>, count: Int) {
        var j = 0
        while j + 2 <= count {
            store(squareRoot(load(values + j)), values + j)
            j += 2
        }
        if j < count { values[j] = values[j].squareRoot() }
    }

    @inline(__always)
    static func squareRoot(_ x: Lanes) -> Lanes {
        let bits = unsafeBitCast(x, to: SIMD2<UInt64>.self)
        var y = unsafeBitCast(SIMD2<UInt64>(repeating: 0x5FE6_EB50_C7B5_37A9) &- (bits &>> 1), to: Lanes.self)
        let half = x * 0.5
        y = y * (1.5 - half * y * y)
        y = y * (1.5 - half * y * y)
        y = y * (1.5 - half * y * y)
        let root = x * y
        return root + 0.5 * y * (x - root * root)
    }

    /// Squared distances from `row` to columns `first..<width` of the block: eight columns at a
    /// time in four independent accumulators (one would wait on each addition's latency), then
    /// the rest one by one.
    @inline(__always)
    private func squaredDistances(row: UnsafePointer<Double>, columnStart: Int, first: Int, width: Int,
                                  into distances: UnsafeMutablePointer<Double>) {
        var j = first
        while j + 8 <= width {
            var a0 = Lanes(repeating: 0), a1 = a0, a2 = a0, a3 = a0
            var column = UnsafeRawPointer(columns + columnStart + j)
            let step = n * MemoryLayout<Double>.stride
            for f in 0..<d {
                let r = Lanes(repeating: row[f])
                let d0 = r - column.loadUnaligned(as: Lanes.self)
                let d1 = r - column.loadUnaligned(fromByteOffset: 16, as: Lanes.self)
                let d2 = r - column.loadUnaligned(fromByteOffset: 32, as: Lanes.self)
                let d3 = r - column.loadUnaligned(fromByteOffset: 48, as: Lanes.self)
                a0 += d0 * d0
                a1 += d1 * d1
                a2 += d2 * d2
                a3 += d3 * d3
                column += step
            }
            Self.store(a0, distances + j)
            Self.store(a1, distances + j + 2)
            Self.store(a2, distances + j + 4)
            Self.store(a3, distances + j + 6)
            j += 8
        }
        while j < width {
            var single = 0.0
            for f in 0..<d {
                let diff = row[f] - columns[f * n + columnStart + j]
                single += diff * diff
            }
            distances[j] = single
            j += 1
        }
    }

    private func flush(_ columnRun: UnsafeMutablePointer<Double>, cluster c: Int, from columnStart: Int, width: Int,
                       into sums: UnsafeMutablePointer<Double>) {
        for j in 0..<width where columnRun[j] != 0 {
            sums[(columnStart + j) * m + c] += columnRun[j]
            columnRun[j] = 0
        }
    }
}
