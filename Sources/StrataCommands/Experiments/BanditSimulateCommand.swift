import StrataEngine

/// `bandit simulate`: repeated seeded runs of bandit policies against arms with given rates, rates
/// per context, or recommenders scored on a split's held-out items.
package enum BanditSimulateCommand {
    package static let spec = CommandSpec(
        "bandit simulate", group: .experiments,
        summary: "Simulate bandit policies (Thompson, UCB1, ε-greedy, LinUCB, …) and compare their regret over repeated runs.",
        options: BanditOptions.all,
        binding: .named { _ in "bandit" },
        details: "The arms are one of: arms=RATES (Bernoulli arms), rates=TABLE context=COLUMN (one row per context, one rate "
            + "column per arm; contexts equally likely), or recommenders=A,B,C split=SPLIT (each round draws a test user; an "
            + "arm pays 1 when its top-k list hits one of the user's held-out items; context= a user column of the test table). "
            + "Contextual policies (linucb, lints) see the context as one-hot features; the others see one context. Every "
            + "policy runs runs= times for rounds= rounds; run r draws contexts and rewards from a stream derived from seed= "
            + "and r, the same for every policy, and its own choices from a second stream. Regret is the expected regret: "
            + "Σ (best arm's rate in the round's context − pulled arm's rate). Prints the mean and 5th–95th percentiles "
            + "across runs of cumulative reward and regret, the share of pulls per arm, how often the most-pulled arm was "
            + "the best one, and charts of regret and of the best arm's share over time. Binds NAME (the summary) and "
            + "NAME.curves (mean, 5% and 95% per checkpoint, and each arm's share of the pulls in each window). "
            + "Policies: " + BanditKinds.all.map { "\($0.name) — \($0.summary)" }.joined(separator: "; ") + ".",
        examples: ["bandit simulate arms=0.04,0.05,0.06 policies=thompson,ucb1,egreedy rounds=2000 runs=20 seed=7",
                   "bandit simulate arms=0.3,0.5,0.55 policies=softmax,gaussian,thompson rounds=1000 runs=10 temperature=0.05 as sim"]
    ) { parsed, ctx in
        let input = try BanditEnvironmentInput(parsed, ctx)
        let names = parsed[BanditOptions.policies] ?? BanditOptions.defaultPolicies
        var kinds: [BanditKind] = []
        for name in names {
            guard let kind = BanditKinds.named(name) else {
                throw parsed.error("no bandit policy '\(name)'", at: parsed.span(BanditOptions.policies),
                                   suggestion: Suggestions.didYouMean(name, among: BanditKinds.names)
                                    ?? "policies: " + BanditKinds.names.joined(separator: ", "))
            }
            guard !kinds.contains(where: { $0.name == name }) else {
                throw parsed.error("policy '\(name)' is named twice", at: parsed.span(BanditOptions.policies))
            }
            kinds.append(kind)
        }
        guard !kinds.isEmpty else { throw parsed.error("policies= names no policy", at: parsed.span(BanditOptions.policies)) }
        let seed = SeedOption.value(parsed, BanditOptions.seed, ctx.workspace.settings)
        let plan: BanditPlan
        do {
            plan = try BanditPlan(rounds: parsed[BanditOptions.rounds], runs: parsed[BanditOptions.runs], seed: seed)
        } catch let error as EngineError {
            throw parsed.error(error.message, at: parsed.span(BanditOptions.rounds), suggestion: error.suggestion)
        }
        let settings = BanditSettings(epsilon: parsed[BanditOptions.epsilon], alpha: parsed[BanditOptions.alpha],
                                      temperature: parsed[BanditOptions.temperature])
        let results = try kinds.map { try $0.simulate(settings, input.environment, plan, ctx.run) }
        let report = BanditReport(input: input, kinds: kinds, results: results, plan: plan, settings: settings)
        let name = try ctx.resultName(for: parsed)
        ctx.workspace.bind(name, table: report.summaryTable)
        ctx.workspace.bind(name + ".curves", table: report.curvesTable)
        var out = report.output
        out.append(.note("\(name): the summary above; \(name).curves: mean, 5% and 95% per checkpoint and each arm's share of pulls"))
        return out
    }
}
