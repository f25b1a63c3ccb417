/// Item-based nearest neighbours.
///
/// Top-N (LensKit's implicit item-kNN rule): an item's score for a user is the sum of its
/// similarities to the `neighbors` most similar items the user interacted with; items with no such
/// neighbour are not scored. Rating prediction (Surprise KNNBasic rule): the similarity-weighted
/// mean of the user's ratings of those neighbours, or with `meanCentered` the item's mean plus
/// the weighted mean of the neighbours' deviations from their means (KNNWithMeans). Without any
/// neighbour the prediction is the global mean, as in Surprise. Each item keeps only its
/// `savedNeighbors` most similar items, so memory is linear in the catalogue.
public struct ItemKNN: RatingPredictor, ItemSimilarity {
    public let training: Interactions
    /// Items × users: each item's kept neighbours and the rating rule.
    public let neighborhood: Neighborhood
    /// For each item i, the items that keep i as a neighbour: scoring pushes through these.
    let keptBy: NeighborLists

    public var options: NeighborhoodOptions { neighborhood.options }
    /// Each item's kept neighbours, best first.
    public var similar: NeighborLists { neighborhood.similar }

    public static func fit(_ data: Interactions, options: NeighborhoodOptions, context: RunContext) throws -> ItemKNN {
        let neighborhood = try Neighborhood.fit(data, orientation: .items, options: options, context: context)
        return ItemKNN(training: data, neighborhood: neighborhood, keptBy: neighborhood.similar.reversed())
    }

    public var parameterValues: [ParameterValue] { options.described }

    /// Ratings are predicted only from ratings; on implicit feedback there is nothing to predict.
    public var ratingPredictor: (any RatingPredictor)? { training.kind.ratingScale != nil ? self : nil }

    public var algorithmName: String {
        "item-kNN (\(options.similarity.displayName)\(options.similarity == .cosine && options.binary ? ", binary" : ""), k=\(options.neighbors))"
    }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        guard user >= 0, user < training.userIds.count else { return [] }
        var scratch = ScoringScratch(itemCount: training.itemIds.count)
        accumulate(user: user, into: &scratch)
        return scratch.sums.best(count: count, exclude: exclude)
    }

    /// Per-user working arrays, reused across the users of one batch.
    struct ScoringScratch {
        var sums: NeighborScoreSums
        /// The current user's items.
        var owned: [Bool]

        init(itemCount: Int) {
            sums = NeighborScoreSums(itemCount: itemCount, limit: .max)
            owned = [Bool](repeating: false, count: itemCount)
        }
    }

    /// Scores the user's candidates into `scratch` (which must be clear) and flags the user's items.
    func accumulate(user: Int, into scratch: inout ScoringScratch) {
        let row = training.byUser.row(user)
        for i in row.indices { scratch.owned[Int(i)] = true }
        // Push every kept similarity from the user's items to the items that keep them; an item
        // reached by more than k of the user's items is then re-summed over its k most similar ones
        // from its own list, which is sorted by similarity.
        for i in row.indices {
            for p in keptBy.range(of: Int(i)) { scratch.sums.add(Int(keptBy.neighbors[p]), Double(keptBy.similarities[p])) }
        }
        for j in scratch.sums.items(withMoreThan: options.neighbors) {
            var total = 0.0, used = 0
            for p in similar.range(of: j) where scratch.owned[Int(similar.neighbors[p])] {
                total += Double(similar.similarities[p])
                used += 1
                if used == options.neighbors { break }
            }
            scratch.sums.replaceScore(of: j, with: total)
        }
    }

    public func predictRating(user: Int, item: Int) -> Double? {
        guard training.kind.ratingScale != nil else { return nil }
        return neighborhood.predict(row: item, column: user, kind: training.kind)
    }

    public func explain(user: Int, item: Int) -> Explanation {
        guard user >= 0, user < training.userIds.count, item >= 0, item < training.itemIds.count else {
            return Explanation(item: item, reasons: [])
        }
        let explicit = training.kind.isExplicit
        // The user's items among the item's kept neighbours: the `neighbors` most similar, best first.
        let reasons = neighborhood.contributing(row: item, column: user).map { n -> Reason in
            "similar to \(item: n.neighbor) (\(NeighborReasons.number(n.similarity)))"
                + (explicit ? " rated \(NeighborReasons.number(n.value))" : "")
        }
        return Explanation(item: item, reasons: reasons)
    }

    public func similarItems(to item: Int, count: Int) -> [Recommendation] {
        guard item >= 0, item < training.itemIds.count else { return [] }
        return similar.range(of: item).prefix(max(0, count)).map {
            Recommendation(item: Int(similar.neighbors[$0]), score: Double(similar.similarities[$0]))
        }
    }
}

public struct ItemKNNEstimator: RecommenderEstimator {
    public let parameters: NeighborhoodOptions
    public init(_ parameters: NeighborhoodOptions = NeighborhoodOptions()) { self.parameters = parameters }
    public func fit(_ data: Interactions, context: RunContext) throws -> ItemKNN {
        try ItemKNN.fit(data, options: parameters, context: context)
    }
}

extension ItemKNN: BatchRecommender {
    /// The same lists as `recommend(user:count:exclude:)` with each user's own items excluded, with
    /// the score arrays allocated once per chunk of users instead of once per user.
    public func recommend(users: [Int], count: Int, excludeSeen: Bool, context: RunContext) throws -> [[Recommendation]] {
        let itemCount = training.itemIds.count
        let chunks = FixedChunks(total: users.count, parts: FixedChunks.defaultParts)
        let parts = try chunks.map(cancellation: context.cancellation) { range -> [[Recommendation]] in
            var scratch = ScoringScratch(itemCount: itemCount)
            var lists: [[Recommendation]] = []
            lists.reserveCapacity(range.count)
            for (n, user) in users[range].enumerated() {
                if n & 255 == 0 { try context.cancellation.check() }
                guard user >= 0, user < training.userIds.count else {
                    lists.append([])
                    continue
                }
                accumulate(user: user, into: &scratch)
                lists.append(excludeSeen ? scratch.sums.best(count: count, skip: scratch.owned)
                                         : scratch.sums.best(count: count, exclude: []))
                scratch.sums.clear()
                for i in training.byUser.row(user).indices { scratch.owned[Int(i)] = false }
            }
            return lists
        }
        return parts.flatMap { $0 }
    }
}
