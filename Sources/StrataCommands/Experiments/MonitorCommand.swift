/// `monitor`: watch a KPI per period and segment, and flag the periods that deviate.
package enum MonitorCommand {
    package static let spec = CommandSpec(
        "monitor", group: .experiments, summary: "Watch a KPI per week (or day, month) and segment; flag the periods outside control limits.",
        arguments: [.table("table", help: "rows with a date, a KPI (or its numerator and denominator) and optionally a segment")],
        options: MonitorOptions.all,
        binding: .named { p in "\(p.subject ?? "kpi")_monitor" },
        details: "Each period's value is Σmetric (stat=mean: the mean per row; denominator=: Σmetric ÷ Σdenominator, a rate). "
            + "rule=shewhart flags a period outside the mean ± z·sd of the window= periods before it (itself excluded): quick to "
            + "see a one-period spike or drop. rule=ewma smooths with weight lambda= and flags when the smoothed value leaves "
            + "μ₀ ± z·σ·√(λ/(2−λ)·(1−(1−λ)^{2t})); rule=cusum accumulates standardized deviations beyond k= and signals above h= "
            + "(restarting after each signal). Both learn μ₀ and σ from the first window= periods and catch small persistent "
            + "shifts a Shewhart chart misses. Prints one table of flagged periods, a sparkline per segment and a reading; "
            + "every judged period with its limits is kept as TABLE_monitor (or as NAME). See docs/experiments.md.",
        examples: ["monitor kpis time=week metric=conversions denominator=visitors by=segment",
                   "monitor kpis time=week metric=conversions denominator=visitors by=segment rule=cusum",
                   "monitor kpis time=week metric=revenue by=segment rule=ewma lambda=0.1 as revenue_alerts",
                   "monitor ab time=date metric=converted stat=mean every=day window=7"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        let input = try MonitorInput(parsed, table)
        let rule = try rule(parsed)
        var charts: [MonitorSegment] = []
        var skipped: [String] = []
        for series in input.aggregate.series {
            do {
                charts.append(MonitorSegment(series: series, points: try ControlChart.evaluate(series.values, rule: rule)))
            } catch let error as EngineError {
                skipped.append("\(series.segment): \(error.message)")
                if input.aggregate.series.count == 1 { throw parsed.error(error.message, suggestion: error.suggestion) }
            }
        }
        guard !charts.isEmpty else {
            throw parsed.error("no segment can be judged: " + skipped.joined(separator: "; "), suggestion: "use a shorter window= or a finer every=")
        }
        let report = MonitorReport(parsed, input, rule: rule, charts: charts, skipped: skipped)
        let name = try ctx.bindResult(report.judged, for: parsed)
        var out = report.output
        out.append(.note("\(name): \(Format.count(report.judged.rowCount)) judged periods with their limits"))
        return out
    }

    private static func rule(_ parsed: ParsedCommand) throws -> ControlRule {
        let window = parsed[MonitorOptions.window]
        let rule = parsed[MonitorOptions.rule]
        // Options of another rule are refused rather than silently ignored.
        let foreign: [(String, Bool)] = [
            ("lambda", rule != .ewma && parsed.isGiven(MonitorOptions.lambda)),
            ("k", rule != .cusum && parsed.isGiven(MonitorOptions.k)),
            ("h", rule != .cusum && parsed.isGiven(MonitorOptions.h)),
            ("z", rule == .cusum && parsed.isGiven(MonitorOptions.z)),
        ]
        if let extra = foreign.first(where: \.1) {
            throw parsed.error("\(extra.0)= does not apply to rule=\(rule.rawValue)",
                               suggestion: "shewhart takes window= and z=, ewma window=, lambda= and z= (its L), cusum window=, k= and h=")
        }
        switch rule {
        case .shewhart: return .shewhart(window: window, z: parsed[MonitorOptions.z])
        case .ewma: return .ewma(baseline: window, lambda: parsed[MonitorOptions.lambda], width: parsed[MonitorOptions.z])
        case .cusum: return .cusum(baseline: window, k: parsed[MonitorOptions.k], h: parsed[MonitorOptions.h])
        }
    }
}

/// One segment's series with its judged periods.
package struct MonitorSegment {
    package let series: KPISeries
    package let points: [ControlPoint]

    package var flagged: [ControlPoint] { points.filter { $0.deviation != nil } }
}
