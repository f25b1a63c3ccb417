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
    /// points at the row's features.
    @inline(__always)
    static func step(_ index: Int, tree: UnsafePointer<Node>, row: UnsafePointer<Double>,
                     categories: UnsafeBufferPointer<Int32>) -> Int {
        let node = tree[index]
        let code = node.code
        let value = row[Int(code & featureMask)]
        let goesLeft: Bool
        if code & categoricalBit == 0 {
            // NaN fails `<=`, so a missing value goes left only when the node says so.
            goesLeft = value <= node.threshold || (value.isNaN && code & missingLeftBit != 0)
        } else {
            goesLeft = categoricalGoesLeft(value, code: code, run: node.threshold.bitPattern, categories: categories)
        }
        return goesLeft ? index + 1 : Int(node.right)
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
    /// cache misses of deep trees.
    static let lockstepRows = 16

    /// Rows per chunk: every tree is walked by the whole chunk before the next, so a bigger chunk
    /// reuses more of a tree's deep nodes while they are cached; at most 2 MB of features per
    /// chunk (so a chunk's rows and one tree share the cache), and about 8 chunks so two cores
    /// share the work evenly. The result does not depend on it.
    static func chunkRows(rowCount: Int, featureCount p: Int) -> Int {
        let cap = max(256, min(16_384, 262_144 / max(p, 1)))
        return max(1, min(cap, (rowCount + 7) / 8))
    }

    /// Per row, `initial` plus the sum over trees of the leaf values (`outputCount` per row,
    /// row-major), and per row how many trees took part. `fill(rows, x)` writes the features of
    /// `rows` into `x`, row after row (NaN for missing). With `inBag` (one bit per row per tree,
    /// `(rowCount + 63) / 64` words per tree, set for the rows a tree trained on), a tree counts
    /// only for the rows it did not train on.
    func sums(rowCount: Int, featureCount p: Int, initial: Double = 0, cancellation: Cancellation = .never,
              fill: (Range<Int>, UnsafeMutablePointer<Double>) -> Void,
              inBag: [UInt64]? = nil, workers: Int = FixedChunks.threadCount) throws -> (sums: [Double], counts: [Int]) {
        let outputs = outputCount
        var sums = [Double](repeating: initial, count: rowCount * outputs)
        var counts = [Int](repeating: inBag == nil ? treeCount : 0, count: rowCount)
        let chunks = FixedChunks(total: rowCount, size: Self.chunkRows(rowCount: rowCount, featureCount: p))
        let words = (rowCount + 63) / 64
        let bits = inBag ?? []
        let outOfBagOnly = inBag != nil
        let group = Self.lockstepRows
        try sums.withUnsafeMutableBufferPointer { sumBuffer in
            try counts.withUnsafeMutableBufferPointer { countBuffer in
                let sumOut = DisjointWrites(sumBuffer)
                let countOut = DisjointWrites(countBuffer)
                try nodes.withUnsafeBufferPointer { nodes in
                    try categories.withUnsafeBufferPointer { categories in
                        try leafValues.withUnsafeBufferPointer { leafValues in
                            try bits.withUnsafeBufferPointer { bits in
                                guard let first = nodes.baseAddress else { return }
                                try chunks.forEach(workers: workers, cancellation: cancellation) { chunk in
                                    let rows = chunks.range(chunk)
                                    let m = rows.count
                                    withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, m * p)) { block in
                                    withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, m) + 2 * group) { scratch in
                                        guard let x = block.baseAddress, let walked = scratch.baseAddress else { return }
                                        fill(rows, x)
                                        // The chunk rows a tree walks, then each group's node and row pointer.
                                        let at = walked + max(1, m)
                                        let rowAt = at + group
                                        var walkedCount = m
                                        for k in 0..<m { walked[k] = k }
                                        for (t, root) in roots.enumerated() {
                                            if outOfBagOnly {
                                                walkedCount = 0
                                                for (k, row) in rows.enumerated()
                                                where bits[t * words + row >> 6] & (1 << UInt64(row & 63)) == 0 {
                                                    walked[walkedCount] = k
                                                    walkedCount += 1
                                                    countOut[row] += 1
                                                }
                                            }
                                            let tree = first + root
                                            let leafStart = leafStarts[t]
                                            // A tree that is one leaf reads no feature (there may be none).
                                            var start = tree[0].right == 0 ? walkedCount : 0
                                            if start > 0 {
                                                for j in 0..<walkedCount {
                                                    let row = rows.lowerBound + walked[j]
                                                    for o in 0..<outputs {
                                                        sumOut[row * outputs + o] += leafValues[leafStart * outputs + o]
                                                    }
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
                                                        let next = Self.step(here, tree: tree, row: x + rowAt[g],
                                                                             categories: categories)
                                                        moved |= next ^ here
                                                        at[g] = next
                                                    }
                                                    if moved == 0 { break }
                                                }
                                                for g in 0..<count {
                                                    let leaf = leafStart + Int(tree[at[g]].threshold.bitPattern & 0xFFFF_FFFF)
                                                    let row = rows.lowerBound + walked[start + g]
                                                    for o in 0..<outputs {
                                                        sumOut[row * outputs + o] += leafValues[leaf * outputs + o]
                                                    }
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
                }
            }
        }
        return (sums, counts)
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
