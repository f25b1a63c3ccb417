/// Recommends the items most users interacted with in training, the same list for everyone
/// (minus what each user has seen). The baseline every model must beat.
public struct PopularRecommender: Recommender {
    public let training: Interactions
    /// Users per item.
    public let popularity: [Int]
    /// Items by decreasing popularity, ties by lower index.
    private let ranked: [Int]

    public init(training: Interactions) {
        self.training = training
        popularity = training.itemPopularity()
        let pop = popularity
        ranked = pop.indices.sorted { pop[$0] != pop[$1] ? pop[$0] > pop[$1] : $0 < $1 }
    }

    public var algorithmName: String { "popularity" }
    public var parameterValues: [ParameterValue] { [] }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        guard count > 0 else { return [] }
        var out: [Recommendation] = []
        out.reserveCapacity(min(count, ranked.count))
        for item in ranked where !exclude.contains(item) {
            out.append(Recommendation(item: item, score: Double(popularity[item])))
            if out.count == count { break }
        }
        return out
    }

    public func explain(user: Int, item: Int) -> Explanation {
        guard item >= 0, item < popularity.count else { return Explanation(item: item, reasons: []) }
        let rank = (ranked.firstIndex(of: item) ?? 0) + 1
        return Explanation(item: item, reasons: [
            "\(popularity[item]) of \(training.userCount) training users interacted with it (popularity rank \(rank))",
        ])
    }
}

/// The popularity baseline has no parameters.
public struct NoParameters: EstimatorParameters, Equatable {
    public init() {}
    public var described: [ParameterValue] { [] }
}

public struct PopularityEstimator: RecommenderEstimator {
    public let parameters = NoParameters()
    public init() {}
    public func fit(_ data: Interactions, context: RunContext) throws -> PopularRecommender { PopularRecommender(training: data) }
}
