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
public protocol Recommender: Sendable {
    /// e.g. "item-kNN (cosine, k=20)".
    var algorithmName: String { get }
    var training: Interactions { get }
    /// Top `count` items for a user index, excluding `exclude`; ties broken by lower item index.
    func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation]
    /// nil when the model does not predict ratings.
    func predictRating(user: Int, item: Int) -> Double?
    func explain(user: Int, item: Int) -> Explanation
    /// Items most similar to `item`, when the model has an item-item notion; nil otherwise.
    func similarItems(to item: Int, count: Int) -> [Recommendation]?
}
