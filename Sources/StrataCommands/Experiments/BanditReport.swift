import StrataEngine

/// What `bandit simulate` prints and binds: the arms, one summary row per policy, the share of
/// pulls over time, charts of regret and of the best arm's share, and a reading of the result.
package struct BanditReport {
    package let summaryTable: Table
    package let curvesTable: Table
    package let output: CommandOutput

    /// Windows the share-of-pulls table groups the checkpoints into.
    private static let shareWindows = 5

    package init(input: BanditEnvironmentInput, kinds: [BanditKind], results: [BanditSimulationResult], plan: BanditPlan,
                 settings: BanditSettings) {
        let env = input.environment
        summaryTable = Self.summary(results, env)
        curvesTable = Self.curves(results, env)
        var out = CommandOutput()
        out.append(.table(Self.arms(env), title: "arms: \(input.description)", showShape: false))
        out.append(.table(summaryTable, title: "\(results.count) polic\(results.count == 1 ? "y" : "ies") × \(Format.count(plan.runs)) runs × "
                          + "\(Format.count(plan.rounds)) rounds: cumulative reward and regret after the last round (mean, 5% and 95% "
                          + "across runs), best arm found (share of runs), share of pulls per arm", showShape: false))
        out.append(.table(Self.sharesOverTime(results, env), title: "share of pulls per arm over time (mean across runs)", showShape: false))
        out.append(.chart(Self.regretChart(results)))
        out.append(.chart(Self.bestShareChart(results, env)))
        out.append(.text(Self.reading(results, env, plan)))
        var notes = input.notes
        notes.append("regret is expected regret: Σ over rounds of (the best arm's rate in the round's context − the pulled arm's rate); "
                     + "run r draws contexts and rewards from a stream derived from seed \(plan.seed) and r, the same for every policy")
        let used = kinds.map(\.name)
        var parameters: [String] = []
        if used.contains("egreedy") { parameters.append("epsilon=\(DescribeFormat.number(settings.epsilon))") }
        if used.contains("softmax") { parameters.append("temperature=\(DescribeFormat.number(settings.temperature))") }
        if used.contains(where: { ["ucb1", "linucb", "lints"].contains($0) }) { parameters.append("alpha=\(DescribeFormat.number(settings.alpha))") }
        if !parameters.isEmpty { notes.append("settings: " + parameters.joined(separator: ", ")) }
        if env.contextNames.count > 1, !kinds.contains(where: \.contextual) {
            notes.append("the arms' rates differ by context, but none of these policies reads it: add linucb or lints to policies=")
        }
        for note in notes { out.append(.note(note)) }
        output = out
    }

    private static func arms(_ env: BanditEnvironment) -> Table {
        let overall = env.overallMeans
        let contexts = env.contextNames.count > 1 ? env.contextNames : []
        var t = SummaryTable([("arm", .string), ("expected_reward", .float), ("best", .string)] + contexts.map { ($0, .float) })
        for a in 0..<env.armCount {
            t.row([.string(env.armNames[a]), .float(overall[a]), .string(a == env.bestArm ? "best" : "")]
                  + contexts.indices.map { .float(env.means[$0][a]) })
        }
        return t.table
    }

    private static func summary(_ results: [BanditSimulationResult], _ env: BanditEnvironment) -> Table {
        var t = SummaryTable([("policy", .string), ("reward", .float), ("reward_p5", .float), ("reward_p95", .float),
                              ("regret", .float), ("regret_p5", .float), ("regret_p95", .float), ("best_arm_found", .float)]
                             + env.armNames.map { ("pulls_\($0)", .float) })
        for r in results {
            guard let reward = r.reward.last, let regret = r.regret.last else { continue }
            t.row([.string(r.policy), .float(reward.mean), .float(reward.low), .float(reward.high),
                   .float(regret.mean), .float(regret.low), .float(regret.high), .float(r.bestArmIdentified)]
                  + r.finalShares.map { .float($0) })
        }
        return t.table
    }

    private static func curves(_ results: [BanditSimulationResult], _ env: BanditEnvironment) -> Table {
        var t = SummaryTable([("policy", .string), ("round", .int), ("reward", .float), ("reward_p5", .float), ("reward_p95", .float),
                              ("regret", .float), ("regret_p5", .float), ("regret_p95", .float)]
                             + env.armNames.map { ("share_\($0)", .float) })
        for r in results {
            for (k, round) in r.checkpoints.enumerated() {
                t.row([.string(r.policy), .int(Int64(round)), .float(r.reward[k].mean), .float(r.reward[k].low), .float(r.reward[k].high),
                       .float(r.regret[k].mean), .float(r.regret[k].low), .float(r.regret[k].high)]
                      + r.windowShares[k].map { .float($0) })
            }
        }
        return t.table
    }

    /// The checkpoints' windows grouped into `shareWindows` spans, each span's shares weighted by window length.
    private static func sharesOverTime(_ results: [BanditSimulationResult], _ env: BanditEnvironment) -> Table {
        var t = SummaryTable([("policy", .string), ("rounds", .string)] + env.armNames.map { ($0, .float) })
        for r in results {
            let count = r.checkpoints.count
            let groups = Swift.min(shareWindows, count)
            var start = 0
            for g in 0..<groups {
                let end = count * (g + 1) / groups
                guard end > start else { continue }
                var shares = Array(repeating: 0.0, count: env.armCount)
                let first = start == 0 ? 0 : r.checkpoints[start - 1]
                let last = r.checkpoints[end - 1]
                for k in start..<end {
                    let size = Double(r.checkpoints[k] - (k == 0 ? 0 : r.checkpoints[k - 1]))
                    for a in 0..<env.armCount { shares[a] += r.windowShares[k][a] * size }
                }
                t.row([.string(r.policy), .string("\(Format.count(first + 1))–\(Format.count(last))")]
                      + shares.map { .float($0 / Double(last - first)) })
                start = end
            }
        }
        return t.table
    }

    private static func regretChart(_ results: [BanditSimulationResult]) -> Chart {
        var series = results.map { r in
            ChartSeries(r.policy, x: r.checkpoints.map(Double.init), y: r.regret.map(\.mean))
        }
        if let only = results.first, results.count == 1 {
            series.append(ChartSeries("5%", x: only.checkpoints.map(Double.init), y: only.regret.map(\.low)))
            series.append(ChartSeries("95%", x: only.checkpoints.map(Double.init), y: only.regret.map(\.high)))
        }
        return .line(title: results.count == 1 ? "cumulative regret (mean and 5–95% band across runs)" : "cumulative regret (mean across runs)",
                     series: series, xLabel: "round", yLabel: "regret")
    }

    private static func bestShareChart(_ results: [BanditSimulationResult], _ env: BanditEnvironment) -> Chart {
        let best = env.bestArm
        return .line(title: "share of pulls on the best arm (\(env.armNames[best])) in each window",
                     series: results.map { r in ChartSeries(r.policy, x: r.checkpoints.map(Double.init), y: r.windowShares.map { $0[best] }) },
                     xLabel: "round", yLabel: "share")
    }

    private static func reading(_ results: [BanditSimulationResult], _ env: BanditEnvironment, _ plan: BanditPlan) -> String {
        let ranked = results.sorted { ($0.regret.last?.mean ?? 0) < ($1.regret.last?.mean ?? 0) }
        guard let first = ranked.first, let regret = first.regret.last else { return "" }
        func figure(_ x: Double) -> String { NumberFormatting.significant(x, digits: 4) }
        // Uniformly random pulls give up, per round, the best rate minus the average rate of the context.
        var uniformPerRound = 0.0
        for c in env.contextNames.indices {
            let average = env.means[c].reduce(0, +) / Double(env.armCount)
            uniformPerRound += env.contextShares[c] * (env.bestMeans[c] - average)
        }
        var lines = ["After \(Format.count(plan.rounds)) rounds, \(first.policy) had the least regret: \(figure(regret.mean)) on average "
                     + "(5–95% across runs: \(figure(regret.low))–\(figure(regret.high))), against \(figure(uniformPerRound * Double(plan.rounds))) "
                     + "for pulling arms at random."]
        let best = env.armNames[env.bestArm]
        lines.append(results.map { "\($0.policy) pulled \(best) most in \(NumberFormatting.format($0.bestArmIdentified * 100, decimals: 0))% of runs" }
            .joined(separator: "; ") + ".")
        lines.append("Regret is what a policy gave up against always pulling the best arm for each context; it is an average over "
                     + "simulated runs of this environment, not a promise for live traffic, where rates drift and rewards arrive late.")
        return lines.joined(separator: "\n")
    }
}
