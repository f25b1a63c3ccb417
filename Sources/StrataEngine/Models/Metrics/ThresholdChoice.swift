/// Choosing a threshold from the data. Candidates are the distinct scores (a row is positive when
/// its score is ≥ the threshold), so every achievable confusion matrix is considered once.
public enum ThresholdChoice {
    /// The threshold with the highest F1; among equal F1 the highest threshold (fewest rows
    /// flagged). Needs at least one positive row.
    public static func maximizingF1(_ outcomes: BinaryOutcomes) throws -> ConfusionMatrix {
        guard outcomes.positiveCount > 0 else {
            throw EngineError("F1 needs at least one positive row; all \(outcomes.count) are negative")
        }
        let counts = ThresholdCounts(outcomes)
        let positives = Double(outcomes.positiveCount)
        var best = 0, bestF1 = -1.0
        for i in counts.thresholds.indices {
            let tp = counts.truePositives[i], fp = counts.falsePositives[i]
            let f1 = 2 * tp / (tp + fp + positives)
            if f1 > bestF1 { best = i; bestF1 = f1 }
        }
        return matrix(counts, best, outcomes)
    }

    /// The lowest threshold whose precision is at least `precision` (so the most positives are
    /// found at that precision), or nil when no threshold reaches it.
    public static func lowestMeetingPrecision(_ outcomes: BinaryOutcomes, precision: Double) throws -> ConfusionMatrix? {
        guard precision > 0, precision <= 1 else {
            throw EngineError("a precision target of \(precision) is not in (0, 1]", suggestion: "e.g. precision=0.8")
        }
        let counts = ThresholdCounts(outcomes)
        for i in counts.thresholds.indices.reversed() {
            let tp = counts.truePositives[i], fp = counts.falsePositives[i]
            if tp > 0 && tp / (tp + fp) >= precision { return matrix(counts, i, outcomes) }
        }
        return nil
    }

    private static func matrix(_ counts: ThresholdCounts, _ i: Int, _ outcomes: BinaryOutcomes) -> ConfusionMatrix {
        let tp = Int(counts.truePositives[i]), fp = Int(counts.falsePositives[i])
        return ConfusionMatrix(threshold: counts.thresholds[i], truePositives: tp, falsePositives: fp,
                               trueNegatives: outcomes.negativeCount - fp, falseNegatives: outcomes.positiveCount - tp)
    }
}
