/// A recommender that predicts ratings.
public protocol RatingPredictor: Recommender {
    /// The predicted rating, clipped to the scale; nil for a pair the model cannot predict.
    func predictRating(user: Int, item: Int) -> Double?
    /// Whether a user absent from training (index −1) gets a prediction of its own.
    var predictsForUnknownUsers: Bool { get }
}

/// Anything that can list the items most like an item: a fitted recommender's `ItemSimilarity`,
/// or a streaming item-kNN's current counts (what the session re-rank reads).
public protocol SimilarItemsSource: Sendable {
    /// Items most similar to `item`, best first (empty for an item outside the training data).
    func similarItems(to item: Int, count: Int) -> [Recommendation]
}

/// A recommender with a notion of how alike two items are.
public protocol ItemSimilarity: Recommender, SimilarItemsSource {}

// The role accessors' witnesses. For a type declared in a role, the constrained extension is the
// more specific one, so the compiler picks it when it checks the conformance; the others get nil.

extension Recommender {
    public var ratingPredictor: (any RatingPredictor)? { nil }
    public var itemSimilarity: (any ItemSimilarity)? { nil }
    public var batchRecommender: (any BatchRecommender)? { nil }
    public var coldStart: (any ColdStartCapable)? { nil }
    public var contextAware: (any ContextAwareRecommender)? { nil }
}

extension RatingPredictor {
    public var ratingPredictor: (any RatingPredictor)? { self }
    public var predictsForUnknownUsers: Bool { false }
}

extension ItemSimilarity {
    public var itemSimilarity: (any ItemSimilarity)? { self }
}

extension BatchRecommender {
    public var batchRecommender: (any BatchRecommender)? { self }
}

extension ColdStartCapable {
    public var coldStart: (any ColdStartCapable)? { servesUnknownUsers ? self : nil }
}

extension ContextAwareRecommender {
    public var contextAware: (any ContextAwareRecommender)? { self }
}
