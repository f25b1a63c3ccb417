/// One boosting round's tree, as it was grown on bins: the shared `TreeStructure` (raw thresholds,
/// node cover = training rows), the bin rule of each internal node (to score rows already binned),
/// and which rows ended in which leaf.
struct GrownTree {
    var tree: TreeStructure
    /// Per node: the bins that go left (empty for a leaf).
    var binRules: [[Bool]]
    /// Per leaf node: its rows, as a range of `rows`.
    var leafRanges: [(node: Int, range: Range<Int>)]
    /// The rows the tree was grown on, grouped by leaf.
    var rows: [Int32]

    /// The leaf a binned row reaches.
    func leaf(ofRow row: Int, bins: UnsafePointer<UInt8>, rowCount: Int) -> Int {
        var node = 0
        while tree.feature[node] >= 0 {
            let bin = Int(bins[Int(tree.feature[node]) * rowCount + row])
            node = Int(binRules[node][bin] ? tree.left[node] : tree.right[node])
        }
        return node
    }
}

/// Grows one tree leaf-wise (best-first, as LightGBM): the leaf whose best split gains most is
/// split next, until `maxLeaves` leaves, the depth limit, or no split gains anything. Histograms
/// are built for the smaller child only; the larger one's is its parent's minus the smaller's.
///
/// Holds its scratch memory across rounds. Histogram building runs the features in parallel
/// chunks (one per feature); each feature's sums run over the rows in one fixed order, so the tree
/// is the same bit for bit on any number of threads.
final class TreeGrower {
    private let bins: UnsafePointer<UInt8>
    private let rowCount: Int
    private let binnings: [FeatureBinning]
    private let offsets: [Int]
    private let parameters: GradientBoostingParameters
    private let finder: SplitFinder
    /// Histogram slots (3 doubles per bin of every feature) for every leaf that may be alive at once.
    private let histograms: UnsafeMutablePointer<Double>
    private let histogramSize: Int
    private var orderedGradients: [Double]
    private var orderedHessians: [Double]
    private var scratch: [Int32]
    /// Threads for histogram building (the tests compare 1 and 2).
    private let workers: Int

    /// Rows × features below which building a histogram on several threads costs more than it saves.
    static let parallelWorkThreshold = 40_000
    /// Rows below which a row-wise step (gather, partition, derivatives, score updates) stays on
    /// one core.
    static let parallelRows = 8_192

    init(bins: UnsafePointer<UInt8>, rowCount: Int, binnings: [FeatureBinning], parameters: GradientBoostingParameters,
         workers: Int = FixedChunks.threadCount) {
        self.workers = workers
        self.bins = bins
        self.rowCount = rowCount
        self.binnings = binnings
        var offsets = [0]
        for binning in binnings { offsets.append(offsets[offsets.count - 1] + binning.binCount + 1) }
        self.offsets = offsets
        self.parameters = parameters
        finder = SplitFinder(minSamplesLeaf: Double(parameters.minSamplesLeaf), l2: parameters.l2)
        histogramSize = 3 * (offsets.last ?? 0)
        let slots = parameters.maxLeaves * max(histogramSize, 1)
        histograms = .allocate(capacity: slots)
        histograms.initialize(repeating: 0, count: slots)
        orderedGradients = [Double](repeating: 0, count: rowCount)
        orderedHessians = [Double](repeating: 0, count: rowCount)
        scratch = [Int32](repeating: 0, count: rowCount)
    }

    deinit {
        histograms.deallocate()
    }

    private struct Leaf {
        var node: Int
        var range: Range<Int>
        var sums: GradientSums
        var depth: Int
        var slot: Int
        var best: SplitCandidate?
    }

