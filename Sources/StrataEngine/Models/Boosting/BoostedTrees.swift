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
    /// The trees laid out for prediction, once.
    let flat: FlatTrees

    init(schema: ModelSchema, binnings: [FeatureBinning], baseScore: Double, trees: [TreeStructure],
         validationLosses: [Double], trainingRows: Int, validationRows: Int) {
        self.schema = schema
        self.binnings = binnings
        self.baseScore = baseScore
        self.trees = trees
        self.validationLosses = validationLosses
        self.trainingRows = trainingRows
        self.validationRows = validationRows
        flat = FlatTrees(trees, outputCount: 1)
    }

    /// Raw scores of the rows of a frame already aligned to `schema`: the base, then each tree's
    /// leaf value added in tree order.
    public func rawScores(_ frame: ModelFrame) -> [Double] {
        // Nothing here throws: `.never` cannot be cancelled.
        (try? flat.sums(rowCount: frame.rowCount, featureCount: frame.features.count, initial: baseScore,
                        fill: { rows, x in frame.fillRows(rows, into: x) }).sums) ?? []
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
