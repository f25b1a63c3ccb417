import Foundation
import Testing
@testable import StrataEngine

/// MABWiser's arm sequences on fixed reward streams (Tests/fixtures-src/bandit_reference.py).
struct BanditFixture: Decodable {
    struct UCB: Decodable { let alpha: Double; let rates: [Double]; let rewards: [[Double]]; let arms: [Int] }
    struct Lin: Decodable { let alpha: Double; let lambda: Double; let features: [[Double]]; let rewards: [[Double]]; let arms: [Int] }
    let ucb1: [UCB]
    let linucb: [Lin]

    static func load() throws -> BanditFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/bandit_reference.json")
        return try JSONDecoder().decode(BanditFixture.self, from: Data(contentsOf: url))
    }
}

/// Plays a policy on a fixed reward table and returns the arms it pulled.
func replay<P: BanditPolicy>(_ policy: P, rewards: [[Double]], features: [[Double]]? = nil) -> [Int] {
    var p = policy
    var g = SeededGenerator(seed: 1)
    var arms: [Int] = []
    for t in rewards.indices {
        let x = features?[t] ?? [1]
        let a = p.choose(x, using: &g)
        arms.append(a)
        p.learn(BanditEvent(arm: a, reward: rewards[t][a], features: x))
    }
    return arms
}

@Suite("Bandits")
struct BanditTests {
    @Test func ucb1MatchesMABWiserArmForArm() throws {
        for c in try BanditFixture.load().ucb1 {
            let policy = UCB1(parameters: UCB1Parameters(alpha: c.alpha), armCount: c.rates.count, featureCount: 1)
            #expect(replay(policy, rewards: c.rewards) == c.arms)
        }
    }

    @Test func linUCBMatchesMABWiserArmForArm() throws {
        for c in try BanditFixture.load().linucb {
            let policy = LinUCB(parameters: LinearBanditParameters(alpha: c.alpha, lambda: c.lambda), armCount: c.rewards[0].count,
                                featureCount: c.features[0].count)
            #expect(replay(policy, rewards: c.rewards, features: c.features) == c.arms)
        }
    }

