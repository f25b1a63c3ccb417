/// `offpolicy`: the value of a policy estimated from a log another policy collected.
package enum OffPolicyCommand {
    static let action = CommandOption.column("action", "the logged action (strategy) per row (required)")
    static let reward = CommandOption.column("reward", "the reward per row, e.g. clicked (required)")
    static let propensity = CommandOption.column("propensity", "the logging policy's chance of the logged action (required)")
    static let policy = CommandOption.text("policy", "an action name (always that action) or an expression over the row, "
                                           + "e.g. \"if(device == 'desktop', 'personalised', 'popular')\" (required)")
    static let context = CommandOption.columns("context", describedAs: "none (one cell)", "context columns whose cells the reward model averages over")
    static let resamples = CommandOption.int("resamples", in: 10...100_000, describedAs: "no bootstrap", "bootstrap resamples for percentile intervals")
    static let seed = CommandOption.int("seed", describedAs: "the session seed (set seed)", "random seed for the bootstrap")
    static let alpha = CommandOption.number("alpha", in: 0.0001...0.5, default: 0.05, "intervals are at 1 − alpha")

    package static let spec = CommandSpec(
        "offpolicy", group: .experiments, summary: "Estimate a new policy's value from a log another policy collected (replay, IPS, SNIPS, DM, DR).",
        arguments: [.table("table", help: "one row per logged decision: context, action, reward, propensity")],
        options: [action, reward, propensity, policy, context, resamples, seed, alpha],
        binding: .named { p in "\(p.subject ?? "table")_ope" },
        details: "Replay (Li et al. 2011) averages the rows where the logged action is the policy's; it is unbiased only for a "
            + "uniform logging policy, and warns otherwise. IPS weights each reward by π(a|x)/propensity; self-normalized IPS "
            + "divides by the mean weight; the direct method averages a reward model (the mean reward of each context cell × "
            + "action, the action's overall mean where a cell has no rows); doubly robust adds IPS's correction of that model. "
            + "Intervals are normal, estimate ± z·sd/√n of the per-row terms (obp's round rewards); resamples=N adds seeded "
            + "bootstrap percentile intervals that refit the reward model. Each estimate is compared with the logged policy's "
            + "mean reward. Binds NAME with the figures. See docs/experiments.md.",
        examples: ["offpolicy exposures action=strategy reward=clicked propensity=propensity policy=personalised context=device,segment",
                   "offpolicy exposures action=strategy reward=clicked propensity=propensity policy=\"if(device == 'desktop', 'personalised', 'popular')\" context=device",
                   "offpolicy exposures action=strategy reward=revenue propensity=propensity policy=popular context=device resamples=200 seed=3"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        let log = try OffPolicyInput(parsed, table, ctx)
        var seedValue = ctx.workspace.settings.seed
        if let given = parsed[seed] { seedValue = UInt64(bitPattern: Int64(given)) }
        let report = try OffPolicyEvaluation.evaluate(log.data, policy: log.policy, level: 1 - parsed[alpha],
                                                      resamples: parsed[resamples], seed: seedValue, context: ctx.run)
        let name = try ctx.resultName(for: parsed)
        let tables = OffPolicyReportTables(report, policyText: log.policyText)
        ctx.workspace.bind(name, table: tables.numbers)
        var out = CommandOutput()
        out.append(.table(tables.shown, title: "value of policy \(log.policyText) on \(parsed[reward] ?? "reward") "
                          + "(\(ABTestFormat.percentLevel(1 - parsed[alpha])) intervals)", showShape: false))
        for block in tables.notes(contextColumns: parsed[context] ?? []) { out.append(block) }
        out.append(.note("\(name): the figures as numbers"))
        return out
    }
}
