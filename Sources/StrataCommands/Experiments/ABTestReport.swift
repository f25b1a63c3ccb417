/// The tables and sentences `abtest` prints: one table per metric, the plain-language reading
/// under it, then notes on CUPED, the sample ratio and rows left out.
package struct ABTestReport {
    package let output: CommandOutput

    package init(_ parsed: ParsedCommand, _ input: ABTestInput, _ sections: [ABTestSection]) {
        let correction = parsed[ABTestOptions.correction]
        let all = sections.flatMap(\.pValues)
        let adjusting = all.count > 1 && correction != .none
        var adjusted = correction.adjust(all)[...]
        let alpha = parsed[ABTestOptions.alpha]
        var out = CommandOutput()
        for section in sections {
            let count = section.pValues.count
            let sectionAdjusted = adjusting ? Array(adjusted.prefix(count)) : section.pValues
            adjusted = adjusted.dropFirst(count)
            out.append(.table(Self.table(section, input, adjusted: adjusting ? sectionAdjusted : nil, correction: correction),
                              title: Self.title(section), showShape: false))
            var remaining = sectionAdjusted[...]
            var sentences: [String] = []
            for segment in section.segments {
                guard let analysis = segment.analysis else {
                    sentences.append("\(segment.name): not analysed — \(segment.problem ?? "too few units").")
                    continue
                }
                for comparison in analysis.comparisons {
                    let p = remaining.popFirst() ?? comparison.pValue
                    sentences.append(ABTestSentence.reading(comparison, control: analysis.control, treatment: analysis.treatments.first { $0.label == comparison.treatment },
                                                            section: section, segment: input.segmentColumn == nil ? nil : segment.name,
                                                            p: p, adjustedBy: adjusting ? correction : nil, alpha: alpha))
                }
            }
            if input.segmentColumn == nil {
                out.append(.text(sentences.joined(separator: "\n") + "\n" + ABTestSentence.caveat(level: section.settings.level)))
            } else {
                out.append(.text(ABTestSentence.segmentSummary(section, adjusted: sectionAdjusted, alpha: alpha) + "\n"
                                 + ABTestSentence.caveat(level: section.settings.level)))
                for s in sentences where s.contains("not analysed") { out.append(.note(s)) }
            }
            for note in Self.notes(section, input) { out.append(.note(note)) }
        }
        for block in Self.sampleRatioWarnings(sections.first, input) { out.append(block) }
        if adjusting {
            out.append(.note("\(all.count) comparisons: the p column is adjusted by \(correction.label) (correction=none shows raw p-values); "
                             + "a result counts as significant below \(DescribeFormat.number(alpha))"))
        }
        output = out
    }

    private static func title(_ s: ABTestSection) -> String {
        let what: String
        switch s.kind {
        case .conversion: what = "conversion rate"
        case .mean: what = "mean"
        case .ratio: what = "Σ\(s.metric) ÷ Σ\(s.denominator ?? "denominator")"
        }
        let cuped = s.covariate.map { ", CUPED on \($0)" } ?? ""
        let test = s.covariate != nil && [.z, .chi2, .yates].contains(s.test) ? ComparisonTest.welch : s.test
        return "\(s.metric): \(what) by variant (\(test.displayName)\(cuped); \(ABTestFormat.percentLevel(s.settings.level)) intervals)"
    }

    private static func table(_ s: ABTestSection, _ input: ABTestInput, adjusted: [Double]?, correction: MultipleComparisonCorrection) -> Table {
        let level = ABTestFormat.percentLevel(s.settings.level)
        let valueName: String
        switch s.kind {
        case .conversion: valueName = s.covariate == nil ? "rate (conv)" : "rate (adj.)"
        case .mean: valueName = s.covariate == nil ? "mean" : "mean (adj.)"
        case .ratio: valueName = "ratio"
        }
        var headers: [(String, DataType)] = []
        if let by = input.segmentColumn { headers.append((by, .string)) }
        let liftName = s.kind == .conversion ? "lift pp (\(level) CI)" : "lift (\(level) CI)"
        // With several comparisons the p column holds the adjusted values; correction=none shows the raw ones.
        headers += [("variant", .string), ("units", .int), (valueName, .string), (liftName, .string),
                    ("relative", .string), (adjusted == nil ? "p" : "p (\(correction.label))", .string), ("srm", .string)]
        var t = SummaryTable(headers)
        var adjustedQueue = (adjusted ?? [])[...]
        for segment in s.segments {
            let srm = segment.sampleRatio.map { $0.mismatch ? "MISMATCH" : "ok (\(ABTestFormat.pValue($0.pValue)))" } ?? ""
            let lead: [Value] = input.segmentColumn == nil ? [] : [.string(segment.name)]
            guard let a = segment.analysis else {
                t.row(lead + [.string("(not analysed)"), .missing, .string(""), .string(""), .string(""), .string(""), .string(srm)])
                continue
            }
            for (k, v) in a.variants.enumerated() {
                var value = ABTestFormat.value(v.value, s.kind)
                if let successes = v.successes { value += " (\(Format.count(successes)))" }
                var row = lead + [.string(v.label), .int(Int64(v.units)), .string(value)]
                if k == 0 {
                    row += [.string("control"), .string(""), .string(""), .string(srm)]
                } else {
                    let c = a.comparisons[k - 1]
                    let absolute = ABTestFormat.number(c.lift.absolute, s.kind, signed: true) + " "
                        + ABTestFormat.bracket(c.lift.absoluteInterval) { ABTestFormat.number($0, s.kind, signed: false) }
                    let relative = ABTestFormat.relative(c.lift.relative) + " "
                        + ABTestFormat.bracket(c.lift.relativeInterval) { ABTestFormat.relativeNumber($0, signed: false) }
                    let p = adjusted == nil ? c.pValue : adjustedQueue.popFirst() ?? c.pValue
                    row += [.string(absolute), .string(relative), .string(ABTestFormat.pValue(p)), .string("")]
                }
                t.row(row)
            }
        }
        return t.table
    }

    private static func notes(_ s: ABTestSection, _ input: ABTestInput) -> [String] {
        var notes: [String] = []
        if s.rowsLeftOut > 0 {
            notes.append("\(Format.count(s.rowsLeftOut)) row\(s.rowsLeftOut == 1 ? "" : "s") left out of \(s.metric): missing variant or value")
        }
        if let covariate = s.covariate, let whole = s.segments.first(where: { $0.analysis?.cuped != nil }),
           let cuped = whole.analysis?.cuped, let adjusted = whole.analysis?.comparisons.first, let raw = whole.unadjusted?.comparisons.first {
            let before = raw.lift.absoluteInterval.upper - raw.lift.absoluteInterval.lower
            let after = adjusted.lift.absoluteInterval.upper - adjusted.lift.absoluteInterval.lower
            let scope = input.segmentColumn == nil ? "" : " (segment \(whole.name))"
            notes.append("CUPED with \(covariate)\(scope): θ = \(NumberFormatting.significant(cuped.theta, digits: 4)), correlation "
                         + "\(NumberFormatting.significant(cuped.correlation, digits: 3)), variance reduced by "
                         + "\(NumberFormatting.format(cuped.varianceReduction * 100, decimals: 1))%; the first interval is "
                         + "\(ABTestFormat.width(before, s.kind)) wide without it and \(ABTestFormat.width(after, s.kind)) with it")
        }
        switch s.test {
        case .z where s.covariate == nil:
            notes.append("p from the pooled z-test; intervals use each variant's own standard error (Wald); relative intervals by the delta method")
        case .chi2, .yates:
            notes.append("χ² on each treatment-vs-control 2×2 table, \(s.test == .yates ? "with" : "without") Yates' continuity correction")
        case .mannwhitney:
            notes.append("Mann–Whitney asks whether one variant's values tend to be larger, not whether the means differ; the interval shown is Welch's for the difference in means")
        case .bootstrap:
            notes.append("bootstrap: \(Format.count(s.settings.resamples)) resamples, seed \(s.settings.seed); percentile interval for the difference, "
                         + "p = twice the share of resampled differences past zero; relative intervals by the delta method")
        case .delta:
            notes.append("ratio metric: Σ\(s.metric) ÷ Σ\(s.denominator ?? "denominator") per variant; each unit (a row) is independent, its \(s.denominator ?? "denominator") are not, which the delta method accounts for")
        case .z, .welch:
            break
        }
        return notes
    }

    private static func sampleRatioWarnings(_ section: ABTestSection?, _ input: ABTestInput) -> [OutputBlock] {
        guard let section else { return [] }
        return section.segments.compactMap { segment in
            guard let srm = segment.sampleRatio, srm.mismatch else { return nil }
            let scope = input.segmentColumn == nil ? "" : " in \(input.segmentColumn ?? "") = \(segment.name)"
            let sizes = srm.observed.map { Format.count($0) }.joined(separator: " / ")
            return .warning("sample ratio mismatch\(scope): \(sizes) units against the design \(input.designText) "
                            + "(χ² = \(NumberFormatting.significant(srm.statistic, digits: 4)), p = \(ABTestFormat.pValue(srm.pValue))). "
                            + "Assignment or logging is likely broken there, so its comparisons may be biased: find the cause before trusting them.")
        }
    }
}
