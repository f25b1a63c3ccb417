/// Ward, complete and average linkage by the nearest-neighbour chain (Murtagh; Müllner 2011):
/// follow nearest neighbours until two clusters are each other's nearest, merge them, and update
/// the distances with Lance–Williams. Exact for these "reducible" linkages, O(n²) time on the
/// condensed matrix and no memory beyond it. Merges come out in chain order, unsorted, with the
/// point ids that stand for each cluster; `RawMerges.dendrogram` puts them in SciPy's form.
enum NearestNeighborChain {
    static func merges<Update: LanceWilliamsUpdate>(
        _ distances: CondensedDistances, update: Update.Type, context: RunContext
    ) throws -> RawMerges {
        let n = distances.count
        var merges = RawMerges(pointCount: n)
        guard n > 1 else { return merges }
        var size = [Double](repeating: 1, count: n)
        // Clusters still alive, ascending; a scan in this order keeps SciPy's tie-breaking
        // (the first strictly smaller distance wins, the previous chain link is preferred).
        var active = Array(0..<n)
        var chain: [Int] = []
        chain.reserveCapacity(n)
        let rowBase = distances.rowBase
        let d = distances.storage.pointer
        try rowBase.withUnsafeBufferPointer { base in
            for step in 0..<(n - 1) {
                if step & 63 == 0 { try context.cancellation.check() }
                if chain.isEmpty { chain.append(active[0]) }
                var x = 0, y = 0, nearest = 0.0
                while true {
                    x = chain[chain.count - 1]
                    if chain.count > 1 {
                        y = chain[chain.count - 2]
                        nearest = x < y ? d[base[x] + y] : d[base[y] + x]
                    } else {
                        nearest = .infinity
                    }
                    let before = base[x]
                    for i in active where i != x {
                        let dist = i < x ? d[base[i] + x] : d[before + i]
                        if dist < nearest { nearest = dist; y = i }
                    }
                    if chain.count > 1 && y == chain[chain.count - 2] { break }
                    chain.append(y)
                }
                chain.removeLast(2)
                if x > y { swap(&x, &y) }
                let nx = size[x], ny = size[y]
                merges.append(x, y, height: nearest, size: Int(nx + ny))
                size[x] = 0
                size[y] = nx + ny
                if let position = active.firstIndex(of: x) { active.remove(at: position) }
                let xBase = base[x], yBase = base[y]
                for i in active where i != y {
                    let ix = i < x ? base[i] + x : xBase + i
                    let iy = i < y ? base[i] + y : yBase + i
                    d[iy] = Update.distance(toMergedFrom: d[ix], d[iy], mergeDistance: nearest,
                                            sizes: nx, ny, size[i])
                }
            }
        }
        return merges
    }
}
