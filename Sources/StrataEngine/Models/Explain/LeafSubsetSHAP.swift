/// Exact TreeSHAP by Fast TreeSHAP v2 (Yang 2021, arXiv:2109.09847): the same values as
/// Algorithm 2, with the per-leaf combination sums computed once per tree so each row costs
/// O(nodes + leaves · depth) instead of O(leaves · depth²).
///
/// Why it is exact: a leaf with value v and distinct path features P (d of them) contributes to
/// feature i ∈ P the Shapley sum v · Σ_{S ⊆ P∖i} w(|S|) [f(S ∪ i) − f(S)], w(s) = s!(d−1−s)!/d!,
/// where f(S) = Π_{k∈S} o_k · Π_{k∈P∖S} z_k, z_k is the product of the cover ratios of k's splits
/// on the path and o_k is 1 when the row satisfies all of them, else 0. The terms vanish unless
/// S ⊆ O, the set of satisfied features, and only O depends on the row. With the table
///     s(O) = v · Σ_{S ⊆ O} w(|S|) · Π_{k∈P∖S} z_k     (one entry per subset O of P)
/// the contribution is −s(O) for i ∉ O and (1 − z_i)/z_i · s(O ∖ i) for i ∈ O. A row finds O for
/// every leaf by one pass down the tree, clearing feature k's bit on the side a row does not take.
///
/// Memory: Σ over leaves of 2^d doubles per tree (at most leaves · 2^depth); `TreeSHAP` decides
/// when that pays and how much of it to hold at once.
final class LeafSubsetSHAP {
    /// Distinct features on one leaf's path, slot order (first occurrence from the root).
    struct LeafPath {
        var node: Int32
        var features: [Int32]
        /// z per slot: the product of the cover ratios of that feature's splits on the path.
        var zeroFractions: [Double]
    }

    /// The per-leaf paths of a tree (leaves at the root left out: they contribute nothing) and
    /// what a table for it would cost.
    struct Plan {
        let leaves: [LeafPath]
        /// Σ 2^d: the table's doubles.
        let tableEntries: Int
        /// Σ 2^d · (d + 1): the work of filling the table.
        let tableWork: Double
        /// Σ d² (Algorithm 2's work per row, up to a constant).
        let pathWorkPerRow: Double
    }

    /// More distinct features on one path than this and the table (2^d per leaf) is never worth it.
    static let maxDistinctFeatures = 24

    /// The plan for one tree, or nil when the table cannot be used: a path with more than
    /// `maxDistinctFeatures` distinct features, or a zero cover ratio (its z would divide).
    static func plan(_ tree: SHAPTree) -> Plan? {
        var parent = [Int](repeating: -1, count: tree.nodeCount)
        for node in 0..<tree.nodeCount where tree.feature[node] >= 0 {
            parent[Int(tree.left[node])] = node
            parent[Int(tree.right[node])] = node
        }
        var leaves: [LeafPath] = []
        var entries = 0
        var tableWork = 0.0
        var pathWork = 0.0
        var ancestors: [Int] = []
        for node in 0..<tree.nodeCount where tree.feature[node] < 0 {
            ancestors.removeAll(keepingCapacity: true)
            var child = node
            while parent[child] >= 0 {
                ancestors.append(child)
                child = parent[child]
            }
            // Root first, so z multiplies in the same order as Algorithm 2's walk.
            var path = LeafPath(node: Int32(node), features: [], zeroFractions: [])
            for c in ancestors.reversed() {
                let split = parent[c]
                let ratio = tree.cover[split] > 0 ? tree.cover[c] / tree.cover[split] : 0
                guard ratio > 0, ratio.isFinite else { return nil }
                let s = Int(tree.slot[split])
                if s == path.features.count {
                    path.features.append(tree.feature[split])
                    path.zeroFractions.append(ratio)
                } else {
                    path.zeroFractions[s] *= ratio
                }
            }
            let d = path.features.count
            guard d <= maxDistinctFeatures else { return nil }
            if d > 0 {
                entries += 1 << d
                tableWork += Double(1 << d) * Double(d + 1)
                pathWork += Double(d * d)
                leaves.append(path)
            }
        }
        return Plan(leaves: leaves, tableEntries: entries, tableWork: tableWork, pathWorkPerRow: pathWork)
    }

    let tree: SHAPTree
    private let leafCount: Int
    private let leafNode: UnsafeMutablePointer<Int32>
    /// Leaf l's slots are `slotStart[l] ..< slotStart[l + 1]` in `slotFeature` and `slotRatio`.
    private let slotStart: UnsafeMutablePointer<Int32>
    private let slotFeature: UnsafeMutablePointer<Int32>
    /// (1 − z)/z per slot: the factor of s(O ∖ i) when the row satisfies feature i.
    private let slotRatio: UnsafeMutablePointer<Double>
    /// Leaf l's table is `table[tableStart[l] ..< tableStart[l] + 2^d]`, indexed by the subset O as bits.
    private let tableStart: UnsafeMutablePointer<Int>
    private let table: UnsafeMutablePointer<Double>
    private let slotCount: Int
    private let entryCount: Int

