/// `segment`: cut a numeric column into named tiers.
package enum SegmentCommand {
    package static let spec = CommandSpec(
        "segment", group: .segmentation, summary: "Cut a score into named tiers, by quantiles or explicit thresholds.",
        arguments: [.table("table", help: "the table holding the score"), .keyword("by"), .columns("column", help: "the numeric column to cut")],
        options: [tiers, thresholds, labels, columnName, SegmentationCharts.option],
        binding: .replacesSubject,
        details: "A value equal to a cut point goes to the tier above it (tier i holds cut(i−1) ≤ v < cut(i)). "
            + "Quantile cut points interpolate linearly between values (NumPy's default). Missing values get no tier. "
            + "Without 'as NAME' the column is added to the table in place. A bar chart of the tiers' sizes follows (up to 40 tiers).",
        examples: ["segment scored by score tiers=4 labels=\"Low,Mid,High,Top\"",
                   "segment scored by score thresholds=0.25,0.5,0.75 labels=D,C,B,A as graded"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        let columnName = parsed.list("column").first ?? ""
        guard parsed.list("column").count == 1 else { throw parsed.error("segment cuts one column", at: parsed.span("column")) }
        guard let values = try table.requireColumn(columnName).doubles() else {
            throw parsed.error("column '\(columnName)' is text; tiers cut a numeric column", at: parsed.span("column"))
        }
        let tierNames = SegmentationOptions.words(labels, parsed)
        let result: TierResult
        switch (parsed[tiers], try SegmentationOptions.numbers(thresholds, parsed)) {
        case (nil, nil): throw parsed.error("segment needs tiers=N or thresholds=…", suggestion: "e.g. segment scored by score tiers=4")
        case (let n?, nil): result = try Tiers.byQuantiles(values, count: n, labels: tierNames)
        case (nil, let cuts?): result = try Tiers.byThresholds(values, thresholds: cuts, labels: tierNames)
        case (_?, _?): throw parsed.error("give tiers= or thresholds=, not both", at: parsed.span(thresholds))
        }
        let tierColumn = parsed[Self.columnName]
        guard tierColumn != columnName else { throw parsed.error("name= would overwrite the column being cut", at: parsed.span(Self.columnName)) }
        var out = table
        try out.setColumn(Column.fromValues(name: tierColumn, type: .string, values: result.labels.map { $0.map(Value.string) ?? .missing }))
        let name = try ctx.bindResult(out, for: parsed)
        let counted = table.rowCount - result.missing
        var t = SummaryTable([(tierColumn, .string), ("from", .float), ("below", .float), ("rows", .int), ("share", .float), ("mean", .float)])
        for b in result.bands {
            t.row([.string(b.label), .optional(b.lower), .optional(b.upper), .int(Int64(b.count)),
                   .float(Double(b.count) / Double(max(counted, 1))), .optional(b.mean)])
        }
        var output = CommandOutput([.table(t.table, title: "tiers of \(columnName)", showShape: false),
                                    .note("\(name): \(tierColumn) from \(columnName), \(result.bands.count) tiers; a value equal to a cut point goes to the tier above")])
        if result.missing > 0 { output.append(.warning("\(Format.count(result.missing)) rows with a missing \(columnName) get no tier")) }
        if result.bands.contains(where: { $0.count == 0 }) {
            output.append(.warning("some tiers are empty: many equal values make quantile cut points coincide"))
        }
        if SegmentationCharts.wanted(parsed), result.bands.count <= ChartCommands.maxCategories {
            output.append(.chart(SegmentationCharts.sizes(result.bands.map(\.label), result.bands.map(\.count),
                                                          title: "rows by \(tierColumn)", category: tierColumn)))
        }
        return output
    }

    package static let tiers = CommandOption.int("tiers", in: 2...100, "how many tiers of (nearly) equal size, cut at quantiles")
    package static let thresholds = CommandOption.list("thresholds", "explicit increasing cut points instead: n points make n + 1 tiers")
    package static let labels = CommandOption.list("labels", describedAs: "T1, T2, …", "tier names from the lowest to the highest")
    package static let columnName = CommandOption.text("name", default: "tier", "the name of the new column")
}
