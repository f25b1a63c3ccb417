import StrataEngine

/// The paired tests `evaluate` prints between its two best models.
package enum PairedComparison {
    /// Two best models by NDCG (else the first per-user metric), compared over the users both were scored on.
    package static func describe(_ results: [EvaluationTables.Named], metrics: [EvaluationMetric]) throws -> String? {
        guard results.count >= 2,
              let metric = metrics.contains(.ndcg) ? .ndcg : metrics.first(where: \.isPerUser) else { return nil }
        let ranked = results.sorted { ($0.result.value(metric) ?? -.infinity) > ($1.result.value(metric) ?? -.infinity) }
        let best = ranked[0], second = ranked[1]
        guard let a = best.result.perUser[metric], let b = second.result.perUser[metric] else { return nil }
        var secondByUser: [String: Double] = [:]
        for (u, v) in zip(second.result.userIds, b) { secondByUser[u] = v }
        var x: [Double] = [], y: [Double] = []
        for (u, v) in zip(best.result.userIds, a) {
            if let w = secondByUser[u], !v.isNaN, !w.isNaN { x.append(v); y.append(w) }
        }
        let heading = metric.heading(k: best.result.k)
        guard x.count >= 2 else { return "paired test: fewer than 2 users scored by both \(best.name) and \(second.name)" }
        let t = try PairedTests.tTest(x, y)
        let w = try PairedTests.wilcoxon(x, y)
        let tText = t.t.isNaN ? "t undefined (every difference is 0), p = 1"
            : "t = \(NumberFormatting.significant(t.t, digits: 4)) (df \(Format.count(t.degreesOfFreedom))), p = \(pValue(t.pValue))"
        let wText = w.exact ? "exact, p = \(pValue(w.pValue))"
            : (w.n == 0 ? "no non-zero difference, p = 1" : "z = \(NumberFormatting.significant(w.z, digits: 4)), p = \(pValue(w.pValue))")
        return "paired test over \(Format.count(x.count)) users, \(heading): \(best.name) − \(second.name) = "
            + "\(NumberFormatting.significant(t.meanDifference, digits: 4))\n"
            + "  paired t-test: \(tText)\n"
            + "  Wilcoxon signed-rank (\(Format.count(w.zeros)) zero differences dropped): \(wText)"
    }

    /// Three significant digits; below 1e-4 in scientific notation; underflow says so.
    package static func pValue(_ p: Double) -> String {
        if p == 0 { return "< 1e-300" }
        if p < 1e-4 { return NumberFormatting.scientific(p, decimals: 1) }
        return NumberFormatting.significant(p, digits: 3)
    }
}
