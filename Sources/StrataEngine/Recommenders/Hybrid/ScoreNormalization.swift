/// How a hybrid puts its models' scores on one scale before blending: per user, over the
/// candidate list each model returned.
public enum ScoreNormalization: String, Sendable, CaseIterable {
    /// (s − min) / (max − min); 1 for every item when all scores are equal.
    case minmax
    /// (s − mean) / standard deviation (population); 0 when all scores are equal.
    case z

    /// Normalised scores, and the value an item absent from the list gets (the lowest in the list).
    func normalize(_ scores: [Double]) -> (values: [Double], absent: Double) {
        guard let lo = scores.min(), let hi = scores.max() else { return ([], 0) }
        switch self {
        case .minmax:
            guard hi > lo else { return (scores.map { _ in 1 }, 0) }
            return (scores.map { ($0 - lo) / (hi - lo) }, 0)
        case .z:
            let n = Double(scores.count)
            let mean = scores.reduce(0, +) / n
            let sd = (scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
            guard sd > 0 else { return (scores.map { _ in 0 }, 0) }
            let values = scores.map { ($0 - mean) / sd }
            return (values, values.min() ?? 0)
        }
    }
}
