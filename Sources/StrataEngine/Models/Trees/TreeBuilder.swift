/// Grows one CART tree depth first, as scikit-learn's DepthFirstTreeBuilder and BestSplitter do:
/// nodes numbered in pre-order (left subtree first), the same stopping rules, the same candidate
/// thresholds (midpoints between consecutive distinct values), the same treatment of missing
/// values (each split tried with missing rows on the left and on the right, and missing rows alone
/// on the right), so on data without ties a tree has scikit-learn's splits.
///
/// The search is exact but does not sort doubles at every node: it reads each feature's ranks
/// (`TreeRanks`) and either counts the node's class totals per rank (when the node holds many rows
/// for the feature's number of distinct values) or sorts the node's (rank, row) pairs as integers;
/// see `TreeGrowth+Split.swift`.
///
/// Categorical features are split natively: the node's levels are ordered by their mean target
/// (share of the second class for binary targets, the mean for regression; for more classes the
/// share of the node's most common class, a heuristic) and every prefix of that order is tried as
/// the left set, Breiman's exact shortcut for binary and regression targets.
///
/// With `maxFeatures` below the feature count, a node draws features in random order until it has
/// looked at that many that are not constant in the node (features found constant in an ancestor
/// are skipped without a look).
///
/// One builder grows one tree on one thread; a forest makes one per tree.
struct TreeBuilder {
    private let data: TreeTrainingSet
    private let parameters: TreeParameters
    /// Row weights (bootstrap counts times sample weights); rows with weight 0 take no part.
    private let weights: [Double]
    private let seed: UInt64

    init(data: TreeTrainingSet, parameters: TreeParameters, weights: [Double], seed: UInt64) {
        self.data = data
        self.parameters = parameters
        self.weights = weights
        self.seed = seed
    }

    /// Grows the tree, checking for cancellation once per node.
    func build(cancellation: Cancellation) throws -> TreeStructure {
        let ranked = data.ranked
        let labels: [Int32], y: [Double], classCount: Int
        switch data.target {
        case .classes(let l, let count): labels = l; y = []; classCount = count
        case .values(let v): labels = []; y = v; classCount = 0
        }
        return try ranked.ranks.withUnsafeBufferPointer { ranks in
            try ranked.distinct.withUnsafeBufferPointer { distinct in
                try weights.withUnsafeBufferPointer { weights in
                    try labels.withUnsafeBufferPointer { labels in
                        try y.withUnsafeBufferPointer { y in
                            var growth = TreeGrowth(data: data, parameters: parameters, seed: seed, classCount: classCount,
                                                    ranks: ranks, distinct: distinct, weights: weights,
                                                    labels: classCount > 0 ? labels : nil, y: classCount > 0 ? nil : y)
                            defer { growth.deallocate() }
                            return try growth.grow(cancellation: cancellation)
                        }
                    }
                }
            }
        }
    }
}

/// Growing one tree: read-only views of the training data and scratch buffers that every node
/// reuses, so a node allocates nothing. Lives only inside `TreeBuilder.build`, whose buffers the
/// pointers borrow; `deallocate` frees the scratch.
struct TreeGrowth {
    let rowCount: Int
    let featureCount: Int
    /// Doubles per statistic: weighted count per class, or (Σwy, Σwy²).
    let width: Int
    let classCount: Int
    let criterion: TreeCriterion
    let minLeaf: Int
    let minSplit: Int
    let maxDepth: Int?
    let mtry: Int
    var rng: SeededGenerator
    var featureOrder: [Int]
    var tree: TreeStructure

    // Borrowed: `UnsafeBufferPointer`s, since an empty one (no categorical feature has distinct
    // values; a regression has no labels) may have no base address.
    let ranks: UnsafeBufferPointer<UInt32>
    let distinct: UnsafeBufferPointer<Double>
    let distinctStart: [Int]
    let rankCounts: [Int]
    let isCategorical: [Bool]
    /// Class per row (classification) or nil.
    let labels: UnsafeBufferPointer<Int32>?
    /// Target per row (regression) or nil.
    let y: UnsafeBufferPointer<Double>?
    let weights: UnsafeBufferPointer<Double>

    // Scratch.
    /// The rows with positive weight; each node owns a contiguous range, split in place.
    let samples: UnsafeMutablePointer<Int32>
    let sampleCount: Int
    /// (rank << 32 | row) keys of the sorting path, and the radix sort's second buffer.
    let keys: UnsafeMutablePointer<UInt64>
    let spareKeys: UnsafeMutablePointer<UInt64>
    /// Per rank of the feature being counted: rows, weight, statistics; all zero between uses.
    let binN: UnsafeMutablePointer<Int32>
    let binW: UnsafeMutablePointer<Double>
    let binStats: UnsafeMutablePointer<Double>
    /// The node's distinct values of one feature in split order ("units"): rank, rows, weight,
    /// statistics.
    let unitRank: UnsafeMutablePointer<UInt32>
    let unitN: UnsafeMutablePointer<Int32>
    let unitW: UnsafeMutablePointer<Double>
    let unitStats: UnsafeMutablePointer<Double>
    let maxRanks: Int
    /// Statistics of the node, of the left side during a sweep, of the node's missing rows, and
    /// of the best split's left side.
    let total: UnsafeMutablePointer<Double>
    let left: UnsafeMutablePointer<Double>
    let missing: UnsafeMutablePointer<Double>
    let bestLeft: UnsafeMutablePointer<Double>
    let isLeftLevel: UnsafeMutablePointer<Bool>

