/// Item-based nearest neighbours.
///
/// Top-N (LensKit's implicit item-kNN rule): an item's score for a user is the sum of its
/// similarities to the `neighbors` most similar items the user interacted with; items with no such
/// neighbour are not scored. Rating prediction (Surprise KNNBasic rule): the similarity-weighted
/// mean of the user's ratings of those neighbours, or with `meanCentered` the item's mean plus
/// the weighted mean of the neighbours' deviations from their means (KNNWithMeans). Without any
/// neighbour the prediction is the global mean, as in Surprise. Each item keeps only its
/// `savedNeighbors` most similar items, so memory is linear in the catalogue.
public struct ItemKNN: Recommender {
    public let training: Interactions
    public let options: NeighborhoodOptions
    /// Each item's kept neighbours, best first.
    public let similar: NeighborLists
    /// For each item i, the items that keep i as a neighbour: scoring pushes through these.
    let keptBy: NeighborLists
    let itemMeans: [Double]
    let globalMean: Double

    public static func fit(_ data: Interactions, options: NeighborhoodOptions, context: RunContext) throws -> ItemKNN {
        try NeighborhoodBuilder.validate(options, data)
        var options = options
        if options.savedNeighbors > 0 { options.savedNeighbors = max(options.savedNeighbors, options.neighbors) }
        let itemMeans = InteractionStats.rowMeans(data.byItem)
        let userMeans = InteractionStats.rowMeans(data.byUser)
        let lists = try NeighborhoodBuilder.lists(rows: data.byItem, columns: data.byUser, rowMeans: itemMeans,
                                                  columnMeans: userMeans, options: options, context: context)
        return ItemKNN(training: data, options: options, similar: lists, keptBy: lists.reversed(),
                       itemMeans: itemMeans, globalMean: InteractionStats.globalMean(data.byUser))
    }

    public var algorithmName: String {
        "item-kNN (\(options.similarity.displayName)\(options.similarity == .cosine && options.binary ? ", binary" : ""), k=\(options.neighbors))"
    }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        guard user >= 0, user < training.userIds.count else { return [] }
        let row = training.byUser.row(user)
        // Push every kept similarity from the user's items to the items that keep them; an item
        // reached by more than k of the user's items is then re-summed over its k most similar ones
        // from its own list, which is sorted by similarity.
        var sums = NeighborScoreSums(itemCount: training.itemIds.count, limit: .max)
        for i in row.indices {
            for p in keptBy.range(of: Int(i)) { sums.add(Int(keptBy.neighbors[p]), Double(keptBy.similarities[p])) }
        }
        let overfull = sums.items(withMoreThan: options.neighbors)
        if !overfull.isEmpty {
            var owned = [Bool](repeating: false, count: training.itemIds.count)
            for i in row.indices { owned[Int(i)] = true }
            for j in overfull {
                var total = 0.0, used = 0
                for p in similar.range(of: j) where owned[Int(similar.neighbors[p])] {
                    total += Double(similar.similarities[p])
                    used += 1
                    if used == options.neighbors { break }
                }
                sums.replaceScore(of: j, with: total)
            }
        }
        return sums.best(count: count, exclude: exclude)
    }

    /// The user's items among `item`'s kept neighbours: the `neighbors` most similar, best first.
    func contributingNeighbors(user: Int, item: Int) -> [(item: Int, similarity: Double, value: Double)] {
        var found: [(item: Int, similarity: Double, value: Double)] = []
        for p in similar.range(of: item) {
            let i = Int(similar.neighbors[p])
            if let v = training.byUser.value(row: user, column: i) {
                found.append((i, Double(similar.similarities[p]), Double(v)))
                if found.count == options.neighbors { break }
            }
        }
        return found
    }

    public func predictRating(user: Int, item: Int) -> Double? {
        guard training.kind.ratingScale != nil else { return nil }
        guard user >= 0, user < training.userIds.count, item >= 0, item < training.itemIds.count else { return globalMean }
        let neighbors = contributingNeighbors(user: user, item: item)
        var weighted = 0.0, weights = 0.0
        for n in neighbors {
            weighted += n.similarity * (options.meanCentered ? n.value - itemMeans[n.item] : n.value)
            weights += n.similarity
        }
        guard weights > 0 else { return globalMean }
        return training.kind.clip((options.meanCentered ? itemMeans[item] : 0) + weighted / weights)
    }

    public func explain(user: Int, item: Int) -> Explanation {
        guard user >= 0, user < training.userIds.count, item >= 0, item < training.itemIds.count else {
            return Explanation(item: item, reasons: [])
        }
        let explicit = training.kind.isExplicit
        let reasons = contributingNeighbors(user: user, item: item).map { n -> Reason in
            "similar to \(item: n.item) (\(NeighborReasons.number(n.similarity)))"
                + (explicit ? " rated \(NeighborReasons.number(n.value))" : "")
        }
        return Explanation(item: item, reasons: reasons)
    }

    public func similarItems(to item: Int, count: Int) -> [Recommendation]? {
        guard item >= 0, item < training.itemIds.count else { return [] }
        return similar.range(of: item).prefix(max(0, count)).map {
            Recommendation(item: Int(similar.neighbors[$0]), score: Double(similar.similarities[$0]))
        }
    }
}
