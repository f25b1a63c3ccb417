/// Grows one CART tree depth first, as scikit-learn's DepthFirstTreeBuilder and BestSplitter do:
/// nodes numbered in pre-order (left subtree first), the same stopping rules, the same candidate
/// thresholds (midpoints between consecutive distinct values), the same treatment of missing
/// values (each split tried with missing rows on the left and on the right, and missing rows alone
/// on the right), so on data without ties a tree has scikit-learn's splits.
///
/// Categorical features are split natively: the node's levels are ordered by their mean target
/// (share of the second class for binary targets, the mean for regression; for more classes the
/// share of the node's most common class, a heuristic) and every prefix of that order is tried as
/// the left set, Breiman's exact shortcut for binary and regression targets.
///
/// One builder grows one tree on one thread; a forest makes one per tree.
struct TreeBuilder {
    private let data: TreeTrainingSet
    private let parameters: TreeParameters
    /// Row weights (bootstrap counts times sample weights); rows with weight 0 take no part.
    private let weights: [Double]
    private var rng: SeededGenerator
    private let width: Int
    private let mtry: Int

    private var samples: [Int32]
    private var tree: TreeStructure
    // Scratch, reused across nodes and features.
    private var pairs: [ValueSample]
    private var left: [Double]
    private var total: [Double]
    private var missing: [Double]
    private var nonMissing: [Double]
    private var levelStats: [Double] = []
    private var levelN: [Int] = []
    private var levelW: [Double] = []
    private var levelOrder: [Int32] = []
    private var featureOrder: [Int]

    private struct ValueSample {
        var value: Double
        var sample: Int32
    }

    /// The best split found so far at a node.
    private struct Candidate {
        var proxy = -Double.infinity
        var feature = -1
        var threshold = 0.0
        var leftLevels: [Int32] = []
        var missingGoesLeft = false
        var leftStats: [Double] = []
        var leftWeight = 0.0
    }

    init(data: TreeTrainingSet, parameters: TreeParameters, weights: [Double], seed: UInt64) {
        self.data = data
        self.parameters = parameters
        self.weights = weights
        rng = SeededGenerator(seed: seed)
        width = data.statWidth
        mtry = parameters.maxFeatures.resolved(featureCount: data.featureCount)
        samples = []
        samples.reserveCapacity(data.rowCount)
        for row in 0..<data.rowCount where weights[row] > 0 { samples.append(Int32(row)) }
        tree = TreeStructure(outputCount: data.isClassification ? data.statWidth : 1)
        pairs = [ValueSample](repeating: ValueSample(value: 0, sample: 0), count: samples.count)
        left = [Double](repeating: 0, count: width)
        total = left
        missing = left
        nonMissing = left
        featureOrder = Array(0..<data.featureCount)
    }

    /// Grows the tree, checking for cancellation once per node.
    mutating func build(cancellation: Cancellation) throws -> TreeStructure {
        struct Pending {
            let start: Int, end: Int, depth: Int, parent: Int, isLeft: Bool
        }
        var stack = [Pending(start: 0, end: samples.count, depth: 0, parent: -1, isLeft: false)]
        var nodeStats = [Double](repeating: 0, count: width)
        while let item = stack.popLast() {
            try cancellation.check()
            var nodeWeight = 0.0
            for s in 0..<width { nodeStats[s] = 0 }
            for i in item.start..<item.end {
                let row = Int(samples[i])
                nodeWeight += weights[row]
                Self.add(row, weight: weights[row], of: data.target, to: &nodeStats)
            }
            let impurity = self.impurity(nodeStats, weight: nodeWeight)
            let node = tree.addNode(value: nodeValue(nodeStats, weight: nodeWeight), cover: nodeWeight)
            if item.parent >= 0 {
                if item.isLeft { tree.left[item.parent] = Int32(node) } else { tree.right[item.parent] = Int32(node) }
            }
            let count = item.end - item.start
            var isLeaf = count < parameters.minSamplesSplit || count < 2 * parameters.minSamplesLeaf
                || impurity <= Double.ulpOfOne
            if let maxDepth = parameters.maxDepth, item.depth >= maxDepth { isLeaf = true }
            if isLeaf { continue }
            let best = findSplit(start: item.start, end: item.end, nodeStats: nodeStats, nodeWeight: nodeWeight)
            guard best.feature >= 0 else { continue }
            let position = partition(start: item.start, end: item.end, split: best)
            let rightStats = zip(nodeStats, best.leftStats).map { $0 - $1 }
            let rightWeight = nodeWeight - best.leftWeight
            let gain = nodeWeight * impurity - best.leftWeight * self.impurity(best.leftStats, weight: best.leftWeight)
                - rightWeight * self.impurity(rightStats, weight: rightWeight)
            tree.setSplit(node, feature: best.feature, threshold: best.threshold, leftCategories: best.leftLevels,
                          missingGoesLeft: best.missingGoesLeft, left: -1, right: -1, gain: gain)
            stack.append(Pending(start: position, end: item.end, depth: item.depth + 1, parent: node, isLeft: false))
            stack.append(Pending(start: item.start, end: position, depth: item.depth + 1, parent: node, isLeft: true))
        }
        return tree
    }

