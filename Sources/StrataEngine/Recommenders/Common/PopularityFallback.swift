/// Wraps a model that cannot serve users without history: users absent from its training data, or
/// present with no training interaction, get the most popular items of the same training data;
/// everyone else gets the wrapped model's list. Chosen explicitly (`fallback=popular`), never
/// implied, so a model's own list is never silently replaced.
public struct PopularityFallback: ColdStartCapable, BatchRecommender {
    public let base: any Recommender
    let popular: PopularRecommender

    public init(_ base: any Recommender) {
        self.base = base
        popular = PopularRecommender(training: base.training)
    }

    public var training: Interactions { base.training }

    public var algorithmName: String { base.algorithmName + ", most popular for users without history" }
    public var parameterValues: [ParameterValue] { base.parameterValues + [ParameterValue("fallback", "popular", default: "none")] }

    /// Ratings and item similarities are the wrapped model's own.
    public var ratingPredictor: (any RatingPredictor)? { base.ratingPredictor }
    public var itemSimilarity: (any ItemSimilarity)? { base.itemSimilarity }
    /// Users with history are ranked by the wrapped model, in context when it is context-aware.
    public var contextAware: (any ContextAwareRecommender)? { base.contextAware }

    public var coldStartRule: String { "the most popular items of the training data (fallback=popular)" }

    /// True for a user the wrapped model has no history for.
    public func isCold(user: Int) -> Bool {
        user < 0 || user >= training.userCount || training.byUser.rowLength(user) == 0
    }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        isCold(user: user) ? popular.recommend(user: user, count: count, exclude: exclude)
            : base.recommend(user: user, count: count, exclude: exclude)
    }

    public func recommend(users: [Int], count: Int, excludeSeen: Bool, context: RunContext) throws -> [[Recommendation]] {
        let warm = users.filter { !isCold(user: $0) }
        var warmLists = try BatchRecommendation.recommend(base, users: warm, count: count, excludeSeen: excludeSeen,
                                                          context: context).makeIterator()
        let coldList = popular.recommend(user: -1, count: count, exclude: [])
        return users.map { isCold(user: $0) ? coldList : (warmLists.next() ?? []) }
    }

    public func recommendForUnknownUser(count: Int, exclude: Set<Int>) -> [Recommendation] {
        popular.recommend(user: -1, count: count, exclude: exclude)
    }

    public func explain(user: Int, item: Int) -> Explanation {
        isCold(user: user) ? popular.explain(user: user, item: item) : base.explain(user: user, item: item)
    }
}
