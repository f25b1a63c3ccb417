/// Content-based recommendations: a user's profile is the weighted mean of the vectors of the
/// items they interacted with, and items rank by cosine similarity to it.
///
/// Weights: for ratings, the rating minus the user's mean rating (so disliked items push away;
/// all 1 when the user's ratings are all equal); for implicit feedback, the interaction strength.
/// Items without metadata are not scored; users without history cannot be served.
public struct ContentRecommender: ItemSimilarity {
    public let training: Interactions
    public let spec: ContentSpec
    public let features: ItemFeatures

    public init(training: Interactions, items: Table, spec: ContentSpec) throws {
        guard training.count > 0 else { throw EngineError("the training interactions are empty") }
        self.training = training
        self.spec = spec
        features = try ItemFeatures.build(from: items, spec: spec, training: training)
    }

    public var parameterValues: [ParameterValue] { spec.described }

    public var algorithmName: String { "content-based (" + spec.allColumns.joined(separator: ", ") + ")" }

    /// The user's profile over the feature space, scaled to unit length; nil without history.
    func profile(user: Int) -> [Double]? {
        guard user >= 0, user < training.userCount else { return nil }
        let row = training.byUser.row(user)
        guard !row.indices.isEmpty else { return nil }
        var weightsOfItems = row.values.map(Double.init)
        if training.kind.isExplicit {
            let mean = weightsOfItems.reduce(0, +) / Double(weightsOfItems.count)
            weightsOfItems = weightsOfItems.map { $0 - mean }
            if weightsOfItems.allSatisfy({ $0 == 0 }) { weightsOfItems = weightsOfItems.map { _ in 1 } }
        }
        var p = [Double](repeating: 0, count: features.featureNames.count)
        for (item, w) in zip(row.indices, weightsOfItems) {
            for k in features.range(of: Int(item)) { p[Int(features.features[k])] += w * Double(features.weights[k]) }
        }
        let norm = p.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return nil }
        return p.map { $0 / norm }
    }

    func score(_ profile: [Double], item: Int) -> Double? {
        let r = features.range(of: item)
        guard !r.isEmpty else { return nil }
        var s = 0.0
        for k in r { s += profile[Int(features.features[k])] * Double(features.weights[k]) }
        return s
    }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        guard let p = profile(user: user) else { return [] }
        let scores = (0..<training.itemCount).map { score(p, item: $0) ?? -.infinity }
        return TopScores.select(scores, count: count, exclude: exclude)
    }

    public func explain(user: Int, item: Int) -> Explanation {
        guard let p = profile(user: user), item >= 0, item < training.itemCount else { return Explanation(item: item, reasons: []) }
        var matched: [(name: String, value: Double)] = []
        for k in features.range(of: item) {
            let contribution = p[Int(features.features[k])] * Double(features.weights[k])
            if contribution > 0 { matched.append((features.featureNames[Int(features.features[k])], contribution)) }
        }
        matched.sort { $0.value != $1.value ? $0.value > $1.value : $0.name < $1.name }
        guard !matched.isEmpty else { return Explanation(item: item, reasons: []) }
        return Explanation(item: item, reasons: [Reason("matches " + matched.prefix(4).map(\.name).joined(separator: ", "))])
    }

    public func similarItems(to item: Int, count: Int) -> [Recommendation] {
        guard item >= 0, item < training.itemCount else { return [] }
        var target = [Double](repeating: 0, count: features.featureNames.count)
        for k in features.range(of: item) { target[Int(features.features[k])] = Double(features.weights[k]) }
        let scores = (0..<training.itemCount).map { j -> Double in
            guard j != item, let s = score(target, item: j), s > 0 else { return -.infinity }
            return s
        }
        return TopScores.select(scores, count: count, exclude: [item])
    }
}

/// Fitted on the interactions and the table describing the items (`spec.idColumn` joins them).
public struct ContentEstimator: RecommenderEstimator {
    public let parameters: ContentSpec
    public init(_ parameters: ContentSpec) { self.parameters = parameters }
    public func fit(_ data: InteractionsWithTable, context: RunContext) throws -> ContentRecommender {
        try ContentRecommender(training: data.interactions, items: data.table, spec: parameters)
    }
}