    // MARK: Statistics

    @inline(__always)
    private static func add(_ row: Int, weight w: Double, of target: TreeTrainingSet.Target, to stats: inout [Double]) {
        switch target {
        case .classes(let labels, _):
            stats[Int(labels[row])] += w
        case .values(let y):
            stats[0] += w * y[row]
            stats[1] += w * y[row] * y[row]
        }
    }

    private func impurity(_ stats: [Double], weight: Double) -> Double {
        guard weight > 0 else { return 0 }
        switch parameters.criterion {
        case .gini:
            var sq = 0.0
            for c in stats { sq += c * c }
            return 1 - sq / (weight * weight)
        case .entropy:
            var h = 0.0
            for c in stats where c > 0 {
                let p = c / weight
                h -= p * log2(p)
            }
            return h
        case .squaredError:
            let mean = stats[0] / weight
            return stats[1] / weight - mean * mean
        }
    }

    private func nodeValue(_ stats: [Double], weight: Double) -> [Double] {
        guard weight > 0 else { return [Double](repeating: 0, count: tree.outputCount) }
        if data.isClassification { return stats.map { $0 / weight } }
        return [stats[0] / weight]
    }

    /// scikit-learn's proxy_impurity_improvement: larger is better, ordered like the true decrease.
    @inline(__always)
    private func proxy(leftWeight wl: Double, nodeWeight: Double) -> Double {
        let wr = nodeWeight - wl
        switch parameters.criterion {
        case .gini:
            var sl = 0.0, sr = 0.0
            for s in 0..<width {
                let l = left[s], r = total[s] - left[s]
                sl += l * l
                sr += r * r
            }
            return sl / wl + sr / wr
        case .entropy:
            var hl = 0.0, hr = 0.0
            for s in 0..<width {
                let l = left[s], r = total[s] - left[s]
                if l > 0 { hl -= l * log2(l / wl) }
                if r > 0 { hr -= r * log2(r / wr) }
            }
            return -(hl + hr)
        case .squaredError:
            let l = left[0], r = total[0] - left[0]
            return l * l / wl + r * r / wr
        }
    }

    // MARK: Split search

    private mutating func findSplit(start: Int, end: Int, nodeStats: [Double], nodeWeight: Double) -> Candidate {
        var best = Candidate()
        total = nodeStats
        let featureCount = data.featureCount
        var visited = 0
        for i in 0..<featureCount {
            if mtry < featureCount {
                let j = i + rng.nextInt(below: featureCount - i)
                featureOrder.swapAt(i, j)
            }
            if evaluate(feature: featureOrder[i], start: start, end: end, nodeWeight: nodeWeight, best: &best) {
                visited += 1
                if visited >= mtry { break }
            }
        }
        return best
    }

