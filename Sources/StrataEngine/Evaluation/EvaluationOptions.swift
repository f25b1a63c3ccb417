/// The metrics an evaluation can report.
public enum EvaluationMetric: String, Sendable, CaseIterable {
    case precision, recall, ndcg, map, mrr, hitrate, coverage, novelty, diversity, personalization, rmse, mae

    /// Averaged over users (the others are one figure for the whole evaluation).
    public var isPerUser: Bool {
        switch self {
        case .coverage, .personalization, .rmse, .mae: return false
        default: return true
        }
    }

    /// Column heading, e.g. "precision@10".
    public func heading(k: Int) -> String {
        switch self {
        case .precision, .recall, .ndcg, .map, .hitrate: return "\(rawValue)@\(k)"
        default: return rawValue
        }
    }

    public static let standard: [EvaluationMetric] = [.precision, .recall, .ndcg, .map, .mrr, .hitrate, .coverage]
}

/// What to do with test users the model never saw in training.
public enum ColdUserPolicy: String, Sendable, CaseIterable {
    /// Left out of every average (counted in the protocol).
    case skip
    /// Kept with an empty list, so they score 0.
    case zero
    /// Kept and given the model's cold-start list (`ColdStartCapable`, e.g. `PopularityFallback`);
    /// an empty list from a model without one.
    case serve
}

public struct EvaluationOptions: Sendable {
    /// Cutoffs to score; the model is asked once for the largest.
    public var cutoffs: [Int] = [10]
    public var metrics: [EvaluationMetric] = EvaluationMetric.standard
    /// Exclude each user's training items from their list.
    public var excludeSeen = true
    /// A test interaction is relevant when its value is at least this; nil: every test interaction.
    public var relevanceThreshold: Double?
    public var definitions = MetricDefinitions()
    public var coldUsers: ColdUserPolicy = .skip
    /// Item-pair dissimilarity for intra-list diversity (e.g. `ListMetrics.cosineDissimilarity`).
    public var itemDissimilarity: (@Sendable (Int, Int) -> Double)?
    /// Lists compared for personalization before sampling.
    public var personalizationSample = 2000
    public var seed: UInt64 = 42

    public init(k: Int = 10) { cutoffs = [k] }
}
