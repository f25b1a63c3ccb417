/// One recommended item (a dense item index of the model's training data) and its score.
public struct Recommendation: Sendable, Equatable {
    public let item: Int
    public let score: Double

    public init(item: Int, score: Double) {
        self.item = item
        self.score = score
    }
}

/// Why an item is recommended to a user, as short reasons that name items and users structurally
/// (`Reason.text(item:user:)` renders them).
public struct Explanation: Sendable, Equatable {
    public let item: Int
    public let reasons: [Reason]

    public init(item: Int, reasons: [Reason]) {
        self.item = item
        self.reasons = reasons
    }
}

/// A trained recommender. Users and items are dense indices of `training`.
///
/// What else a model can do is a role it conforms to (`RatingPredictor`, `ItemSimilarity`,
/// `BatchRecommender`, `ColdStartCapable`, `ContextAwareRecommender`). Each role has an accessor here whose witness the
/// compiler picks when the conformance is declared: `self` for a type in the role, nil otherwise
/// (see `RecommenderRoles.swift`). A model that wraps others (hybrids, `PopularityFallback`)
/// answers from its parts' accessors. No caller casts or probes a model to learn what it can do.
public protocol Recommender: FittedModel {
    var training: Interactions { get }
    /// Top `count` items for a user index, excluding `exclude`; ties broken by lower item index.
    func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation]
    func explain(user: Int, item: Int) -> Explanation

    /// The model as a rating predictor, when it predicts ratings (on these training data).
    var ratingPredictor: (any RatingPredictor)? { get }
    /// The model as an item-item similarity, when it has that notion.
    var itemSimilarity: (any ItemSimilarity)? { get }
    /// The model's path for ranking many users together, when it has one.
    var batchRecommender: (any BatchRecommender)? { get }
    /// The model's rule for users absent from training, when it has one that serves them.
    var coldStart: (any ColdStartCapable)? { get }
    /// The model as one that ranks differently by device and hour, when it is context-aware.
    var contextAware: (any ContextAwareRecommender)? { get }
}

/// How a recommender estimator is shaped: fitted on interactions (and, for some, a side table), it
/// gives a `Recommender`.
public protocol RecommenderEstimator: Estimator where Model: Recommender {}
