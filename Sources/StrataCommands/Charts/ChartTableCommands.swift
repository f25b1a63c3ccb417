import Foundation

/// Charts of several columns of one table: bar, line, scatter, box, heatmap.
extension ChartCommands {
    package static let bar = CommandSpec(
        "chart bar", group: .charts, summary: "Bars of a value per category, or of how often each category occurs.",
        arguments: [.rows("table", help: "a table, or a clustering (its rows with their cluster column)")],
        options: [BarOptions.x, BarOptions.y, BarOptions.orient, BarOptions.top, BarOptions.sort] + sizeOptions,
        details: "Bars start at zero. Categories beyond top= are left out and the note says how many and what they add up to.",
        examples: ["chart bar tx x=country", "chart bar few x=customer_id y=spend orient=vertical", "chart bar customers x=channel sort=label"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        try ChartColumnData.requireRows(table, parsed)
        guard let xName = parsed[BarOptions.x] else { throw parsed.error("chart bar needs x=COLUMN (the categories)", suggestion: "e.g. chart bar tx x=country") }
        let labels = try ChartColumnData.labels(table, xName, parsed, at: parsed.span(BarOptions.x))
        var order: [String] = []
        var totals: [String: Double] = [:]
        var skipped = 0
        var summed = false
        if let yName = parsed[BarOptions.y] {
            let y = try ChartColumnData.numbers(table, yName, parsed, at: parsed.span(BarOptions.y))
            try y.requireValues(yName, parsed, at: parsed.span(BarOptions.y))
            for (label, value) in zip(labels, y.values) {
                guard let value else { skipped += 1; continue }
                if totals[label] == nil { order.append(label) } else { summed = true }
                totals[label, default: 0] += value
            }
        } else {
            for label in labels {
                if totals[label] == nil { order.append(label) }
                totals[label, default: 0] += 1
            }
        }
        switch parsed[BarOptions.sort] ?? (parsed.isGiven(BarOptions.y) ? .unsorted : .value) {
        case .value: order = order.enumerated().sorted { a, b in
            let (va, vb) = (totals[a.element] ?? 0, totals[b.element] ?? 0)
            return va != vb ? va > vb : a.offset < b.offset
        }.map(\.element)
        case .label: order.sort { $0.localizedStandardCompare($1) == .orderedAscending }
        case .unsorted: break
        }
        let top = parsed[BarOptions.top]
        var notes = skippedNote(skipped)
        if summed { notes.append("values of rows with the same \(xName) are summed") }
        if order.count > top {
            let rest = order[top...].reduce(0) { $0 + (totals[$1] ?? 0) }
            notes.append("\(order.count - top) more categories not shown (together \(ChartNumber.format([rest])[0])); raise top= up to \(maxCategories)")
            order = Array(order.prefix(top))
        }
        let valueLabel = parsed[BarOptions.y] ?? "rows"
        let chart = Chart.bar(labels: order, values: order.map { totals[$0] ?? 0 }, orientation: parsed[BarOptions.orient],
                              valueLabel: valueLabel, categoryLabel: xName)
        return finish(chart, parsed, defaultTitle: "\(valueLabel) by \(xName)", notes: notes)
    }

    package static let line = CommandSpec(
        "chart line", group: .charts, summary: "Lines of one or more numeric columns against a numeric or date column.",
        arguments: [.table("table", help: "the table")],
        options: [LineOptions.x, LineOptions.y, LineOptions.points] + sizeOptions,
        details: "Rows missing x or y are skipped for that line and counted below the chart. At most 8 lines.",
        examples: ["chart line few x=tenure_months y=spend,avg_basket points=yes", "chart line small x=invoice_date y=unit_price"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        try ChartColumnData.requireRows(table, parsed)
        guard let xName = parsed[LineOptions.x], let yNames = parsed[LineOptions.y] else {
            throw parsed.error("chart line needs x=COLUMN and y=COLUMN[,COLUMN…]", suggestion: "e.g. chart line few x=tenure_months y=spend")
        }
        guard yNames.count <= maxGroups else {
            throw parsed.error("\(yNames.count) lines are too many to tell apart; at most \(maxGroups)", at: parsed.span(LineOptions.y))
        }
        let x = try ChartColumnData.numbers(table, xName, parsed, at: parsed.span(LineOptions.x))
        try x.requireValues(xName, parsed, at: parsed.span(LineOptions.x))
        let order = (0..<table.rowCount).filter { x.values[$0] != nil }.sorted { (x.values[$0] ?? 0) < (x.values[$1] ?? 0) }
        var series: [ChartSeries] = []
        var skipped = table.rowCount - order.count
        for yName in yNames {
            let y = try ChartColumnData.numbers(table, yName, parsed, at: parsed.span(LineOptions.y))
            let points = order.compactMap { row in y.values[row].map { ChartPoint(x: x.values[row] ?? 0, y: $0) } }
            skipped += order.count - points.count
            series.append(ChartSeries(yName, points: points))
        }
        guard series.contains(where: { !$0.points.isEmpty }) else {
            throw parsed.error("no row has both \(xName) and a value of \(yNames.joined(separator: ", "))")
        }
        let chart = Chart.line(series: series, xLabel: xName, yLabel: yNames.count == 1 ? yNames[0] : nil, xKind: x.kind,
                               showPoints: parsed[LineOptions.points])
        return finish(chart, parsed, defaultTitle: yNames.joined(separator: ", ") + " by " + xName,
                      notes: skippedNote(skipped, "missing values"))
    }

    package static let scatter = CommandSpec(
        "chart scatter", group: .charts, summary: "Points of two numeric columns, coloured and marked by a category.",
        arguments: [.rows("table", help: "a table, or a clustering (its rows, coloured by cluster)")],
        options: [ScatterOptions.x, ScatterOptions.y, ScatterOptions.color] + sizeOptions,
        details: "Braille dots, one colour per group on a colour terminal; without colour each group gets its own marker. "
            + "Beyond 8 groups the smallest share one group called other. A clustering's rows are coloured by their cluster, "
            + "noise (−1) called noise.",
        examples: ["chart scatter customers x=tenure_months y=spend", "chart scatter customers x=orders y=spend color=channel",
                   "chart scatter seg x=recency y=monetary"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        try ChartColumnData.requireRows(table, parsed)
        guard let xName = parsed[ScatterOptions.x], let yName = parsed[ScatterOptions.y] else {
            throw parsed.error("chart scatter needs x=COLUMN and y=COLUMN", suggestion: "e.g. chart scatter customers x=orders y=spend")
        }
        let x = try ChartColumnData.numbers(table, xName, parsed, at: parsed.span(ScatterOptions.x))
        let y = try ChartColumnData.numbers(table, yName, parsed, at: parsed.span(ScatterOptions.y))
        let isClustering = ctx.workspace.table(parsed.subject ?? "") == nil
        let colorName = parsed[ScatterOptions.color] ?? (isClustering ? Clustering.labelColumn : nil)
        let labels = try colorName.map { try ChartColumnData.labels(table, $0, parsed, at: parsed.span(ScatterOptions.color)) }
        let naming: (String) -> String
        if isClustering && colorName == Clustering.labelColumn {
            naming = SegmentationCharts.clusterGroupName
        } else {
            naming = { group in colorName.map { "\($0)=\(group)" } ?? yName }
        }
        let (series, notes) = try groupedPoints(x: x.values, y: y.values, labels: labels, what: colorName.map { "values of \($0)" } ?? "groups",
                                                naming: naming, parsed, missing: "no row has both \(xName) and \(yName)")
        let chart = Chart.scatter(groups: series, xLabel: xName, yLabel: yName, xKind: x.kind, yKind: y.kind)
        return finish(chart, parsed, defaultTitle: "\(yName) against \(xName)" + (colorName.map { " by \($0)" } ?? ""), notes: notes)
    }

    /// Points split into at most `maxGroups` groups by `labels` (one group without), each series named
    /// by `naming`; rows missing x or y are skipped and counted in the notes.
    package static func groupedPoints(x: [Double?], y: [Double?], labels: [String]?, what: String, naming: (String) -> String,
                              _ parsed: ParsedCommand, missing: String) throws -> (series: [ChartSeries], notes: [String]) {
        let groups = CategoryGroups(labels: labels ?? Array(repeating: "", count: x.count), limit: maxGroups, what: what)
        var points = Array(repeating: [ChartPoint](), count: groups.names.count)
        var skipped = 0
        for row in 0..<min(x.count, y.count, groups.groupOfRow.count) {
            guard let px = x[row], let py = y[row] else { skipped += 1; continue }
            points[groups.groupOfRow[row]].append(ChartPoint(x: px, y: py))
        }
        guard points.contains(where: { !$0.isEmpty }) else { throw parsed.error(missing) }
        let series = zip(groups.names, points).map { ChartSeries(naming($0), points: $1) }
        return (series, skippedNote(skipped) + (groups.note.map { [$0] } ?? []))
    }

    package static let box = CommandSpec(
        "chart box", group: .charts, summary: "Box plots of a numeric column, overall or per category.",
        arguments: [.rows("table", help: "a table, or a clustering (its rows with their cluster column)")],
        options: [BoxOptions.y, BoxOptions.by] + sizeOptions,
        details: "Quartiles by linear interpolation (as NumPy); whiskers reach the furthest values within 1.5 IQR of the box; "
            + "points beyond are outliers. More than 40 groups: the smallest share one box called other.",
        examples: ["chart box customers y=spend by=channel", "chart box tx y=quantity", "chart box seg y=monetary by=cluster"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        try ChartColumnData.requireRows(table, parsed)
        guard let yName = parsed[BoxOptions.y] else { throw parsed.error("chart box needs y=COLUMN", suggestion: "e.g. chart box customers y=spend by=channel") }
        let y = try ChartColumnData.numbers(table, yName, parsed, at: parsed.span(BoxOptions.y))
        try y.requireValues(yName, parsed, at: parsed.span(BoxOptions.y))
        var groups = CategoryGroups(labels: Array(repeating: yName, count: table.rowCount), limit: maxCategories, what: "groups")
        if let byName = parsed[BoxOptions.by] {
            groups = CategoryGroups(labels: try ChartColumnData.labels(table, byName, parsed, at: parsed.span(BoxOptions.by)),
                                    limit: maxCategories, what: "values of \(byName)")
        }
        var values = Array(repeating: [Double](), count: groups.names.count)
        for row in 0..<table.rowCount { if let v = y.values[row] { values[groups.groupOfRow[row]].append(v) } }
        let chart = Chart.box(groups: zip(groups.names, values).map { (name: $0.0, values: $0.1) }, valueLabel: yName)
        return finish(chart, parsed, defaultTitle: yName + (parsed[BoxOptions.by].map { " by \($0)" } ?? ""),
                      notes: skippedNote(y.missingCount, "missing values") + (groups.note.map { [$0] } ?? []))
    }
}

/// The options of `chart bar`.
package enum BarOptions {
    package static let x = CommandOption.column("x", "the category column")
    package static let y = CommandOption.column("y", describedAs: "none: count the rows of each category", "the value column; summed per category")
    package static let orient = CommandOption.choice("orient", default: BarOrientation.horizontal, "direction of the bars")
    package static let top = CommandOption.int("top", in: 1...ChartCommands.maxCategories, default: 20, "the most bars drawn")
    package static let sort: CommandOption<BarOrder?> = .choice("sort", describedAs: "value (counts), none (with y)", "bar order")
}

/// The options of `chart line`.
package enum LineOptions {
    package static let x = CommandOption.column("x", "the x column (numbers or dates); rows are drawn in its order")
    package static let y = CommandOption.columns("y", "one or more numeric columns, one line each")
    package static let points = CommandOption.flag("points", default: false, "mark every data point")
}

/// The options of `chart scatter`.
package enum ScatterOptions {
    package static let x = CommandOption.column("x", "the x column")
    package static let y = CommandOption.column("y", "the y column")
    package static let color = CommandOption.column("color", describedAs: "none (a clustering: cluster)",
                                            "a category column: one colour and marker per value (at most 8)")
}

/// The options of `chart box`.
package enum BoxOptions {
    package static let y = CommandOption.column("y", "the numeric column")
    package static let by = CommandOption.column("by", describedAs: "none: one box", "a category column: one box per value")
}
