/// Trees laid out for prediction, built once when a model is fitted and kept in it: every node of
/// every tree in one array of 16-byte nodes, each tree numbered so that a node's left child comes
/// right after it, leaves holding only the number of their values in one compact array.
///
/// `sums` walks a chunk of rows tree by tree, so one tree's nodes stay in the cache while the whole
/// chunk passes through it, and walks a group of rows in lockstep, one level per sweep, so the
/// rows' node loads overlap instead of waiting on each other. A leaf sends every row back to
/// itself, which lets a sweep step each row without asking whether it has arrived. Each row's
/// values are summed over the trees in tree order, so a prediction is the same bit for bit on one
/// thread or two, and the same as walking the `TreeStructure`s one by one.
struct FlatTrees: Sendable {
    struct Node: Sendable {
        /// A numeric split's threshold; for a categorical split, the bit pattern of
        /// `start << 32 | count`: the run of `categories` holding the codes that go left; for a
        /// leaf, a quiet NaN (no value is `<=` it, so rows go right, to the leaf itself) whose low
        /// 32 bits number the leaf within its tree.
        var threshold: Double
        /// The feature index in the low 28 bits, with `missingLeftBit` and `categoricalBit`; 0 for a leaf.
        var code: Int32
        /// Index within the tree of the right child (the left child is the next node); a leaf's own index.
        var right: Int32
    }

    static let featureMask: Int32 = 0x0FFF_FFFF
    static let missingLeftBit: Int32 = 1 << 30
    static let categoricalBit: Int32 = 1 << 29
    private static let leafNaN: UInt64 = 0x7FF8_0000_0000_0000

    let nodes: [Node]
    let categories: [Int32]
    /// Index in `nodes` of each tree's root.
    let roots: [Int]
    /// Per tree, the number of leaves in the trees before it: where its leaves start in `leafValues`.
    let leafStarts: [Int]
    /// `outputCount` values per leaf, tree after tree.
    let leafValues: [Double]
    let outputCount: Int

    init(_ trees: [TreeStructure], outputCount: Int) {
        var nodes: [Node] = []
        nodes.reserveCapacity(trees.reduce(0) { $0 + $1.nodeCount })
        var categories: [Int32] = []
        var roots: [Int] = []
        var leafStarts: [Int] = []
        var leafValues: [Double] = []
        for tree in trees where tree.nodeCount > 0 {
            let base = nodes.count
            roots.append(base)
            leafStarts.append(leafValues.count / max(outputCount, 1))
            var leaves: UInt64 = 0
            // Pre-order, left first; `parent` is the flat index whose right child this node is.
            var stack: [(node: Int, parent: Int)] = [(0, -1)]
            while let (node, parent) = stack.popLast() {
                let local = nodes.count - base
                if parent >= 0 { nodes[parent].right = Int32(local) }
                let feature = tree.feature[node]
                guard feature >= 0 else {
                    nodes.append(Node(threshold: Double(bitPattern: Self.leafNaN | leaves), code: 0, right: Int32(local)))
                    leaves += 1
                    let own = tree.outputCount
                    for o in 0..<outputCount { leafValues.append(o < own ? tree.values[node * own + o] : 0) }
                    continue
                }
                var flat = Node(threshold: tree.threshold[node], code: feature & Self.featureMask, right: -1)
                if tree.missingGoesLeft[node] { flat.code |= Self.missingLeftBit }
                let cats = tree.leftCategories[node]
                if !cats.isEmpty {
                    flat.code |= Self.categoricalBit
                    flat.threshold = Double(bitPattern: UInt64(categories.count) << 32 | UInt64(cats.count))
                    categories.append(contentsOf: cats)
                }
                nodes.append(flat)
                stack.append((Int(tree.right[node]), nodes.count - 1))
                stack.append((Int(tree.left[node]), -1))
            }
        }
        self.nodes = nodes
        self.categories = categories
        self.roots = roots
        self.leafStarts = leafStarts
        self.leafValues = leafValues
        self.outputCount = outputCount
    }

    var treeCount: Int { roots.count }

