import Synchronization

/// Fits and scores a model once per fold. The folds are independent, so they may run on both
/// cores through `FixedChunks` (one chunk per fold): each fold's result depends only on its own
/// rows and the seeds the caller gave, never on which thread ran it, so results are identical on
/// one thread or two. Cancellation is checked before each fold starts; a fold's own fitting checks
/// it as well through the context it is handed.
public enum CrossValidation {
    /// `body(fold)` for every fold, results in fold order. Set `parallel` to false when each fit
    /// already uses both cores (a random forest), so folds do not compete with it.
    public static func run<Result: Sendable>(_ folds: Folds, parallel: Bool = true, context: RunContext,
                                             _ body: @Sendable (Fold, RunContext) throws -> Result) throws -> [Result] {
        let done = Atomic<Int>(0)
        context.progress.begin("cross-validation", total: folds.count, unit: "folds")
        defer { context.progress.end() }
        let chunks = FixedChunks(pieces: folds.count)
        return try chunks.map(workers: parallel ? FixedChunks.threadCount : 1, cancellation: context.cancellation) { range in
            let result = try body(folds.fold(range.lowerBound), RunContext(cancellation: context.cancellation))
            let finished = done.add(1, ordering: .relaxed).newValue
            context.progress.update(finished)
            return result
        }
    }

    /// Out-of-fold scores for a binary target: `score(fold, context)` fits on the fold's training
    /// rows and returns one score per test row, in the order of `fold.testRows`.
    public static func binaryScores(_ folds: Folds, isPositive: [Bool], parallel: Bool = true, context: RunContext,
                                    score: @Sendable (Fold, RunContext) throws -> [Double]) throws -> CrossValidatedScores {
        guard isPositive.count == folds.rowCount else {
            throw EngineError("there are \(isPositive.count) labels for folds over \(folds.rowCount) rows")
        }
        let perFold = try run(folds, parallel: parallel, context: context) { fold, foldContext in
            let scores = try score(fold, foldContext)
            guard scores.count == fold.testRows.count else {
                throw EngineError("fold \(fold.index + 1) gave \(scores.count) scores for \(fold.testRows.count) test rows")
            }
            return scores
        }
        var scores = [Double](repeating: .nan, count: folds.rowCount)
        for (f, foldScores) in perFold.enumerated() {
            for (row, s) in zip(folds.testRows[f], foldScores) { scores[row] = s }
        }
        return CrossValidatedScores(folds: folds, scores: scores, isPositive: isPositive)
    }

    /// Out-of-fold predictions for a numeric target, as `binaryScores`.
    public static func predictions(_ folds: Folds, actual: [Double], parallel: Bool = true, context: RunContext,
                                   predict: @Sendable (Fold, RunContext) throws -> [Double]) throws -> CrossValidatedPredictions {
        guard actual.count == folds.rowCount else {
            throw EngineError("there are \(actual.count) target values for folds over \(folds.rowCount) rows")
        }
        let perFold = try run(folds, parallel: parallel, context: context) { fold, foldContext in
            let predicted = try predict(fold, foldContext)
            guard predicted.count == fold.testRows.count else {
                throw EngineError("fold \(fold.index + 1) gave \(predicted.count) predictions for \(fold.testRows.count) test rows")
            }
            return predicted
        }
        var predicted = [Double](repeating: .nan, count: folds.rowCount)
        for (f, values) in perFold.enumerated() {
            for (row, v) in zip(folds.testRows[f], values) { predicted[row] = v }
        }
        return CrossValidatedPredictions(folds: folds, predicted: predicted, actual: actual)
    }
}

/// Every row's score from the fold that held it out.
public struct CrossValidatedScores: Sendable, Equatable {
    public let folds: Folds
    /// Row i's score from the model that did not see row i.
    public let scores: [Double]
    public let isPositive: [Bool]

    /// The outcomes of one fold's test rows.
    public func outcomes(fold: Int) throws -> BinaryOutcomes {
        let rows = folds.testRows[fold]
        return try BinaryOutcomes(scores: rows.map { scores[$0] }, isPositive: rows.map { isPositive[$0] })
    }

    /// All rows' out-of-fold outcomes together (for one ROC curve over every row).
    public func pooled() throws -> BinaryOutcomes {
        try BinaryOutcomes(scores: scores, isPositive: isPositive)
    }

    /// The metric on each fold's test rows, in fold order: what the table's mean and sd and the
    /// paired comparison use.
    public func perFold(_ metric: ClassificationMetric) throws -> [Double] {
        try (0..<folds.count).map { try metric.value(outcomes(fold: $0)) }
    }
}

/// Every row's prediction from the fold that held it out.
public struct CrossValidatedPredictions: Sendable, Equatable {
    public let folds: Folds
    public let predicted: [Double]
    public let actual: [Double]

    public func metrics(fold: Int) throws -> RegressionMetrics {
        let rows = folds.testRows[fold]
        return try RegressionMetrics(actual: rows.map { actual[$0] }, predicted: rows.map { predicted[$0] })
    }

    public func pooled() throws -> RegressionMetrics {
        try RegressionMetrics(actual: actual, predicted: predicted)
    }

    public func perFold(_ metric: RegressionMetric) throws -> [Double] {
        try (0..<folds.count).map { try metric.value(metrics(fold: $0)) }
    }
}
