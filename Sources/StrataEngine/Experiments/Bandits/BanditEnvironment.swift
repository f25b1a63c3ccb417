/// What a simulated bandit plays against: arms, contexts (each with its feature vector and the
/// expected reward of every arm there), and how a round's context and rewards are drawn.
///
/// Each round draws from the environment's own stream, independent of the policy, so every policy
/// in a run meets the same contexts and the same rewards (common random numbers).
public struct BanditEnvironment: Sendable {
    public enum Draw: Sendable {
        /// A context uniformly at random, then one uniform u: arm a pays 1 when u < rate(context, a).
        case bernoulli
        /// A user uniformly at random; the user's context, and arm a pays `rewards[user·arms + a]`.
        case users(context: [Int], rewards: [Double])
    }

    public let armNames: [String]
    public let contextNames: [String]
    /// The features a contextual policy sees in each context.
    public let features: [[Double]]
    /// `means[c][a]`: the expected reward of arm a in context c.
    public let means: [[Double]]
    /// How often each context comes up (sums to 1).
    public let contextShares: [Double]
    public let draw: Draw

    /// Bernoulli arms with the given success rates, one context.
    public static func bernoulli(_ rates: [Double], names: [String]? = nil) throws -> BanditEnvironment {
        try BanditEnvironment(rates: [rates], armNames: names ?? rates.indices.map { "arm\($0 + 1)" }, contextNames: ["all"])
    }

    /// Bernoulli arms whose rates depend on the context: `rates[c][a]`, contexts equally likely,
    /// and a one-hot feature per context.
    public init(rates: [[Double]], armNames: [String], contextNames: [String]) throws {
        guard armNames.count >= 2 else {
            throw EngineError("a bandit needs at least two arms to choose between, got \(armNames.count)",
                              suggestion: "give two or more, e.g. arms=0.04,0.05")
        }
        guard !contextNames.isEmpty, rates.count == contextNames.count else {
            throw EngineError("\(rates.count) rows of rates for \(contextNames.count) contexts")
        }
        for (c, row) in rates.enumerated() {
            guard row.count == armNames.count else {
                throw EngineError("context \(contextNames[c]) has \(row.count) rates for \(armNames.count) arms")
            }
            for (a, rate) in row.enumerated() where !(rate >= 0 && rate <= 1) {
                let place = contextNames.count == 1 ? "" : " in context \(contextNames[c])"
                throw EngineError("the rate of \(armNames[a])\(place) is \(DescribeFormat.number(rate)), outside [0, 1]",
                                  suggestion: "rates are probabilities of a reward: write 5% as 0.05")
            }
        }
        self.armNames = armNames
        self.contextNames = contextNames
        means = rates
        contextShares = Array(repeating: 1 / Double(contextNames.count), count: contextNames.count)
        features = Self.oneHot(contextNames.count)
        draw = .bernoulli
    }

    /// Users drawn uniformly, each with a context and a known reward per arm (`rewards[u][a]`).
    public init(userRewards rewards: [[Double]], userContext: [Int], armNames: [String], contextNames: [String]) throws {
        guard armNames.count >= 2 else {
            throw EngineError("a bandit needs at least two arms to choose between, got \(armNames.count)")
        }
        guard !rewards.isEmpty, rewards.count == userContext.count else {
            throw EngineError("no users to simulate with", suggestion: "check that the split's test users are in the recommenders' training data")
        }
        guard userContext.allSatisfy({ $0 >= 0 && $0 < contextNames.count }),
              rewards.allSatisfy({ $0.count == armNames.count && $0.allSatisfy(\.isFinite) }) else {
            throw EngineError("every user needs a known context and one finite reward per arm")
        }
        var sums = Array(repeating: Array(repeating: 0.0, count: armNames.count), count: contextNames.count)
        var counts = Array(repeating: 0, count: contextNames.count)
        for (u, c) in userContext.enumerated() {
            counts[c] += 1
            for a in armNames.indices { sums[c][a] += rewards[u][a] }
        }
        // Contexts no user has are dropped, so every context can come up.
        let kept = contextNames.indices.filter { counts[$0] > 0 }
        let position = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        self.armNames = armNames
        self.contextNames = kept.map { contextNames[$0] }
        means = kept.map { c in sums[c].map { $0 / Double(counts[c]) } }
        contextShares = kept.map { Double(counts[$0]) / Double(userContext.count) }
        features = Self.oneHot(kept.count)
        draw = .users(context: userContext.map { position[$0] ?? 0 }, rewards: Array(rewards.joined()))
    }

    /// One feature per context (1 in its own place); a single context gets the constant [1].
    private static func oneHot(_ count: Int) -> [[Double]] {
        (0..<count).map { c in (0..<count).map { $0 == c ? 1 : 0 } }
    }

    public var armCount: Int { armNames.count }
    public var featureCount: Int { features.first?.count ?? 1 }

    /// The best expected reward in each context.
    public var bestMeans: [Double] { means.map { $0.max() ?? 0 } }

    /// Each arm's expected reward over the mix of contexts.
    public var overallMeans: [Double] {
        (0..<armCount).map { a in zip(means, contextShares).reduce(0) { $0 + $1.0[a] * $1.1 } }
    }

    /// The arm with the best expected reward over the mix of contexts (the lower one on ties).
    public var bestArm: Int { firstArgmax(overallMeans) }
}
