/// The four counts of a binary classification at one threshold: a row is predicted positive when
/// its score is ≥ the threshold (the rule the ROC and precision–recall thresholds follow).
public struct ConfusionMatrix: Sendable, Equatable {
    public let threshold: Double
    public let truePositives: Int
    public let falsePositives: Int
    public let trueNegatives: Int
    public let falseNegatives: Int

    public init(_ outcomes: BinaryOutcomes, threshold: Double) throws {
        guard !threshold.isNaN else { throw EngineError("the threshold is missing", suggestion: "e.g. threshold=0.5") }
        var tp = 0, fp = 0
        for (score, positive) in zip(outcomes.scores, outcomes.isPositive) where score >= threshold {
            if positive { tp += 1 } else { fp += 1 }
        }
        self.init(threshold: threshold, truePositives: tp, falsePositives: fp,
                  trueNegatives: outcomes.negativeCount - fp, falseNegatives: outcomes.positiveCount - tp)
    }

    public init(threshold: Double, truePositives: Int, falsePositives: Int, trueNegatives: Int, falseNegatives: Int) {
        self.threshold = threshold
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    public var total: Int { truePositives + falsePositives + trueNegatives + falseNegatives }
    public var predictedPositives: Int { truePositives + falsePositives }
    public var actualPositives: Int { truePositives + falseNegatives }

    /// (TP + TN) / n.
    public var accuracy: Double { ratio(truePositives + trueNegatives, total) }
    /// TP / (TP + FP); 0 when nothing is predicted positive (scikit-learn's `zero_division` result).
    public var precision: Double { ratio(truePositives, predictedPositives) }
    /// TP / (TP + FN), the true positive rate; 0 when there are no positives.
    public var recall: Double { ratio(truePositives, actualPositives) }
    /// TN / (TN + FP).
    public var specificity: Double { ratio(trueNegatives, trueNegatives + falsePositives) }
    /// 2TP / (2TP + FP + FN), the harmonic mean of precision and recall; 0 when TP is 0.
    public var f1: Double { ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
}
