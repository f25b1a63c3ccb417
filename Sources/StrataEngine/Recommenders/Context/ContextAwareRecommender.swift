/// A recommender whose list depends on the context the user is in (device, hour of the day). Its
/// plain `recommend(user:count:exclude:)` is the list with no context known.
public protocol ContextAwareRecommender: Recommender {
    /// The devices and hour bands seen in training.
    var contextVocabulary: ContextVocabulary { get }
    /// Top `count` items for the user in `context`, excluding `exclude`; ties by lower item index.
    func recommend(user: Int, count: Int, exclude: Set<Int>, in context: ResolvedContext) -> [Recommendation]
    /// Why the item suits the user in `context`: the reasons name the context.
    func explain(user: Int, item: Int, in context: ResolvedContext) -> Explanation
}

extension ContextAwareRecommender {
    /// The model with the context fixed, as a plain recommender: what `evaluate … bycontext=` scores.
    public func fixed(in context: ResolvedContext) -> FixedContextRecommender {
        FixedContextRecommender(model: self, context: context)
    }
}

/// A context-aware model asked always in one context.
public struct FixedContextRecommender: Recommender {
    public let model: any ContextAwareRecommender
    public let context: ResolvedContext

    public var training: Interactions { model.training }
    public var algorithmName: String { model.algorithmName + " in " + context.description }
    public var parameterValues: [ParameterValue] { model.parameterValues }
    public var itemSimilarity: (any ItemSimilarity)? { model.itemSimilarity }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        model.recommend(user: user, count: count, exclude: exclude, in: context)
    }

    public func explain(user: Int, item: Int) -> Explanation { model.explain(user: user, item: item, in: context) }
}
