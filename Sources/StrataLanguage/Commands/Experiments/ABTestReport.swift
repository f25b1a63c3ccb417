/// The tables and sentences `abtest` prints: one table per metric, the plain-language reading
/// under it, then notes on CUPED, the sample ratio and rows left out.
struct ABTestReport {
    let output: CommandOutput

    init(_ parsed: ParsedCommand, _ input: ABTestInput, _ sections: [ABTestSection]) {
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
            out.append(.note("\(all.count) comparisons: p-values adjusted by \(correction.label) (column p_adjusted); a result counts as significant when that is below \(DescribeFormat.number(alpha))"))
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
        var headers: [(String, DataType)] = []
        if let by = input.segmentColumn { headers.append((by, .string)) }
        headers += [("variant", .string), ("units", .int)]
        if s.kind == .conversion && s.covariate == nil { headers.append(("conversions", .int)) }
        headers += [(s.kind == .conversion ? "rate" : s.kind == .mean ? "mean" : "ratio", .string), ("lift", .string), ("\(level) CI", .string),
                    ("relative", .string), ("relative CI", .string), ("p_value", .float)]
        if adjusted != nil { headers.append(("p_adjusted", .float)) }
        headers.append(("sample_ratio", .string))
        var t = SummaryTable(headers)
        var adjustedQueue = (adjusted ?? [])[...]
        let kind = s.kind
        for segment in s.segments {
            let srm = segment.sampleRatio.map { ($0.mismatch ? "MISMATCH p=" : "ok p=") + ABTestFormat.pValue($0.pValue) } ?? "—"
            guard let a = segment.analysis else {
                var row: [Value] = input.segmentColumn == nil ? [] : [.string(segment.name)]
                row += [.string("(not analysed)"), .missing]
                if s.kind == .conversion && s.covariate == nil { row.append(.missing) }
                row += [.missing, .missing, .missing, .missing, .missing, .missing]
                if adjusted != nil { row.append(.missing) }
                row.append(.string(srm))
                t.row(row)
                continue
            }
            for (k, v) in a.variants.enumerated() {
                var row: [Value] = input.segmentColumn == nil ? [] : [.string(segment.name)]
                row += [.string(v.label), .int(Int64(v.units))]
                if s.kind == .conversion && s.covariate == nil { row.append(v.successes.map { .int(Int64($0)) } ?? .missing) }
                row.append(.string(ABTestFormat.value(v.value, kind)))
                if k == 0 {
                    row += [.string("control"), .missing, .missing, .missing, .missing]
                    if adjusted != nil { row.append(.missing) }
                    row.append(.string(srm))
                } else {
                    let c = a.comparisons[k - 1]
                    row += [.string(ABTestFormat.difference(c.lift.absolute, kind)),
                            .string(ABTestFormat.interval(c.lift.absoluteInterval) { ABTestFormat.difference($0, kind) }),
                            .string(ABTestFormat.relative(c.lift.relative)),
                            .string(ABTestFormat.interval(c.lift.relativeInterval, ABTestFormat.relative)),
                            .float(c.pValue)]
                    if adjusted != nil { row.append(adjustedQueue.popFirst().map { .float($0) } ?? .missing) }
                    row.append(.missing)
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
                         + "\(ABTestFormat.difference(before, s.kind)) wide without it and \(ABTestFormat.difference(after, s.kind)) with it")
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
