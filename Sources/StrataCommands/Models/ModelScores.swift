import StrataEngine

/// The scores `model report` reads: a model's held-out scores repeated on the folds (or test
/// share) and seed it was fitted with, or its scores on another table that holds the target.
package struct ModelScores {
    /// Where the scores come from, as the report's titles say it.
    package let source: String
    /// The rows scored (as a frame the model reads) and their target (0/1 for a classifier).
    package let frame: ModelFrame
    package let actual: [Double]
    package let predicted: [Double]
    /// Set when the scores are pooled out-of-fold scores.
    package let crossValidated: CrossValidatedScores?

    /// The scheme the model was validated with, rebuilt from what it keeps.
    package static func scheme(of m: ModelObject) throws -> ModelValidation.Scheme {
        let y = m.trainingTarget
        let labels = y.map { $0 == 1 ? 1 : 0 }
        if let share = m.testShare, m.folds == nil {
            return .holdout(m.isClassifier ? try TrainTestSplit.stratified(labels: labels, testFraction: share, seed: m.seed)
                                           : try TrainTestSplit.random(rowCount: y.count, testFraction: share, seed: m.seed))
        }
        let k = m.folds ?? ModelValidation.defaultFolds
        return .folds(m.isClassifier ? try Folds.stratified(labels: labels, k: k, seed: m.seed, classNames: nil)
                                     : try Folds.plain(rowCount: y.count, k: k, seed: m.seed))
    }

    /// Held-out scores on the model's own training table, same folds and seed as when it was fitted.
    package static func heldOut(_ m: ModelObject, context: RunContext) throws -> ModelScores {
        let v = try ModelValidation.run(try scheme(of: m), frame: m.training, y: m.trainingTarget, classification: m.isClassifier,
                                        refit: m.refit, context: context)
        let frame = v.rows.count == m.training.rowCount ? m.training : m.training.takingRows(v.rows)
        return ModelScores(source: "\(v.description) on \(m.trainingTable), " + (v.foldCount == nil ? "held-out rows" : "out-of-fold"), frame: frame,
                           actual: v.rows.map { m.trainingTarget[$0] }, predicted: v.predicted, crossValidated: v.cvScores)
    }

    /// The fitted model's scores on `table`, which must hold the target (rows missing it are left out).
    package static func onTable(_ m: ModelObject, table: Table, tableName: String) throws -> ModelScores {
        guard let target = table.column(m.target) else {
            throw EngineError("\(tableName) has no column '\(m.target)' (the model's target)",
                              suggestion: "give a table with \(m.target), or leave it out to use the held-out scores")
        }
        let keep = (0..<table.rowCount).filter { !target.isMissing($0) && !(target.doubles()?[$0].isNaN ?? false) }
        guard !keep.isEmpty else { throw EngineError("\(tableName) has no rows with a value of \(m.target)") }
        let rows = keep.count < table.rowCount ? table.takingRows(keep) : table
        guard let column = rows.column(m.target) else { throw EngineError("\(tableName) has no column '\(m.target)'") }
        let actual: [Double]
        if let positive = m.positiveClass {
            actual = (0..<rows.rowCount).map { ModelInput.text(column.value(at: $0)) == positive ? 1 : 0 }
        } else {
            guard let values = column.doubles() else {
                throw EngineError("\(m.target) in \(tableName) is not numeric, but the model predicts a number")
            }
            actual = values
        }
        let aligned = try ModelInput.predictionFrame(rows, schema: m.schema, tableName: tableName)
        let predicted = try m.model.predict(aligned.frame)
        let dropped = table.rowCount - rows.rowCount
        return ModelScores(source: "the fitted model on \(Format.count(rows.rowCount)) rows of \(tableName)"
                           + (dropped > 0 ? " (\(Format.count(dropped)) without \(m.target) left out)" : ""),
                           frame: aligned.frame, actual: actual, predicted: predicted, crossValidated: nil)
    }

    package func outcomes() throws -> BinaryOutcomes {
        try BinaryOutcomes(scores: predicted, isPositive: actual.map { $0 == 1 })
    }
}
