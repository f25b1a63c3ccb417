import StrataEngine

/// `strata-bench bandits RUNS ROUNDS [SEED]`: the five non-contextual-or-linear policies of the
/// bandit benchmark (thompson, ucb1, egreedy, softmax, linucb) against Bernoulli arms
/// 0.04, 0.05, 0.06; prints seconds per policy, the total and peak RSS as one JSON line.
enum Bandits {
    static let usage = "RUNS ROUNDS [SEED]"

    static func run(_ args: [String]) throws -> String {
        guard args.count >= 2, let runs = Int(args[0]), let rounds = Int(args[1]) else { throw BenchUsageError(description: usage) }
        let seed = args.count > 2 ? UInt64(args[2]) ?? 42 : 42
        let env = try BanditEnvironment.bernoulli([0.04, 0.05, 0.06])
        let plan = try BanditPlan(rounds: rounds, runs: runs, seed: seed)
        var clock = BenchClock()
        var parts: [String] = []
        var total = 0.0
        func time<P: BanditPolicy>(_ name: String, _ estimator: BanditEstimator<P>) throws {
            _ = clock.lap()
            let r = try BanditSimulation.simulate(estimator, name: name, environment: env, plan: plan, context: .quiet)
            let seconds = clock.lap()
            total += seconds
            parts.append("\"\(name)\": {\"seconds\": \(seconds), \"regret\": \(r.regret.last?.mean ?? .nan)}")
        }
        try time("thompson", BanditEstimator<BetaThompson>(BetaPriorParameters()))
        try time("ucb1", BanditEstimator<UCB1>(UCB1Parameters()))
        try time("egreedy", BanditEstimator<EpsilonGreedy>(EpsilonGreedyParameters()))
        try time("softmax", BanditEstimator<Softmax>(SoftmaxParameters()))
        try time("linucb", BanditEstimator<LinUCB>(LinearBanditParameters()))
        return "{\"mode\": \"bandits\", \"runs\": \(runs), \"rounds\": \(rounds), \"threads\": \(FixedChunks.threadCount), "
            + parts.joined(separator: ", ") + ", \"total_seconds\": \(total), \"peak_rss_mb\": \(peakResidentMegabytes())}"
    }
}
