import StrataEngine

/// The `gbm` kind: histogram-based gradient boosting (Models/Boosting), named as LightGBM names
/// its settings.
extension ModelKinds {
    package static let rounds = CommandOption.int("rounds", in: 1...10_000, default: 100, "boosting rounds, one tree each (LightGBM n_estimators)")
    package static let learningRate = CommandOption.number("learning_rate", in: 1e-6...1, default: 0.1, "shrinkage of every leaf value")
    package static let leaves = CommandOption.int("leaves", in: 2...4096, default: 31, "leaves per tree at most, grown best-first (num_leaves)")
    package static let boostMinLeaf = CommandOption.int("min_leaf", in: 1...1_000_000, default: 20, "training rows a leaf must hold at least")
    package static let l2 = CommandOption.number("l2", in: 0...1e9, default: 0, "L2 penalty on leaf values (reg_lambda)")
    package static let subsample = CommandOption.number("subsample", in: 0.01...1, default: 1, "fraction of rows each round's tree sees, drawn without replacement")
    package static let validation = CommandOption.number("validation", in: 0...0.5, default: 0,
                                                          "fraction held out to stop early (10 rounds without improvement); 0 turns early stopping off")

    static func boostingParameters(_ o: ModelOptions) -> GradientBoostingParameters {
        GradientBoostingParameters(rounds: o[rounds], learningRate: o[learningRate], maxLeaves: o[leaves], maxDepth: o[depth],
                                   minSamplesLeaf: o[boostMinLeaf], l2: o[l2], subsample: o[subsample],
                                   validationFraction: o[validation], seed: o.seed)
    }

    package static let gbm = ModelKind(
        name: "gbm", title: "gradient boosting",
        summary: "Histogram-based gradient boosting (as LightGBM and scikit-learn's HistGradientBoosting), log-loss or squared error.",
        options: [rounds, learningRate, leaves, depth, boostMinLeaf, l2, subsample, validation],
        details: "Numbers are binned into at most 255 bins; each round grows one tree leaf-wise on gradient histograms "
            + "(the larger child's histogram is the parent's minus the smaller's). Feature importance is the total split gain. "
            + "Per-customer reasons (predict … explain=N) are exact TreeSHAP values on the log-odds scale.",
        examples: ["model gbm customers target=churned features=age,tenure_months,orders,spend,support_calls,channel rounds=50 folds=3 as gb",
                   "model gbm customers target=spend features=age,tenure_months,orders,support_calls,channel leaves=15 learning_rate=0.05 folds=3"],
        handling: "A text column is split natively (categories sorted by gradient ratio, LightGBM's rule; unseen levels count as missing); "
            + "a missing value has a bin of its own and goes to the side that gains more.",
        classifier: { o in .classifier(GradientBoostingClassifier(boostingParameters(o))) { model, _ in roundsNote(model.ensemble) } },
        regressor: { o in .regressor(GradientBoostingRegressor(boostingParameters(o))) { model, _ in roundsNote(model.ensemble) } })

    /// Says how many rounds early stopping kept, when it was on.
    static func roundsNote(_ ensemble: BoostedTrees) -> [OutputBlock] {
        guard ensemble.validationRows > 0 else { return [] }
        return [.note("early stopping on \(ensemble.validationRows) held-out rows kept \(ensemble.trees.count) of \(ensemble.validationLosses.count) rounds")]
    }
}