    /// The node a row moves to from node `index` of `tree` (`index` itself at a leaf); `row`
    /// points at the row's features. A numeric split is decided without a branch: which way a
    /// row goes is as good as random, and a mispredicted branch costs more than the arithmetic.
    @inline(__always)
    static func step(_ index: Int, tree: UnsafePointer<Node>, row: UnsafePointer<Double>,
                     categories: UnsafeBufferPointer<Int32>) -> Int {
        let node = tree[index]
        let code = node.code
        let value = row[Int(code & featureMask)]
        let right = Int(node.right)
        if code & categoricalBit != 0 {
            return categoricalGoesLeft(value, code: code, run: node.threshold.bitPattern, categories: categories)
                ? index + 1 : right
        }
        // `value <= t` is false for NaN and `!(value > t)` true, so a missing value goes left
        // exactly when the node says so; at a leaf (threshold NaN, no flag) every row goes right.
        let missingLeft = Int(truncatingIfNeeded: code >> 30) & 1
        let below = value <= node.threshold ? 1 : 0
        let notAbove = value > node.threshold ? 0 : 1
        let left = below | (notAbove & missingLeft)
        return right &+ left &* (index &+ 1 &- right)
    }

    private static func categoricalGoesLeft(_ value: Double, code: Int32, run: UInt64,
                                            categories: UnsafeBufferPointer<Int32>) -> Bool {
        if value.isNaN { return code & missingLeftBit != 0 }
        // A code is a whole number in Int32's range; anything else matches no category.
        guard value > -2_147_483_649, value < 2_147_483_648 else { return false }
        let level = Int32(value)
        let start = Int(run >> 32), end = start + Int(run & 0xFFFF_FFFF)
        for k in start..<end where categories[k] == level { return true }
        return false
    }

    /// Rows walked together in lockstep: enough independent node loads in flight to hide the
    /// cache misses of deep trees, few enough that rows already at a leaf do not wait long for
    /// the deepest one (8 beat 16 and 32 on the benchmark's forests at 50,000 and 500,000 rows).
    static let lockstepRows = 8

    /// Feature doubles per block of rows (16 MB): a block is copied row-major once, then every
    /// tree walks all of it, so the forest is read from memory once per block.
    static let blockDoubles = 1 << 21

    /// Nodes per batch of trees (1 MB of nodes, about one core's L2 cache): a batch is walked by
    /// every row of the block before the next batch, so its nodes stay cached while they are needed.
    static let batchNodes = 65_536

    /// Consecutive trees whose nodes together stay within `batchNodes` (at least one tree each).
    var treeBatches: [Range<Int>] {
        var batches: [Range<Int>] = []
        var first = 0
        for t in 0..<treeCount {
            let end = t + 1 < treeCount ? roots[t + 1] : nodes.count
            if t > first && end - roots[first] > Self.batchNodes {
                batches.append(first..<t)
                first = t
            }
        }
        if first < treeCount { batches.append(first..<treeCount) }
        return batches
    }

    /// Per row, `initial` plus the sum over trees of the leaf values (`outputCount` per row,
    /// row-major), and per row how many trees took part. `fill(rows, x)` writes the features of
    /// `rows` into `x`, row after row (NaN for missing). With `inBag` (one bit per row per tree,
    /// `(rowCount + 63) / 64` words per tree, set for the rows a tree trained on), a tree counts
    /// only for the rows it did not train on.
    ///
    /// Rows go in blocks; within a block, batch after batch of trees, each batch walked by parts
    /// of the block on both cores. A row's sums therefore grow in tree order whatever the parts.
    func sums(rowCount: Int, featureCount p: Int, initial: Double = 0, cancellation: Cancellation = .never,
              fill: (Range<Int>, UnsafeMutablePointer<Double>) -> Void,
              inBag: [UInt64]? = nil, workers: Int = FixedChunks.threadCount) throws -> (sums: [Double], counts: [Int]) {
        let outputs = outputCount
        var sums = [Double](repeating: initial, count: rowCount * outputs)
        var counts = [Int](repeating: inBag == nil ? treeCount : 0, count: rowCount)
        guard rowCount > 0, treeCount > 0 else { return (sums, counts) }
        let blockRows = max(1, min(rowCount, Self.blockDoubles / max(p, 1)))
        let batches = treeBatches
        let x = UnsafeMutablePointer<Double>.allocate(capacity: max(1, blockRows * p))
        defer { x.deallocate() }
        let bits = inBag ?? []
        try sums.withUnsafeMutableBufferPointer { sumBuffer in
            try counts.withUnsafeMutableBufferPointer { countBuffer in
                let sumOut = DisjointWrites(sumBuffer)
                let countOut = DisjointWrites(countBuffer)
                try bits.withUnsafeBufferPointer { bits in
                    for blockStart in stride(from: 0, to: rowCount, by: blockRows) {
                        let block = blockStart..<min(rowCount, blockStart + blockRows)
                        let parts = FixedChunks(total: block.count, parts: FixedChunks.defaultParts,
                                                minimumToSplit: FixedChunks.worthSplitting)
                        try parts.forEach(workers: workers, cancellation: cancellation) { part in
                            let local = parts.range(part)
                            fill((blockStart + local.lowerBound)..<(blockStart + local.upperBound), x + local.lowerBound * p)
                        }
                        for batch in batches {
                            try parts.forEach(workers: workers, cancellation: cancellation) { part in
                                let local = parts.range(part)
                                let rows = (blockStart + local.lowerBound)..<(blockStart + local.upperBound)
                                walk(trees: batch, rows: rows, x: x + local.lowerBound * p, featureCount: p,
                                     sums: sumOut.base + rows.lowerBound * outputs, counts: countOut.base + rows.lowerBound,
                                     inBag: inBag == nil ? nil : bits, rowCount: rowCount)
                            }
                        }
                    }
                }
            }
        }
        return (sums, counts)
    }

