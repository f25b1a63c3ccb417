import StrataEngine

/// How a `model` command measures its kind honestly: stratified k-fold cross-validation (every row
/// scored by the fold model that did not see it) or one stratified held-out test share, seeded.
/// The same settings repeat the same folds, so `evaluate models` compares models fold by fold.
package struct ModelValidation: Sendable {
    package enum Scheme: Sendable {
        case folds(Folds)
        case holdout(TrainTestSplit)
    }

    package let scheme: Scheme
    /// Rows scored, and the score (probability or value) each got from a model that did not see it.
    package let rows: [Int]
    package let predicted: [Double]
    package let cvScores: CrossValidatedScores?
    package let cvPredictions: CrossValidatedPredictions?

    package static let defaultFolds = 5

    /// The scheme `folds=`/`test=` ask for (5 folds when neither is given).
    package static func scheme(_ parsed: ParsedCommand, y: [Double], classification: Bool, classes: [String]?, seed: UInt64) throws -> Scheme {
        let labels = y.map { $0 == 1 ? 1 : 0 }
        switch (parsed[ModelInput.folds], parsed[ModelInput.test]) {
        case (_?, _?): throw parsed.error("give folds= or test=, not both", at: parsed.span(ModelInput.test))
        case (nil, let share?):
            return .holdout(classification ? try TrainTestSplit.stratified(labels: labels, testFraction: share, seed: seed)
                                           : try TrainTestSplit.random(rowCount: y.count, testFraction: share, seed: seed))
        case (let k, nil):
            let k = k ?? defaultFolds
            return .folds(classification ? try Folds.stratified(labels: labels, k: k, seed: seed, classNames: classes)
                                         : try Folds.plain(rowCount: y.count, k: k, seed: seed))
        }
    }

    /// Fits `refit` on each training part and scores the held-out rows.
    package static func run(_ scheme: Scheme, frame: ModelFrame, y: [Double], classification: Bool,
                            refit: @escaping @Sendable (ModelFrame, [Double], RunContext) throws -> PredictiveModel,
                            context: RunContext) throws -> ModelValidation {
        switch scheme {
        case .folds(let folds):
            let score: @Sendable (Fold, RunContext) throws -> [Double] = { fold, foldContext in
                let model = try refit(frame.takingRows(fold.trainRows), fold.trainRows.map { y[$0] }, foldContext)
                return try model.predict(frame.takingRows(fold.testRows))
            }
            if classification {
                let s = try CrossValidation.binaryScores(folds, isPositive: y.map { $0 == 1 }, context: context, score: score)
                return ModelValidation(scheme: scheme, rows: Array(0..<y.count), predicted: s.scores, cvScores: s, cvPredictions: nil)
            }
            let p = try CrossValidation.predictions(folds, actual: y, context: context, predict: score)
            return ModelValidation(scheme: scheme, rows: Array(0..<y.count), predicted: p.predicted, cvScores: nil, cvPredictions: p)
        case .holdout(let split):
            let model = try refit(frame.takingRows(split.trainRows), split.trainRows.map { y[$0] }, context)
            let predicted = try model.predict(frame.takingRows(split.testRows))
            return ModelValidation(scheme: scheme, rows: split.testRows, predicted: predicted, cvScores: nil, cvPredictions: nil)
        }
    }

    package var seed: UInt64 {
        switch scheme {
        case .folds(let f): return f.seed
        case .holdout(let s): return s.seed
        }
    }

    package var foldCount: Int? {
        if case .folds(let f) = scheme { return f.count }
        return nil
    }

    package var testShare: Double? {
        if case .holdout(let s) = scheme { return Double(s.testRows.count) / Double(max(1, s.testRows.count + s.trainRows.count)) }
        return nil
    }

    /// "stratified 5-fold CV (seed 1)", "stratified 25% test (1,250 rows, seed 7)".
    package var description: String {
        switch scheme {
        case .folds(let f): return "\(f.isStratified ? "stratified " : "")\(f.count)-fold CV (seed \(f.seed))"
        case .holdout(let s):
            return "\(s.isStratified ? "stratified " : "")test set of \(Format.count(s.testRows.count)) rows "
                + "(\(Format.count(s.trainRows.count)) trained on, seed \(s.seed))"
        }
    }

    /// The held-out outcomes of a classifier (pooled over folds).
    package func outcomes(_ y: [Double]) throws -> BinaryOutcomes {
        try BinaryOutcomes(scores: predicted, isPositive: rows.map { y[$0] == 1 })
    }
}

