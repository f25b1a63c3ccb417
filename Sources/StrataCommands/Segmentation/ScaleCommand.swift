/// `scale`: add scaled copies of numeric columns.
package enum ScaleCommand {
    package static let spec = CommandSpec(
        "scale", group: .segmentation, summary: "Add scaled copies of numeric columns (min-max, z-score, robust, quantile rank, log1p).",
        arguments: [.table("table", help: "the source table")],
        options: [columns, scale, lowerIsBetter, suffix, SegmentationOptions.missing],
        binding: .replacesSubject,
        details: "A constant column is refused (it would divide by zero). With missing=drop the rows with a missing value "
            + "get a missing scaled value; with missing=mean they get the scaled column mean. Without 'as NAME' the "
            + "columns are added in place.",
        examples: ["scale rfm cols=recency,frequency,monetary scale=robust", "scale rfm cols=recency,monetary scale=minmax lower=recency suffix=_01 as scaled"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        guard let columns = parsed[Self.columns] else { throw parsed.error("scale needs cols=", suggestion: "e.g. scale rfm cols=recency,frequency") }
        let lower = Set(parsed[lowerIsBetter] ?? [])
        if let stray = lower.first(where: { !columns.contains($0) }) {
            throw parsed.error("'\(stray)' is in lower= but not in cols=", at: parsed.span(lowerIsBetter))
        }
        let method = parsed[scale]
        let (extracted, notes) = try SegmentationOptions.features(table, columns, parsed, allowConstant: true)
        let directions = columns.map { lower.contains($0) ? Direction.lowerIsBetter : .higherIsBetter }
        let (scaled, scaler) = try Scaling(method, directions: directions).fitTransform(extracted.matrix, context: ctx.run)
        let suffix = parsed[Self.suffix] ?? "_" + method.rawValue
        var out = table
        for (j, column) in columns.enumerated() {
            var values = [Value](repeating: .missing, count: table.rowCount)
            for (i, row) in extracted.rows.enumerated() { values[row] = .float(scaled[i, j]) }
            try out.setColumn(Column.fromValues(name: column + suffix, type: .float, values: values))
        }
        let name = try ctx.bindResult(out, for: parsed)
        var output = CommandOutput([.table(ScalerTable.make(scaler), title: "fitted scaler", showShape: false)])
        output.blocks += notes
        output.append(.note("\(name): " + columns.map { $0 + suffix }.joined(separator: ", ") + " (float)"))
        return output
    }

    package static let columns = CommandOption.columns("cols", "the numeric columns to scale")
    package static let scale = SegmentationOptions.scale(default: .zscore, "minmax: into [0,1]; zscore: mean 0, sd 1 (population); robust: (x − median)/IQR; "
                                                 + "quantile: rank position in [0,1], ties averaged; log1p: log(1 + x); log1p_zscore: both")
    package static let lowerIsBetter = CommandOption.columns("lower", describedAs: "none", "columns where lower is better: their scaled values are flipped (1 − v, or −v)")
    package static let suffix = CommandOption.text("suffix", describedAs: "_ followed by the method", "appended to each new column's name")
}

/// The fitted parameters of a scaler as a table, for `scale` and clusterings.
package enum ScalerTable {
    package static func make(_ scaler: FittedScaler) -> Table {
        var t = SummaryTable([("column", .string), ("method", .string), ("direction", .string), ("center", .float), ("scale", .float)])
        for c in scaler.columns {
            let hasCenter = ![.none, .quantile, .log1p].contains(c.method)
            t.row([.string(c.name), .string(c.method.rawValue), .string(c.direction == .higherIsBetter ? "higher is better" : "lower is better"),
                   hasCenter ? .float(c.center) : .missing, hasCenter ? .float(c.scale) : .missing])
        }
        return t.table
    }
}
