/// User-based nearest neighbours.
///
/// Top-N (LensKit's implicit user-kNN rule): an item's score for a user is the sum of the
/// similarities of the `neighbors` most similar users who interacted with it. Rating prediction:
/// the similarity-weighted mean of those users' ratings of the item, or with `meanCentered` the
/// user's mean plus the weighted mean of their deviations from their own means. Without any
/// such neighbour the prediction is the global mean. Each user keeps only `savedNeighbors` users.
public struct UserKNN: RatingPredictor {
    public let training: Interactions
    /// Users × items: each user's kept neighbours and the rating rule.
    public let neighborhood: Neighborhood

    public var options: NeighborhoodOptions { neighborhood.options }
    /// Each user's kept neighbours, best first.
    public var similar: NeighborLists { neighborhood.similar }

    public static func fit(_ data: Interactions, options: NeighborhoodOptions, context: RunContext) throws -> UserKNN {
        UserKNN(training: data, neighborhood: try Neighborhood.fit(data, orientation: .users, options: options, context: context))
    }

    public var parameterValues: [ParameterValue] { options.described }

    /// Ratings are predicted only from ratings; on implicit feedback there is nothing to predict.
    public var ratingPredictor: (any RatingPredictor)? { training.kind.ratingScale != nil ? self : nil }

    public var algorithmName: String {
        "user-kNN (\(options.similarity.displayName)\(options.similarity == .cosine && options.binary ? ", binary" : ""), k=\(options.neighbors))"
    }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        guard user >= 0, user < training.userIds.count else { return [] }
        var sums = NeighborScoreSums(itemCount: training.itemIds.count, limit: options.neighbors)
        // Neighbours come strongest first, so each item sums its k most similar users.
        for p in similar.range(of: user) {
            let s = Double(similar.similarities[p])
            for item in training.byUser.row(Int(similar.neighbors[p])).indices { sums.add(Int(item), s) }
        }
        return sums.best(count: count, exclude: exclude)
    }

    public func predictRating(user: Int, item: Int) -> Double? {
        guard training.kind.ratingScale != nil else { return nil }
        return neighborhood.predict(row: user, column: item, kind: training.kind)
    }

    public func explain(user: Int, item: Int) -> Explanation {
        guard user >= 0, user < training.userIds.count, item >= 0, item < training.itemIds.count else {
            return Explanation(item: item, reasons: [])
        }
        let explicit = training.kind.ratingScale != nil
        // The user's kept neighbours who interacted with the item: the `neighbors` most similar.
        let reasons = neighborhood.contributing(row: user, column: item).map { n -> Reason in
            "similar user \(user: n.neighbor) (\(NeighborReasons.number(n.similarity)))"
                + (explicit ? " rated it \(NeighborReasons.number(n.value))" : " interacted with it")
        }
        return Explanation(item: item, reasons: reasons)
    }
}

public struct UserKNNEstimator: RecommenderEstimator {
    public let parameters: NeighborhoodOptions
    public init(_ parameters: NeighborhoodOptions = NeighborhoodOptions()) { self.parameters = parameters }
    public func fit(_ data: Interactions, context: RunContext) throws -> UserKNN {
        try UserKNN.fit(data, options: parameters, context: context)
    }
}