    init(data: TreeTrainingSet, parameters: TreeParameters, seed: UInt64, classCount: Int,
         ranks: UnsafeBufferPointer<UInt32>, distinct: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>,
         labels: UnsafeBufferPointer<Int32>?, y: UnsafeBufferPointer<Double>?) {
        rowCount = data.rowCount
        featureCount = data.featureCount
        width = data.statWidth
        self.classCount = classCount
        criterion = parameters.criterion
        minLeaf = parameters.minSamplesLeaf
        minSplit = parameters.minSamplesSplit
        maxDepth = parameters.maxDepth
        mtry = parameters.maxFeatures.resolved(featureCount: data.featureCount)
        rng = SeededGenerator(seed: seed)
        featureOrder = Array(0..<data.featureCount)
        tree = TreeStructure(outputCount: data.isClassification ? data.statWidth : 1)
        self.ranks = ranks
        self.distinct = distinct
        distinctStart = data.ranked.distinctStart
        rankCounts = data.ranked.rankCounts
        isCategorical = data.levelCounts.map { $0 > 0 }
        self.labels = labels
        self.y = y
        self.weights = weights

        var positive = 0
        for row in 0..<data.rowCount where weights[row] > 0 { positive += 1 }
        sampleCount = positive
        samples = .allocate(capacity: max(1, positive))
        var k = 0
        for row in 0..<data.rowCount where weights[row] > 0 {
            samples[k] = Int32(row)
            k += 1
        }
        keys = .allocate(capacity: max(1, positive))
        spareKeys = .allocate(capacity: max(1, positive))
        maxRanks = max(1, rankCounts.max() ?? 1)
        binN = .allocate(capacity: maxRanks)
        binN.initialize(repeating: 0, count: maxRanks)
        binW = .allocate(capacity: maxRanks)
        binW.initialize(repeating: 0, count: maxRanks)
        binStats = .allocate(capacity: maxRanks * width)
        binStats.initialize(repeating: 0, count: maxRanks * width)
        let maxUnits = max(1, min(positive, maxRanks))
        unitRank = .allocate(capacity: maxUnits)
        unitN = .allocate(capacity: maxUnits)
        unitW = .allocate(capacity: maxUnits)
        unitStats = .allocate(capacity: maxUnits * width)
        total = .allocate(capacity: width)
        left = .allocate(capacity: width)
        missing = .allocate(capacity: width)
        bestLeft = .allocate(capacity: width)
        for buffer in [total, left, missing, bestLeft] { buffer.initialize(repeating: 0, count: width) }
        isLeftLevel = .allocate(capacity: maxRanks)
        isLeftLevel.initialize(repeating: false, count: maxRanks)
    }

    func deallocate() {
        samples.deallocate(); keys.deallocate(); spareKeys.deallocate()
        binN.deallocate(); binW.deallocate(); binStats.deallocate()
        unitRank.deallocate(); unitN.deallocate(); unitW.deallocate(); unitStats.deallocate()
        total.deallocate(); left.deallocate(); missing.deallocate(); bestLeft.deallocate()
        isLeftLevel.deallocate()
    }

    /// A node waiting to be grown: its rows `samples[start..<end]`.
    private struct Pending {
        let start: Int, end: Int, depth: Int, parent: Int, isLeft: Bool
        /// Features (below 64) found constant in an ancestor, hence constant here.
        let constants: UInt64
    }

