/// Which metric `online` draws.
package enum OnlineChartMetric: String, OptionChoice {
    case ctr
    case conversion
    case revenue
}

/// `online`: CTR, conversion and revenue per exposure from an exposure log, per group, with intervals.
package enum OnlineCommand {
    static let by = CommandOption.columns("by", "the grouping column(s): strategy, segment, device, hour… (required)")
    static let clicked = CommandOption.column("clicked", describedAs: "clicked, when the table has it", "0/1 per exposure: a click")
    static let converted = CommandOption.column("converted", describedAs: "converted, when the table has it", "0/1 per exposure: an order")
    static let revenue = CommandOption.column("revenue", describedAs: "revenue, when the table has it", "revenue per exposure")
    static let chart: CommandOption<OnlineChartMetric?> = .choice("chart", describedAs: "no chart", "draw bars of ctr, conversion or revenue per group")
    static let alpha = CommandOption.number("alpha", in: 0.0001...0.5, default: 0.05, "intervals are at 1 − alpha")

    package static let spec = CommandSpec(
        "online", group: .experiments, summary: "Online metrics from an exposure log: CTR, conversion and revenue per group, with intervals.",
        arguments: [.table("table", help: "one row per exposure (a list shown to a user)")],
        options: [by, clicked, converted, revenue, chart, alpha],
        binding: .named { p in "\(p.subject ?? "table")_online" },
        details: "One row per group (the joint values of by=), and a last row for all exposures: exposures, CTR and conversion "
            + "per exposure with Wilson score intervals (as statsmodels' proportion_confint(method='wilson')), and revenue per "
            + "exposure with a Student t interval. A missing value leaves that row out of that metric only. Binds NAME with the "
            + "figures as numbers (rate, low, high per metric). Groups differ in who they reached: a strategy shown mostly on "
            + "desktop looks better than it is; use offpolicy for what a strategy would do for everyone. See docs/experiments.md.",
        examples: ["online exposures by=strategy",
                   "online exposures by=strategy,segment chart=ctr",
                   "online exposures by=device,strategy clicked=clicked converted=converted revenue=revenue"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        guard let byNames = parsed[by], !byNames.isEmpty else {
            throw parsed.error("online needs by=COLUMN[,COLUMN…]: the groups to compare, such as strategy", at: parsed.span(by))
        }
        let keys = try OnlineGroups(table, columns: byNames, parsed: parsed, option: by)
        func numbers(_ option: CommandOption<String?>, _ fallback: String) throws -> (String, [Double])? {
            let name = parsed[option] ?? (table.column(fallback) == nil ? nil : fallback)
            guard let name else { return nil }
            guard let column = table.column(name) else { throw parsed.error("no column '\(name)'", at: parsed.span(option)) }
            guard let values = column.doubles() else {
                throw parsed.error("'\(name)' is a text column; \(option.key)= needs numbers", at: parsed.span(option))
            }
            return (name, values)
        }
        let c = try numbers(clicked, "clicked")
        let o = try numbers(converted, "converted")
        let r = try numbers(revenue, "revenue")
        guard c != nil || o != nil || r != nil else {
            throw parsed.error("no outcome to measure: the table has no clicked, converted or revenue column",
                               suggestion: "name them with clicked=, converted= or revenue=")
        }
        let outcomes = try ExposureOutcomes(clicked: c?.1, converted: o?.1, revenue: r?.1)
        let level = 1 - parsed[alpha]
        let groups = try OnlineMetrics.byGroup(outcomes, groupOfRow: keys.groupOfRow, groupCount: keys.labels.count, level: level)
        let total = try OnlineMetrics.byGroup(outcomes, groupOfRow: [Int](repeating: 0, count: table.rowCount), groupCount: 1, level: level)
        let report = OnlineReport(byNames: byNames, labels: keys.labels, groups: groups, total: total.first, level: level)
        var out = CommandOutput()
        out.append(.table(report.shown, title: "online metrics by \(byNames.joined(separator: " × ")) "
                          + "(\(ABTestFormat.percentLevel(level)) intervals: Wilson for rates, t for revenue)", showShape: false))
        if let metric = parsed[chart] { out.append(.chart(report.chart(metric))) }
        let name = try ctx.resultName(for: parsed)
        ctx.workspace.bind(name, table: report.numbers)
        out.append(.note("\(name): the figures as numbers. Groups reached different users, so their differences are not "
                         + "causal; offpolicy estimates what each strategy would do for everyone."))
        return out
    }
}

/// Rows grouped by the joint values of some columns, groups in sorted order (numbers by value).
struct OnlineGroups {
    let labels: [[String]]
    let groupOfRow: [Int]

    init<V>(_ table: Table, columns: [String], parsed: ParsedCommand, option: CommandOption<V>) throws {
        var perColumn: [[String]] = []
        var numeric: [Bool] = []
        for name in columns {
            guard let column = table.column(name) else { throw parsed.error("no column '\(name)'", at: parsed.span(option)) }
            perColumn.append((0..<table.rowCount).map { column.isMissing($0) ? "(missing)" : DescribeFormat.plain(column.value(at: $0)) })
            numeric.append(column.doubles() != nil)
        }
        let rows = (0..<table.rowCount).map { row in perColumn.map { $0[row] } }
        let distinct = Set(rows.map { $0.joined(separator: "\u{1}") })
        guard distinct.count <= 500 else {
            throw parsed.error("\(columns.joined(separator: ", ")) make \(distinct.count) groups; online shows at most 500",
                               at: parsed.span(option), suggestion: "group by fewer or coarser columns")
        }
        let sorted = Set(rows).sorted { a, b in
            for k in a.indices where a[k] != b[k] {
                if numeric[k], let x = Double(a[k]), let y = Double(b[k]) { return x < y }
                return a[k] < b[k]
            }
            return false
        }
        let index = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
        labels = sorted
        groupOfRow = rows.map { index[$0] ?? 0 }
    }
}
