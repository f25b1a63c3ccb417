/// The options of `abtest`, each declared once.
package enum ABTestOptions {
    package static let variant = CommandOption.column("variant", "the column naming each unit's variant (required)")
    package static let metric = CommandOption.columns("metric", "the metric column(s); one table per metric (required)")
    package static let kind: CommandOption<MetricKind?> = .choice(
        "kind", describedAs: "conversion when the metric holds only 0 and 1, else mean",
        "conversion (0/1 per unit: a rate), mean (a number per unit) or ratio (Σmetric ÷ Σdenominator)")
    package static let denominator = CommandOption.column("denominator", "for kind=ratio: the denominator per unit (sessions for revenue per session)")
    package static let control = CommandOption.text("control", describedAs: "the first variant in sorted order", "the control variant")
    package static let covariate = CommandOption.column("covariate", "a pre-experiment value per unit for CUPED variance reduction")
    package static let test: CommandOption<ComparisonTest?> = .choice(
        "test", describedAs: "z for conversion, welch for mean, delta for ratio",
        "z, chi2 (no continuity correction), yates (χ² with Yates' correction), welch, mannwhitney, bootstrap or delta")
    package static let correction = CommandOption.choice("correction", default: MultipleComparisonCorrection.holm,
                                                 "adjustment of p-values when several comparisons are made: holm, bh or none")
    package static let by = CommandOption.column("by", "a segment column: the test is repeated within each segment")
    package static let sequential = CommandOption.flag("sequential", default: false,
                                               "always-valid confidence sequences (mixture SPRT) at evenly spaced looks, in row order")
    package static let looks = CommandOption.int("looks", in: 1...100, default: 10, "with sequential=yes: how many looks")
    package static let alpha = CommandOption.number("alpha", in: 0.0001...0.5, default: 0.05, "significance level; intervals are at 1 − alpha")
    package static let design = CommandOption.text("design", describedAs: "equal shares",
                                           "the designed split in sorted variant order, e.g. 50:50 or 1:1:2 (for the sample-ratio check)")
    package static let resamples = CommandOption.int("resamples", in: 100...100_000, default: 2_000, "bootstrap resamples")
    package static let seed = CommandOption.int("seed", describedAs: "the session seed (set seed)", "random seed for the bootstrap")

    package static let all: [any OptionDeclaration] = [variant, metric, kind, denominator, control, covariate, test, correction, by,
                                               sequential, looks, alpha, design, resamples, seed]
}
