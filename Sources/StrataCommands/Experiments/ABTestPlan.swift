#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The figures `abtest plan` prints, solved one way or the other.
package struct ABTestPlan {
    package let output: CommandOutput

    package init(metric: ABTestPlanCommand.MetricType, model: PowerModel, baseline: Double, difference: Double?, sd: Double?, n: Int?,
         power: Double, alpha: Double, ratio: Double, variants: Int) throws {
        let kind: MetricKind = metric == .conversion ? .conversion : .mean
        let spread = sd ?? 1
        func effect(_ d: Double) -> Double {
            metric == .conversion ? PowerAnalysis.cohensH(from: baseline, to: baseline + d) : d / spread
        }
        func absoluteChange(forEffect e: Double) -> Double {
            metric == .conversion ? PowerAnalysis.rate(from: baseline, cohensH: e) - baseline : e * spread
        }
        let effectName = metric == .conversion ? "Cohen's h" : "Cohen's d"
        let method = metric == .conversion ? "normal approximation on Cohen's h (statsmodels NormalIndPower)"
            : "Student's t with the noncentral t (statsmodels TTestIndPower)"
        var rows: [(String, String)] = [("baseline", ABTestFormat.value(baseline, kind))]
        if let sd { rows.append(("sd", NumberFormatting.significant(sd, digits: 4))) }
        rows += [("alpha (two-sided)", DescribeFormat.number(alpha)), ("power", DescribeFormat.number(power))]
        var sentence: String
        if let n {
            let e = try PowerAnalysis.minimumDetectableEffect(nobs1: Double(n), power: power, alpha: alpha, ratio: ratio, model: model)
            let d = absoluteChange(forEffect: e)
            let treatmentUnits = Int((Double(n) * ratio).rounded(.up))
            rows += [("control units", Format.count(n)), ("units per treatment", Format.count(treatmentUnits)),
                     ("minimum detectable effect", "\(ABTestFormat.difference(d, kind)) (\(ABTestFormat.relative(d / baseline)))"),
                     (effectName, NumberFormatting.significant(e, digits: 4))]
            let change = "\(ABTestFormat.difference(d, kind)) (\(ABTestFormat.relative(d / baseline)))"
            let sizes = "With \(Format.count(n)) units in the control and \(Format.count(treatmentUnits)) in each treatment"
            let chance = "\(ABTestFormat.percentLevel(power)) probability at α = \(DescribeFormat.number(alpha))"
            sentence = "\(sizes), a true change of \(change) or more is detected with \(chance); smaller true effects are likely to be missed."
            if let given = difference {
                let p = PowerAnalysis.power(effect: effect(given), nobs1: Double(n), alpha: alpha, ratio: ratio, model: model)
                rows.append(("power for \(ABTestFormat.difference(given, kind))", ABTestFormat.percentLevel(p)))
                sentence += " For \(ABTestFormat.difference(given, kind)) the power is \(ABTestFormat.percentLevel(p))."
            }
        } else if let d = difference {
            let e = effect(d)
            let nobs1 = try PowerAnalysis.sampleSize(effect: e, power: power, alpha: alpha, ratio: ratio, model: model)
            let control = Int(nobs1.rounded(.up))
            let treatment = Int((nobs1 * ratio).rounded(.up))
            let total = control + (variants - 1) * treatment
            rows += [("target", ABTestFormat.value(baseline + d, kind)),
                     ("effect", "\(ABTestFormat.difference(d, kind)) (\(ABTestFormat.relative(d / baseline)))"),
                     (effectName, NumberFormatting.significant(e, digits: 4)),
                     ("control units", Format.count(control)), ("units per treatment", Format.count(treatment)),
                     ("total units", Format.count(total))]
            let change = "from \(ABTestFormat.value(baseline, kind)) to \(ABTestFormat.value(baseline + d, kind))"
            let chance = "\(ABTestFormat.percentLevel(power)) power at α = \(DescribeFormat.number(alpha))"
            let sizes = "\(Format.count(control)) units in the control and \(Format.count(treatment)) in each treatment (\(Format.count(total)) in all)"
            sentence = "To detect a change \(change) with \(chance), the test needs \(sizes). A smaller true effect would often be missed; "
                + "stopping early on a good-looking day voids this plan (use sequential=yes to look safely)."
            if variants > 2 {
                sentence += " With \(variants - 1) treatments compared, a correction for multiple comparisons lowers the effective α: "
                    + "plan with alpha=\(DescribeFormat.number(alpha / Double(variants - 1))) for a Bonferroni-safe size."
            }
        } else {
            sentence = ""
        }
        output = CommandOutput([.keyValues(rows, title: "plan (\(method))"), .text(sentence)])
    }
}
