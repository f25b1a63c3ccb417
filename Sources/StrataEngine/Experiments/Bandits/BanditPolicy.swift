/// One round a bandit policy learns from: the arm it pulled, the reward it saw, and the context's
/// features at the time (`[1]` when there is no context).
public struct BanditEvent: Sendable, Equatable {
    public let arm: Int
    public let reward: Double
    public let features: [Double]

    public init(arm: Int, reward: Double, features: [Double] = [1]) {
        self.arm = arm
        self.reward = reward
        self.features = features
    }
}

/// What a bandit policy is fitted on: how many arms, how many context features, and the rounds
/// seen so far (none for a fresh policy).
public struct BanditHistory: Sendable {
    public let armCount: Int
    public let featureCount: Int
    public let events: [BanditEvent]

    public init(armCount: Int, featureCount: Int = 1, events: [BanditEvent] = []) {
        self.armCount = armCount
        self.featureCount = featureCount
        self.events = events
    }
}

/// A multi-armed bandit policy on the estimator shape: an incremental model that chooses an arm
/// for a context and learns from each round. `updated(with:context:)` returns a new policy and
/// leaves this one as it was; the simulator uses the in-place `learn` on its own copy, which is
/// the same arithmetic without the copy per round.
public protocol BanditPolicy: IncrementalModel where Event == BanditEvent {
    associatedtype Parameters: EstimatorParameters
    /// A policy that has seen nothing.
    init(parameters: Parameters, armCount: Int, featureCount: Int)
    var armCount: Int { get }
    var featureCount: Int { get }
    /// The arm to pull for a context's features (ties go to the lower arm). Randomised policies
    /// draw from `generator`; deterministic ones leave it untouched.
    func choose(_ features: [Double], using generator: inout SeededGenerator) -> Int
    /// Learns one round in place; the event must already be valid (see `updated`).
    mutating func learn(_ event: BanditEvent)
}

extension BanditPolicy {
    public func updated(with events: some Collection<BanditEvent>, context: RunContext) throws -> Self {
        var next = self
        for (n, event) in events.enumerated() {
            if n & 4095 == 0 { try context.cancellation.check() }
            guard event.arm >= 0 && event.arm < armCount else {
                throw EngineError("round \(n + 1) pulls arm \(event.arm), but the policy has arms 0…\(armCount - 1)")
            }
            guard event.reward.isFinite else { throw EngineError("round \(n + 1) has a reward that is not a finite number") }
            guard event.features.count == featureCount, event.features.allSatisfy(\.isFinite) else {
                throw EngineError("round \(n + 1) has \(event.features.count) context features; the policy was made for \(featureCount)",
                                  suggestion: "give every round the same finite features")
            }
            next.learn(event)
        }
        return next
    }
}

/// Fits any bandit policy: a fresh policy, updated with the history's rounds in order.
public struct BanditEstimator<Policy: BanditPolicy>: Estimator {
    public let parameters: Policy.Parameters

    public init(_ parameters: Policy.Parameters) { self.parameters = parameters }

    public func fit(_ data: BanditHistory, context: RunContext) throws -> Policy {
        guard data.armCount >= 2 else {
            throw EngineError("a bandit needs at least two arms to choose between, got \(data.armCount)")
        }
        guard data.featureCount >= 1 else { throw EngineError("a bandit needs at least one context feature (the constant 1)") }
        return try Policy(parameters: parameters, armCount: data.armCount, featureCount: data.featureCount)
            .updated(with: data.events, context: context)
    }
}

/// The arm with the largest value; the first one on ties (as NumPy's argmax and MABWiser do).
@inline(__always)
func firstArgmax(_ values: [Double]) -> Int {
    var best = 0
    for a in 1..<values.count where values[a] > values[best] { best = a }
    return best
}

/// Per-arm pull counts and reward sums, which every non-contextual policy keeps.
public struct ArmTallies: Sendable, Equatable {
    public private(set) var pulls: [Int]
    public private(set) var sums: [Double]
    public private(set) var total = 0

    init(armCount: Int) {
        pulls = Array(repeating: 0, count: armCount)
        sums = Array(repeating: 0, count: armCount)
    }

    @inline(__always)
    mutating func add(_ event: BanditEvent) {
        pulls[event.arm] += 1
        sums[event.arm] += event.reward
        total += 1
    }

    /// The mean reward of an arm; 0 before its first pull.
    @inline(__always)
    func mean(_ arm: Int) -> Double { pulls[arm] == 0 ? 0 : sums[arm] / Double(pulls[arm]) }
}
