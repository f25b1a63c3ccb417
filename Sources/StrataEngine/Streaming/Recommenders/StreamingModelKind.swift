/// The incremental recommenders by name, and the batch model each is compared with when the
/// batch baseline is asked for.
public enum StreamingModelKind: String, Sendable, CaseIterable {
    case popular
    case itemknn
    case isgd
    case als

    public var summary: String {
        switch self {
        case .popular: return "popularity, optionally fading with a half-life"
        case .itemknn: return "item-kNN on incrementally kept co-occurrence counts (cosine)"
        case .isgd: return "matrix factorisation by incremental SGD (ISGD, Vinagre et al. 2014)"
        case .als: return "implicit ALS refitted every period, users folded in between"
        }
    }
}

/// The settings the incremental models share.
public struct StreamingModelSettings: Sendable, Equatable {
    /// Popularity half-life in seconds; nil: no decay.
    public var halfLife: Double?
    public var neighbors = 20
    public var factors = 10
    public var learnRate = 0.05
    public var regularization = 0.01
    /// Seconds between ALS refits (and between refits of the batch baseline).
    public var period: Int64 = 7 * 86_400
    public var seed: UInt64 = 42

    public init() {}

    public func make(_ kind: StreamingModelKind) -> any StreamingRecommender {
        switch kind {
        case .popular: return DecayedPopularity(halfLife: halfLife)
        case .itemknn: return IncrementalItemKNN(neighbors: neighbors)
        case .isgd:
            var o = IncrementalSGD.Options()
            o.factors = factors
            o.learnRate = learnRate
            o.regularization = regularization
            o.seed = seed
            return IncrementalSGD(o)
        case .als: return FoldInALS(options: alsOptions, period: period)
        }
    }

    private var alsOptions: ImplicitALSOptions {
        var o = ImplicitALSOptions(seed: seed)
        o.factors = factors
        o.iterations = 10
        o.solver = .cholesky
        return o
    }

    /// The batch counterpart refitted every `period`: popularity, item-kNN (all neighbours kept) and
    /// ALS; ISGD has none (its batch relative is ALS, listed on its own).
    public func batch(_ kind: StreamingModelKind) -> (any StreamingRecommender)? {
        let neighborOptions: NeighborhoodOptions = {
            var o = NeighborhoodOptions()
            o.neighbors = neighbors
            o.savedNeighbors = 0
            return o
        }()
        let als = alsOptions
        switch kind {
        case .popular:
            return PeriodicBatchRecommender(name: "popularity", period: period) { data, context in try PopularityEstimator().fit(data, context: context) }
        case .itemknn:
            return PeriodicBatchRecommender(name: "item-kNN", period: period) { data, context in
                try ItemKNNEstimator(neighborOptions).fit(data, context: context)
            }
        case .als:
            return PeriodicBatchRecommender(name: "ALS", period: period) { data, context in try ImplicitALSEstimator(als).fit(data, context: context) }
        case .isgd:
            return nil
        }
    }
}
