/// `chart heatmap`: a pivot of two category columns, or a table that is already a matrix.
extension ChartCommands {
    package static let maxHeatmapColumns = 30

    package static let heatmap = CommandSpec(
        "chart heatmap", group: .charts, summary: "Shaded matrix: a value per pair of categories, or a numeric table as it is.",
        arguments: [.table("table", help: "the table")],
        options: [HeatmapOptions.rows, HeatmapOptions.cols, HeatmapOptions.value, HeatmapOptions.agg, HeatmapOptions.scale,
                  HeatmapOptions.values] + widthOptions,
        details: "Without rows= and cols= the first text column labels the rows and every numeric column is a column of the matrix. "
            + "At most 40 rows and 30 columns: beyond, the smallest categories share one called other.",
        examples: ["chart heatmap tx rows=country cols=channel", "chart heatmap customers rows=channel cols=gender value=spend agg=mean",
                   "chart heatmap few scale=column"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        try ChartColumnData.requireRows(table, parsed)
        let scale = parsed[HeatmapOptions.scale]
        let showValues = parsed[HeatmapOptions.values]
        let (rowName, colName) = (parsed[HeatmapOptions.rows], parsed[HeatmapOptions.cols])
        if rowName == nil && colName == nil {
            return try matrixHeatmap(table, parsed, scale: scale, showValues: showValues)
        }
        guard let rowName, let colName else {
            throw parsed.error("give both rows= and cols=, or neither to draw the table as a matrix")
        }
        let rows = CategoryGroups(labels: try ChartColumnData.labels(table, rowName, parsed, at: parsed.span(HeatmapOptions.rows)),
                                  limit: maxCategories, what: "values of \(rowName)")
        let cols = CategoryGroups(labels: try ChartColumnData.labels(table, colName, parsed, at: parsed.span(HeatmapOptions.cols)),
                                  limit: maxHeatmapColumns, what: "values of \(colName)")
        var value: ChartColumnData?
        if let valueName = parsed[HeatmapOptions.value] {
            value = try ChartColumnData.numbers(table, valueName, parsed, at: parsed.span(HeatmapOptions.value))
            try value?.requireValues(valueName, parsed, at: parsed.span(HeatmapOptions.value))
        }
        let agg = parsed[HeatmapOptions.agg] ?? (value == nil ? .count : .mean)
        if agg != .count && value == nil { throw parsed.error("agg=\(agg.rawValue) needs value=COLUMN", at: parsed.span(HeatmapOptions.agg)) }
        var sums = Array(repeating: Array(repeating: 0.0, count: cols.names.count), count: rows.names.count)
        var counts = sums
        var skipped = 0
        for row in 0..<table.rowCount {
            let (r, c) = (rows.groupOfRow[row], cols.groupOfRow[row])
            if let value {
                guard let v = value.values[row] else { skipped += 1; continue }
                sums[r][c] += v
            }
            counts[r][c] += 1
        }
        let cells: [[Double?]] = (0..<rows.names.count).map { r in
            (0..<cols.names.count).map { c in
                switch agg {
                case .count: return counts[r][c]
                case .sum: return counts[r][c] > 0 ? sums[r][c] : nil
                case .mean: return counts[r][c] > 0 ? sums[r][c] / counts[r][c] : nil
                }
            }
        }
        let what = agg == .count ? "rows" : "\(agg.rawValue)(\(parsed[HeatmapOptions.value] ?? ""))"
        let chart = Chart.heatmap(rowLabels: rows.names, columnLabels: cols.names, values: cells, scale: scale, showValues: showValues)
        return finish(chart, parsed, defaultTitle: "\(what) by \(rowName) × \(colName)",
                      notes: skippedNote(skipped, "rows with a missing value") + [rows.note, cols.note].compactMap { $0 })
    }

    private static func matrixHeatmap(_ table: Table, _ parsed: ParsedCommand, scale: HeatmapScale, showValues: Bool) throws -> CommandOutput {
        let labelColumn = table.columns.first { $0.type == .string }
        let numeric = table.columns.filter { $0.type.isNumeric }
        guard !numeric.isEmpty else {
            throw parsed.error("table \(parsed.subject ?? "") has no numeric columns to draw as a matrix",
                               suggestion: "give rows=COLUMN and cols=COLUMN to count pairs of categories")
        }
        guard table.rowCount <= maxCategories else {
            throw parsed.error("table \(parsed.subject ?? "") has \(Format.count(table.rowCount)) rows; a matrix heatmap draws at most \(maxCategories)",
                               suggestion: "use rows= and cols= to aggregate, or filter the table first")
        }
        let shownColumns = Array(numeric.prefix(maxHeatmapColumns))
        let rowLabels = (0..<table.rowCount).map { row in labelColumn.map { ValueFormatter.format($0.value(at: row)) } ?? String(row + 1) }
        let values: [[Double?]] = (0..<table.rowCount).map { row in
            shownColumns.map { $0.value(at: row).doubleValue }
        }
        var notes: [String] = []
        if numeric.count > shownColumns.count { notes.append("\(numeric.count - shownColumns.count) more numeric columns not shown") }
        let chart = Chart.heatmap(rowLabels: rowLabels, columnLabels: shownColumns.map(\.name), values: values, scale: scale,
                                  showValues: showValues)
        return finish(chart, parsed, defaultTitle: parsed.subject ?? "", notes: notes)
    }
}

/// The options of `chart heatmap`.
package enum HeatmapOptions {
    package static let rows = CommandOption.column("rows", describedAs: "none: the table is the matrix", "the row category column")
    package static let cols = CommandOption.column("cols", "the column category column")
    package static let value = CommandOption.column("value", describedAs: "none: count rows", "the numeric column to aggregate per cell")
    package static let agg: CommandOption<HeatmapAggregate?> = .choice("agg", describedAs: "mean with value=, else count", "how a cell aggregates its rows")
    package static let scale = CommandOption.choice("scale", default: HeatmapScale.global, "shade range: whole matrix, each row or each column")
    package static let values = CommandOption.flag("values", default: true, "print the values next to the shades")
}
