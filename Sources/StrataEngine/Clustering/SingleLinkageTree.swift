/// Single linkage as a minimum spanning tree (Prim's algorithm on the condensed matrix, O(n²)):
/// the tree's edges, sorted by length, are exactly the single-linkage merges.
enum SingleLinkageTree {
    static func merges(_ distances: CondensedDistances, context: RunContext) throws -> RawMerges {
        let n = distances.count
        var merges = RawMerges(pointCount: n)
        guard n > 1 else { return merges }
        // Distance from each point outside the tree to the tree; points are dropped once inside.
        var toTree = [Double](repeating: .infinity, count: n)
        var outside = Array(0..<n)
        var x = 0
        let d = distances.storage.pointer
        try distances.rowBase.withUnsafeBufferPointer { base in
            for step in 0..<(n - 1) {
                if step & 63 == 0 { try context.cancellation.check() }
                if let position = outside.firstIndex(of: x) { outside.remove(at: position) }
                var nearest = Double.infinity, y = outside[0]
                let xBase = base[x]
                for i in outside {
                    let dist = i < x ? d[base[i] + x] : d[xBase + i]
                    if dist < toTree[i] { toTree[i] = dist }
                    if toTree[i] < nearest { nearest = toTree[i]; y = i }
                }
                merges.append(x, y, height: nearest, size: 0)
                x = y
            }
        }
        return merges
    }
}
