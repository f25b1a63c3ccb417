/// The boosting loop shared by the classifier and the regressor: bin the features, start from the
/// best constant, then each round fit a tree to the loss's gradients and hessians on (a sample of)
/// the training rows and add it, until the rounds run out or the held-out loss stops improving.
struct Booster {
    let parameters: GradientBoostingParameters
    let loss: BoostingLoss
    /// Threads for histogram building; the result does not depend on it.
    var workers = FixedChunks.threadCount

    /// `strata` (class labels) make the held-out rows stratified; nil draws them from all rows.
    func fit(frame: ModelFrame, target: [Double], weights: [Double]?, strata: [Int]?, context: RunContext) throws -> BoostedTrees {
        try parameters.validate()
        guard frame.rowCount >= 2 else {
            throw EngineError("gradient boosting needs at least 2 rows, not \(frame.rowCount)")
        }
        guard !frame.features.isEmpty else {
            throw EngineError("gradient boosting needs at least one feature column")
        }
        if let weights {
            guard weights.count == frame.rowCount else {
                throw EngineError("\(weights.count) weights for \(frame.rowCount) rows")
            }
            if let bad = weights.firstIndex(where: { !($0 >= 0) || !$0.isFinite }) {
                throw EngineError("row \(bad + 1) has weight \(weights[bad]); weights must be finite and not negative")
            }
        }
        if let bad = target.firstIndex(where: { !$0.isFinite }) {
            throw EngineError("the target is missing or not finite in row \(bad + 1)",
                              suggestion: "drop the rows without a target before training")
        }

        let (trainIndex, validIndex) = try heldOut(rows: frame.rowCount, strata: strata)
        let trainFrame = validIndex.isEmpty ? frame : frame.takingRows(trainIndex)
        // Features are binned independently (each with its own seed), one per core at a time.
        let seed = parameters.seed
        let binnings = try FixedChunks(pieces: trainFrame.features.count).map(workers: workers, cancellation: context.cancellation) { f in
            try FeatureBinning.fit(trainFrame.features[f.lowerBound], seed: seed &+ UInt64(f.lowerBound))
        }
        let trainBins = BinnedFrame(trainFrame, binnings: binnings, workers: workers)
        let validBins = BinnedFrame(frame.takingRows(validIndex), binnings: binnings, workers: workers)
        let y = validIndex.isEmpty ? target : trainIndex.map { target[$0] }
        let w = validIndex.isEmpty ? weights : weights.map { all in trainIndex.map { all[$0] } }
        let validY = validIndex.map { target[$0] }
        let validW = weights.map { all in validIndex.map { all[$0] } }

        let n = trainFrame.rowCount
        let base = loss.initialScore(y, weights: w)
        var scores = [Double](repeating: base, count: n)
        var validScores = [Double](repeating: base, count: validIndex.count)
        var gradients = [Double](repeating: 0, count: n)
        var hessians = [Double](repeating: 0, count: n)
        var trees: [TreeStructure] = []
        var validationLosses: [Double] = []
        var best = (loss: Double.infinity, round: 0)

        context.progress.begin("boosting", total: parameters.rounds, unit: "rounds")
        defer { context.progress.end() }
        try trainBins.bins.withUnsafeBufferPointer { trainBuffer in
            try validBins.bins.withUnsafeBufferPointer { validBuffer in
                guard let trainPointer = trainBuffer.baseAddress else { return }
                // Without subsampling every round grows on all rows: made once, not per round.
                let allRows = parameters.subsample < 1 ? [] : (0..<n).map { Int32($0) }
                let grower = TreeGrower(bins: trainPointer, rowCount: n, binnings: binnings, parameters: parameters, workers: workers)
                for round in 0..<parameters.rounds {
                    try context.cancellation.check()
                    try derive(&gradients, &hessians, y: y, scores: scores, weights: w, context: context)
                    let rows = parameters.subsample < 1 ? sampledRows(n, round: round) : allRows
                    let grown = try grower.grow(rows: rows, gradients: gradients, hessians: hessians, context: context)
                    addTree(grown, to: &scores, sampled: rows.count < n, bins: trainPointer, rowCount: n)
                    trees.append(grown.tree)
                    context.progress.update(round + 1)
                    if let validPointer = validBuffer.baseAddress, !validIndex.isEmpty {
                        var total = 0.0, weightSum = 0.0
                        for i in validIndex.indices {
                            validScores[i] += grown.tree.values[grown.leaf(ofRow: i, bins: validPointer, rowCount: validIndex.count)]
                            let weight = validW?[i] ?? 1
                            total += weight * loss.loss(target: validY[i], score: validScores[i])
                            weightSum += weight
                        }
                        let current = weightSum > 0 ? total / weightSum : 0
                        validationLosses.append(current)
                        // scikit-learn's tolerance: an improvement smaller than 1e-7 does not count.
                        if current < best.loss - 1e-7 { best = (current, round + 1) }
                        if round + 1 - best.round >= parameters.patience { break }
                    }
                }
            }
        }
        if !validIndex.isEmpty && best.round > 0 { trees.removeLast(trees.count - best.round) }
        return BoostedTrees(schema: frame.schema, binnings: binnings, baseScore: base, trees: trees,
                            validationLosses: validationLosses, trainingRows: n, validationRows: validIndex.count)
    }

