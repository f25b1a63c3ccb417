/// What `monitor` prints: the flagged periods in one table, a sparkline per segment and a reading;
/// and the table it keeps, every judged period with its limits.
package struct MonitorReport {
    package let output: CommandOutput
    package let judged: Table

    package init(_ parsed: ParsedCommand, _ input: MonitorInput, rule: ControlRule, charts: [MonitorSegment], skipped: [String]) {
        let period = parsed[MonitorOptions.every]
        let flaggedCount = charts.reduce(0) { $0 + $1.flagged.count }
        var out = CommandOutput()
        let title = "\(input.metricLabel) per \(period.rawValue)\(input.segmentColumn.map { " by \($0)" } ?? ""): "
            + "\(flaggedCount) flagged period\(flaggedCount == 1 ? "" : "s") (\(Self.ruleText(rule)))"
        if flaggedCount > 0 {
            out.append(.table(Self.flaggedTable(charts, input, rule), title: title, showShape: false))
        } else {
            out.append(.note(title))
        }
        for chart in charts {
            let marks = chart.flagged.map { "\(CivilCalendar.formatDate(days: chart.series.periods[$0.index])) \($0.deviation == .up ? "up" : "down")" }
            let label = input.segmentColumn == nil ? input.metricLabel : chart.series.segment
            let flags = marks.isEmpty ? "no flags" : "flagged " + marks.joined(separator: ", ")
            out.append(.chart(Chart.sparkline(title: "\(label): \(chart.series.values.count) \(period.rawValue)s; \(flags)", values: chart.series.values)))
        }
        out.append(.text(MonitorSentence.reading(charts, input: input, rule: rule, period: period)))
        for problem in skipped { out.append(.warning("segment not judged — \(problem)")) }
        if input.aggregate.rowsLeftOut > 0 {
            let n = input.aggregate.rowsLeftOut
            out.append(.note("\(Format.count(n)) row\(n == 1 ? "" : "s") left out: missing time or value"))
        }
        if input.aggregate.periodsWithoutDenominator > 0 {
            let n = input.aggregate.periodsWithoutDenominator
            out.append(.note("\(Format.count(n)) period\(n == 1 ? "" : "s") left out: the denominator sums to zero"))
        }
        output = out
        judged = Self.judgedTable(charts, rule)
    }

    static func ruleText(_ rule: ControlRule) -> String {
        func n(_ x: Double) -> String { NumberFormatting.significant(x, digits: 4) }
        switch rule {
        case .shewhart(let w, let z): return "shewhart: trailing \(w)-period mean ± \(n(z)) sd"
        case .ewma(let b, let lambda, let width): return "ewma: λ = \(n(lambda)), L = \(n(width)), baseline the first \(b) periods"
        case .cusum(let b, let k, let h): return "cusum: k = \(n(k)) sd, h = \(n(h)) sd, baseline the first \(b) periods"
        }
    }

    /// The name of the statistic column: the EWMA itself, or the signed CUSUM sum in sd.
    private static func statisticName(_ rule: ControlRule) -> String? {
        switch rule {
        case .shewhart: return nil
        case .ewma: return "ewma"
        case .cusum: return "cusum (sd)"
        }
    }

    private static func flaggedTable(_ charts: [MonitorSegment], _ input: MonitorInput, _ rule: ControlRule) -> Table {
        let statistic = statisticName(rule)
        var headers: [(String, DataType)] = []
        if let by = input.segmentColumn { headers.append((by, .string)) }
        headers += [("period", .date), ("value", .float), ("expected", .float)]
        if let statistic { headers.append((statistic, .float)) }
        headers += [("limit", .float), ("rule", .string), ("direction", .string)]
        var t = SummaryTable(headers)
        for chart in charts {
            for p in chart.flagged {
                var row: [Value] = input.segmentColumn == nil ? [] : [.string(chart.series.segment)]
                row += [.date(chart.series.periods[p.index]), .float(p.value), .float(p.expected)]
                if statistic != nil { row.append(.float(p.statistic)) }
                row += [.float(p.crossedLimit), .string(rule.name), .string(p.deviation?.rawValue ?? "")]
                t.row(row)
            }
        }
        return t.table
    }

    private static func judgedTable(_ charts: [MonitorSegment], _ rule: ControlRule) -> Table {
        var t = SummaryTable([("segment", .string), ("period", .date), ("value", .float), ("expected", .float), ("statistic", .float),
                              ("lower", .float), ("upper", .float), ("flag", .string), ("rule", .string)])
        for chart in charts {
            for p in chart.points {
                t.row([.string(chart.series.segment), .date(chart.series.periods[p.index]), .float(p.value), .float(p.expected),
                       .float(p.statistic), .float(p.lower), .float(p.upper), p.deviation.map { .string($0.rawValue) } ?? .missing,
                       .string(rule.name)])
            }
        }
        return t.table
    }
}