    /// Grows a tree on `rows` (ascending) with per-row gradients and hessians indexed by row.
    /// Leaf values are the Newton steps −G/(H+λ) times the learning rate.
    func grow(rows initialRows: [Int32], gradients: [Double], hessians: [Double], context: RunContext) throws -> GrownTree {
        var rows = initialRows
        var tree = TreeStructure(outputCount: 1)
        var binRules: [[Bool]] = []
        var rootSums = GradientSums()
        for row in rows {
            rootSums.gradient += gradients[Int(row)]
            rootSums.hessian += hessians[Int(row)]
        }
        rootSums.count = Double(rows.count)
        tree.addNode(value: [0], cover: rootSums.count)
        binRules.append([])
        var freeSlots = Array((1..<parameters.maxLeaves).reversed())
        var leaves = [Leaf(node: 0, range: 0..<rows.count, sums: rootSums, depth: 0, slot: 0, best: nil)]
        leaves[0].best = try buildHistogram(slot: 0, rows: rows, range: 0..<rows.count, gradients: gradients,
                                            hessians: hessians, evaluate: [(0, rootSums, 0)], context: context)[0]

        while leaves.count < parameters.maxLeaves {
            var chosen = -1
            for (i, leaf) in leaves.enumerated() {
                guard let gain = leaf.best?.gain else { continue }
                if chosen < 0 || gain > (leaves[chosen].best?.gain ?? 0) { chosen = i }
            }
            guard chosen >= 0, let split = leaves[chosen].best, let smallSlot = freeSlots.popLast() else { break }
            let parent = leaves[chosen]
            let leftCount = try partition(&rows, range: parent.range, feature: split.feature, goesLeft: split.goesLeft,
                                          context: context)
            let leftRange = parent.range.lowerBound..<(parent.range.lowerBound + leftCount)
            let rightRange = leftRange.upperBound..<parent.range.upperBound
            let leftNode = tree.addNode(value: [0], cover: Double(leftRange.count))
            let rightNode = tree.addNode(value: [0], cover: Double(rightRange.count))
            binRules.append([])
            binRules.append([])
            setSplit(&tree, node: parent.node, split: split, left: leftNode, right: rightNode)
            binRules[parent.node] = split.goesLeft

            // The smaller child gets a fresh histogram; the larger one takes the parent's slot.
            let leftIsSmaller = leftRange.count <= rightRange.count
            let smallRange = leftIsSmaller ? leftRange : rightRange
            let depth = parent.depth + 1
            var left = Leaf(node: leftNode, range: leftRange, sums: split.left, depth: depth,
                            slot: leftIsSmaller ? smallSlot : parent.slot, best: nil)
            var right = Leaf(node: rightNode, range: rightRange, sums: split.right, depth: depth,
                             slot: leftIsSmaller ? parent.slot : smallSlot, best: nil)
            let best = try buildHistogram(slot: smallSlot, rows: rows, range: smallRange, gradients: gradients,
                                          hessians: hessians, subtractingFrom: parent.slot,
                                          evaluate: [(left.slot, left.sums, depth), (right.slot, right.sums, depth)],
                                          context: context)
            (left.best, right.best) = (best[0], best[1])
            leaves[chosen] = left
            leaves.insert(right, at: chosen + 1)
        }

        var leafRanges: [(node: Int, range: Range<Int>)] = []
        for leaf in leaves {
            tree.values[leaf.node] = leaf.sums.leafValue(l2: parameters.l2) * parameters.learningRate
            leafRanges.append((leaf.node, leaf.range))
        }
        // Internal nodes hold the cover-weighted mean of their children (children come after parents).
        for node in stride(from: tree.nodeCount - 1, through: 0, by: -1) where tree.feature[node] >= 0 {
            let l = Int(tree.left[node]), r = Int(tree.right[node])
            let cover = tree.cover[l] + tree.cover[r]
            tree.values[node] = cover > 0 ? (tree.values[l] * tree.cover[l] + tree.values[r] * tree.cover[r]) / cover : 0
        }
        return GrownTree(tree: tree, binRules: binRules, leafRanges: leafRanges, rows: rows)
    }

    /// Whether a leaf of these sums at this depth may be split at all.
    private func maySplit(_ sums: GradientSums, depth: Int) -> Bool {
        if let maxDepth = parameters.maxDepth, depth >= maxDepth { return false }
        return sums.count >= 2 * Double(parameters.minSamplesLeaf)
    }

