/// The exact silhouette: every pairwise distance once.
///
/// Points are sorted by cluster, so a block of columns is a few runs of one cluster each and a
/// row's distances add up run by run. The upper triangle is cut into square tiles; each tile adds
/// its distances both to its rows' and its columns' per-cluster sums. Tiles are dealt to a fixed
/// number of lanes (tile t to lane t mod lanes), each lane with its own sums filled in tile order,
/// and the lanes are added in lane order at the end: the threads only decide which lane runs where,
/// so the result does not depend on how many there are.
struct SilhouetteComputation {
    static let tile = 256
    static let maxLanes = 8
    /// Lane sums are `points × clusters` doubles each; fewer lanes above this many in total.
    static let laneBudget = 16_000_000

    let groups: ClusterGroups
    let n: Int
    let d: Int
    let m: Int
    /// Sorted position → used-row position in `groups`.
    let order: [Int]
    /// Features of the sorted points, row-major and transposed (`d × n`).
    let rows: [Double]
    let columns: [Double]
    /// Dense cluster of each sorted point.
    let cluster: [Int]
    let workers: Int
    let cancellation: Cancellation

    init(_ x: FeatureMatrix, groups: ClusterGroups, workers: Int, cancellation: Cancellation) {
        self.groups = groups
        n = groups.rows.count
        d = x.columnCount
        m = groups.clusterCount
        order = (0..<n).sorted { groups.dense[$0] != groups.dense[$1] ? groups.dense[$0] < groups.dense[$1] : $0 < $1 }
        var rows = [Double](repeating: 0, count: n * d)
        var columns = [Double](repeating: 0, count: n * d)
        for (s, r) in order.enumerated() {
            for f in 0..<d {
                let v = x[groups.rows[r], f]
                rows[s * d + f] = v
                columns[f * n + s] = v
            }
        }
        self.rows = rows
        self.columns = columns
        cluster = order.map { groups.dense[$0] }
        self.workers = workers
        self.cancellation = cancellation
    }

    func report(sampled: Bool) throws -> SilhouetteReport {
        let sums = try distanceSums()
        var clusterTotals = [Double](repeating: 0, count: m)
        var total = 0.0
        for s in 0..<n {
            let own = cluster[s]
            var value = 0.0
            if groups.sizes[own] > 1 {
                let a = sums[s * m + own] / Double(groups.sizes[own] - 1)
                var b = Double.infinity
                for c in 0..<m where c != own { b = min(b, sums[s * m + c] / Double(groups.sizes[c])) }
                let larger = max(a, b)
                value = larger > 0 ? (b - a) / larger : 0
            }
            clusterTotals[own] += value
            total += value
        }
        let perCluster = (0..<m).map { c in
            (cluster: groups.ids[c], size: groups.sizes[c], mean: clusterTotals[c] / Double(groups.sizes[c]))
        }
        return SilhouetteReport(mean: total / Double(n), perCluster: perCluster, pointsUsed: n, sampled: sampled)
    }

    /// Per sorted point and cluster, the sum of distances to that cluster's points (`n × m`).
    func distanceSums() throws -> [Double] {
        let blocks = (n + Self.tile - 1) / Self.tile
        var tiles: [(Int, Int)] = []
        for a in 0..<blocks { for b in a..<blocks { tiles.append((a, b)) } }
        let lanes = max(1, min(Self.maxLanes, tiles.count, Self.laneBudget / max(1, n * m)))
        let laneSums = DisjointWrites<Double>(chunks: lanes, stride: n * m, initial: 0)
        try rows.withUnsafeBufferPointer { rowBuffer in
            try columns.withUnsafeBufferPointer { columnBuffer in
                try cluster.withUnsafeBufferPointer { clusterBuffer in
                let kernel = SilhouetteTileKernel(
                    rows: rowBuffer.baseAddress.unsafelyUnwrapped, columns: columnBuffer.baseAddress.unsafelyUnwrapped,
                    cluster: clusterBuffer.baseAddress.unsafelyUnwrapped, n: n, d: d, m: m, tile: Self.tile)
                try FixedChunks(total: lanes, size: 1).forEach(workers: workers, cancellation: cancellation) { lane in
                    let sums = laneSums.slot(lane)
                    let scratch = SilhouetteTileKernel.Scratch(tile: Self.tile)
                    for t in stride(from: lane, to: tiles.count, by: lanes) {
                        if t & 63 == lane & 63, cancellation.isCancelled { return }
                        kernel.run(rowBlock: tiles[t].0, columnBlock: tiles[t].1, into: sums, scratch: scratch)
                    }
                }
                try cancellation.check()
                }
            }
        }
        var total = [Double](repeating: 0, count: n * m)
        for lane in 0..<lanes {
            let sums = laneSums.slot(lane)
            for e in 0..<(n * m) { total[e] += sums[e] }
        }
        return total
    }
}
