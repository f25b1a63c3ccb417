import StrataEngine

/// The settings a bandit policy can read from `bandit simulate`'s options.
package struct BanditSettings: Sendable {
    package var epsilon: Double
    package var alpha: Double
    package var temperature: Double
}

/// One bandit policy as `bandit simulate` knows it: its word in policies=, what it is, and how to
/// simulate it (the generic simulator, specialised for the policy's type).
package struct BanditKind: Sendable {
    package let name: String
    package let summary: String
    /// Whether the policy reads the context's features (the others see one context).
    package let contextual: Bool
    package let simulate: @Sendable (BanditSettings, BanditEnvironment, BanditPlan, RunContext) throws -> BanditSimulationResult
}

/// Every bandit policy, listed once: `policies=`, help and docs read this table.
package enum BanditKinds {
    private static func kind<P: BanditPolicy>(_ name: String, _ summary: String, contextual: Bool = false, _ type: P.Type,
                                              _ parameters: @escaping @Sendable (BanditSettings) -> P.Parameters) -> BanditKind {
        BanditKind(name: name, summary: summary, contextual: contextual) { settings, environment, plan, context in
            try BanditSimulation.simulate(BanditEstimator<P>(parameters(settings)), name: name, environment: environment,
                                          plan: plan, context: context)
        }
    }

    package static let all: [BanditKind] = [
        kind("egreedy", "ε-greedy: a random arm with probability epsilon=, else the best mean so far", EpsilonGreedy.self) {
            EpsilonGreedyParameters(epsilon: $0.epsilon)
        },
        kind("softmax", "softmax (Boltzmann): arm a with probability ∝ exp(mean_a / temperature=)", Softmax.self) {
            SoftmaxParameters(temperature: $0.temperature)
        },
        kind("ucb1", "UCB1: each arm once, then the largest mean + alpha·√(2 ln n / n_a)", UCB1.self) {
            UCB1Parameters(alpha: $0.alpha)
        },
        kind("thompson", "Thompson sampling, Beta–Bernoulli: the largest draw from each arm's Beta(1 + wins, 1 + losses)", BetaThompson.self) { _ in
            BetaPriorParameters()
        },
        kind("gaussian", "Thompson sampling, Gaussian: the largest draw from each arm's normal posterior of its mean", GaussianThompson.self) { _ in
            GaussianThompsonParameters()
        },
        kind("linucb", "LinUCB: per-arm ridge regression on the context, the largest xᵀθ + alpha·√(xᵀA⁻¹x)", contextual: true, LinUCB.self) {
            LinearBanditParameters(alpha: $0.alpha)
        },
        kind("lints", "linear Thompson sampling: per-arm ridge regression, the largest draw from N(xᵀθ, alpha²·xᵀA⁻¹x)", contextual: true,
             LinearThompson.self) {
            LinearBanditParameters(alpha: $0.alpha)
        },
    ]

    package static var names: [String] { all.map(\.name) }

    package static func named(_ name: String) -> BanditKind? { all.first { $0.name == name } }
}
