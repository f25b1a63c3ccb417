/// A weighted blend of recommenders trained on the same interactions.
///
/// For a user, each model proposes its top `pool` items (excluding what the caller excludes); its
/// scores are normalised over that list (`ScoreNormalization`), an item it did not propose gets the
/// list's lowest normalised value, and the blend is Σ weight · normalised score. Rating predictions
/// are the weight-averaged predictions of the models that predict ratings.
public struct WeightedHybrid: RatingPredictor {
    public struct Component: Sendable {
        public let name: String
        public let model: any Recommender
        public let weight: Double
        public init(name: String, model: any Recommender, weight: Double) {
            self.name = name
            self.model = model
            self.weight = weight
        }
    }

    public let components: [Component]
    public let normalization: ScoreNormalization
    /// Candidates asked of each model per user: at least this many, and 5 × the list length.
    public let minimumPool: Int

    public init(components: [Component], normalization: ScoreNormalization, minimumPool: Int = 100) throws {
        try HybridChecks.sameData(components.map { ($0.name, $0.model) })
        guard components.allSatisfy({ $0.weight.isFinite && $0.weight >= 0 }), components.contains(where: { $0.weight > 0 }) else {
            throw EngineError("hybrid weights must be 0 or more, and at least one above 0")
        }
        self.components = components
        self.normalization = normalization
        self.minimumPool = minimumPool
    }

    public var training: Interactions { components[0].model.training }

    public var parameterValues: [ParameterValue] {
        [ParameterValue("weights", components.map { "\($0.name) \(NeighborReasons.number($0.weight))" }.joined(separator: ", ")),
         ParameterValue("normalize", normalization, default: .minmax), ParameterValue("pool", minimumPool, default: 100)]
    }

    /// Predicts ratings when a weighted model does: the weight-averaged predictions of those that do.
    public var ratingPredictor: (any RatingPredictor)? {
        components.contains { $0.weight > 0 && $0.model.ratingPredictor != nil } ? self : nil
    }

    /// The item similarity of the first model that has one.
    public var itemSimilarity: (any ItemSimilarity)? { components.lazy.compactMap(\.model.itemSimilarity).first }

    public var algorithmName: String {
        "weighted hybrid (" + components.map { "\($0.name) \(NeighborReasons.number($0.weight))" }.joined(separator: ", ")
            + ", \(normalization.rawValue) per user)"
    }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        let pool = max(minimumPool, 5 * count)
        var blended: [Int: Double] = [:]
        var lists: [(values: [Int: Double], absent: Double, weight: Double)] = []
        for c in components where c.weight > 0 {
            let list = c.model.recommend(user: user, count: pool, exclude: exclude)
            let (values, absent) = normalization.normalize(list.map(\.score))
            var byItem: [Int: Double] = [:]
            for (r, v) in zip(list, values) { byItem[r.item] = v }
            lists.append((byItem, absent, c.weight))
            for r in list { blended[r.item] = 0 }
        }
        for item in blended.keys {
            blended[item] = lists.reduce(0) { $0 + $1.weight * ($1.values[item] ?? $1.absent) }
        }
        let items = blended.keys.sorted()
        return TopScores.select(items: items, scores: items.map { blended[$0] ?? 0 }, count: count, exclude: exclude)
    }

    public func predictRating(user: Int, item: Int) -> Double? {
        var total = 0.0, weights = 0.0
        for c in components where c.weight > 0 {
            if let p = c.model.ratingPredictor?.predictRating(user: user, item: item) {
                total += c.weight * p
                weights += c.weight
            }
        }
        return weights > 0 ? total / weights : nil
    }

    public func explain(user: Int, item: Int) -> Explanation {
        var reasons: [Reason] = []
        for c in components where c.weight > 0 {
            if let first = c.model.explain(user: user, item: item).reasons.first { reasons.append("\(c.name): \(first)") }
        }
        return Explanation(item: item, reasons: reasons)
    }
}

enum HybridChecks {
    /// Hybrids combine item indices, so every model must index the same users and items.
    static func sameData(_ models: [(name: String, model: any Recommender)]) throws {
        guard let first = models.first else { throw EngineError("a hybrid needs at least one model") }
        for m in models.dropFirst() {
            guard m.model.training.itemIds == first.model.training.itemIds,
                  m.model.training.userIds == first.model.training.userIds else {
                throw EngineError("\(m.name) was trained on other interactions than \(first.name)",
                                  suggestion: "train every model of a hybrid on the same table")
            }
        }
    }
}

/// A trained model with the name a hybrid calls it by.
public struct NamedRecommender: Sendable {
    public let name: String
    public let model: any Recommender
    public init(_ name: String, _ model: any Recommender) {
        self.name = name
        self.model = model
    }
}

public struct WeightedHybridParameters: EstimatorParameters, Equatable {
    /// One per model, in order; nil: equal weights.
    public var weights: [Double]?
    public var normalization: ScoreNormalization = .minmax
    public var minimumPool = 100

    public init(weights: [Double]? = nil, normalization: ScoreNormalization = .minmax) {
        self.weights = weights
        self.normalization = normalization
    }

    public var described: [ParameterValue] {
        [ParameterValue("weights", weights.map { $0.map(NeighborReasons.number).joined(separator: ",") } ?? "equal", default: "equal"),
         ParameterValue("normalize", normalization, default: .minmax), ParameterValue("pool", minimumPool, default: 100)]
    }
}

/// "Fitting" a hybrid combines models already trained on the same interactions.
public struct WeightedHybridEstimator: RecommenderEstimator {
    public let parameters: WeightedHybridParameters
    public init(_ parameters: WeightedHybridParameters) { self.parameters = parameters }

    public func fit(_ models: [NamedRecommender], context: RunContext) throws -> WeightedHybrid {
        let weights = parameters.weights ?? [Double](repeating: 1, count: models.count)
        guard weights.count == models.count else { throw EngineError("\(weights.count) weights for \(models.count) models") }
        return try WeightedHybrid(components: zip(models, weights).map { .init(name: $0.name, model: $0.model, weight: $1) },
                                  normalization: parameters.normalization, minimumPool: parameters.minimumPool)
    }
}
