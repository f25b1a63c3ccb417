/// Recommends items drawn uniformly at random: the floor any model should clear. Each user's list
/// comes from its own stream of the seed, so it does not depend on which users are asked, or in
/// what order.
public struct RandomRecommender: Recommender {
    public let training: Interactions
    public let seed: UInt64

    public init(training: Interactions, seed: UInt64) {
        self.training = training
        self.seed = seed
    }

    public var algorithmName: String { "random (seed \(seed))" }
    public var parameterValues: [ParameterValue] { RandomParameters(seed: seed).described }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        let itemCount = training.itemCount
        let wanted = min(count, itemCount - exclude.filter { $0 >= 0 && $0 < itemCount }.count)
        guard wanted > 0 else { return [] }
        var g = SeededGenerator(seed: seed, stream: UInt64(truncatingIfNeeded: user))
        // Enough draws to be left with `wanted` after the excluded ones are removed.
        let draws = min(itemCount, wanted + exclude.count)
        var out: [Recommendation] = []
        for item in g.sampleIndices(count: draws, from: itemCount) where !exclude.contains(item) {
            out.append(Recommendation(item: item, score: Double(wanted - out.count)))
            if out.count == wanted { break }
        }
        return out
    }

    public func explain(user: Int, item: Int) -> Explanation {
        Explanation(item: item, reasons: ["drawn at random (seed \(seed))"])
    }
}

public struct RandomParameters: EstimatorParameters, Equatable {
    public var seed: UInt64
    public init(seed: UInt64) { self.seed = seed }
    public var described: [ParameterValue] { [ParameterValue("seed", String(seed))] }
}

public struct RandomEstimator: RecommenderEstimator {
    public let parameters: RandomParameters
    public init(_ parameters: RandomParameters) { self.parameters = parameters }
    public func fit(_ data: Interactions, context: RunContext) throws -> RandomRecommender {
        RandomRecommender(training: data, seed: parameters.seed)
    }
}
