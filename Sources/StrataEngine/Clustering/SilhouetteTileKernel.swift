/// One tile of the silhouette's pairwise distances: rows of one block against the columns of
/// another (only j > i on the diagonal), added to both sides' per-cluster sums.
struct SilhouetteTileKernel {
    let rows: UnsafePointer<Double>
    let columns: UnsafePointer<Double>
    let cluster: [Int]
    let n: Int
    let d: Int
    let m: Int
    let tile: Int

    /// Per-lane buffers: one row's distances, and the column sums of the current run of row clusters.
    final class Scratch {
        let distances: UnsafeMutablePointer<Double>
        let columnRun: UnsafeMutablePointer<Double>

        init(tile: Int) {
            distances = .allocate(capacity: tile)
            columnRun = .allocate(capacity: tile)
        }

        deinit {
            distances.deallocate()
            columnRun.deallocate()
        }
    }

    func run(rowBlock: Int, columnBlock: Int, into sums: UnsafeMutablePointer<Double>, scratch: Scratch) {
        let rowStart = rowBlock * tile
        let rowEnd = min(n, rowStart + tile)
        let columnStart = columnBlock * tile
        let columnEnd = min(n, columnStart + tile)
        let width = columnEnd - columnStart
        let distances = scratch.distances
        let columnRun = scratch.columnRun
        columnRun.update(repeating: 0, count: width)
        var runCluster = cluster[rowStart]
        for i in rowStart..<rowEnd {
            if cluster[i] != runCluster {
                flush(columnRun, cluster: runCluster, from: columnStart, width: width, into: sums)
                runCluster = cluster[i]
            }
            // Only the upper triangle: on the diagonal tile, columns after i.
            let first = rowBlock == columnBlock ? i + 1 - columnStart : 0
            guard first < width else { continue }
            for j in first..<width { distances[j] = 0 }
            let row = rows + i * d
            for f in 0..<d {
                let v = row[f]
                let column = columns + f * n + columnStart
                for j in first..<width {
                    let diff = v - column[j]
                    distances[j] += diff * diff
                }
            }
            for j in first..<width {
                let dist = distances[j].squareRoot()
                distances[j] = dist
                columnRun[j] += dist
            }
            // Row side: sum run by run of column clusters.
            let rowSums = sums + i * m
            var j = first
            while j < width {
                let c = cluster[columnStart + j]
                var s = 0.0
                while j < width && cluster[columnStart + j] == c {
                    s += distances[j]
                    j += 1
                }
                rowSums[c] += s
            }
        }
        flush(columnRun, cluster: runCluster, from: columnStart, width: width, into: sums)
    }

    private func flush(_ columnRun: UnsafeMutablePointer<Double>, cluster c: Int, from columnStart: Int, width: Int,
                       into sums: UnsafeMutablePointer<Double>) {
        for j in 0..<width where columnRun[j] != 0 {
            sums[(columnStart + j) * m + c] += columnRun[j]
            columnRun[j] = 0
        }
    }
}
