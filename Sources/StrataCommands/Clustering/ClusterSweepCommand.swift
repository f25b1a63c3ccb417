/// `cluster sweep`: fit a range of k and tabulate the figures used to choose one. The methods are the
/// kinds of the table that can be swept; each says how it fits at each k.
package enum ClusterSweepCommand {
    package static let k = CommandOption.range("k", default: 2...10, "the range of k")

    package static var sweepable: [any ClusterKindEntry] { ClusterKinds.all.filter { $0.sweep != nil } }

    /// Each sweepable kind's own options, once per key (the first declaration wins).
    package static var kindOptions: [any OptionDeclaration] {
        var seen: Set<String> = []
        return sweepable.flatMap { $0.sweep?.options ?? [] }.filter { seen.insert($0.spec.key).inserted }
    }

    package static var methodHelp: String {
        let names = sweepable.compactMap { $0.sweep?.help }
        guard let last = names.last, names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + ", or " + last
    }

    package static let spec = CommandSpec(
        "cluster sweep", group: .segmentation, summary: "Fit k-means (or cut one hierarchical tree) for a range of k and compare them.",
        arguments: [.choice("method", choices: sweepable.map(\.name), help: methodHelp),
                    .table("table", help: "one row per customer (or other unit)")],
        options: ClusterInput.options + [k, ClusterKinds.seed] + kindOptions + [SegmentationCharts.option],
        binding: .named { p in "\(p.subject ?? "table")_sweep" },
        details: "One row per k: inertia (within-cluster sum of squares, for the elbow), silhouette (higher is better), "
            + "Davies–Bouldin (lower is better) and Calinski–Harabasz (higher is better). The best k by silhouette is "
            + "named. Silhouette is exact up to 10,000 points, else on a seeded sample. The table is kept as TABLE_sweep. "
            + "A line chart follows: inertia on the left axis (read the elbow), silhouette on the right, the best k marked.",
        examples: ["cluster sweep kmeans rfm cols=recency,frequency,monetary scale=log1p_zscore k=2..6 seed=42 n_init=3",
                   "cluster sweep hierarchical rfm_small cols=recency,frequency,monetary scale=log1p_zscore k=2..8"]
    ) { parsed, ctx in
        let input = try ClusterInput(parsed, ctx)
        let range = parsed[k]
        guard range.lowerBound >= 2 else {
            throw parsed.error("the sweep starts at k=2: silhouette and the other indices need two clusters", at: parsed.span(k))
        }
        guard range.count <= 50 else { throw parsed.error("sweep at most 50 values of k", at: parsed.span(k)) }
        let seed = parsed.seed(ClusterKinds.seed, ctx.workspace.settings)
        let method = parsed.text("method") ?? ""
        guard let sweep = sweepable.first(where: { $0.name == method })?.sweep else {
            throw parsed.error("cannot sweep '\(method)'", at: parsed.span("method"), suggestion: "sweep one of: " + sweepable.map(\.name).joined(separator: ", "))
        }
        let fit = try sweep.prepare(parsed, input.scaled, seed, ctx.run)
        var t = SummaryTable([("k", .int), ("inertia", .float), ("silhouette", .float), ("davies_bouldin", .float), ("calinski_harabasz", .float)])
        var best: (k: Int, silhouette: Double)?
        var curve: [(k: Int, inertia: Double?, silhouette: Double?)] = []
        var notes: [String] = []
        for k in range {
            try ctx.run.cancellation.check()
            guard let point = try fit(k) else { break }
            let v = try ValidityFigures(input.scaled, labels: point.labels, inertia: point.inertia, seed: seed, context: ctx.run)
            notes = v.notes
            t.row([.int(Int64(k))] + [v.figures[3].1, v.figures[0].1, v.figures[1].1, v.figures[2].1].map(Value.optional))
            if let s = v.silhouette, s > (best?.silhouette ?? -.infinity) { best = (k, s) }
            curve.append((k, v.figures[3].1, v.silhouette))
        }
        let table = t.table
        let name = try ctx.bindResult(table, for: parsed)
        var out = CommandOutput([.table(table, title: "\(method) on \(input.featureNote)", showShape: false)])
        out.blocks += input.notes
        for n in Set(notes).sorted() { out.append(.note(n)) }
        if let best {
            out.append(.note("best k by silhouette: \(best.k) (\(DescribeFormat.number(best.silhouette))); read the inertia elbow too"))
        }
        out.append(.note("\(name): \(table.rowCount) rows (k, inertia, silhouette, davies_bouldin, calinski_harabasz)"))
        if SegmentationCharts.wanted(parsed) { out.append(.chart(SegmentationCharts.sweep(curve, best: best))) }
        return out
    }
}

/// `kdist`: the k-distance curve and a suggested eps for DBSCAN.
package enum KDistCommand {
    package static let k = CommandOption.int("k", in: 1...1_000, default: 4, "the neighbour to measure; use minpts = k + 1 in DBSCAN")

    package static let spec = CommandSpec(
        "kdist", group: .segmentation, summary: "The sorted distance of each point to its k-th nearest neighbour, and a suggested DBSCAN eps.",
        arguments: [.table("table", help: "one row per customer (or other unit)")],
        options: ClusterInput.options + [k, SegmentationCharts.option],
        binding: .named { p in "\(p.subject ?? "table")_kdist" },
        details: "The suggested eps is at the knee of the sorted curve (where it bends up most sharply). The curve is kept "
            + "as TABLE_kdist (rank, distance); 21 points along it are printed, then the curve is drawn with the suggested eps marked.",
        examples: ["kdist rfm cols=recency,frequency,monetary scale=log1p_zscore k=9"]
    ) { parsed, ctx in
        let input = try ClusterInput(parsed, ctx)
        let k = parsed[k]
        let curve = try KDistance.curve(input.scaled, k: k, context: ctx.run)
        let n = curve.distances.count
        let table = Table(uncheckedColumns: [Column(name: "rank", data: .int((1...max(n, 1)).prefix(n).map { Int64($0) })),
                                             Column(name: "distance", data: .float(curve.distances))], rowCount: n)
        let name = try ctx.bindResult(table, for: parsed)
        var sample = SummaryTable([("share", .float), ("rank", .int), ("distance", .float)])
        for step in 0...20 {
            let i = min(n - 1, (n - 1) * step / 20)
            sample.row([.float(Double(step) / 20), .int(Int64(i + 1)), .float(curve.distances[i])])
        }
        var out = CommandOutput([.table(sample.table, title: "distance to the \(k)-th nearest neighbour, sorted (\(input.featureNote))", showShape: false)])
        out.blocks += input.notes
        out.append(.note("suggested eps: \(DescribeFormat.number(curve.suggestedEps)) (knee at rank \(Format.count(curve.kneeIndex + 1)) of \(Format.count(n))); "
                         + "use it with minpts=\(k + 1) and the same cols and scale"))
        out.append(.note("\(name): \(Format.count(n)) rows (rank, distance)"))
        if SegmentationCharts.wanted(parsed) { out.append(.chart(SegmentationCharts.kDistance(curve))) }
        return out
    }
}
