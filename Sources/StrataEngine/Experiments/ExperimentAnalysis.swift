/// A variant's size and value (rate, mean or ratio) with the variance of that value.
public struct VariantSummary: Sendable, Equatable {
    public let label: String
    public let units: Int
    /// Conversions, for conversion metrics.
    public let successes: Int?
    public let value: Double
    public let variance: Double
}

/// One treatment against the control.
public struct VariantComparison: Sendable, Equatable {
    public let treatment: String
    public let lift: Lift
    public let pValue: Double
    public let test: ComparisonTest
}

/// CUPED's figures for the report: how much variance the covariate removed.
public struct CUPEDSummary: Sendable, Equatable {
    public let theta: Double
    public let correlation: Double
    public let varianceReduction: Double
}

/// Every variant summarised and every treatment compared with the control.
public struct ExperimentAnalysis: Sendable, Equatable {
    public let control: VariantSummary
    public let treatments: [VariantSummary]
    public let comparisons: [VariantComparison]
    public let cuped: CUPEDSummary?

    public var variants: [VariantSummary] { [control] + treatments }

    /// `groups[0]` is the control. With covariates on every group, the metric is CUPED-adjusted
    /// (θ pooled over all units) and compared by Welch's t-test (or the bootstrap or Mann–Whitney
    /// if asked) on the adjusted values.
    public static func analyze(_ groups: [VariantUnits], settings: ExperimentSettings) throws -> ExperimentAnalysis {
        guard groups.count >= 2 else { throw EngineError("an experiment needs at least 2 variants, got \(groups.count)") }
        try ExperimentInput.requireLevel(settings.level)
        guard settings.test.applies(to: settings.kind) else {
            throw EngineError("the \(settings.test.displayName) does not apply to a \(settings.kind.rawValue) metric")
        }
        for g in groups where g.values.isEmpty {
            throw EngineError("variant '\(g.label)' has no units: every variant needs at least one")
        }
        if settings.kind == .conversion {
            for g in groups {
                if let bad = g.values.first(where: { $0 != 0 && $0 != 1 }) {
                    throw EngineError("a conversion is 0 or 1 per unit, but variant '\(g.label)' has the value \(DescribeFormat.number(bad))",
                                      suggestion: "use kind=mean for a number per unit")
                }
            }
        }
        var units = groups
        var cuped: CUPEDSummary?
        var test = settings.test
        if groups.allSatisfy({ $0.covariates != nil }) {
            guard settings.kind != .ratio else { throw EngineError("CUPED adjusts conversion and mean metrics, not ratio metrics") }
            let adjustment = try CUPED.adjust(metric: groups.flatMap(\.values), covariate: groups.flatMap { $0.covariates ?? [] })
            var offset = 0
            units = groups.map { g in
                defer { offset += g.values.count }
                return VariantUnits(label: g.label, values: Array(adjustment.adjusted[offset..<(offset + g.values.count)]))
            }
            cuped = CUPEDSummary(theta: adjustment.theta, correlation: adjustment.correlation, varianceReduction: adjustment.varianceReduction)
            switch test {
            case .z, .chi2, .yates: test = .welch
            case .welch, .mannwhitney, .bootstrap, .delta: break
            }
        }
        let kind: MetricKind = cuped == nil ? settings.kind : .mean
        let summaries = try units.map { try summary($0, kind: kind) }
        var comparisons: [VariantComparison] = []
        for (index, treatment) in units.enumerated().dropFirst() {
            comparisons.append(try compare(units[0], summaries[0], treatment, summaries[index], test: test,
                                           settings: settings, stream: UInt64(index)))
        }
        return ExperimentAnalysis(control: summaries[0], treatments: Array(summaries.dropFirst()), comparisons: comparisons, cuped: cuped)
    }

    static func summary(_ g: VariantUnits, kind: MetricKind) throws -> VariantSummary {
        switch kind {
        case .conversion:
            let sample = try ProportionSample(successes: g.values.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }, trials: g.values.count)
            return VariantSummary(label: g.label, units: g.values.count, successes: sample.successes, value: sample.rate,
                                  variance: sample.varianceOfRate)
        case .mean:
            let s = SampleSummary(g.values)
            return VariantSummary(label: g.label, units: s.count, successes: nil, value: s.mean,
                                  variance: s.count > 1 ? s.varianceOfMean : .nan)
        case .ratio:
            guard let denominators = g.denominators else { throw EngineError("a ratio metric needs a denominator for variant '\(g.label)'") }
            let r = try RatioMetric.estimate(numerator: g.values, denominator: denominators)
            return VariantSummary(label: g.label, units: r.units, successes: nil, value: r.ratio, variance: r.variance)
        }
    }

    private static func compare(_ c: VariantUnits, _ cs: VariantSummary, _ t: VariantUnits, _ ts: VariantSummary,
                                test: ComparisonTest, settings: ExperimentSettings, stream: UInt64) throws -> VariantComparison {
        func lift(_ interval: ConfidenceInterval? = nil) -> Lift {
            Lift(control: cs.value, controlVariance: cs.variance, treatment: ts.value, treatmentVariance: ts.variance,
                 level: settings.level, absoluteInterval: interval)
        }
        func proportions() throws -> (ProportionSample, ProportionSample) {
            (try ProportionSample(successes: cs.successes ?? 0, trials: cs.units), try ProportionSample(successes: ts.successes ?? 0, trials: ts.units))
        }
        switch test {
        case .z:
            let (a, b) = try proportions()
            return VariantComparison(treatment: ts.label, lift: lift(), pValue: ProportionTests.zTest(control: a, treatment: b).pValue, test: test)
        case .chi2, .yates:
            let (a, b) = try proportions()
            let chi = try ProportionTests.chiSquared([a, b], yates: test == .yates)
            return VariantComparison(treatment: ts.label, lift: lift(), pValue: chi.pValue, test: test)
        case .welch:
            let w = try MeanTests.welch(control: c.values, treatment: t.values)
            return VariantComparison(treatment: ts.label, lift: lift(w.interval(level: settings.level)), pValue: w.pValue, test: test)
        case .mannwhitney:
            let w = try MeanTests.welch(control: c.values, treatment: t.values)
            let u = try MannWhitney.test(t.values, c.values)
            return VariantComparison(treatment: ts.label, lift: lift(w.interval(level: settings.level)), pValue: u.pValue, test: test)
        case .bootstrap:
            var streamGenerator = SeededGenerator(seed: settings.seed, stream: stream)
            let seed = streamGenerator.next()
            let b = try Bootstrap.differenceInMeans(control: c.values, treatment: t.values, resamples: settings.resamples,
                                                    level: settings.level, seed: seed)
            return VariantComparison(treatment: ts.label, lift: lift(b.interval), pValue: b.pValue, test: test)
        case .delta:
            let l = lift()
            return VariantComparison(treatment: ts.label, lift: l, pValue: l.pValue, test: test)
        }
    }
}
