/// One criterion of a scoring matrix as given by the user: a column, and for manual weights
/// its weight (the sign of a typed weight gives the direction).
public struct Criterion: Sendable {
    public var column: String
    public var direction: Direction
    public var weight: Double

    public init(column: String, direction: Direction = .higherIsBetter, weight: Double = 1) {
        self.column = column
        self.direction = direction
        self.weight = weight
    }
}

/// One line of the printed matrix.
public struct ScoringLine: Sendable {
    public let criterion: String
    public let direction: Direction
    public let scaling: ScalingMethod
    /// Normalised: the weights sum to 1.
    public let weight: Double
    /// Learned weights only: the univariate AUC of the raw column against the target, and
    /// the predictive power |AUC − 0.5|·2 the weight is proportional to.
    public let auc: Double?
    public let power: Double?
    /// The criterion's part of the mean score, w·mean(scaled) / mean(score); nil when the scaled
    /// values are centred (z-score, robust), where a share of the mean means nothing.
    public let share: Double?
}

public struct ScoringResult: Sendable {
    public let lines: [ScoringLine]
    /// One score per feature row: Σ weight × scaled value.
    public let scores: [Double]
    public let scaler: FittedScaler
}

/// A weighted sum of scaled criteria, with weights given by hand or learned from a binary target.
public enum ScoringMatrix {
    /// Manual weights; they are divided by the sum of their absolute values.
    public static func manual(_ x: FeatureMatrix, criteria: [Criterion], scaling: ScalingMethod) throws -> ScoringResult {
        guard criteria.count == x.columnCount else { throw EngineError("one criterion per feature column is needed") }
        let total = criteria.reduce(0) { $0 + abs($1.weight) }
        guard total > 0, total.isFinite else { throw EngineError("the weights add up to 0", suggestion: "give at least one non-zero weight") }
        return try combine(x, directions: criteria.map(\.direction), weights: criteria.map { abs($0.weight) / total },
                           scaling: scaling, auc: nil)
    }

    /// Learned weights: each criterion's univariate AUC against the 0/1 target gives its direction
    /// (AUC ≥ 0.5: higher values go with target 1) and its predictive power |AUC − 0.5|·2; weights are
    /// the powers divided by their sum. The score then rises with the likelihood of target = 1.
    public static func learned(_ x: FeatureMatrix, target: [Double], scaling: ScalingMethod) throws -> ScoringResult {
        guard target.count == x.rowCount else { throw EngineError("the target has \(target.count) values for \(x.rowCount) rows") }
        guard target.allSatisfy({ $0 == 0 || $0 == 1 }) else {
            throw EngineError("the target must be 0/1 (or yes/no)", suggestion: "derive one, e.g. derive t churned = if(x > 0, 1, 0)")
        }
        let positives = target.reduce(0, +)
        guard positives > 0, positives < Double(target.count) else {
            throw EngineError("the target has only one class (\(positives > 0 ? 1 : 0)) in these rows",
                              suggestion: "a weight is learned from how well a criterion separates the two classes")
        }
        let labels = target.map { $0 == 1 }
        let aucs = (0..<x.columnCount).map { BinaryAUC.auc(x.column($0), labels: labels) }
        let powers = aucs.map { abs($0 - 0.5) * 2 }
        let total = powers.reduce(0, +)
        guard total > 0 else {
            throw EngineError("no criterion separates the target at all (every AUC is 0.5)", suggestion: "give weights by hand")
        }
        return try combine(x, directions: aucs.map { $0 >= 0.5 ? .higherIsBetter : .lowerIsBetter },
                           weights: powers.map { $0 / total }, scaling: scaling, auc: aucs)
    }

    /// The score of one new row, scaled by `scaler` and weighted as `combine` scores the fitted rows;
    /// nil when a value cannot be scaled.
    public static func score(_ row: [Double], scaler: FittedScaler, weights: [Double]) -> Double? {
        var s = 0.0
        for (j, column) in scaler.columns.enumerated() where j < row.count && j < weights.count {
            guard let v = column.transform(row[j]) else { return nil }
            s += weights[j] * v
        }
        return s
    }

    static func combine(_ x: FeatureMatrix, directions: [Direction], weights: [Double], scaling: ScalingMethod,
                        auc: [Double]?) throws -> ScoringResult {
        let (scaled, scaler) = try Scaling(scaling, directions: directions).fitTransform(x)
        var scores = [Double](repeating: 0, count: x.rowCount)
        var contribution = [Double](repeating: 0, count: x.columnCount)
        for i in 0..<x.rowCount {
            for j in 0..<x.columnCount {
                let part = weights[j] * scaled[i, j]
                scores[i] += part
                contribution[j] += part
            }
        }
        let total = contribution.reduce(0, +)
        let sharesMeaningful = ![.zscore, .robust, .log1pZscore].contains(scaling) && total > 0
        let lines = (0..<x.columnCount).map { j in
            ScoringLine(criterion: x.columnNames[j], direction: directions[j], scaling: scaling, weight: weights[j],
                        auc: auc?[j], power: auc.map { abs($0[j] - 0.5) * 2 },
                        share: sharesMeaningful ? contribution[j] / total : nil)
        }
        return ScoringResult(lines: lines, scores: scores, scaler: scaler)
    }
}

/// Area under the ROC curve of one score against binary labels (Mann–Whitney U with averaged
/// ranks for ties), equal to scikit-learn's `roc_auc_score`.
public enum BinaryAUC {
    public static func auc(_ scores: [Double], labels: [Bool]) -> Double {
        let ranks = RankScores.ranks(scores, ties: .average)
        var positives = 0.0, rankSum = 0.0
        for (r, l) in zip(ranks, labels) where l { positives += 1; rankSum += r }
        let negatives = Double(labels.count) - positives
        guard positives > 0, negatives > 0 else { return 0.5 }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }
}