/// The figures a `model` command prints and keeps with the model.
package enum ValidationReport {
    /// The classification figures, in print order: (heading, function of held-out outcomes).
    package static func classificationFigures(threshold: Double) -> [(String, @Sendable (BinaryOutcomes) throws -> Double)] {
        [("AUC", { try ClassificationMetrics.rocAUC($0) }),
         ("PR-AUC", { try ClassificationMetrics.averagePrecision($0) }),
         ("accuracy", { try ConfusionMatrix($0, threshold: threshold).accuracy }),
         ("precision", { try ConfusionMatrix($0, threshold: threshold).precision }),
         ("recall", { try ConfusionMatrix($0, threshold: threshold).recall }),
         ("F1", { try ConfusionMatrix($0, threshold: threshold).f1 }),
         ("log loss", { try ClassificationMetrics.logLoss($0) }),
         ("Brier", { try ClassificationMetrics.brierScore($0) })]
    }

    package static let regressionFigures: [(String, RegressionMetric)] = [("RMSE", .rmse), ("MAE", .mae), ("R²", .r2)]

    /// Per metric: the mean over folds (or the test value), the sd and range over folds, and the
    /// pooled value over every held-out row. Returns the table and (heading, mean) pairs.
    package static func table(_ v: ModelValidation, y: [Double], classification: Bool, threshold: Double) throws
        -> (Table, [(String, Double)]) {
        var perMetric: [(String, [Double], Double)] = []  // heading, per-fold, pooled
        if classification {
            let pooled = try v.outcomes(y)
            for (heading, f) in classificationFigures(threshold: threshold) {
                let folds = try v.cvScores.map { s in try (0..<s.folds.count).map { try f(s.outcomes(fold: $0)) } } ?? [try f(pooled)]
                perMetric.append((heading, folds, try f(pooled)))
            }
        } else {
            let pooled = try RegressionMetrics(actual: v.rows.map { y[$0] }, predicted: v.predicted)
            for (heading, metric) in regressionFigures {
                let folds = try v.cvPredictions?.perFold(metric) ?? [metric.value(pooled)]
                perMetric.append((heading, folds, metric.value(pooled)))
            }
        }
        let isCV = v.foldCount != nil
        var t = SummaryTable(isCV ? [("metric", .string), ("mean", .float), ("sd", .float), ("min", .float), ("max", .float), ("pooled", .float)]
                                  : [("metric", .string), ("test", .float)])
        var figures: [(String, Double)] = []
        for (heading, folds, pooled) in perMetric {
            let mean = folds.reduce(0, +) / Double(max(1, folds.count))
            figures.append((heading, mean))
            if isCV {
                let sd = folds.count > 1 ? (folds.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(folds.count - 1)).squareRoot() : 0
                t.row([.string(heading), .float(mean), .float(sd), .float(folds.min() ?? mean), .float(folds.max() ?? mean), .float(pooled)])
            } else {
                t.row([.string(heading), .float(mean)])
            }
        }
        return (t.table, figures)
    }

    /// One row per fold: its sizes, positives and headline metric.
    package static func foldTable(_ v: ModelValidation, y: [Double], classification: Bool) throws -> Table? {
        guard case .folds(let folds) = v.scheme else { return nil }
        if classification, let s = v.cvScores {
            var t = SummaryTable([("fold", .int), ("train_rows", .int), ("test_rows", .int), ("test_positives", .int), ("AUC", .float)])
            for summary in folds.summaries(isPositive: y.map { $0 == 1 }) {
                t.row([.int(Int64(summary.number)), .int(Int64(summary.trainRows)), .int(Int64(summary.testRows)),
                       .int(Int64(summary.testPositives)), .float(try ClassificationMetrics.rocAUC(s.outcomes(fold: summary.number - 1)))])
            }
            return t.table
        }
        guard let p = v.cvPredictions else { return nil }
        var t = SummaryTable([("fold", .int), ("train_rows", .int), ("test_rows", .int), ("RMSE", .float)])
        for f in 0..<folds.count {
            t.row([.int(Int64(f + 1)), .int(Int64(y.count - folds.testRows[f].count)), .int(Int64(folds.testRows[f].count)),
                   .float(try p.metrics(fold: f).rmse)])
        }
        return t.table
    }
}
