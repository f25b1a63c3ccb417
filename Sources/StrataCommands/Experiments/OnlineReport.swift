/// The tables and chart of `online`.
struct OnlineReport {
    let shown: Table
    let numbers: Table
    private let rowLabels: [String]
    private let figures: [OnlineGroupMetrics]

    init(byNames: [String], labels: [[String]], groups: [OnlineGroupMetrics], total: OnlineGroupMetrics?, level: Double) {
        let level = ABTestFormat.percentLevel(level)
        var shownTable = SummaryTable(byNames.map { ($0, DataType.string) } + [
            ("exposures", .int), ("CTR (\(level) CI)", .string), ("conversion (\(level) CI)", .string), ("revenue/exposure (\(level) CI)", .string),
        ])
        var numberTable = SummaryTable(byNames.map { ($0, DataType.string) } + [
            ("exposures", .int), ("ctr", .float), ("ctr_low", .float), ("ctr_high", .float),
            ("conversion", .float), ("conversion_low", .float), ("conversion_high", .float),
            ("revenue", .float), ("revenue_low", .float), ("revenue_high", .float),
        ])
        var rows = groups.map { (labels[$0.group], $0) }
        if let total { rows.append((byNames.indices.map { $0 == 0 ? "(all)" : "" }, total)) }
        for (label, g) in rows {
            let lead = label.map { Value.string($0) }
            shownTable.row(lead + [.int(Int64(g.exposures)), .string(Self.rate(g.ctr)), .string(Self.rate(g.conversion)),
                                   .string(Self.mean(g.revenue))])
            func triple(_ r: RateEstimate?) -> [Value] {
                guard let r else { return [.missing, .missing, .missing] }
                return [.float(r.rate), .float(r.interval.lower), .float(r.interval.upper)]
            }
            let revenue: [Value] = g.revenue.map { m in
                [.float(m.mean), m.interval.map { .float($0.lower) } ?? .missing, m.interval.map { .float($0.upper) } ?? .missing]
            } ?? [.missing, .missing, .missing]
            numberTable.row(lead + [.int(Int64(g.exposures))] + triple(g.ctr) + triple(g.conversion) + revenue)
        }
        shown = shownTable.table
        numbers = numberTable.table
        rowLabels = groups.map { labels[$0.group].joined(separator: " · ") }
        figures = groups
    }

    static func rate(_ r: RateEstimate?) -> String {
        guard let r else { return "" }
        return NumberFormatting.format(r.rate * 100, decimals: 2) + "% (" + NumberFormatting.format(r.interval.lower * 100, decimals: 2)
            + "–" + NumberFormatting.format(r.interval.upper * 100, decimals: 2) + ")"
    }

    static func mean(_ m: MeanEstimate?) -> String {
        guard let m else { return "" }
        let value = NumberFormatting.significant(m.mean, digits: 4)
        guard let i = m.interval else { return value }
        return value + " (" + NumberFormatting.significant(i.lower, digits: 4) + "–" + NumberFormatting.significant(i.upper, digits: 4) + ")"
    }

    func chart(_ metric: OnlineChartMetric) -> Chart {
        let values: [Double] = figures.map { g in
            switch metric {
            case .ctr: return g.ctr.map { $0.rate * 100 } ?? .nan
            case .conversion: return g.conversion.map { $0.rate * 100 } ?? .nan
            case .revenue: return g.revenue?.mean ?? .nan
            }
        }
        let label = metric == .revenue ? "revenue per exposure" : "\(metric == .ctr ? "CTR" : "conversion") %"
        return Chart.bar(title: "\(label) by group (intervals in the table)", labels: rowLabels, values: values, valueLabel: label)
    }
}