    init(_ tree: SHAPTree, plan: Plan) {
        self.tree = tree
        leafCount = plan.leaves.count
        slotCount = plan.leaves.reduce(0) { $0 + $1.features.count }
        entryCount = plan.tableEntries
        leafNode = .allocate(capacity: Swift.max(leafCount, 1))
        slotStart = .allocate(capacity: leafCount + 1)
        slotFeature = .allocate(capacity: Swift.max(slotCount, 1))
        slotRatio = .allocate(capacity: Swift.max(slotCount, 1))
        tableStart = .allocate(capacity: Swift.max(leafCount, 1))
        table = .allocate(capacity: Swift.max(entryCount, 1))

        let maxD = plan.leaves.reduce(0) { Swift.max($0, $1.features.count) }
        let weights = Self.shapleyWeights(upTo: maxD)
        // One polynomial per recursion level: coefficients by subset size.
        let polynomials = UnsafeMutablePointer<Double>.allocate(capacity: (maxD + 1) * (maxD + 1))
        defer { polynomials.deallocate() }
        var slot = 0
        var entry = 0
        for (l, path) in plan.leaves.enumerated() {
            let d = path.features.count
            leafNode[l] = path.node
            slotStart[l] = Int32(slot)
            tableStart[l] = entry
            for k in 0..<d {
                slotFeature[slot + k] = path.features[k]
                let z = path.zeroFractions[k]
                slotRatio[slot + k] = (1 - z) / z
            }
            path.zeroFractions.withUnsafeBufferPointer { z in
                Self.fillTable(table + entry, d: d, z: z, value: tree.value[Int(path.node)],
                               weights: weights + d * (maxD + 1), polynomials: polynomials, stride: maxD + 1)
            }
            slot += d
            entry += 1 << d
        }
        slotStart[leafCount] = Int32(slot)
        weights.deallocate()
    }

    deinit {
        leafNode.deallocate(); slotStart.deallocate(); slotFeature.deallocate(); slotRatio.deallocate()
        tableStart.deallocate(); table.deallocate()
    }

    /// w(s, d) = s!(d−1−s)!/d! at `weights[d · (maxD + 1) + s]`, for 1 ≤ d ≤ maxD and s < d.
    private static func shapleyWeights(upTo maxD: Int) -> UnsafeMutablePointer<Double> {
        let stride = maxD + 1
        let weights = UnsafeMutablePointer<Double>.allocate(capacity: stride * stride)
        weights.initialize(repeating: 0, count: stride * stride)
        if maxD > 0 {
            for d in 1...maxD {
                var w = 1 / Double(d)
                for s in 0..<d {
                    weights[d * stride + s] = w
                    w = w * Double(s + 1) / Double(d - 1 - s)
                }
            }
        }
        return weights
    }

    /// s(O) for every subset O of a leaf's d slots. Walks the subsets slot by slot: including
    /// slot j multiplies the polynomial Π_{k∈O}(z_k + t) by (z_j + t), whose coefficient of t^s is
    /// Σ_{S⊆O, |S|=s} Π_{k∈O∖S} z_k; excluding it multiplies the factor Π_{k∈P∖O} z_k by z_j.
    /// Every term is a product of cover fractions, so nothing cancels. s(P) is never read (a
    /// feature outside O or taken out of it always exists) and is left 0.
    private static func fillTable(_ out: UnsafeMutablePointer<Double>, d: Int, z: UnsafeBufferPointer<Double>,
                                  value: Double, weights: UnsafeMutablePointer<Double>,
                                  polynomials: UnsafeMutablePointer<Double>, stride: Int) {
        polynomials[0] = 1
        // Level j's polynomial (slots < j) stays intact while both branches below it run; each
        // branch writes only level j + 1.
        func visit(_ j: Int, _ subset: Int, _ size: Int, _ outside: Double) {
            let poly = polynomials + j * stride
            if j == d {
                guard size < d else { out[subset] = 0; return }
                var total = 0.0
                for s in 0...size { total += weights[s] * poly[s] }
                out[subset] = value * outside * total
                return
            }
            let next = poly + stride
            next.update(from: poly, count: size + 1)
            visit(j + 1, subset, size, outside * z[j])
            next[0] = poly[0] * z[j]
            if size > 0 {
                for s in 1...size { next[s] = poly[s] * z[j] + poly[s - 1] }
            }
            next[size + 1] = poly[size]
            visit(j + 1, subset | (1 << j), size + 1, outside)
        }
        visit(0, 0, 0, 1)
    }

    /// Adds this tree's contributions for the row `x` to `phi`. `masks` holds one word per node.
    @inline(__always)
    func explain(x: UnsafePointer<Double>, masks: UnsafeMutablePointer<UInt32>, into phi: UnsafeMutablePointer<Double>) {
        let feature = tree.feature, left = tree.left, right = tree.right, slot = tree.slot
        masks[0] = .max
        for node in 0..<tree.nodeCount {
            let f = feature[node]
            if f < 0 { continue }
            let m = masks[node]
            let cleared = m & ~(1 &<< UInt32(slot[node]))
            let goesLeft = tree.goesLeft(node, x[Int(f)])
            masks[Int(left[node])] = goesLeft ? m : cleared
            masks[Int(right[node])] = goesLeft ? cleared : m
        }
        for l in 0..<leafCount {
            let start = Int(slotStart[l])
            let d = Int(slotStart[l + 1]) - start
            let satisfied = Int(masks[Int(leafNode[l])]) & ((1 << d) - 1)
            let sums = table + tableStart[l]
            let outside = -sums[satisfied]
            for i in 0..<d {
                let bit = 1 << i
                let term = satisfied & bit != 0 ? slotRatio[start + i] * sums[satisfied & ~bit] : outside
                phi[Int(slotFeature[start + i])] += term
            }
        }
    }
}
