/// `profile`: each segment next to the whole.
package enum ProfileCommand {
    package static let spec = CommandSpec(
        "profile", group: .segmentation, summary: "Profile segments or clusters: size, share, feature means and their index against the overall mean.",
        arguments: [.value("source", help: "a table (with 'by COLUMN') or a clustering"),
                    .optional([.keyword("by"), .name("column", help: "the segment column of the table")])],
        options: [numericColumns, categoricalColumns, order, SegmentationCharts.option],
        binding: .named { p in "\(p.text("source") ?? "table")_profile" },
        details: "index = 100 × segment mean / overall mean: 150 means half again the average, 50 half of it "
            + "(not shown when the overall mean is 0 or negative). Means skip missing values. "
            + "The result table (segment, size, share, means, NAME_index columns) is kept as SOURCE_profile. "
            + "A heatmap of the indexes (segment × feature, one shade scale) follows the tables.",
        examples: ["profile rfm by segment cols=recency,frequency,monetary",
                   "profile customers by channel cols=orders,spend,support_calls cats=gender",
                   "profile scored by tier cols=recency,frequency,monetary order=Low,Mid,High,Top"]
    ) { parsed, ctx in
        let sourceName = parsed.text("source") ?? ""
        let (table, segmentColumn, defaultNumeric) = try source(sourceName, parsed, ctx.workspace)
        let numeric = try columnList(numericColumns, parsed, table) ?? defaultNumeric
        let categorical = try columnList(categoricalColumns, parsed, table)
        let profile = try SegmentProfile.compute(table, by: segmentColumn, numeric: numeric, categorical: categorical,
                                                 order: SegmentationOptions.words(order, parsed) ?? [], context: ctx.run)
        let result = try profile.table()
        let name = try ctx.bindResult(result, for: parsed)
        var out = output(profile, table: result, name: name)
        if SegmentationCharts.wanted(parsed), let chart = SegmentationCharts.profile(profile) { out.append(.chart(chart)) }
        return out
    }

    /// The table, its segment column, and the default numeric columns.
    package static func source(_ name: String, _ parsed: ParsedCommand, _ ws: Workspace) throws -> (Table, String, [String]?) {
        switch ws[name] {
        case .table(let t)?:
            guard let column = parsed.text("column") else {
                throw parsed.error("profile of a table needs 'by COLUMN'", at: parsed.span("source"),
                                   suggestion: "e.g. profile \(name) by segment")
            }
            guard t.column(column) != nil else {
                throw parsed.error("no column '\(column)' in table \(name)", at: parsed.span("column"),
                                   suggestion: Suggestions.columnHint(for: column, among: t.columnNames))
            }
            return (t, column, nil)
        case .object(let o)?:
            guard let c = o as? Clustering else {
                throw parsed.error("'\(name)' is a \(o.kindName); profile takes a table or a clustering", at: parsed.span("source"))
            }
            if parsed.has("by") {
                throw parsed.error("a clustering is profiled by its cluster column; remove 'by …'", at: parsed.span("column"))
            }
            return (c.table, Clustering.labelColumn, c.featureColumns)
        case nil:
            throw parsed.error("nothing named '\(name)' in the workspace", at: parsed.span("source"),
                               suggestion: Suggestions.didYouMean(name, among: ws.names))
        }
    }

    package static func columnList(_ option: CommandOption<[String]?>, _ parsed: ParsedCommand, _ table: Table) throws -> [String]? {
        guard let names = SegmentationOptions.words(option, parsed) else { return nil }
        for n in names where table.column(n) == nil {
            throw parsed.error("no column '\(n)'", at: parsed.span(option), suggestion: Suggestions.columnHint(for: n, among: table.columnNames))
        }
        return names
    }

    package static let numericColumns = CommandOption.list("cols", describedAs: "every int and float column (a clustering: its features)",
                                                   "numeric columns to average")
    package static let categoricalColumns = CommandOption.list("cats", describedAs: "text columns with at most 50 values",
                                                       "text columns whose most frequent value is shown")
    package static let order = CommandOption.list("order", describedAs: "numbers ascending, RFM names in map order, other text alphabetically",
                                          "segment labels in the order to list them, e.g. order=Low,Mid,High,Top")

    package static func output(_ p: SegmentProfile, table: Table, name: String) -> CommandOutput {
        let meanColumns = [p.segmentColumn, "size", "share"] + p.numericColumns
        let indexColumns = [p.segmentColumn] + p.numericColumns.map { $0 + "_index" }
        var out = CommandOutput()
        if let means = try? table.selecting(meanColumns) {
            out.append(.table(means, title: "means by \(p.segmentColumn) (\(Format.count(p.rowCount)) rows)", showShape: false))
        }
        var overall = SummaryTable([("column", .string), ("overall mean", .float)])
        for (j, c) in p.numericColumns.enumerated() { overall.row([.string(c), .optional(p.overallMeans[j])]) }
        if !p.numericColumns.isEmpty, let index = try? table.selecting(indexColumns) {
            out.append(.table(index, title: "index vs overall mean (100 = average)", showShape: false))
        }
        if !p.categoricalColumns.isEmpty {
            var t = SummaryTable([(p.segmentColumn, .string)] + p.categoricalColumns.map { ($0, DataType.string) })
            for (g, label) in p.labels.enumerated() {
                t.row([.string(label)] + p.top[g].map { top in
                    top.map { .string("\($0.value) (\(Format.percent(Int(($0.share * 1000).rounded()), of: 1000)))") } ?? .missing
                })
            }
            out.append(.table(t.table, title: "most frequent values", showShape: false))
        }
        out.append(.note("\(name): \(p.labels.count) segments × \(table.columnCount) columns"))
        return out
    }
}