    /// Two arms, features x = [1, f]; λ = 1, α = 1. Worked by hand:
    /// round 1, x = [1, 0]: both bounds 0 + √1 = 1 → arm 0 (tie to the lower); reward 1.
    ///   A₀ = [[2,0],[0,1]], b₀ = [1,0].
    /// round 2, x = [1, 0]: arm 0: θ₀ = [0.5, 0], mean 0.5, width √0.5 = 0.7071 → 1.2071; arm 1: 1 → arm 0; reward 0.
    ///   A₀ = [[3,0],[0,1]], b₀ = [1,0].
    /// round 3, x = [1, 0]: arm 0: 1/3 + √(1/3) = 0.9107; arm 1: 1 → arm 1; reward 1. A₁ = [[2,0],[0,1]], b₁ = [1,0].
    /// round 4, x = [1, 1]: arm 0: θ₀ = [1/3, 0], xᵀA⁻¹x = 1/3 + 1 → 1/3 + √(4/3) = 1.4880;
    ///   arm 1: θ₁ = [0.5, 0], xᵀA⁻¹x = 1.5 → 0.5 + 1.2247 = 1.7247 → arm 1.
    @Test func linUCBFollowsAHandComputedCase() {
        var policy = LinUCB(parameters: LinearBanditParameters(alpha: 1, lambda: 1), armCount: 2, featureCount: 2)
        var g = SeededGenerator(seed: 0)
        let steps: [([Double], Double, Int, [Double])] = [
            ([1, 0], 1, 0, [1, 1]),
            ([1, 0], 0, 0, [0.5 + 0.5.squareRoot(), 1]),
            ([1, 0], 1, 1, [1.0 / 3 + (1.0 / 3).squareRoot(), 1]),
            ([1, 1], 0, 1, [1.0 / 3 + (4.0 / 3).squareRoot(), 0.5 + 1.5.squareRoot()]),
        ]
        for (x, reward, expectedArm, expectedBounds) in steps {
            let bounds = policy.bounds(x)
            for (b, e) in zip(bounds, expectedBounds) { #expect(abs(b - e) < 1e-12) }
            let arm = policy.choose(x, using: &g)
            #expect(arm == expectedArm)
            policy.learn(BanditEvent(arm: arm, reward: reward, features: x))
        }
    }

    @Test func thompsonRegretGrowsSublinearly() throws {
        let env = try BanditEnvironment.bernoulli([0.04, 0.05, 0.06])
        let plan = try BanditPlan(rounds: 20_000, runs: 20, seed: 11, points: 4)
        let r = try BanditSimulation.simulate(BanditEstimator<BetaThompson>(BetaPriorParameters()), name: "thompson",
                                              environment: env, plan: plan, context: .quiet)
        // Regret added in the last quarter is well below that of the first quarter, and far below the
        // 0.01 per round a uniformly random policy loses.
        let first = r.regret[0].mean
        let last = r.regret[3].mean - r.regret[2].mean
        #expect(last < 0.6 * first)
        #expect(r.regret[3].mean < 0.01 * 20_000 / 2)
    }

    @Test func ucb1PullsTheBestArmMost() throws {
        let env = try BanditEnvironment.bernoulli([0.2, 0.3, 0.5])
        let plan = try BanditPlan(rounds: 5_000, runs: 10, seed: 3)
        let r = try BanditSimulation.simulate(BanditEstimator<UCB1>(UCB1Parameters()), name: "ucb1", environment: env, plan: plan, context: .quiet)
        #expect(r.finalShares[2] > r.finalShares[1] && r.finalShares[2] > r.finalShares[0])
        #expect(r.bestArmIdentified == 1)
    }

    @Test func linUCBUsesTheContext() throws {
        // Arm 0 is best in context a, arm 1 in b: a contextual policy beats the best single arm.
        let env = try BanditEnvironment(rates: [[0.6, 0.2], [0.2, 0.6]], armNames: ["x", "y"], contextNames: ["a", "b"])
        let plan = try BanditPlan(rounds: 4_000, runs: 5, seed: 5)
        let lin = try BanditSimulation.simulate(BanditEstimator<LinUCB>(LinearBanditParameters()), name: "linucb",
                                                environment: env, plan: plan, context: .quiet)
        let ucb = try BanditSimulation.simulate(BanditEstimator<UCB1>(UCB1Parameters()), name: "ucb1", environment: env, plan: plan, context: .quiet)
        #expect(lin.regret.last!.mean < 0.25 * ucb.regret.last!.mean)
    }

    @Test func simulationIsIdenticalOnOneAndTwoThreads() throws {
        let env = try BanditEnvironment.bernoulli([0.1, 0.15, 0.2])
        let plan = try BanditPlan(rounds: 3_000, runs: 9, seed: 42)
        func run(_ workers: Int) throws -> [Double] {
            let a = try BanditSimulation.simulate(BanditEstimator<LinearThompson>(LinearBanditParameters()), name: "lints",
                                                  environment: env, plan: plan, context: .quiet, workers: workers)
            let b = try BanditSimulation.simulate(BanditEstimator<Softmax>(SoftmaxParameters()), name: "softmax",
                                                  environment: env, plan: plan, context: .quiet, workers: workers)
            return (a.regret + a.reward + b.regret).flatMap { [$0.mean, $0.low, $0.high] } + a.finalShares + b.finalShares
        }
        let one = try run(1), two = try run(2)
        #expect(one.map(\.bitPattern) == two.map(\.bitPattern))
    }

    @Test func gammaAndBetaDrawsHaveTheirMeans() {
        var g = SeededGenerator(seed: 9)
        for shape in [0.3, 1.0, 4.5] {
            let n = 40_000
            var sum = 0.0
            for _ in 0..<n { sum += g.nextGamma(shape: shape) }
            // Gamma(k, 1) has mean k and sd √k; allow 5 standard errors.
            #expect(abs(sum / Double(n) - shape) < 5 * shape.squareRoot() / Double(n).squareRoot())
        }
        var sum = 0.0
        for _ in 0..<40_000 { sum += g.nextBeta(2, 6) }
        #expect(abs(sum / 40_000 - 0.25) < 0.003)
    }

    @Test func badInputIsRefused() throws {
        #expect(throws: EngineError.self) { try BanditEnvironment.bernoulli([0.5]) }
        #expect(throws: EngineError.self) { try BanditEnvironment.bernoulli([0.5, 1.2]) }
        #expect(throws: EngineError.self) { try BanditEnvironment.bernoulli([-0.1, 0.2]) }
        #expect(throws: EngineError.self) { try BanditPlan(rounds: 0, runs: 1, seed: 0) }
        let policy = UCB1(parameters: UCB1Parameters(), armCount: 2, featureCount: 1)
        #expect(throws: EngineError.self) { try policy.updated(with: [BanditEvent(arm: 2, reward: 1)], context: .quiet) }
        #expect(throws: EngineError.self) { try policy.updated(with: [BanditEvent(arm: 0, reward: .nan)], context: .quiet) }
        let updated = try policy.updated(with: [BanditEvent(arm: 1, reward: 1)], context: .quiet)
        #expect(updated.tallies.pulls == [0, 1] && policy.tallies.pulls == [0, 0])
    }
}