    /// The best split of the histogram in `slot` over `features`; the first feature wins a tie, as
    /// in one loop over all of them.
    private func bestSplit(slot: Int, sums: GradientSums, features: Range<Int>) -> SplitCandidate? {
        let base = histograms + slot * histogramSize
        var best: SplitCandidate?
        for f in features {
            let binning = binnings[f]
            let histogram = UnsafePointer(base + 3 * offsets[f])
            let candidate = binning.isCategorical
                ? finder.bestCategorical(feature: f, histogram: histogram, binCount: binning.binCount, total: sums)
                : finder.bestNumeric(feature: f, histogram: histogram, binCount: binning.binCount, total: sums)
            if let candidate, candidate.gain > (best?.gain ?? 0) { best = candidate }
        }
        return best
    }

    private func setSplit(_ tree: inout TreeStructure, node: Int, split: SplitCandidate, left: Int, right: Int) {
        let binning = binnings[split.feature]
        let missingLeft = split.goesLeft[binning.missingBin]
        switch binning.rule {
        case .numeric(let thresholds):
            let last = split.lastLeftBin ?? 0
            // The last bin has no upper bound: "every present value left" is a threshold of +∞.
            let threshold = last < thresholds.count ? thresholds[last] : Double.infinity
            tree.setSplit(node, feature: split.feature, threshold: threshold, missingGoesLeft: missingLeft,
                          left: left, right: right, gain: split.gain)
        case .categorical:
            let categories = (0..<binning.binCount).filter { split.goesLeft[$0] }.map { Int32($0) }
            // With only the missing rows on the left, no code may pass `value <= threshold`.
            tree.setSplit(node, feature: split.feature, threshold: -Double.infinity, leftCategories: categories,
                          missingGoesLeft: missingLeft, left: left, right: right, gain: split.gain)
        }
    }

    /// Stable partition of `rows[range]`: rows whose bin goes left first. Returns how many went left.
    private func partition(_ rows: inout [Int32], range: Range<Int>, feature: Int, goesLeft: [Bool],
                           context: RunContext) throws -> Int {
        guard workers > 1, range.count >= Self.parallelRows else {
            return serialPartition(&rows, range: range, feature: feature, goesLeft: goesLeft)
        }
        // In one pass over the rows, each piece puts its left rows at the front of its own stretch
        // of `scratch` and its right rows, backwards, at the back; then each piece copies both to
        // their places. (A version that counted first and placed second read the bins twice and
        // measured slower than the serial loop.)
        let column = bins + feature * rowCount
        let pieces = FixedChunks(total: range.count, parts: 2 * workers)
        var lefts = [Int](repeating: 0, count: pieces.count)
        try rows.withUnsafeMutableBufferPointer { rowBuffer in
            try scratch.withUnsafeMutableBufferPointer { placed in
                try goesLeft.withUnsafeBufferPointer { rule in
                    try lefts.withUnsafeMutableBufferPointer { leftBuffer in
                        guard let source = rowBuffer.baseAddress.map({ $0 + range.lowerBound }),
                              let stretch = placed.baseAddress else { return }
                        let leftOut = DisjointWrites(leftBuffer)
                        try pieces.forEach(workers: workers, cancellation: context.cancellation) { piece in
                            let r = pieces.range(piece)
                            var left = r.lowerBound, right = r.upperBound
                            // Branch-free, as in the serial partition; the right side fills
                            // backwards from the end of the piece, so its slot is one before `right`.
                            for k in r {
                                let row = source[k]
                                let goes = rule[Int(column[Int(row)])] ? 1 : 0
                                stretch[left] = row
                                stretch[right - 1] = row
                                left += goes
                                right -= 1 - goes
                            }
                            leftOut[piece] = left - r.lowerBound
                        }
                        let totalLeft = leftBuffer.reduce(0, +)
                        var leftStart = [Int](repeating: 0, count: pieces.count)
                        var rightStart = [Int](repeating: totalLeft, count: pieces.count)
                        for piece in 1..<max(1, pieces.count) {
                            leftStart[piece] = leftStart[piece - 1] + leftBuffer[piece - 1]
                            rightStart[piece] = rightStart[piece - 1] + pieces.range(piece - 1).count - leftBuffer[piece - 1]
                        }
                        try pieces.forEach(workers: workers, cancellation: context.cancellation) { piece in
                            let r = pieces.range(piece)
                            let leftCount = leftBuffer[piece]
                            (source + leftStart[piece]).update(from: stretch + r.lowerBound, count: leftCount)
                            let rightTarget = source + rightStart[piece]
                            var k = 0
                            for j in stride(from: r.upperBound - 1, through: r.lowerBound + leftCount, by: -1) {
                                rightTarget[k] = stretch[j]
                                k += 1
                            }
                        }
                    }
                }
            }
        }
        return lefts.reduce(0, +)
    }

