/// User-based nearest neighbours.
///
/// Top-N (LensKit's implicit user-kNN rule): an item's score for a user is the sum of the
/// similarities of the `neighbors` most similar users who interacted with it. Rating prediction:
/// the similarity-weighted mean of those users' ratings of the item, or with `meanCentered` the
/// user's mean plus the weighted mean of their deviations from their own means. Without any
/// such neighbour the prediction is the global mean. Each user keeps only `savedNeighbors` users.
public struct UserKNN: Recommender {
    public let training: Interactions
    public let options: NeighborhoodOptions
    /// Each user's kept neighbours, best first.
    public let similar: NeighborLists
    let userMeans: [Double]
    let globalMean: Double

    public static func fit(_ data: Interactions, options: NeighborhoodOptions, context: RunContext) throws -> UserKNN {
        try NeighborhoodBuilder.validate(options, data)
        var options = options
        if options.savedNeighbors > 0 { options.savedNeighbors = max(options.savedNeighbors, options.neighbors) }
        let itemMeans = InteractionStats.rowMeans(data.byItem)
        let userMeans = InteractionStats.rowMeans(data.byUser)
        let lists = try NeighborhoodBuilder.lists(rows: data.byUser, columns: data.byItem, rowMeans: userMeans,
                                                  columnMeans: itemMeans, options: options, context: context)
        return UserKNN(training: data, options: options, similar: lists, userMeans: userMeans,
                       globalMean: InteractionStats.globalMean(data.byUser))
    }

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

    /// The user's kept neighbours who interacted with `item`: the `neighbors` most similar.
    func contributingNeighbors(user: Int, item: Int) -> [(user: Int, similarity: Double, value: Double)] {
        var found: [(user: Int, similarity: Double, value: Double)] = []
        for p in similar.range(of: user) {
            let v = Int(similar.neighbors[p])
            if let value = training.byUser.value(row: v, column: item) {
                found.append((v, Double(similar.similarities[p]), Double(value)))
                if found.count == options.neighbors { break }
            }
        }
        return found
    }

    public func predictRating(user: Int, item: Int) -> Double? {
        guard training.kind.ratingScale != nil else { return nil }
        guard user >= 0, user < training.userIds.count, item >= 0, item < training.itemIds.count else { return globalMean }
        var weighted = 0.0, weights = 0.0
        for n in contributingNeighbors(user: user, item: item) {
            weighted += n.similarity * (options.meanCentered ? n.value - userMeans[n.user] : n.value)
            weights += n.similarity
        }
        guard weights > 0 else { return globalMean }
        return training.kind.clip((options.meanCentered ? userMeans[user] : 0) + weighted / weights)
    }

    public func explain(user: Int, item: Int) -> Explanation {
        guard user >= 0, user < training.userIds.count, item >= 0, item < training.itemIds.count else {
            return Explanation(item: item, reasons: [])
        }
        let explicit = training.kind.ratingScale != nil
        let reasons = contributingNeighbors(user: user, item: item).map { n -> Reason in
            "similar user \(user: n.user) (\(NeighborReasons.number(n.similarity)))"
                + (explicit ? " rated it \(NeighborReasons.number(n.value))" : " interacted with it")
        }
        return Explanation(item: item, reasons: reasons)
    }

    public func similarItems(to item: Int, count: Int) -> [Recommendation]? { nil }
}
