/// The receiver operating characteristic: for each threshold, the share of negatives called
/// positive (false positive rate) against the share of positives found (true positive rate).
///
/// Built as scikit-learn's `roc_curve(drop_intermediate=True)`: one point per distinct score from
/// the highest down, tied scores entering together (so a tie draws a diagonal segment), collinear
/// points dropped, and a first point (0, 0) at threshold +∞.
public struct ROCCurve: Sendable, Equatable {
    public let falsePositiveRates: [Double]
    public let truePositiveRates: [Double]
    /// A row is called positive when its score is ≥ the threshold; the first is +∞.
    public let thresholds: [Double]
    /// The area under the curve by the trapezoid rule: the probability that a random positive
    /// outscores a random negative, ties counting one half (scikit-learn's `roc_auc_score`).
    public let area: Double

    public init(_ outcomes: BinaryOutcomes) throws {
        try outcomes.requireBothClasses(for: "the ROC curve")
        let counts = ThresholdCounts(outcomes).droppingCollinear()
        let positives = Double(outcomes.positiveCount), negatives = Double(outcomes.negativeCount)
        falsePositiveRates = [0] + counts.falsePositives.map { $0 / negatives }
        truePositiveRates = [0] + counts.truePositives.map { $0 / positives }
        thresholds = [.infinity] + counts.thresholds
        area = ROCCurve.trapezoid(x: falsePositiveRates, y: truePositiveRates)
    }

    /// Σ (x[i+1] − x[i]) · (y[i+1] + y[i]) / 2, term by term as NumPy's `trapezoid` does.
    static func trapezoid(x: [Double], y: [Double]) -> Double {
        var total = 0.0
        for i in 0..<max(0, x.count - 1) {
            total += (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0
        }
        return total
    }
}

extension ClassificationMetrics {
    /// ROC AUC (see `ROCCurve.area`).
    public static func rocAUC(_ outcomes: BinaryOutcomes) throws -> Double {
        try ROCCurve(outcomes).area
    }
}
