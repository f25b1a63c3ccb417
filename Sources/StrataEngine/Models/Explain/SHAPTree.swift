/// One tree laid out for TreeSHAP's inner loops: nodes renumbered in pre-order (a child always
/// after its parent, so one forward pass over the nodes can carry a value from root to leaves), one
/// output's leaf values picked out, categorical left-sets concatenated, and every array in one
/// owned allocation read through plain pointers, with no bounds checks or copy-on-write in the way.
///
/// Built from the public `TreeStructure` (whose own layout belongs to the tree models), checked on
/// the way in, and never changed afterwards: parallel chunks only read it.
final class SHAPTree {
    let nodeCount: Int
    /// Longest root-to-leaf path, in splits.
    let depth: Int
    /// Feature index per node, -1 for a leaf.
    let feature: UnsafeMutablePointer<Int32>
    let threshold: UnsafeMutablePointer<Double>
    let left: UnsafeMutablePointer<Int32>
    let right: UnsafeMutablePointer<Int32>
    let missingGoesLeft: UnsafeMutablePointer<Bool>
    /// A categorical split's left codes are `categories[categoryStart[n] ..< categoryStart[n + 1]]`;
    /// an empty range is a numeric split.
    let categoryStart: UnsafeMutablePointer<Int32>
    let categories: UnsafeMutablePointer<Int32>
    private let categoryCount: Int
    /// The chosen output's value per node (only leaves' are read).
    let value: UnsafeMutablePointer<Double>
    let cover: UnsafeMutablePointer<Double>
    /// Per internal node, the position of its feature among the distinct features on the path
    /// from the root to it (first occurrence first): the same feature keeps the same slot lower
    /// down, so a leaf's slots number its path's distinct features 0 ..< its count.
    let slot: UnsafeMutablePointer<Int32>

    /// `output` picks one of the tree's values per node; `featureCount` is the frame's width, which
    /// every split feature must fall inside.
    init(_ tree: TreeStructure, output: Int, featureCount: Int) throws {
        let n = tree.nodeCount
        guard n > 0, output >= 0, output < tree.outputCount, tree.values.count >= n * tree.outputCount,
              tree.threshold.count == n, tree.left.count == n, tree.right.count == n, tree.cover.count == n,
              tree.missingGoesLeft.count == n, tree.leftCategories.count == n else {
            throw EngineError("internal error: a tree to explain has inconsistent node arrays or no output \(output)")
        }
        // Pre-order walk of the original indices, checking every link once.
        var order: [Int] = []
        order.reserveCapacity(n)
        var seen = [Bool](repeating: false, count: n)
        var stack = [0]
        while let node = stack.popLast() {
            guard node >= 0, node < n, !seen[node] else {
                throw EngineError("internal error: a tree to explain links to node \(node) twice or out of range")
            }
            seen[node] = true
            order.append(node)
            let f = Int(tree.feature[node])
            if f >= 0 {
                guard f < featureCount else {
                    throw EngineError("the model splits on feature #\(f + 1) but the rows to explain have \(featureCount) features",
                                      suggestion: "explain rows with the columns the model was trained on")
                }
                stack.append(Int(tree.right[node]))
                stack.append(Int(tree.left[node]))
            }
        }
        var renumbered = [Int32](repeating: -1, count: n)
        for (new, old) in order.enumerated() { renumbered[old] = Int32(new) }

        let count = order.count
        nodeCount = count
        categoryCount = order.reduce(0) { $0 + tree.leftCategories[$1].count }
        feature = .allocate(capacity: count)
        threshold = .allocate(capacity: count)
        left = .allocate(capacity: count)
        right = .allocate(capacity: count)
        missingGoesLeft = .allocate(capacity: count)
        categoryStart = .allocate(capacity: count + 1)
        categories = .allocate(capacity: Swift.max(categoryCount, 1))
        value = .allocate(capacity: count)
        cover = .allocate(capacity: count)
        slot = .allocate(capacity: count)
        var written = 0
        for (new, old) in order.enumerated() {
            let isLeaf = tree.feature[old] < 0
            feature[new] = isLeaf ? -1 : tree.feature[old]
            threshold[new] = tree.threshold[old]
            left[new] = isLeaf ? -1 : renumbered[Int(tree.left[old])]
            right[new] = isLeaf ? -1 : renumbered[Int(tree.right[old])]
            missingGoesLeft[new] = tree.missingGoesLeft[old]
            categoryStart[new] = Int32(written)
            for code in tree.leftCategories[old] {
                categories[written] = code
                written += 1
            }
            value[new] = tree.values[old * tree.outputCount + output]
            cover[new] = tree.cover[old]
            slot[new] = -1
        }
        categoryStart[count] = Int32(written)

        // Depth and slots, carried down in pre-order with the path's distinct features.
        var nodeDepth = [Int](repeating: 0, count: count)
        var pathFeatures: [[Int32]] = Array(repeating: [], count: count)
        var deepest = 0
        for node in 0..<count {
            deepest = Swift.max(deepest, nodeDepth[node])
            let f = feature[node]
            guard f >= 0 else { continue }
            var distinct = pathFeatures[node]
            if let k = distinct.firstIndex(of: f) {
                slot[node] = Int32(k)
            } else {
                slot[node] = Int32(distinct.count)
                distinct.append(f)
            }
            for child in [Int(left[node]), Int(right[node])] {
                nodeDepth[child] = nodeDepth[node] + 1
                pathFeatures[child] = distinct
            }
            pathFeatures[node] = []
        }
        depth = deepest
    }

    deinit {
        feature.deallocate(); threshold.deallocate(); left.deallocate(); right.deallocate()
        missingGoesLeft.deallocate(); categoryStart.deallocate(); categories.deallocate()
        value.deallocate(); cover.deallocate(); slot.deallocate()
    }

    /// Whether a row with this feature value goes left at internal node `node`, by
    /// `TreeStructure.goesLeft`'s rule: NaN (missing) by the learned side, a category code by the
    /// left-set, a number by `<= threshold`.
    @inline(__always)
    func goesLeft(_ node: Int, _ x: Double) -> Bool {
        if x.isNaN { return missingGoesLeft[node] }
        let start = Int(categoryStart[node])
        let end = Int(categoryStart[node + 1])
        if start == end { return x <= threshold[node] }
        // A code outside Int32 is in no left-set (TreeStructure would trap on it).
        guard x > -2_147_483_649, x < 2_147_483_648 else { return false }
        let code = Int32(x)
        for k in start..<end where categories[k] == code { return true }
        return false
    }

    /// The child a row with this feature value goes to first (TreeSHAP's "hot" child).
    @inline(__always)
    func hotChild(_ node: Int, _ x: Double) -> Int {
        Int(goesLeft(node, x) ? left[node] : right[node])
    }
}
