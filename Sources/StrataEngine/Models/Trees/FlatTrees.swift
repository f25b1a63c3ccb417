/// Trees laid out for prediction: every node of every tree in one array of 16-byte nodes, numbered
/// so that a node's left child comes right after it (a walk reads one small struct per step), rows
/// copied into a row-major block that every tree walks while it is in the cache, and blocks handed
/// to both cores. Each row's values are summed over the trees in tree order, so a prediction is
/// the same bit for bit on one thread or two, and the same as walking the `TreeStructure`s one by one.
struct FlatTrees: Sendable {
    struct Node: Sendable {
        /// A numeric split's threshold; for a categorical split, the bit pattern of
        /// `start << 32 | count`: the run of `categories` holding the codes that go left.
        var threshold: Double
        /// Negative for a leaf; else the feature index in the low 28 bits, with `missingLeftBit`
        /// and `categoricalBit`.
        var code: Int32
        /// Index of the right child (the left child is the next node).
        var right: Int32
    }

    static let featureMask: Int32 = 0x0FFF_FFFF
    static let missingLeftBit: Int32 = 1 << 30
    static let categoricalBit: Int32 = 1 << 29

    let nodes: [Node]
    let categories: [Int32]
    /// Index in `nodes` of each tree's root.
    let roots: [Int]
    /// `outputCount` values per node, indexed like `nodes`.
    let values: [Double]
    let outputCount: Int

    init(_ trees: [TreeStructure], outputCount: Int) {
        var nodes: [Node] = []
        nodes.reserveCapacity(trees.reduce(0) { $0 + $1.nodeCount })
        var categories: [Int32] = []
        var roots: [Int] = []
        var values: [Double] = []
        for tree in trees where tree.nodeCount > 0 {
            roots.append(nodes.count)
            // Pre-order, left first; `parent` is the flat index whose right child this node is.
            var stack: [(node: Int, parent: Int)] = [(0, -1)]
            while let (node, parent) = stack.popLast() {
                let index = nodes.count
                if parent >= 0 { nodes[parent].right = Int32(index) }
                var flat = Node(threshold: tree.threshold[node], code: -1, right: -1)
                if tree.feature[node] >= 0 {
                    flat.code = tree.feature[node] & Self.featureMask
                    if tree.missingGoesLeft[node] { flat.code |= Self.missingLeftBit }
                    let cats = tree.leftCategories[node]
                    if !cats.isEmpty {
                        flat.code |= Self.categoricalBit
                        flat.threshold = Double(bitPattern: UInt64(categories.count) << 32 | UInt64(cats.count))
                        categories.append(contentsOf: cats)
                    }
                    stack.append((Int(tree.right[node]), index))
                    stack.append((Int(tree.left[node]), -1))
                }
                nodes.append(flat)
                let own = tree.value(at: node)
                for o in 0..<outputCount { values.append(o < own.count ? own[own.startIndex + o] : 0) }
            }
        }
        self.nodes = nodes
        self.categories = categories
        self.roots = roots
        self.values = values
        self.outputCount = outputCount
    }

    var treeCount: Int { roots.count }

    /// The index of the leaf a row reaches from `root`; `row` points at the row's features.
    @inline(__always)
    static func leaf(from root: Int, row: UnsafePointer<Double>, nodes: UnsafeBufferPointer<Node>,
                     categories: UnsafeBufferPointer<Int32>) -> Int {
        var index = root
        while true {
            let node = nodes[index]
            let code = node.code
            if code < 0 { return index }
            let value = row[Int(code & featureMask)]
            let goesLeft: Bool
            if code & categoricalBit == 0 {
                // NaN fails `<=`, so a missing value goes left only when the node says so.
                goesLeft = value <= node.threshold || (value.isNaN && code & missingLeftBit != 0)
            } else if value.isNaN {
                goesLeft = code & missingLeftBit != 0
            } else {
                let run = node.threshold.bitPattern
                let start = Int(run >> 32), end = start + Int(run & 0xFFFF_FFFF)
                let level = Int32(value)
                var found = false
                for k in start..<end where categories[k] == level {
                    found = true
                    break
                }
                goesLeft = found
            }
            index = goesLeft ? index + 1 : Int(node.right)
        }
    }

    /// Rows per block: a block's features (rows × features doubles) stay in the cache while every
    /// tree walks them.
    static let blockRows = 256

    /// Per row, the sum over trees of the leaf values (`outputCount` per row, row-major), and per
    /// row how many trees took part. `fill(rows, x)` writes the features of `rows` into `x`, row
    /// after row (NaN for missing). With `outOfBag` (one bit per row per tree, `(rowCount + 63) / 64`
    /// words per tree, set for the rows a tree trained on), a tree counts only for the rows it did
    /// not train on.
    func sums(rowCount: Int, featureCount p: Int, cancellation: Cancellation = .never,
              fill: (Range<Int>, UnsafeMutablePointer<Double>) -> Void,
              inBag: [UInt64]? = nil) throws -> (sums: [Double], counts: [Int]) {
        let outputs = outputCount
        var sums = [Double](repeating: 0, count: rowCount * outputs)
        var counts = [Int](repeating: inBag == nil ? treeCount : 0, count: rowCount)
        let chunks = FixedChunks(total: rowCount, size: Self.blockRows)
        let words = (rowCount + 63) / 64
        let bits = inBag ?? []
        try sums.withUnsafeMutableBufferPointer { sumBuffer in
            try counts.withUnsafeMutableBufferPointer { countBuffer in
                let sumOut = DisjointWrites(sumBuffer)
                let countOut = DisjointWrites(countBuffer)
                try nodes.withUnsafeBufferPointer { nodes in
                    try categories.withUnsafeBufferPointer { categories in
                        try values.withUnsafeBufferPointer { values in
                            try bits.withUnsafeBufferPointer { bits in
                                try chunks.forEach(cancellation: cancellation) { chunk in
                                    let rows = chunks.range(chunk)
                                    withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, rows.count * p)) { block in
                                        guard let x = block.baseAddress else { return }
                                        fill(rows, x)
                                        for (t, root) in roots.enumerated() {
                                            for (k, row) in rows.enumerated() {
                                                if inBag != nil {
                                                    if bits[t * words + row >> 6] & (1 << UInt64(row & 63)) != 0 { continue }
                                                    countOut[row] += 1
                                                }
                                                let leaf = Self.leaf(from: root, row: x + k * p, nodes: nodes,
                                                                     categories: categories)
                                                for o in 0..<outputs {
                                                    sumOut[row * outputs + o] += values[leaf * outputs + o]
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
