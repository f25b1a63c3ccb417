/// Exact path-dependent TreeSHAP (Lundberg et al. 2020, "From local explanations to global
/// understanding with explainable AI for trees", Algorithm 2), over `TreeStructure`, with node
/// cover (training weight reaching a node) as the background distribution, as `shap.TreeExplainer`
/// does for scikit-learn trees. For an ensemble the per-tree values are summed and multiplied by
/// `scale` (1 for boosting, 1/trees for a forest's mean).
///
/// Per row and tree, expected value + Σ contributions = the tree's prediction (up to rounding).
///
/// Two exact algorithms give the same values: `PathSHAP` (Algorithm 2, O(leaves · depth²) per row
/// and tree, no extra memory) and `LeafSubsetSHAP` (Fast TreeSHAP v2, O(nodes + leaves · depth) per
/// row after a per-tree table of Σ 2^d doubles). Each tree gets the table when the rows repay
/// filling it and it fits `tableBudget`; rows run in parallel chunks and each row sums its trees in
/// tree order, so the result is the same bit for bit on any number of threads.
public enum TreeSHAP {
    /// The cover-weighted mean of a tree's leaf values for one output: its prediction for an average row.
    public static func expectedValue(_ tree: TreeStructure, output: Int) -> Double {
        guard tree.nodeCount > 0, tree.cover[0] > 0 else { return 0 }
        var sum = 0.0
        for node in 0..<tree.nodeCount where tree.isLeaf(node) {
            sum += tree.cover[node] * tree.values[node * tree.outputCount + output]
        }
        return sum / tree.cover[0]
    }

    static func requireBinary(_ classes: [String]) throws {
        guard classes.count == 2 else {
            throw EngineError("explanations are computed for a two-class target; this one has \(classes.count) classes",
                              suggestion: "make the target yes/no, e.g. churned or not")
        }
    }

    /// Per row of `frame`, one contribution per feature.
    /// `method` is for measuring one algorithm alone; every model uses `.automatic`.
    public static func contributions(_ trees: [TreeStructure], output: Int, scale: Double, frame: ModelFrame,
                                     method: Method = .automatic, cancellation: Cancellation = .never) throws -> [[Double]] {
        try contributions(trees, output: output, scale: scale, frame: frame, method: method,
                          workers: FixedChunks.threadCount, cancellation: cancellation)
    }

    /// How each tree is explained; both give the same values up to rounding.
    public enum Method: String, Sendable, CaseIterable {
        /// Per tree: `LeafSubsetSHAP` when its table fits `tableBudget` and the rows repay
        /// building it, else `PathSHAP`.
        case automatic
        /// Algorithm 2 for every tree.
        case path
        /// Fast TreeSHAP v2 for every tree that allows it (whatever its table costs).
        case leafSubsets
    }

    /// The most table doubles held at once (32 MB): trees are explained in consecutive batches
    /// whose tables fit, and a tree whose own table is larger uses Algorithm 2.
    static let tableBudget = 1 << 22

    /// Rows per parallel chunk: a tree's table stays in cache across a chunk's rows.
    static let rowsPerChunk = 256

    static func contributions(_ trees: [TreeStructure], output: Int, scale: Double, frame: ModelFrame,
                              method: Method, workers: Int, cancellation: Cancellation) throws -> [[Double]] {
        let featureCount = frame.features.count
        let rowCount = frame.rowCount
        let flat = try trees.filter { $0.nodeCount > 0 }.map { try SHAPTree($0, output: output, featureCount: featureCount) }
        let maxDepth = flat.map(\.depth).max() ?? 0
        let maxNodes = flat.map(\.nodeCount).max() ?? 0
        let plans = flat.map { tree -> LeafSubsetSHAP.Plan? in
            guard method != .path, let plan = LeafSubsetSHAP.plan(tree) else { return nil }
            if method == .leafSubsets { return plan }
            let pays = Double(rowCount) * plan.pathWorkPerRow > plan.tableWork
            return pays && plan.tableEntries <= tableBudget ? plan : nil
        }
        let phi = DisjointWrites<Double>(repeating: 0, count: rowCount * featureCount)
        let chunks = FixedChunks(total: rowCount, size: rowsPerChunk)
        var first = 0
        while first < flat.count {
            // The next batch: consecutive trees whose tables fit the budget together (at least one tree).
            var end = first
            var entries = 0
            while end < flat.count {
                let more = plans[end]?.tableEntries ?? 0
                if end > first && entries + more > tableBudget { break }
                entries += more
                end += 1
            }
            let batch = first..<end
            let tables = DisjointWrites<LeafSubsetSHAP?>(repeating: nil, count: batch.count)
            try FixedChunks(pieces: batch.count).forEach(workers: workers, cancellation: cancellation) { k in
                if let plan = plans[batch.lowerBound + k] { tables[k] = LeafSubsetSHAP(flat[batch.lowerBound + k], plan: plan) }
            }
            try chunks.forEach(workers: workers, cancellation: cancellation) { chunk in
                let rows = chunks.range(chunk)
                let x = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(rows.count * featureCount, 1))
                defer { x.deallocate() }
                for (j, feature) in frame.features.enumerated() {
                    for (r, row) in rows.enumerated() { x[r * featureCount + j] = feature.numericValue(row) }
                }
                let masks = UnsafeMutablePointer<UInt32>.allocate(capacity: Swift.max(maxNodes, 1))
                defer { masks.deallocate() }
                let walker = PathSHAP(maxDepth: maxDepth)
                for k in 0..<batch.count {
                    if let table = tables[k] {
                        for (r, row) in rows.enumerated() {
                            table.explain(x: x + r * featureCount, masks: masks, into: phi.base + row * featureCount)
                        }
                    } else {
                        let tree = flat[batch.lowerBound + k]
                        for (r, row) in rows.enumerated() {
                            walker.explain(tree, x: x + r * featureCount, into: phi.base + row * featureCount)
                        }
                    }
                }
            }
            first = end
        }
        return (0..<rowCount).map { row in (0..<featureCount).map { phi[row * featureCount + $0] * scale } }
    }
}
