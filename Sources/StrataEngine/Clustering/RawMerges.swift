/// Merges as an algorithm produced them: in any order, each side named by one of its points.
struct RawMerges {
    let pointCount: Int
    private(set) var first: [Int] = []
    private(set) var second: [Int] = []
    private(set) var heights: [Double] = []

    init(pointCount: Int) {
        self.pointCount = pointCount
        first.reserveCapacity(max(0, pointCount - 1))
        second.reserveCapacity(max(0, pointCount - 1))
        heights.reserveCapacity(max(0, pointCount - 1))
    }

    /// `size` is ignored: it is recomputed when the merges are relabelled.
    mutating func append(_ a: Int, _ b: Int, height: Double, size: Int) {
        first.append(a)
        second.append(b)
        heights.append(height)
    }

    /// SciPy's convention: merges sorted by height (stable, so equal heights keep algorithm order),
    /// then each side renamed to the cluster that currently holds that point — a point id below n,
    /// or n+i for the cluster formed by merge i — with the smaller id on the left.
    func dendrogram(linkage: Linkage) -> Dendrogram {
        let n = pointCount
        let order = heights.indices.sorted { heights[$0] < heights[$1] || (heights[$0] == heights[$1] && $0 < $1) }
        // Union-find over cluster ids 0..<2n−1; the root of a cluster is its newest id.
        var parent = Array(0..<max(1, 2 * n - 1))
        var clusterSize = [Int](repeating: 1, count: max(1, 2 * n - 1))
        func root(_ start: Int) -> Int {
            var r = start
            while parent[r] != r { r = parent[r] }
            var node = start
            while parent[node] != r { let next = parent[node]; parent[node] = r; node = next }
            return r
        }
        var merges: [Merge] = []
        merges.reserveCapacity(order.count)
        for (step, index) in order.enumerated() {
            let a = root(first[index]), b = root(second[index])
            let id = n + step
            parent[a] = id
            parent[b] = id
            clusterSize[id] = clusterSize[a] + clusterSize[b]
            merges.append(Merge(left: min(a, b), right: max(a, b), height: heights[index], size: clusterSize[id]))
        }
        return Dendrogram(pointCount: n, linkage: linkage, merges: merges)
    }
}
