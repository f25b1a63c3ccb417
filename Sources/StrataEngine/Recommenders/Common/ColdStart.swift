/// A recommender that can serve a user absent from its training data, and says how.
public protocol ColdStartCapable: Recommender {
    /// One line for the command's note, e.g. "items by popularity".
    var coldStartRule: String { get }
    func recommendForUnknownUser(count: Int, exclude: Set<Int>) -> [Recommendation]
}

extension BiasedMF: ColdStartCapable {
    /// Surprise's rule: an unknown user's prediction is μ + b_i, so the ranking is by item bias.
    public var coldStartRule: String { "unknown users get the items with the highest item bias (μ + b_i)" }

    public func recommendForUnknownUser(count: Int, exclude: Set<Int>) -> [Recommendation] {
        TopScores.select(itemBias.map { Float(globalMean) + $0 }, count: count, exclude: exclude)
    }
}

extension PopularRecommender: ColdStartCapable {
    public var coldStartRule: String { "unknown users get the most popular items" }

    public func recommendForUnknownUser(count: Int, exclude: Set<Int>) -> [Recommendation] {
        recommend(user: -1, count: count, exclude: exclude)
    }
}