    private func serialPartition(_ rows: inout [Int32], range: Range<Int>, feature: Int, goesLeft: [Bool]) -> Int {
        let column = bins + feature * rowCount
        var leftCount = 0, rightCount = 0
        rows.withUnsafeMutableBufferPointer { rowBuffer in
            scratch.withUnsafeMutableBufferPointer { rightBuffer in
                goesLeft.withUnsafeBufferPointer { rule in
                    // Branch-free: a row is written to both sides and only one count moves. Which
                    // side a row takes is a coin toss to the branch predictor, and a branch here
                    // cost more than the whole rest of the loop. Writing at the left count is safe:
                    // it never passes the row being read.
                    for k in range {
                        let row = rowBuffer[k]
                        let left = rule[Int(column[Int(row)])] ? 1 : 0
                        rowBuffer[range.lowerBound + leftCount] = row
                        rightBuffer[rightCount] = row
                        leftCount += left
                        rightCount += 1 - left
                    }
                    for k in 0..<rightCount { rowBuffer[range.lowerBound + leftCount + k] = rightBuffer[k] }
                }
            }
        }
        return leftCount
    }

    /// Builds the histogram of `rows[range]` into `slot`, subtracts it from `subtractingFrom` (the
    /// parent's slot, which becomes the larger child's), and finds the best split of each
    /// `evaluate` leaf. All three run per group of features in one parallel pass, while that
    /// group's histograms are still in the cache.
    private func buildHistogram(slot: Int, rows: [Int32], range: Range<Int>, gradients: [Double], hessians: [Double],
                                subtractingFrom parentSlot: Int? = nil,
                                evaluate leaves: [(slot: Int, sums: GradientSums, depth: Int)],
                                context: RunContext) throws -> [SplitCandidate?] {
        let count = range.count
        // The gather is as much work as a feature's histogram, so it is split across the cores too.
        let pieces = FixedChunks(total: count, parts: 2 * self.workers, minimumToSplit: Self.parallelRows)
        try rows.withUnsafeBufferPointer { rowBuffer in
            try gradients.withUnsafeBufferPointer { g in
                try hessians.withUnsafeBufferPointer { h in
                    try orderedGradients.withUnsafeMutableBufferPointer { og in
                        try orderedHessians.withUnsafeMutableBufferPointer { oh in
                            let (ogOut, ohOut) = (DisjointWrites(og), DisjointWrites(oh))
                            try pieces.forEach(workers: self.workers, cancellation: context.cancellation) { piece in
                                for k in pieces.range(piece) {
                                    let row = Int(rowBuffer[range.lowerBound + k])
                                    ogOut[k] = g[row]
                                    ohOut[k] = h[row]
                                }
                            }
                        }
                    }
                }
            }
        }
        let base = histograms + slot * histogramSize
        let writes = DisjointWrites(base, count: histogramSize)
        let workers = count * binnings.count >= Self.parallelWorkThreshold ? self.workers : 1
        let groups = Self.featureGroups(binnings.count, workers: workers)
        let (bins, rowCount, offsets) = (self.bins, self.rowCount, self.offsets)
        let splittable = leaves.map { maySplit($0.sums, depth: $0.depth) }
        let groupBest = DisjointWrites<[SplitCandidate?]>(repeating: [], count: groups.count)
        let parent = parentSlot.map { histograms + $0 * histogramSize }
        try rows.withUnsafeBufferPointer { rowBuffer in
            try orderedGradients.withUnsafeBufferPointer { og in
                try orderedHessians.withUnsafeBufferPointer { oh in
                    try groups.forEach(workers: workers, cancellation: context.cancellation) { group in
                        let features = groups.range(group)
                        let start = 3 * offsets[features.lowerBound], size = 3 * offsets[features.upperBound] - start
                        let rowsHere = rowBuffer.baseAddress.map { $0 + range.lowerBound }
                        guard let rowsHere, let gs = og.baseAddress, let hs = oh.baseAddress else { return }
                        // Summed in the worker's own buffer, then copied out: a feature with few
                        // bins shares cache lines with its neighbours' histograms, and two cores
                        // adding into one line made 2 threads slower than 1 (4.6 s against 5.2 s
                        // wall at 400,000 rows).
                        //
                        // A few features share one pass over the rows. Rows in a row often fall in
                        // the same bin of a feature with few values, and each add then waits for the
                        // one before; the other features' adds fill that wait. Each bin still sums
                        // its rows in row order, so the sums are the same bit for bit however the
                        // features are grouped (the grouping follows the thread count; the sums do not).
                        withUnsafeTemporaryAllocation(of: Double.self, capacity: size) { local in
                            guard let histogram = local.baseAddress else { return }
                            histogram.initialize(repeating: 0, count: size)
                            let c = features.map { bins + $0 * rowCount }
                            let t = features.map { histogram + 3 * offsets[$0] - start }
                            // One loop per group width, so each keeps its columns in registers.
                            switch c.count {
                            case 4:
                                for k in 0..<count {
                                    let row = Int(rowsHere[k])
                                    Self.add(t[0], c[0], row, gs[k], hs[k]); Self.add(t[1], c[1], row, gs[k], hs[k])
                                    Self.add(t[2], c[2], row, gs[k], hs[k]); Self.add(t[3], c[3], row, gs[k], hs[k])
                                }
                            case 3:
                                for k in 0..<count {
                                    let row = Int(rowsHere[k])
                                    Self.add(t[0], c[0], row, gs[k], hs[k]); Self.add(t[1], c[1], row, gs[k], hs[k])
                                    Self.add(t[2], c[2], row, gs[k], hs[k])
                                }
                            case 2:
                                for k in 0..<count {
                                    let row = Int(rowsHere[k])
                                    Self.add(t[0], c[0], row, gs[k], hs[k]); Self.add(t[1], c[1], row, gs[k], hs[k])
                                }
                            default:
                                for j in c.indices {
                                    for k in 0..<count { Self.add(t[j], c[j], Int(rowsHere[k]), gs[k], hs[k]) }
                                }
                            }
                            (writes.base + start).update(from: histogram, count: size)
                            // The parent's histogram minus the smaller child's is the larger child's.
                            if let parent {
                                for i in start..<(start + size) { parent[i] -= histogram[i - start] }
                            }
                        }
                        groupBest[group] = leaves.indices.map { i in
                            splittable[i] ? bestSplit(slot: leaves[i].slot, sums: leaves[i].sums, features: features) : nil
                        }
                    }
                }
            }
        }
        // Groups in feature order, a strictly larger gain to replace: the first feature wins a tie.
        return leaves.indices.map { i in
            var best: SplitCandidate?
            for group in 0..<groups.count {
                if let candidate = groupBest[group][i], candidate.gain > (best?.gain ?? 0) { best = candidate }
            }
            return best
        }
    }

    @inline(__always)
    private static func add(_ histogram: UnsafeMutablePointer<Double>, _ column: UnsafePointer<UInt8>, _ row: Int,
                            _ gradient: Double, _ hessian: Double) {
        let cell = histogram + 3 * Int(column[row])
        cell[0] += gradient
        cell[1] += hessian
        cell[2] += 1
    }

    /// Features that share a pass over the rows: about four to a group (four histograms of 256 bins
    /// fit in a core's first-level cache), the groups a multiple of the threads so each gets as many.
    static func featureGroups(_ features: Int, workers: Int) -> FixedChunks {
        let perGroup = 4
        var groups = max(1, (features + perGroup - 1) / perGroup)
        if workers > 1 { groups = (groups + workers - 1) / workers * workers }
        return FixedChunks(total: features, parts: groups)
    }
}
