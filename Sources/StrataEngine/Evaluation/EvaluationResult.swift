/// How many users and items each rule of the protocol touched.
public struct EvaluationCounts: Sendable, Equatable {
    public var testUsers = 0
    public var evaluatedUsers = 0
    public var usersAbsentFromTraining = 0
    public var usersWithoutRelevant = 0
    public var emptyLists = 0
    /// Lists shorter than the cutoff (but not empty).
    public var shortLists = 0
    public var relevantAbsentFromTraining = 0
    public var relevantAlreadyInTraining = 0
    public var ratingPairs = 0
    public var ratingPairsUnpredicted = 0
    public var catalogueSize = 0
    public var personalizationUsers = 0
    public var personalizationSampled = false
    public var usersWithoutDiversity = 0
}

/// One model scored at one cutoff.
public struct EvaluationResult: Sendable {
    public let algorithmName: String
    public let k: Int
    /// The evaluated users' ids, in the order of `perUser` values.
    public let userIds: [String]
    /// Per-user values of the per-user metrics; NaN where undefined for that user (novelty of an
    /// empty list, diversity of a list shorter than two).
    public let perUser: [EvaluationMetric: [Double]]
    /// Means of the per-user metrics (over users where defined) and the global metrics; nil when
    /// the metric does not apply (RMSE of a model that predicts no ratings).
    public let values: [EvaluationMetric: Double?]
    public let counts: EvaluationCounts

    public func value(_ metric: EvaluationMetric) -> Double? { values[metric] ?? nil }
}
