/// `abtest plan`: size the next test, or say what a given size can detect.
package enum ABTestPlanCommand {
    package enum MetricType: String, OptionChoice {
        case conversion
        case mean
    }

    package static let kind = CommandOption.choice("kind", default: MetricType.conversion, "conversion (baseline is a rate) or mean (give sd=)")
    package static let baseline = CommandOption.number("baseline", "the control's rate (0–1) or mean (required)")
    package static let mde = CommandOption.number("mde", describedAs: "solved for when n= is given",
                                          "the smallest absolute difference worth detecting (0.01 = one percentage point)")
    package static let relativeMDE = CommandOption.number("relative", "the smallest relative difference worth detecting (0.1 = 10%)")
    package static let sd = CommandOption.number("sd", "for kind=mean: the metric's standard deviation")
    package static let n = CommandOption.int("n", in: 2...1_000_000_000, describedAs: "solved for", "units in the control group")
    package static let power = CommandOption.number("power", in: 0.01...0.9999, default: 0.8, "the chance of detecting an effect of that size")
    package static let alpha = CommandOption.number("alpha", in: 0.0001...0.5, default: 0.05, "two-sided significance level")
    package static let ratio = CommandOption.number("ratio", in: 0.01...100, default: 1, "treatment units per control unit")
    package static let variants = CommandOption.int("variants", in: 2...20, default: 2, "variants including the control (for the total)")

    package static let spec = CommandSpec(
        "abtest plan", group: .experiments, summary: "Sample size, power or minimum detectable effect for the next A/B test.",
        options: [kind, baseline, mde, relativeMDE, sd, n, power, alpha, ratio, variants],
        details: "Two-sided tests. Conversion uses Cohen's h = 2·asin√p₂ − 2·asin√p₁ with the normal approximation "
            + "(statsmodels' NormalIndPower); means use d = mde/sd with Student's t and the noncentral t (TTestIndPower). "
            + "Give mde= (or relative=) to get the units needed; give n= to get the minimum detectable effect and the power "
            + "for mde= if also given.",
        examples: ["abtest plan baseline=0.1 mde=0.01", "abtest plan baseline=0.1 relative=0.12 power=0.9",
                   "abtest plan kind=mean baseline=42 sd=30 mde=2", "abtest plan baseline=0.1 n=10000"]
    ) { parsed, _ in
        guard let base = parsed[baseline] else {
            throw parsed.error("abtest plan needs baseline=: the control's conversion rate (0.1 for 10%) or mean", at: parsed.span(baseline))
        }
        let metric = parsed[kind]
        let model: PowerModel
        switch metric {
        case .conversion:
            guard base > 0 && base < 1 else {
                throw parsed.error("a baseline conversion rate must be between 0 and 1 (exclusive), got \(DescribeFormat.number(base))",
                                   at: parsed.span(baseline), suggestion: "write 10% as baseline=0.1")
            }
            model = .normal
        case .mean:
            guard let s = parsed[sd], s > 0 else { throw parsed.error("kind=mean needs sd=, a positive standard deviation", at: parsed.span(sd)) }
            model = .studentT
        }
        var difference = parsed[mde]
        if let r = parsed[relativeMDE] {
            guard difference == nil else { throw parsed.error("give mde= or relative=, not both", at: parsed.span(relativeMDE)) }
            difference = base * r
        }
        if let d = difference, d == 0 || !d.isFinite { throw parsed.error("the effect to detect must be non-zero", at: parsed.span(mde)) }
        if metric == .conversion, let d = difference, !(base + d > 0 && base + d < 1) {
            throw parsed.error("baseline + mde = \(DescribeFormat.number(base + d)) is not a rate between 0 and 1", at: parsed.span(mde))
        }
        guard difference != nil || parsed[n] != nil else {
            throw parsed.error("give mde= (or relative=) to size the test, or n= to see what it can detect", at: parsed.span(mde))
        }
        let plan = try ABTestPlan(metric: metric, model: model, baseline: base, difference: difference, sd: parsed[sd], n: parsed[n],
                                  power: parsed[power], alpha: parsed[alpha], ratio: parsed[ratio], variants: parsed[variants])
        return plan.output
    }
}
