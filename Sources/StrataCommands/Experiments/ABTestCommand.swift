/// `abtest`: compare the variants of an experiment log on one or more metrics.
package enum ABTestCommand {
    package static let spec = CommandSpec(
        "abtest", group: .experiments, summary: "Compare an experiment's variants: lift with its interval, p-value and sample-ratio check.",
        arguments: [.table("table", help: "one row per unit (visitor) with its variant and metrics")],
        options: ABTestOptions.all,
        details: "One table per metric: each variant's size and rate (or mean, or ratio), the lift over the control in absolute "
            + "and relative terms with confidence intervals, the p-value, and the sample-ratio check (χ² of the variant sizes "
            + "against design=, flagged below p = 0.001). A sentence under the table says what the result means and does not. "
            + "Conversion metrics use the pooled two-proportion z-test (test=chi2 or yates for the χ² test without or with "
            + "Yates' correction); means use Welch's t-test (or mannwhitney, or a seeded bootstrap); kind=ratio takes "
            + "Σmetric ÷ Σdenominator per variant with delta-method intervals. Relative lifts use the delta method. "
            + "covariate= applies CUPED (θ pooled over all units) and prints the variance it removed. Several metrics, "
            + "treatments or segments (by=) are adjusted together by correction=. sequential=yes replays the rows in order "
            + "and shows always-valid confidence sequences (mixture SPRT), safe to look at as often as you like. "
            + "See docs/experiments.md for formulas.",
        examples: ["abtest ab variant=variant metric=converted",
                   "abtest ab variant=variant metric=revenue covariate=pre_revenue",
                   "abtest ab variant=variant metric=revenue kind=ratio denominator=sessions",
                   "abtest ab variant=variant metric=converted by=device test=yates correction=bh",
                   "abtest ab variant=variant metric=revenue test=bootstrap resamples=500 seed=7",
                   "abtest ab variant=variant metric=converted sequential=yes looks=5"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        let input = try ABTestInput(parsed, table)
        guard let metrics = parsed[ABTestOptions.metric], !metrics.isEmpty else {
            throw parsed.error("abtest needs metric=COLUMN: what to compare (a 0/1 conversion or a number per unit)",
                               at: parsed.span(ABTestOptions.metric))
        }
        if parsed[ABTestOptions.sequential] { return try ABTestSequential.run(parsed, input, metrics: metrics) }
        var seed = ctx.workspace.settings.seed
        if let given = parsed[ABTestOptions.seed] { seed = UInt64(bitPattern: Int64(given)) }
        let sections = try metrics.map { try ABTestSection(parsed, input, metric: $0, seed: seed) }
        return ABTestReport(parsed, input, sections).output
    }
}
