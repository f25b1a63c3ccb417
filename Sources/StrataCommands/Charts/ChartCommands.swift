/// `chart KIND …`: charts of table columns. The drawing lives in `Render/Charts`; these commands
/// pick the columns, skip missing values (and say how many), and refuse what cannot be drawn.
package enum ChartCommands {
    package static let all: [CommandSpec] = [overview, ChartCommands.histogram, bar, line, scatter, box, heatmap, sparkline, dendrogram]

    /// The most groups (colours and markers) a scatter or line chart tells apart.
    package static let maxGroups = 8
    /// The most bars, boxes or heatmap rows and columns drawn.
    package static let maxCategories = 40

    package static let width = CommandOption.int("width", in: 20...1_000, describedAs: "the terminal width (100 when not a terminal)",
                                         "total width in columns")
    package static let height = CommandOption.int("height", in: 3...200, describedAs: "a sixth of the width, 8 to 16 rows", "rows of the plotting area")
    package static let title = CommandOption.text("title", describedAs: "from the columns", "title above the chart")
    package static let sizeOptions: [any OptionDeclaration] = [width, height, title]
    /// For charts whose height follows from their content (one line, or one row per category).
    package static let widthOptions: [any OptionDeclaration] = [width, title]

    package static let kinds = ["hist", "bar", "line", "scatter", "box", "heatmap", "spark", "dendrogram"]

    package static let overview = CommandSpec(
        "chart", group: .charts, summary: "List the kinds of chart: chart hist|bar|line|scatter|box|heatmap|spark|dendrogram ….",
        arguments: [.rest("kind", help: "the kind of chart and its arguments")],
        details: "See 'help chart hist' and the other kinds, and docs/charts.md.",
        examples: ["chart"]
    ) { parsed, ctx in
        if let range = parsed.tokenRange("kind"), let first = range.first, first < parsed.tokens.count,
           !range.isEmpty {
            let word = parsed.tokens[first].word ?? parsed.tokens[first].display
            throw parsed.error("'\(word)' is not a kind of chart; kinds: " + kinds.joined(separator: ", "),
                               at: parsed.tokens[first].span, suggestion: Suggestions.didYouMean(word, among: kinds))
        }
        let specs = ctx.registry.commands.filter { $0.name.hasPrefix("chart ") }
        return CommandOutput([.keyValues(specs.map { ($0.name, $0.summary) }, title: "charts (help chart KIND for options)")])
    }

    package static func finish(_ chart: Chart, _ parsed: ParsedCommand, defaultTitle: String, notes: [String] = []) -> CommandOutput {
        var chart = chart
        chart.title = parsed[Self.title] ?? defaultTitle
        if let width = parsed[Self.width] { chart.width = width }
        // Charts sized by their content do not declare height=, so it is read only when typed.
        if parsed.isGiven(Self.height), let height = parsed[Self.height] { chart.height = height }
        chart.notes = notes + chart.notes
        return CommandOutput([.chart(chart)])
    }

    /// The numbers of the TABLE.COLUMN argument; refused when the table has no rows or the column no values.
    package static func columnNumbers(_ parsed: ParsedCommand, _ ctx: CommandContext) throws -> (name: String, data: ChartColumnData) {
        let table = try ctx.subjectTable(parsed)
        try ChartColumnData.requireRows(table, parsed)
        let name = parsed.text("column") ?? ""
        let data = try ChartColumnData.numbers(table, name, parsed, at: parsed.span("column"))
        try data.requireValues(name, parsed, at: parsed.span("column"))
        return (name, data)
    }

    package static func skippedNote(_ count: Int, _ what: String = "rows with a missing value") -> [String] {
        count > 0 ? ["\(Format.count(count)) \(what) skipped"] : []
    }

    package static let histogram = CommandSpec(
        "chart hist", group: .charts, summary: "Histogram of a numeric column.",
        arguments: [.tableColumn("column", help: "TABLE.COLUMN, a numeric or date column")],
        options: [HistogramOptions.bins, HistogramOptions.scale, HistogramOptions.counts] + sizeOptions,
        details: "Bins are equal-width and match NumPy's histogram_bin_edges for the same rule; the last bin includes its upper edge. "
            + "Missing values are skipped and counted below the chart.",
        examples: ["chart hist tx.unit_price bins=30", "chart hist tx.unit_price bins=fd scale=log", "chart hist customers.age bins=sturges counts=log"]
    ) { parsed, ctx in
        let (name, data) = try columnNumbers(parsed, ctx)
        let rule: BinRule
        switch parsed[HistogramOptions.bins].lowercased() {
        case "sturges": rule = .sturges
        case "fd", "freedman-diaconis": rule = .freedmanDiaconis
        case let text:
            guard let n = Int(text), (1...HistogramBins.maxBins).contains(n) else {
                throw parsed.error("bins must be a number from 1 to \(HistogramBins.maxBins), sturges or fd, got '\(text)'",
                                   at: parsed.span(HistogramOptions.bins))
            }
            rule = .count(n)
        }
        let logX = parsed[HistogramOptions.scale] == .log
        if logX && data.kind == .date { throw parsed.error("a date column cannot use scale=log", at: parsed.span(HistogramOptions.scale)) }
        if logX && !data.present.contains(where: { $0 > 0 }) {
            throw parsed.error("scale=log needs positive values; '\(name)' has none", at: parsed.span(HistogramOptions.scale))
        }
        let chart = Chart.histogram(values: data.present, bins: rule, logX: logX, logCounts: parsed[HistogramOptions.counts] == .log,
                                    xLabel: name, integerData: data.isInteger)
        return finish(chart, parsed, defaultTitle: "\(parsed.subject ?? "").\(name)", notes: skippedNote(data.missingCount, "missing values"))
    }

    package static let sparkline = CommandSpec(
        "chart spark", group: .charts, summary: "A one-line sparkline of a numeric column in row order.",
        arguments: [.tableColumn("column", help: "TABLE.COLUMN, a numeric column")],
        options: widthOptions,
        details: "Missing values are gaps. Longer columns than the width are drawn as means of consecutive runs.",
        examples: ["chart spark customers.spend", "chart spark few.orders width=40"]
    ) { parsed, ctx in
        let (name, data) = try columnNumbers(parsed, ctx)
        return finish(Chart.sparkline(values: data.values), parsed, defaultTitle: "\(parsed.subject ?? "").\(name)",
                      notes: data.missingCount > 0 ? ["\(Format.count(data.missingCount)) missing values shown as gaps"] : [])
    }
}

/// The options of `chart hist`.
package enum HistogramOptions {
    package static let bins = CommandOption.text("bins", default: "sturges", "a number of bins, sturges, or fd (Freedman–Diaconis)")
    package static let scale = CommandOption.choice("scale", default: LinearOrLog.linear, "log: bins on log10 of the values (values ≤ 0 are left out)")
    package static let counts = CommandOption.choice("counts", default: LinearOrLog.linear, "log: bar heights on a log scale")
}
