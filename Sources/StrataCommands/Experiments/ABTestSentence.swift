/// The plain-language reading under an `abtest` table: what the figures mean, and what they do not.
package enum ABTestSentence {
    package static func reading(_ c: VariantComparison, control: VariantSummary, treatment: VariantSummary?, section: ABTestSection,
                        segment: String?, p: Double, adjustedBy correction: MultipleComparisonCorrection?, alpha: Double) -> String {
        let kind = section.kind
        let level = ABTestFormat.percentLevel(section.settings.level)
        let value = treatment.map { ABTestFormat.value($0.value, kind) } ?? "—"
        let verb: String
        switch kind {
        case .conversion: verb = "converted at"
        case .mean: verb = "averaged"
        case .ratio: verb = "had Σ\(section.metric) ÷ Σ\(section.denominator ?? "denominator") of"
        }
        let scope = segment.map { " (\($0))" } ?? ""
        let relative = c.lift.relative.isFinite ? " (\(ABTestFormat.relative(c.lift.relative)))" : ""
        let interval = c.lift.absoluteInterval
        let pText = (p < 0.0001 ? "p < 0.0001" : "p = \(ABTestFormat.pValue(p))") + (correction.map { " after \($0.label)'s correction" } ?? "")
        var s = "\(c.treatment)\(scope) \(verb) \(value) against \(ABTestFormat.value(control.value, kind)) for \(control.label): "
            + "\(ABTestFormat.difference(c.lift.absolute, kind))\(relative), \(level) interval "
            + "\(ABTestFormat.difference(interval.lower, kind)) to \(ABTestFormat.difference(interval.upper, kind)), \(pText). "
        if p < alpha {
            let direction = c.lift.absolute > 0 ? "higher" : "lower"
            s += "A gap this large would be unusual if \(c.treatment) made no difference, so \(c.treatment) is very likely \(direction) "
                + "than \(control.label); the true difference is plausibly anywhere in the interval, which may be smaller than what was seen."
        } else {
            s += "The data are consistent with no difference: this does not show that \(c.treatment) has no effect, only that any "
                + "effect is probably inside the interval, and a test this size could not tell it from zero."
        }
        if !c.lift.relative.isFinite { s += " (The control's value is zero, so no relative lift can be given.)" }
        return s
    }

    package static func caveat(level: Double) -> String {
        "The p-value is not the probability that the variant is better; the \(ABTestFormat.percentLevel(level)) interval comes from a "
            + "method that covers the true effect in \(ABTestFormat.percentLevel(level)) of experiments. Both assume the units were "
            + "randomised and looked at once, and speak for these units in this period only."
    }

    package static func segmentSummary(_ section: ABTestSection, adjusted: [Double], alpha: Double) -> String {
        var significant: [String] = []
        var index = 0
        var comparisons = 0
        for segment in section.segments {
            for c in segment.analysis?.comparisons ?? [] {
                if index < adjusted.count && adjusted[index] < alpha {
                    significant.append("\(c.treatment) in \(segment.name) (\(ABTestFormat.relative(c.lift.relative)))")
                }
                index += 1
                comparisons += 1
            }
        }
        if significant.isEmpty {
            return "No segment shows a difference distinguishable from zero after adjusting for \(comparisons) comparisons. "
                + "Segments are smaller than the whole test, so each has less power: this is not evidence that the effect is absent in any of them."
        }
        return "Distinguishable from zero after adjusting for \(comparisons) comparisons: \(significant.joined(separator: ", ")). "
            + "A segment without a significant result is not shown to differ from the others; compare the intervals, and treat "
            + "differences between segments found after the fact as ideas for the next test."
    }
}