    /// Tries every split of one feature at the node; false when the feature is constant there.
    private mutating func evaluate(feature f: Int, start: Int, end: Int, nodeWeight: Double,
                                   best: inout Candidate) -> Bool {
        let column = data.columns[f]
        for s in 0..<width { missing[s] = 0 }
        var missingCount = 0
        var missingWeight = 0.0
        var m = 0
        for i in start..<end {
            let row = Int(samples[i])
            let v = column[row]
            if v.isNaN {
                missingCount += 1
                missingWeight += weights[row]
                Self.add(row, weight: weights[row], of: data.target, to: &missing)
            } else {
                pairs[m] = ValueSample(value: v, sample: Int32(row))
                m += 1
            }
        }
        if m == 0 { return false }
        let levels = data.levelCounts[f]
        let units: Int
        if levels == 0 {
            pairs.withUnsafeMutableBufferPointer { buffer in
                buffer[0..<m].sort { $0.value < $1.value }
            }
            if missingCount == 0 && pairs[m - 1].value <= pairs[0].value + featureThreshold { return false }
            units = m
        } else {
            units = orderLevels(levels: levels, count: m)
            if missingCount == 0 && units <= 1 { return false }
        }
        let nodeCount = end - start
        let minLeaf = parameters.minSamplesLeaf
        for missingLeft in missingCount > 0 ? [false, true] : [false] {
            for s in 0..<width { left[s] = missingLeft ? missing[s] : 0 }
            var leftCount = missingLeft ? missingCount : 0
            var leftWeight = missingLeft ? missingWeight : 0
            for u in 0..<units {
                if levels == 0 {
                    let row = Int(pairs[u].sample)
                    leftCount += 1
                    leftWeight += weights[row]
                    Self.add(row, weight: weights[row], of: data.target, to: &left)
                } else {
                    let level = Int(levelOrder[u])
                    leftCount += levelN[level]
                    leftWeight += levelW[level]
                    for s in 0..<width { left[s] += levelStats[level * width + s] }
                }
                let isLast = u == units - 1
                // The last unit leaves only missing rows on the right: tried once, with missing right.
                if isLast && (missingLeft || missingCount == 0) { break }
                if !isLast && levels == 0 && pairs[u + 1].value <= pairs[u].value + featureThreshold { continue }
                let rightCount = nodeCount - leftCount
                if leftCount < minLeaf || rightCount < minLeaf { continue }
                let score = proxy(leftWeight: leftWeight, nodeWeight: nodeWeight)
                guard score > best.proxy else { continue }
                best.proxy = score
                best.feature = f
                best.leftStats = left
                best.leftWeight = leftWeight
                best.missingGoesLeft = missingCount == 0 ? leftCount > rightCount : missingLeft
                if levels == 0 {
                    if isLast {
                        best.threshold = .infinity
                    } else {
                        var t = pairs[u].value / 2 + pairs[u + 1].value / 2
                        if t == pairs[u + 1].value || !t.isFinite { t = pairs[u].value }
                        best.threshold = t
                    }
                    best.leftLevels = []
                } else {
                    best.threshold = 0
                    best.leftLevels = levelOrder[0...u].sorted()
                }
            }
        }
        return true
    }

    /// Aggregates the node's non-missing rows (in `pairs[0..<count]`) per level and orders the
    /// levels present by mean target; returns how many are present.
    private mutating func orderLevels(levels: Int, count: Int) -> Int {
        if levelN.count < levels {
            levelN = [Int](repeating: 0, count: levels)
            levelW = [Double](repeating: 0, count: levels)
            levelStats = [Double](repeating: 0, count: levels * width)
        }
        for l in 0..<levels { levelN[l] = 0; levelW[l] = 0 }
        for k in 0..<(levels * width) { levelStats[k] = 0 }
        for p in 0..<count {
            let row = Int(pairs[p].sample)
            let level = Int(pairs[p].value)
            levelN[level] += 1
            levelW[level] += weights[row]
            switch data.target {
            case .classes(let labels, _): levelStats[level * width + Int(labels[row])] += weights[row]
            case .values(let y):
                levelStats[level * width] += weights[row] * y[row]
                levelStats[level * width + 1] += weights[row] * y[row] * y[row]
            }
        }
        // The statistic whose mean orders the levels.
        let key: Int
        switch data.target {
        case .classes(_, let classCount):
            key = classCount == 2 ? 1 : (total.indices.max { total[$0] < total[$1] } ?? 0)
        case .values:
            key = 0
        }
        levelOrder.removeAll(keepingCapacity: true)
        for l in 0..<levels where levelN[l] > 0 && levelW[l] > 0 { levelOrder.append(Int32(l)) }
        let stats = levelStats, w = levelW, width = self.width
        levelOrder.sort { a, b in
            let ma = stats[Int(a) * width + key] / w[Int(a)]
            let mb = stats[Int(b) * width + key] / w[Int(b)]
            return ma != mb ? ma < mb : a < b
        }
        return levelOrder.count
    }

    /// Moves the node's rows going left to the front; returns where the right child starts.
    private mutating func partition(start: Int, end: Int, split: Candidate) -> Int {
        let column = data.columns[split.feature]
        var isLeftLevel: [Bool] = []
        if !split.leftLevels.isEmpty {
            isLeftLevel = [Bool](repeating: false, count: data.levelCounts[split.feature])
            for l in split.leftLevels { isLeftLevel[Int(l)] = true }
        }
        var i = start
        var j = end - 1
        func goesLeft(_ row: Int32) -> Bool {
            let v = column[Int(row)]
            if v.isNaN { return split.missingGoesLeft }
            if !isLeftLevel.isEmpty { return isLeftLevel[Int(v)] }
            return v <= split.threshold
        }
        while i <= j {
            if goesLeft(samples[i]) {
                i += 1
            } else {
                samples.swapAt(i, j)
                j -= 1
            }
        }
        return i
    }
}

/// Values closer than this count as equal (scikit-learn's FEATURE_THRESHOLD).
private let featureThreshold = 1e-7

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
