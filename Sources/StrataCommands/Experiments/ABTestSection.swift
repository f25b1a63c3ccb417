/// One metric of `abtest`, analysed in every segment.
package struct ABTestSection {
    package struct Segment {
        package let name: String
        package let analysis: ExperimentAnalysis?
        /// The same analysis without CUPED, to show how much narrower the adjusted intervals are.
        package let unadjusted: ExperimentAnalysis?
        package let sampleRatio: SampleRatioCheck?
        /// Why the segment could not be analysed.
        package let problem: String?
    }

    package let metric: String
    package let kind: MetricKind
    package let test: ComparisonTest
    package let settings: ExperimentSettings
    package let covariate: String?
    package let denominator: String?
    package let segments: [Segment]
    package let rowsLeftOut: Int

    package init(_ parsed: ParsedCommand, _ input: ABTestInput, metric: String, seed: UInt64) throws {
        self.metric = metric
        let values = try input.numbers(metric, ABTestOptions.metric, parsed)
        let kind = try ABTestInput.kind(of: metric, values, parsed)
        denominator = parsed[ABTestOptions.denominator]
        var denominators: [Double]?
        switch kind {
        case .ratio:
            guard let denominator else {
                throw parsed.error("kind=ratio needs denominator=COLUMN (sessions, for revenue per session)", at: parsed.span(ABTestOptions.kind))
            }
            denominators = try input.numbers(denominator, ABTestOptions.denominator, parsed)
        case .conversion, .mean:
            break
        }
        covariate = parsed[ABTestOptions.covariate]
        let covariates = try covariate.map { try input.numbers($0, ABTestOptions.covariate, parsed) }
        let test = parsed[ABTestOptions.test] ?? .standard(for: kind)
        guard test.applies(to: kind) else {
            throw parsed.error("test=\(test.rawValue) does not apply to a \(kind.rawValue) metric", at: parsed.span(ABTestOptions.test),
                               suggestion: "for \(kind.rawValue), use test=\(ComparisonTest.allCases.filter { $0.applies(to: kind) }.map(\.rawValue).joined(separator: "|"))")
        }
        if covariates != nil && kind == .ratio {
            throw parsed.error("CUPED (covariate=) adjusts conversion and mean metrics, not ratios", at: parsed.span(ABTestOptions.covariate))
        }
        self.kind = kind
        self.test = test
        let settings = ExperimentSettings(kind: kind, test: test, level: 1 - parsed[ABTestOptions.alpha],
                                          resamples: parsed[ABTestOptions.resamples], seed: seed)
        self.settings = settings
        rowsLeftOut = (0..<input.table.rowCount).filter {
            input.variantOfRow[$0] == nil || !ABTestInput.usable($0, values, denominators, covariates)
        }.count
        var segments: [Segment] = []
        for (s, name) in input.segments.enumerated() {
            let groups = input.groups(segment: s, values: values, denominators: denominators, covariates: covariates)
            let sampleRatio = try? SampleRatio.check(counts: input.counts(segment: s), design: input.design)
            do {
                let analysis = try ExperimentAnalysis.analyze(groups, settings: settings)
                let unadjusted = covariates == nil ? nil
                    : try ExperimentAnalysis.analyze(groups.map { VariantUnits(label: $0.label, values: $0.values) }, settings: settings)
                segments.append(Segment(name: name, analysis: analysis, unadjusted: unadjusted, sampleRatio: sampleRatio, problem: nil))
            } catch let error as EngineError where input.segmentColumn != nil {
                segments.append(Segment(name: name, analysis: nil, unadjusted: nil, sampleRatio: sampleRatio, problem: error.message))
            } catch let error as EngineError {
                throw parsed.error("\(metric): \(error.message)", suggestion: error.suggestion)
            }
        }
        self.segments = segments
    }

    package var pValues: [Double] { segments.flatMap { $0.analysis?.comparisons.map(\.pValue) ?? [] } }
}
