/// Precision against recall as the threshold falls, built as scikit-learn's
/// `precision_recall_curve`: one point per distinct score (ties enter together), ordered by
/// decreasing threshold reversed so recall decreases, ending at the point (recall 0, precision 1)
/// that has no threshold.
public struct PrecisionRecallCurve: Sendable, Equatable {
    /// Recall decreasing; the last is 0.
    public let recalls: [Double]
    /// The last is 1.
    public let precisions: [Double]
    /// Increasing; one fewer than the points (the final point has none).
    public let thresholds: [Double]
    /// Average precision, scikit-learn's `average_precision_score`: Σₙ (Rₙ − Rₙ₋₁) Pₙ over the
    /// thresholds, a step-wise area with no interpolation between points.
    public let averagePrecision: Double

    public init(_ outcomes: BinaryOutcomes) throws {
        guard outcomes.positiveCount > 0 else {
            throw EngineError("precision and recall need at least one positive row; all \(outcomes.count) are negative")
        }
        let counts = ThresholdCounts(outcomes)
        let positives = Double(outcomes.positiveCount)
        var precisions: [Double] = [], recalls: [Double] = []
        for (tp, fp) in zip(counts.truePositives, counts.falsePositives).reversed() {
            precisions.append(tp + fp > 0 ? tp / (tp + fp) : 0)
            recalls.append(tp / positives)
        }
        precisions.append(1)
        recalls.append(0)
        self.precisions = precisions
        self.recalls = recalls
        thresholds = counts.thresholds.reversed()
        var sum = 0.0
        for i in 0..<(recalls.count - 1) { sum += (recalls[i + 1] - recalls[i]) * precisions[i] }
        averagePrecision = max(0, -sum)
    }
}

extension ClassificationMetrics {
    /// Average precision (see `PrecisionRecallCurve.averagePrecision`), the usual "PR-AUC".
    public static func averagePrecision(_ outcomes: BinaryOutcomes) throws -> Double {
        try PrecisionRecallCurve(outcomes).averagePrecision
    }
}
