/// Contextual post-filtering (Adomavicius & Tuzhilin, "Context-aware recommender systems", 2011,
/// the "weight" variant): any recommender ranks as usual, then each item's score is weighed by how
/// much more often it is chosen in the user's context than overall (`ContextItemRates`).
///
/// The base model's top `poolSize(count)` items are the candidates. Their scores are min–max
/// scaled onto [0.5, 1] (scores of different models share no scale; the floor of 0.5 lets a strong
/// context lift, above 2, carry the pool's last item past its first) and multiplied by the lift.
/// With no context the base list is returned unchanged.
public struct ContextPostFilter: ContextAwareRecommender {
    public let base: any Recommender
    public let rates: ContextItemRates

    public init(base: any Recommender, rates: ContextItemRates) {
        self.base = base
        self.rates = rates
    }

    public var training: Interactions { base.training }
    public var contextVocabulary: ContextVocabulary { rates.vocabulary }
    public var algorithmName: String { base.algorithmName + ", post-filtered by context" }
    public var parameterValues: [ParameterValue] {
        base.parameterValues + [ParameterValue("postfilter", "yes", default: "no"),
                                ParameterValue("smoothing", rates.smoothing, default: Self.defaultSmoothing)]
    }

    public static let defaultSmoothing = 20.0

    public var ratingPredictor: (any RatingPredictor)? { base.ratingPredictor }
    public var itemSimilarity: (any ItemSimilarity)? { base.itemSimilarity }
    public var coldStart: (any ColdStartCapable)? { base.coldStart }

    /// Candidates taken from the base model for a list of `count`.
    public static func poolSize(_ count: Int) -> Int { max(100, count.multipliedReportingOverflow(by: 5).partialValue) }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        base.recommend(user: user, count: count, exclude: exclude)
    }

    public func recommend(user: Int, count: Int, exclude: Set<Int>, in context: ResolvedContext) -> [Recommendation] {
        guard !context.isEmpty else { return base.recommend(user: user, count: count, exclude: exclude) }
        let pool = base.recommend(user: user, count: Self.poolSize(count), exclude: exclude)
        guard let lo = pool.map(\.score).min(), let hi = pool.map(\.score).max() else { return [] }
        let weighed = pool.map { r in
            let scaled = hi > lo ? 0.5 + 0.5 * (r.score - lo) / (hi - lo) : 1
            return Recommendation(item: r.item, score: scaled * rates.lift(item: r.item, in: context))
        }
        return Array(weighed.sorted { TopScores.ranksBefore(($0.item, $0.score), ($1.item, $1.score)) }.prefix(max(0, count)))
    }

    public func explain(user: Int, item: Int) -> Explanation { base.explain(user: user, item: item) }

    public func explain(user: Int, item: Int, in context: ResolvedContext) -> Explanation {
        let own = base.explain(user: user, item: item).reasons
        var parts: [String] = []
        if let d = context.device, let name = context.deviceName {
            parts.append("on \(name) \(Self.times(rates.deviceLift(item: item, device: d))) its usual rate")
        }
        if let band = context.band {
            parts.append("in \(band.phrase) \(Self.times(rates.bandLift(item: item, band: band)))")
        }
        guard !parts.isEmpty else { return Explanation(item: item, reasons: own) }
        return Explanation(item: item, reasons: [Reason(parts.joined(separator: ", "))] + own)
    }

    /// "1.843×", as neighbour reasons print numbers.
    static func times(_ lift: Double) -> String { NeighborReasons.number(lift) + "×" }
}

/// Builds the post-filter over a trained model.
public enum ContextPostFiltering {
    public static func wrap(_ base: any Recommender, data: ContextualInteractions, smoothing: Double = ContextPostFilter.defaultSmoothing) -> ContextPostFilter {
        ContextPostFilter(base: base, rates: ContextItemRates(data, smoothing: smoothing))
    }
}
