/// `pca` and `assign`: project features to two dimensions, and place new rows in a clustering.
package enum ProjectionCommands {
    package static let cols = CommandOption<[String]?>.list("cols", "the numeric feature columns (a table only)")
    package static let scale = CommandOption.choice("scale", default: ScalingMethod.zscore, "how features are scaled first (a table only)")
    package static let components = CommandOption.int("components", in: 1...50, default: 2, "how many components")

    package static let pca = CommandSpec(
        "pca", group: .segmentation, summary: "Principal components of scaled features (PC1, PC2 columns), e.g. to plot clusters.",
        arguments: [.value("source", help: "a table (with cols=) or a clustering (its features, scaled as it was)")],
        options: [cols, scale, ClusterInput.missing, components, SegmentationCharts.option],
        binding: .named { p in "\(p.text("source") ?? "table")_pca" },
        details: "The result is the source rows with PC1, PC2, … appended (a clustering's rows carry their cluster column). "
            + "The explained variance of each component and the loadings are printed; for a clustering, a scatter of PC2 against "
            + "PC1 coloured by cluster follows. Without 'as NAME' the table is called SOURCE_pca.",
        examples: ["pca rfm cols=recency,frequency,monetary scale=log1p_zscore as rfm2d", "pca seg as seg2d"]
    ) { parsed, ctx in
        let sourceName = parsed.text("source") ?? ""
        let rows: Table, features: FeatureMatrix
        var notes: [OutputBlock] = []
        var clusterLabels: [Int]?
        switch ctx.workspace[sourceName] {
        case .object(let o)?:
            guard let c = o as? Clustering else { throw parsed.error("'\(sourceName)' is a \(o.kindName); pca takes a table or a clustering", at: parsed.span("source")) }
            let given = [(cols.key, parsed.isGiven(cols), parsed.span(cols)), (scale.key, parsed.isGiven(scale), parsed.span(scale)),
                         (ClusterInput.missing.key, parsed.isGiven(ClusterInput.missing), parsed.span(ClusterInput.missing))]
            if let (key, _, span) = given.first(where: \.1) {
                throw parsed.error("a clustering brings its own features and scaling; remove \(key)=", at: span)
            }
            rows = c.table
            features = c.scaledFeatures
            clusterLabels = c.labels
        case .table(let t)?:
            // One quoted string ("a,b") or bare words (a,b).
            guard let columns = parsed[cols]?.flatMap({ $0.split(separator: ",").map { String($0).trimmingSpaces } }) else {
                throw parsed.error("pca of a table needs cols=")
            }
            if let unknown = columns.first(where: { t.column($0) == nil }) {
                throw parsed.error("no column '\(unknown)'", at: parsed.span(cols), suggestion: Suggestions.columnHint(for: unknown, among: t.columnNames))
            }
            let (extracted, n) = try SegmentationOptions.features(t, columns, parsed)
            (features, _) = try Scaling(parsed[scale]).fitTransform(extracted.matrix, context: ctx.run)
            rows = extracted.droppedRows > 0 ? t.takingRows(extracted.rows) : t
            notes = n
        case nil:
            throw parsed.error("nothing named '\(sourceName)' in the workspace", at: parsed.span("source"),
                               suggestion: Suggestions.didYouMean(sourceName, among: ctx.workspace.names))
        }
        let model = try PCA(PCAParameters(components: parsed[components])).fit(features, context: ctx.run)
        let projected = model.transform(features)
        var result = rows
        for j in 0..<projected.columnCount { try result.setColumn(Column(name: "PC\(j + 1)", data: .float(projected.column(j)))) }
        let name = try ctx.bindResult(result, for: parsed)
        var variance = SummaryTable([("component", .string), ("variance", .float), ("ratio", .float), ("cumulative", .float)])
        var cumulative = 0.0
        for (j, v) in model.explainedVariance.enumerated() {
            cumulative += model.explainedVarianceRatio[j]
            variance.row([.string("PC\(j + 1)"), .float(v), .float(model.explainedVarianceRatio[j]), .float(cumulative)])
        }
        var loadings = SummaryTable([("feature", .string)] + (0..<model.components.rowCount).map { ("PC\($0 + 1)", DataType.float) })
        for (f, feature) in features.columnNames.enumerated() {
            loadings.row([.string(feature)] + (0..<model.components.rowCount).map { .float(model.components[$0, f]) })
        }
        var out = CommandOutput([.table(variance.table, title: "explained variance", showShape: false),
                                 .table(loadings.table, title: "loadings", showShape: false)])
        out.blocks += notes
        out.append(.note("\(name): " + (0..<projected.columnCount).map { "PC\($0 + 1)" }.joined(separator: ", ")
                         + " added to \(Format.count(result.rowCount)) rows"))
        if SegmentationCharts.wanted(parsed), let clusterLabels, projected.columnCount >= 2 {
            let axis = { (j: Int) in "PC\(j + 1) (\(Format.percent(Int((model.explainedVarianceRatio[j] * 1000).rounded()), of: 1000)) of variance)" }
            let (series, chartNotes) = try ChartCommands.groupedPoints(
                x: projected.column(0).map { Optional($0) }, y: projected.column(1).map { Optional($0) },
                labels: clusterLabels.map { String($0) }, what: "clusters", naming: SegmentationCharts.clusterGroupName, parsed,
                missing: "no points to draw")
            var chart = Chart.scatter(title: "\(sourceName) on the first two components, by cluster", groups: series,
                                      xLabel: axis(0), yLabel: axis(1))
            chart.notes = chartNotes
            out.append(.chart(chart))
        }
        return out
    }

    package static let assign = CommandSpec(
        "assign", group: .segmentation, summary: "Place the rows of a table into an existing clustering (its scaler and centres).",
        arguments: [.value("clustering", help: "a clustering made by cluster " + ClusterCommands.kindList),
                    .table("table", help: "rows with the clustering's feature columns")],
        options: [ClusterInput.missing],
        binding: .named { p in "\(p.text("table") ?? "table")_assigned" },
        details: "Rows are scaled with the clustering's fitted scaler (not refitted), then go to the nearest centre "
            + "(k-means; hierarchical: the cluster means), or for DBSCAN to the cluster of the nearest core point within "
            + "eps, else noise (−1). The result is the table with a cluster column; without 'as NAME' it is called TABLE_assigned.",
        examples: ["assign seg rfm_h1 as seg_h1"]
    ) { parsed, ctx in
        let clusteringName = parsed.text("clustering") ?? ""
        guard case .object(let o)? = ctx.workspace[clusteringName], let c = o as? Clustering else {
            throw parsed.error("'\(clusteringName)' is not a clustering", at: parsed.span("clustering"),
                               suggestion: "make one with: cluster kmeans TABLE cols=… k=… as NAME")
        }
        let table = try ctx.subjectTable(parsed)
        let (extracted, notes) = try SegmentationOptions.features(table, c.featureColumns, parsed, allowConstant: true)
        let labels = try c.assign(extracted.matrix)
        var full = [Value](repeating: .missing, count: table.rowCount)
        for (i, row) in extracted.rows.enumerated() { full[row] = .int(Int64(labels[i])) }
        var result = table
        try result.setColumn(Column.fromValues(name: Clustering.labelColumn, type: .int, values: full))
        let name = try ctx.bindResult(result, for: parsed)
        var sizes = SummaryTable([("cluster", .int), ("size", .int), ("share", .float)])
        for l in Set(labels).sorted() {
            let n = labels.filter { $0 == l }.count
            sizes.row([.int(Int64(l)), .int(Int64(n)), .float(Double(n) / Double(max(labels.count, 1)))])
        }
        var out = CommandOutput([.table(sizes.table, title: "\(Format.count(labels.count)) rows assigned to \(clusteringName) (\(c.method))", showShape: false)])
        out.blocks += notes
        out.append(.note("\(name): cluster added (scaled with \(clusteringName)'s \(c.scaler.method.rawValue) scaler)"))
        return out
    }
}
