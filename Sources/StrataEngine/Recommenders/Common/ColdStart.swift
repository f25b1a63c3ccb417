/// A recommender that can serve a user absent from its training data, and says how.
public protocol ColdStartCapable: Recommender {
    /// What unknown users get, completing "…; showing N items by its cold-start rule: …",
    /// e.g. "the most popular items".
    var coldStartRule: String { get }
    /// False when the rule delegates to a model that has none (a switching hybrid whose fallback
    /// cannot serve unknown users).
    var servesUnknownUsers: Bool { get }
    func recommendForUnknownUser(count: Int, exclude: Set<Int>) -> [Recommendation]
}

extension ColdStartCapable {
    public var servesUnknownUsers: Bool { true }
}

/// A model as a command serves it: its own, or wrapped in `PopularityFallback` (`fallback=popular`).
public enum ServedRecommender: Sendable {
    case own(any Recommender)
    case withPopularFallback(PopularityFallback)

    public var model: any Recommender {
        switch self {
        case .own(let m): return m
        case .withPopularFallback(let f): return f
        }
    }

    /// The fallback wrapper, when the model is served through one.
    public var popularFallback: PopularityFallback? {
        if case .withPopularFallback(let f) = self { return f }
        return nil
    }
}

public enum ColdStart {
    /// With `popularFallback`, a model without its own cold-start rule wrapped in `PopularityFallback`;
    /// a model with one (mf, popularity, switching hybrids) is served as it is: its own rule wins.
    public static func applying(popularFallback: Bool, to model: any Recommender) -> ServedRecommender {
        guard popularFallback, model.coldStart == nil else { return .own(model) }
        return .withPopularFallback(PopularityFallback(model))
    }
}

extension BiasedMF: ColdStartCapable {
    /// Surprise's rule: an unknown user's prediction is μ + b_i, so the ranking is by item bias.
    public var coldStartRule: String { "the items with the highest item bias (μ + b_i)" }

    public func recommendForUnknownUser(count: Int, exclude: Set<Int>) -> [Recommendation] {
        TopScores.select(itemBias.map { Float(globalMean) + $0 }, count: count, exclude: exclude)
    }
}

extension PopularRecommender: ColdStartCapable {
    public var coldStartRule: String { "the most popular items" }

    public func recommendForUnknownUser(count: Int, exclude: Set<Int>) -> [Recommendation] {
        recommend(user: -1, count: count, exclude: exclude)
    }
}
