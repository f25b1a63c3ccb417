/// A fitted boosted ensemble: a constant start plus one tree per kept round, every tree a shared
/// `TreeStructure` whose leaves hold raw-score steps (learning rate included). The raw score of a
/// row is `baseScore` plus the leaf value it reaches in each tree: log-odds for a classifier, the
/// prediction for a regressor.
public struct BoostedTrees: Sendable {
    public let schema: ModelSchema
    /// The bin rules learned on the training rows (thresholds and levels); prediction uses the
    /// trees' raw thresholds, which are these rules' bin bounds.
    public let binnings: [FeatureBinning]
    public let baseScore: Double
    public let trees: [TreeStructure]
    /// The held-out loss after each round when early stopping was on (empty otherwise).
    public let validationLosses: [Double]
    /// Rows trained on and held out.
    public let trainingRows: Int
    public let validationRows: Int

    /// Raw scores of the rows of a frame already aligned to `schema`.
    public func rawScores(_ frame: ModelFrame) -> [Double] {
        let columns = frame.features.map { feature in (0..<frame.rowCount).map { feature.numericValue($0) } }
        var scores = [Double](repeating: baseScore, count: frame.rowCount)
        for tree in trees {
            for i in 0..<frame.rowCount {
                var node = 0
                while tree.feature[node] >= 0 {
                    let value = columns[Int(tree.feature[node])][i]
                    node = Int(tree.goesLeft(node, value: value) ? tree.left[node] : tree.right[node])
                }
                scores[i] += tree.values[node]
            }
        }
        return scores
    }

    /// Total split gain per feature over all trees, scaled to sum to 1 (all zeros when no tree split).
    public var featureImportances: [Double] {
        var totals = [Double](repeating: 0, count: schema.features.count)
        for tree in trees {
            for node in 0..<tree.nodeCount where tree.feature[node] >= 0 { totals[Int(tree.feature[node])] += tree.gain[node] }
        }
        let sum = totals.reduce(0, +)
        return sum > 0 ? totals.map { $0 / sum } : totals
    }

    /// The raw score of an average training row: the base plus each tree's cover-weighted mean leaf
    /// (its root value), which is where additive explanations start.
    public var expectedRawScore: Double {
        trees.reduce(baseScore) { $0 + ($1.nodeCount > 0 ? $1.values[0] : 0) }
    }
}
