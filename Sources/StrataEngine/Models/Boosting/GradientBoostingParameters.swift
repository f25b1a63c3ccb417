/// The settings of histogram-based gradient boosting, named and defaulted as LightGBM names them
/// (scikit-learn's HistGradientBoosting equivalents in the comments).
public struct GradientBoostingParameters: EstimatorParameters {
    /// Boosting rounds, one tree each (`n_estimators`; sklearn `max_iter`).
    public var rounds: Int
    /// Shrinkage of every leaf value (`learning_rate`).
    public var learningRate: Double
    /// Leaves per tree at most, grown best-first (`num_leaves`; sklearn `max_leaf_nodes`).
    public var maxLeaves: Int
    /// Depth limit; nil for none (`max_depth`).
    public var maxDepth: Int?
    /// Training rows a leaf must hold at least (`min_child_samples`; sklearn `min_samples_leaf`).
    public var minSamplesLeaf: Int
    /// L2 penalty on leaf values (`reg_lambda`; sklearn `l2_regularization`).
    public var l2: Double
    /// Fraction of the training rows each round's tree sees, drawn without replacement
    /// (LightGBM `bagging_fraction` with `bagging_freq=1`); 1 uses every row.
    public var subsample: Double
    /// Fraction of the rows held out (stratified for a classifier) to stop early: training stops
    /// when the held-out loss has not improved for `patience` rounds, and keeps the best round's
    /// trees. 0 turns early stopping off and trains on every row.
    public var validationFraction: Double
    /// Rounds without improvement before stopping (sklearn `n_iter_no_change`).
    public var patience: Int
    public var seed: UInt64

    public init(rounds: Int = 100, learningRate: Double = 0.1, maxLeaves: Int = 31, maxDepth: Int? = nil,
                minSamplesLeaf: Int = 20, l2: Double = 0, subsample: Double = 1, validationFraction: Double = 0,
                patience: Int = 10, seed: UInt64 = 0) {
        self.rounds = rounds
        self.learningRate = learningRate
        self.maxLeaves = maxLeaves
        self.maxDepth = maxDepth
        self.minSamplesLeaf = minSamplesLeaf
        self.l2 = l2
        self.subsample = subsample
        self.validationFraction = validationFraction
        self.patience = patience
        self.seed = seed
    }

    /// A leaf's hessian sum must reach this (LightGBM `min_sum_hessian_in_leaf`, sklearn
    /// `min_hessian_to_split`), so nearly pure leaves do not take huge values.
    static let minHessian = 1e-3

    public var described: [ParameterValue] {
        [ParameterValue("rounds", rounds, default: 100),
         ParameterValue("learning_rate", learningRate, default: 0.1),
         ParameterValue("leaves", maxLeaves, default: 31),
         ParameterValue("depth", maxDepth.map(String.init) ?? "none", default: "none"),
         ParameterValue("min_leaf", minSamplesLeaf, default: 20),
         ParameterValue("l2", l2, default: 0),
         ParameterValue("subsample", subsample, default: 1),
         ParameterValue("validation", validationFraction, default: 0),
         ParameterValue("seed", String(seed), default: "0")]
    }

    func validate() throws {
        guard rounds >= 1 else { throw EngineError("gradient boosting needs at least 1 round, not \(rounds)") }
        guard learningRate > 0 && learningRate.isFinite else {
            throw EngineError("the learning rate must be positive, not \(learningRate)", suggestion: "try learning_rate=0.1")
        }
        guard maxLeaves >= 2 else { throw EngineError("a tree needs at least 2 leaves, not \(maxLeaves)") }
        if let maxDepth, maxDepth < 1 { throw EngineError("the depth limit must be at least 1, not \(maxDepth)") }
        guard minSamplesLeaf >= 1 else { throw EngineError("a leaf must hold at least 1 row, not \(minSamplesLeaf)") }
        guard l2 >= 0 && l2.isFinite else { throw EngineError("the L2 penalty must be 0 or more, not \(l2)") }
        guard subsample > 0 && subsample <= 1 else {
            throw EngineError("subsample is a fraction of the rows in (0, 1], not \(subsample)")
        }
        guard validationFraction >= 0 && validationFraction < 1 else {
            throw EngineError("the validation fraction must be in [0, 1), not \(validationFraction)",
                              suggestion: "try validation=0.1, or 0 to train on every row")
        }
    }
}