    mutating func grow(cancellation: Cancellation) throws -> TreeStructure {
        var stack = [Pending(start: 0, end: sampleCount, depth: 0, parent: -1, isLeft: false, constants: 0)]
        let values = UnsafeMutablePointer<Double>.allocate(capacity: width)
        defer { values.deallocate() }
        while let item = stack.popLast() {
            try cancellation.check()
            let nodeWeight = nodeStatistics(start: item.start, end: item.end)
            let impurity = self.impurity(total, weight: nodeWeight)
            let outputs = tree.outputCount
            for o in 0..<outputs { values[o] = nodeWeight > 0 ? total[o] / nodeWeight : 0 }
            let node = tree.addNode(values: UnsafeBufferPointer(start: values, count: outputs), cover: nodeWeight)
            if item.parent >= 0 {
                if item.isLeft { tree.left[item.parent] = Int32(node) } else { tree.right[item.parent] = Int32(node) }
            }
            let count = item.end - item.start
            var isLeaf = count < minSplit || count < 2 * minLeaf || impurity <= Double.ulpOfOne
            if let maxDepth, item.depth >= maxDepth { isLeaf = true }
            if isLeaf { continue }
            var constants = item.constants
            var best = NodeSplit()
            findSplit(start: item.start, end: item.end, nodeWeight: nodeWeight, constants: &constants, best: &best)
            guard best.feature >= 0 else { continue }
            let position = partition(start: item.start, end: item.end, split: best)
            let rightWeight = nodeWeight - best.leftWeight
            // Right statistics into `left` (free now), for the right child's impurity.
            for s in 0..<width { left[s] = total[s] - bestLeft[s] }
            let gain = nodeWeight * impurity - best.leftWeight * self.impurity(bestLeft, weight: best.leftWeight)
                - rightWeight * self.impurity(left, weight: rightWeight)
            tree.setSplit(node, feature: best.feature, threshold: best.threshold, leftCategories: best.leftLevels,
                          missingGoesLeft: best.missingGoesLeft, left: -1, right: -1, gain: gain)
            stack.append(Pending(start: position, end: item.end, depth: item.depth + 1, parent: node, isLeft: false,
                                 constants: constants))
            stack.append(Pending(start: item.start, end: position, depth: item.depth + 1, parent: node, isLeft: true,
                                 constants: constants))
        }
        return tree
    }

    /// Sums the node's statistics into `total`; returns its weight.
    private func nodeStatistics(start: Int, end: Int) -> Double {
        for s in 0..<width { total[s] = 0 }
        var weight = 0.0
        if let labels {
            for i in start..<end {
                let row = Int(samples[i])
                let w = weights[row]
                weight += w
                total[Int(labels[row])] += w
            }
        } else if let y {
            for i in start..<end {
                let row = Int(samples[i])
                let w = weights[row]
                weight += w
                total[0] += w * y[row]
                total[1] += w * y[row] * y[row]
            }
        }
        return weight
    }

    func impurity(_ stats: UnsafeMutablePointer<Double>, weight: Double) -> Double {
        guard weight > 0 else { return 0 }
        switch criterion {
        case .gini:
            var sq = 0.0
            for s in 0..<width { sq += stats[s] * stats[s] }
            return 1 - sq / (weight * weight)
        case .entropy:
            var h = 0.0
            for s in 0..<width where stats[s] > 0 {
                let p = stats[s] / weight
                h -= p * log2(p)
            }
            return h
        case .squaredError:
            let mean = stats[0] / weight
            return stats[1] / weight - mean * mean
        }
    }

    /// Draws features in random order until `mtry` of them not constant in the node have been
    /// searched; the best split lands in `best`.
    private mutating func findSplit(start: Int, end: Int, nodeWeight: Double, constants: inout UInt64,
                                    best: inout NodeSplit) {
        var visited = 0
        for i in 0..<featureCount {
            if mtry < featureCount {
                let j = i + rng.nextInt(below: featureCount - i)
                featureOrder.swapAt(i, j)
            }
            let f = featureOrder[i]
            if f < 64 && constants & (1 << UInt64(f)) != 0 { continue }
            if evaluate(feature: f, start: start, end: end, nodeWeight: nodeWeight, best: &best) {
                visited += 1
                if visited >= mtry { break }
            } else if f < 64 {
                constants |= 1 << UInt64(f)
            }
        }
    }

    /// Moves the node's rows going left to the front; returns where the right child starts.
    private func partition(start: Int, end: Int, split: NodeSplit) -> Int {
        let column = split.feature * rowCount
        let categorical = isCategorical[split.feature]
        if categorical { for level in split.leftLevels { isLeftLevel[Int(level)] = true } }
        defer { if categorical { for level in split.leftLevels { isLeftLevel[Int(level)] = false } } }
        let splitRank = split.splitRank
        let missingLeft = split.missingGoesLeft
        var i = start
        var j = end - 1
        while i <= j {
            let rank = ranks[column + Int(samples[i])]
            let goesLeft = rank == TreeRanks.missing ? missingLeft
                : categorical ? isLeftLevel[Int(rank)] : rank <= splitRank
            if goesLeft {
                i += 1
            } else {
                let swap = samples[i]
                samples[i] = samples[j]
                samples[j] = swap
                j -= 1
            }
        }
        return i
    }
}

/// The best split found so far at a node.
struct NodeSplit {
    var proxy = -Double.infinity
    var feature = -1
    var threshold = 0.0
    /// Numeric splits: rows whose rank is at most this go left.
    var splitRank: UInt32 = 0
    var leftLevels: [Int32] = []
    var missingGoesLeft = false
    var leftWeight = 0.0
}

extension TreeTrainingSet {
    var isClassification: Bool {
        if case .classes = target { return true }
        return false
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
