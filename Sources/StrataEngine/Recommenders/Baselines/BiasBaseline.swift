/// Settings of the bias baseline: damping pulls each bias towards 0 for items and users with few ratings.
public struct BiasParameters: EstimatorParameters, Equatable {
    /// d in b_i = Σ (r_ui − μ) / (|U_i| + d), and the same for users (LensKit's `damping`).
    public var damping: Double = 0

    public init(damping: Double = 0) { self.damping = damping }

    public var described: [ParameterValue] { [ParameterValue("damping", damping, default: 0)] }
}

/// The user-item bias baseline (LensKit's `Bias`, Koren's baseline predictor without learning):
/// r̂ = μ + b_i + b_u, with b_i = Σ_u (r_ui − μ) / (|U_i| + d) over the item's ratings and
/// b_u = Σ_i (r_ui − μ − b_i) / (|I_u| + d) over the user's. Predictions are clipped to the rating
/// scale; top-N ranks by b_i (the same order for every user, minus what they have seen); a user
/// absent from training gets μ + b_i.
public struct BiasBaseline: RatingPredictor, ColdStartCapable {
    public let training: Interactions
    public let parameters: BiasParameters
    public let globalMean: Double
    public let itemBias: [Double]
    public let userBias: [Double]

    public static func fit(_ data: Interactions, parameters: BiasParameters) throws -> BiasBaseline {
        guard data.kind.isExplicit else {
            throw EngineError("the bias baseline fits ratings; these interactions are implicit",
                              suggestion: "use 'recommender popular' for implicit feedback")
        }
        guard !data.byUser.values.isEmpty else { throw EngineError("the training interactions are empty") }
        guard parameters.damping >= 0, parameters.damping.isFinite else {
            throw EngineError("damping must be 0 or more, got \(parameters.damping)")
        }
        let mu = InteractionStats.globalMean(data.byUser)
        let d = parameters.damping
        let itemBias = (0..<data.itemCount).map { i -> Double in
            let row = data.byItem.row(i)
            let total = row.values.reduce(0.0) { $0 + Double($1) - mu }
            return row.values.isEmpty ? 0 : total / (Double(row.values.count) + d)
        }
        let userBias = (0..<data.userCount).map { u -> Double in
            let row = data.byUser.row(u)
            var total = 0.0
            for (i, r) in zip(row.indices, row.values) { total += Double(r) - mu - itemBias[Int(i)] }
            return row.values.isEmpty ? 0 : total / (Double(row.values.count) + d)
        }
        return BiasBaseline(training: data, parameters: parameters, globalMean: mu, itemBias: itemBias, userBias: userBias)
    }

    public var algorithmName: String { "bias (μ + b_i + b_u, damping \(NeighborReasons.number(parameters.damping)))" }
    public var parameterValues: [ParameterValue] { parameters.described }

    private func isKnown(user: Int) -> Bool { user >= 0 && user < userBias.count }

    /// μ + b_i + b_u, leaving out the bias of an unknown user or item; before clipping.
    private func unclipped(user: Int, item: Int) -> Double {
        globalMean + (item >= 0 && item < itemBias.count ? itemBias[item] : 0) + (isKnown(user: user) ? userBias[user] : 0)
    }

    public func predictRating(user: Int, item: Int) -> Double? { training.kind.clip(unclipped(user: user, item: item)) }

    public var predictsForUnknownUsers: Bool { true }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        guard isKnown(user: user) else { return [] }
        return TopScores.select(itemBias.indices.map { unclipped(user: user, item: $0) }, count: count, exclude: exclude)
    }

    public func explain(user: Int, item: Int) -> Explanation {
        guard item >= 0, item < itemBias.count else { return Explanation(item: item, reasons: []) }
        let n = NeighborReasons.number
        let userPart = isKnown(user: user) ? " + user bias \(n(userBias[user]))" : ""
        let raw = unclipped(user: user, item: item), predicted = training.kind.clip(raw)
        return Explanation(item: item, reasons: [
            Reason("predicted rating \(n(predicted)) = global mean \(n(globalMean)) + item bias \(n(itemBias[item]))"
                   + userPart + (predicted != raw ? " (clipped to the scale)" : "")),
        ])
    }

    public var coldStartRule: String { "the items with the highest item bias (μ + b_i)" }

    public func recommendForUnknownUser(count: Int, exclude: Set<Int>) -> [Recommendation] {
        TopScores.select(itemBias.map { globalMean + $0 }, count: count, exclude: exclude)
    }
}

public struct BiasEstimator: RecommenderEstimator {
    public let parameters: BiasParameters
    public init(_ parameters: BiasParameters = BiasParameters()) { self.parameters = parameters }
    public func fit(_ data: Interactions, context: RunContext) throws -> BiasBaseline {
        try BiasBaseline.fit(data, parameters: parameters)
    }
}