    /// Each row's gradient and hessian of the loss at its current score, rows split across the
    /// cores (each row on its own, so the values do not depend on the split).
    private func derive(_ gradients: inout [Double], _ hessians: inout [Double], y: [Double], scores: [Double],
                        weights: [Double]?, context: RunContext) throws {
        let pieces = FixedChunks(total: y.count, parts: 2 * workers, minimumToSplit: TreeGrower.parallelRows)
        try gradients.withUnsafeMutableBufferPointer { g in
            try hessians.withUnsafeMutableBufferPointer { h in
                let (gOut, hOut) = (DisjointWrites(g), DisjointWrites(h))
                try pieces.forEach(workers: workers, cancellation: context.cancellation) { piece in
                    for i in pieces.range(piece) {
                        (gOut[i], hOut[i]) = loss.derivatives(target: y[i], score: scores[i], weight: weights?[i] ?? 1)
                    }
                }
            }
        }
    }

    /// Adds a round's leaf values to the training scores: through the leaf ranges for the rows the
    /// tree was grown on, through the tree's bin rules for the rows left out of the sample.
    private func addTree(_ grown: GrownTree, to scores: inout [Double], sampled: Bool, bins: UnsafePointer<UInt8>, rowCount: Int) {
        if sampled {
            for i in 0..<rowCount { scores[i] += grown.tree.values[grown.leaf(ofRow: i, bins: bins, rowCount: rowCount)] }
            return
        }
        // Each row is in one leaf, so the leaves can be added on several cores.
        let leaves = FixedChunks(pieces: grown.leafRanges.count)
        let workers = rowCount >= TreeGrower.parallelRows ? self.workers : 1
        scores.withUnsafeMutableBufferPointer { buffer in
            let out = DisjointWrites(buffer)
            leaves.forEach(workers: workers) { leaf in
                let (node, range) = grown.leafRanges[leaf]
                let value = grown.tree.values[node]
                for k in range { out[Int(grown.rows[k])] += value }
            }
        }
    }

    /// The round's rows, ascending: all of them, or a seeded sample without replacement.
    private func sampledRows(_ n: Int, round: Int) -> [Int32] {
        guard parameters.subsample < 1 else { return (0..<n).map { Int32($0) } }
        let count = max(1, Int((parameters.subsample * Double(n)).rounded()))
        var generator = SeededGenerator(seed: parameters.seed, stream: 1_000 + UInt64(round))
        return generator.sampleIndices(count: count, from: n).sorted().map { Int32($0) }
    }

    /// The training and held-out row indices (ascending): the validation fraction of each stratum,
    /// rounded, drawn with the seed.
    private func heldOut(rows: Int, strata: [Int]?) throws -> (train: [Int], valid: [Int]) {
        let fraction = parameters.validationFraction
        guard fraction > 0 else { return (Array(0..<rows), []) }
        var groups: [Int: [Int]] = [:]
        for i in 0..<rows { groups[strata?[i] ?? 0, default: []].append(i) }
        var generator = SeededGenerator(seed: parameters.seed, stream: 1)
        var valid: [Int] = []
        for key in groups.keys.sorted() {
            var members = groups[key] ?? []
            generator.shuffle(&members)
            valid += members.prefix(Int((fraction * Double(members.count)).rounded()))
        }
        valid.sort()
        var isValid = [Bool](repeating: false, count: rows)
        for i in valid { isValid[i] = true }
        let train = (0..<rows).filter { !isValid[$0] }
        guard !valid.isEmpty && train.count >= 2 else {
            throw EngineError("a validation fraction of \(fraction) leaves \(train.count) training and \(valid.count) held-out rows of \(rows)",
                              suggestion: "use validation=0 on so few rows, or a fraction that leaves rows on both sides")
        }
        return (train, valid)
    }
}