    /// Adds the leaf values of `trees` to `sums` for `rows` (their features at `x`, `sums` and
    /// `counts` pointing at the first of them); with `inBag`, only for the rows each tree left out,
    /// counted in `counts`.
    private func walk(trees: Range<Int>, rows: Range<Int>, x: UnsafePointer<Double>, featureCount p: Int,
                      sums: UnsafeMutablePointer<Double>, counts: UnsafeMutablePointer<Int>,
                      inBag: UnsafeBufferPointer<UInt64>?, rowCount: Int) {
        let outputs = outputCount
        let group = Self.lockstepRows
        let words = (rowCount + 63) / 64
        let m = rows.count
        nodes.withUnsafeBufferPointer { nodes in
        categories.withUnsafeBufferPointer { categories in
        leafValues.withUnsafeBufferPointer { leafValues in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: m + 2 * group) { scratch in
            guard let first = nodes.baseAddress, let values = leafValues.baseAddress,
                  let walked = scratch.baseAddress else { return }
            // The rows (offsets from `rows.lowerBound`) a tree walks, then each group's node and feature offset.
            let at = walked + m
            let rowAt = at + group
            var walkedCount = m
            for k in 0..<m { walked[k] = k }
            for t in trees {
                if let inBag {
                    walkedCount = 0
                    for (k, row) in rows.enumerated() where inBag[t * words + row >> 6] & (1 << UInt64(row & 63)) == 0 {
                        walked[walkedCount] = k
                        walkedCount += 1
                        counts[k] += 1
                    }
                }
                let tree = first + roots[t]
                let treeValues = values + leafStarts[t] * outputs
                // A tree that is one leaf reads no feature (there may be none).
                var start = tree[0].right == 0 ? walkedCount : 0
                if start > 0 {
                    for j in 0..<walkedCount {
                        for o in 0..<outputs { sums[walked[j] * outputs + o] += treeValues[o] }
                    }
                }
                while start < walkedCount {
                    let count = min(group, walkedCount - start)
                    for g in 0..<count {
                        at[g] = 0
                        rowAt[g] = walked[start + g] * p
                    }
                    // Sweep until no row moves: then every row is at a leaf.
                    while true {
                        var moved = 0
                        for g in 0..<count {
                            let here = at[g]
                            let next = Self.step(here, tree: tree, row: x + rowAt[g], categories: categories)
                            moved |= next ^ here
                            at[g] = next
                        }
                        if moved == 0 { break }
                    }
                    for g in 0..<count {
                        let leaf = Int(tree[at[g]].threshold.bitPattern & 0xFFFF_FFFF)
                        let k = walked[start + g]
                        for o in 0..<outputs { sums[k * outputs + o] += treeValues[leaf * outputs + o] }
                    }
                    start += count
                }
            }
        }
        }
        }
        }
    }
}

extension ModelFrame {
    /// Writes the features of `rows` into `x`, row after row (category codes as numbers, NaN for
    /// missing), as `FlatTrees.sums` reads them.
    func fillRows(_ rows: Range<Int>, into x: UnsafeMutablePointer<Double>) {
        let p = features.count
        for (f, feature) in features.enumerated() {
            switch feature {
            case .numeric(_, let values):
                for (k, row) in rows.enumerated() { x[k * p + f] = values[row] }
            case .categorical(_, let codes, _):
                for (k, row) in rows.enumerated() { x[k * p + f] = codes[row] < 0 ? .nan : Double(codes[row]) }
            }
        }
    }
}
