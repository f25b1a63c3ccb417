#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Binary classification metrics on `BinaryOutcomes`, each defined as scikit-learn defines it
/// (docs/models.md, "Evaluating models", gives the definitions and the references checked).
public enum ClassificationMetrics {
    /// The clip scikit-learn applies before taking logs: the machine epsilon of a double.
    public static let logLossClip = Double.ulpOfOne

    /// Mean negative log-likelihood of the labels, −(1/n) Σ [y log p + (1 − y) log(1 − p)], with p
    /// clipped to [ε, 1 − ε] (ε = 2⁻⁵², scikit-learn's `log_loss`) so a confident mistake costs
    /// about 36 rather than infinity.
    public static func logLoss(_ outcomes: BinaryOutcomes) throws -> Double {
        try outcomes.requireProbabilities(for: "log loss")
        var total = 0.0
        for (p, positive) in zip(outcomes.scores, outcomes.isPositive) {
            let clipped = min(max(p, logLossClip), 1 - logLossClip)
            total -= positive ? log(clipped) : log(1 - clipped)
        }
        return total / Double(outcomes.count)
    }

    /// Mean squared difference between the probability and the 0/1 label (scikit-learn's
    /// `brier_score_loss`).
    public static func brierScore(_ outcomes: BinaryOutcomes) throws -> Double {
        try outcomes.requireProbabilities(for: "the Brier score")
        var total = 0.0
        for (p, positive) in zip(outcomes.scores, outcomes.isPositive) {
            let d = p - (positive ? 1 : 0)
            total += d * d
        }
        return total / Double(outcomes.count)
    }
}
