/// Serves users with at least `threshold` training interactions from `primary` and the others from
/// `fallback` (typically content-based or popularity for users with little history).
public struct SwitchingHybrid: RatingPredictor {
    public let primaryName: String
    public let primary: any Recommender
    public let fallbackName: String
    public let fallback: any Recommender
    public let threshold: Int

    public init(primary: (String, any Recommender), fallback: (String, any Recommender), threshold: Int) throws {
        try HybridChecks.sameData([primary, fallback].map { (name: $0.0, model: $0.1) })
        guard threshold >= 1 else { throw EngineError("the switching threshold must be at least 1, got \(threshold)") }
        (primaryName, self.primary) = primary
        (fallbackName, self.fallback) = fallback
        self.threshold = threshold
    }

    public var training: Interactions { primary.training }

    public var parameterValues: [ParameterValue] {
        [ParameterValue("primary", primaryName), ParameterValue("fallback", fallbackName), ParameterValue("switch", threshold)]
    }

    /// Predicts ratings when either model does (a user served by one that does not gets none).
    public var ratingPredictor: (any RatingPredictor)? {
        primary.ratingPredictor != nil || fallback.ratingPredictor != nil ? self : nil
    }

    /// The main model's item similarity, else the fallback's.
    public var itemSimilarity: (any ItemSimilarity)? { primary.itemSimilarity ?? fallback.itemSimilarity }

    public var algorithmName: String {
        "switching hybrid (\(primaryName); \(fallbackName) below \(threshold) interactions)"
    }

    public func usesFallback(user: Int) -> Bool {
        guard user >= 0, user < training.userCount else { return true }
        return training.byUser.rowLength(user) < threshold
    }

    private func model(for user: Int) -> any Recommender { usesFallback(user: user) ? fallback : primary }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        model(for: user).recommend(user: user, count: count, exclude: exclude)
    }

    public func predictRating(user: Int, item: Int) -> Double? {
        model(for: user).ratingPredictor?.predictRating(user: user, item: item)
    }

    public func explain(user: Int, item: Int) -> Explanation {
        let name = usesFallback(user: user) ? fallbackName : primaryName
        let inner = model(for: user).explain(user: user, item: item)
        return Explanation(item: item, reasons: inner.reasons.map { "\(name): \($0)" })
    }
}

extension SwitchingHybrid: ColdStartCapable {
    public var coldStartRule: String {
        fallback.coldStart.map { "\(fallbackName)'s list, \($0.coldStartRule)" }
            ?? "none (\(fallbackName) cannot serve users without history)"
    }

    public var servesUnknownUsers: Bool { fallback.coldStart != nil }

    public func recommendForUnknownUser(count: Int, exclude: Set<Int>) -> [Recommendation] {
        fallback.coldStart?.recommendForUnknownUser(count: count, exclude: exclude) ?? []
    }
}

public struct SwitchingHybridParameters: EstimatorParameters, Equatable {
    /// Users with at least this many training interactions get the first model.
    public var threshold: Int
    public init(threshold: Int) { self.threshold = threshold }
    public var described: [ParameterValue] { [ParameterValue("switch", threshold)] }
}

/// "Fitting" combines two models already trained on the same interactions: the main one, then the fallback.
public struct SwitchingHybridEstimator: RecommenderEstimator {
    public let parameters: SwitchingHybridParameters
    public init(_ parameters: SwitchingHybridParameters) { self.parameters = parameters }

    public func fit(_ models: [NamedRecommender], context: RunContext) throws -> SwitchingHybrid {
        guard models.count == 2 else {
            throw EngineError("switching takes exactly two models (main, then fallback), got \(models.count)")
        }
        return try SwitchingHybrid(primary: (models[0].name, models[0].model), fallback: (models[1].name, models[1].model),
                                   threshold: parameters.threshold)
    }
}
