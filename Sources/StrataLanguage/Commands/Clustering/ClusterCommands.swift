/// `cluster kmeans`, `cluster hierarchical`, `cluster dbscan`: fit a clustering and keep it.
enum ClusterCommands {
    static let seedOption = OptionSpec("seed", .int(nil), default: "the session seed (set seed)", "random seed")

    static let kmeans = CommandSpec(
        "cluster kmeans", group: .segmentation, summary: "k-means clustering (k-means++ starts) of scaled features.",
        arguments: [.table("table", help: "one row per customer (or other unit)")],
        options: ClusterInput.options + [
            OptionSpec("k", .int(1...10_000), "the number of clusters"),
            seedOption,
            OptionSpec("n_init", .int(1...1_000), default: "10", "k-means++ starts; the one with the lowest inertia is kept"),
            OptionSpec("max_iter", .int(1...100_000), default: "300", "iteration limit per start"),
            OptionSpec("tol", .double(0...1), default: "0.0001", "stop when centres move less than tol × mean feature variance"),
            OptionSpec("algorithm", .choice(KMeansAlgorithm.allCases.map(\.rawValue)), default: "auto",
                       "lloyd, hamerly (exact, faster for many rows), minibatch (approximate, for millions of rows)"),
        ],
        binding: .named { p in "\(p.subject ?? "table")_kmeans" },
        details: "Prints cluster sizes, validity figures (silhouette exact up to 10,000 points, else on a seeded sample), "
            + "and the cluster means in original units. Use 'cluster sweep kmeans' to choose k, 'profile NAME' to read "
            + "the clusters and 'assign NAME TABLE' for new rows. Without 'as NAME' the clustering is called TABLE_kmeans.",
        examples: ["cluster kmeans rfm cols=recency,frequency,monetary scale=log1p_zscore k=4 seed=42 as seg",
                   "cluster kmeans customers cols=age,spend,orders missing=drop k=3 n_init=3"]
    ) { parsed, ctx in
        let input = try ClusterInput(parsed, ctx)
        guard parsed.hasOption("k") else { throw parsed.error("cluster kmeans needs k=", suggestion: "choose k with: cluster sweep kmeans …") }
        var options = KMeansOptions(k: parsed.int("k", default: 2), seed: parsed.seed(ctx.workspace.settings))
        options.initCount = parsed.int("n_init", default: 10)
        options.maxIterations = parsed.int("max_iter", default: 300)
        options.tolerance = parsed.double("tol", default: 1e-4)
        options.algorithm = parsed.string("algorithm").flatMap(KMeansAlgorithm.init(rawValue:)) ?? .auto
        let model = try KMeans.fit(input.scaled, options: options, context: ctx.run)
        let validity = try ValidityFigures(input.scaled, labels: model.labels, inertia: model.inertia, seed: options.seed, context: ctx.run)
        let parameters = [("k", "\(options.k)"), ("seed", "\(options.seed)"), ("n_init", "\(options.initCount)"),
                          ("max_iter", "\(options.maxIterations)"), ("tol", DescribeFormat.number(options.tolerance)),
                          ("algorithm", model.algorithm.rawValue), ("scale", input.scaler.method.rawValue)]
        let clustering = Clustering(method: .kmeans, parameters: parameters, featureColumns: input.scaled.columnNames,
                                    scaler: input.scaler, table: try input.labelled(model.labels), labels: model.labels,
                                    scaledFeatures: input.scaled, centers: model.centers, dendrogram: nil, isCore: nil, eps: nil,
                                    validity: validity.figures)
        let name = try ctx.bindResult(clustering, for: parsed)
        let convergence = model.converged ? "converged after \(model.iterations) iterations"
            : "stopped at max_iter=\(options.maxIterations) without converging"
        var out = try ClusterReport.output(clustering, name: name,
                                           headline: "k-means, \(input.featureNote), " + ClusterReport.parameterText(parameters) + "; \(convergence)",
                                           perCluster: validity.perCluster, validityNotes: validity.notes, inputNotes: input.notes)
        if !model.converged { out.append(.warning("k-means did not converge: raise max_iter or tol")) }
        return out
    }

    static let hierarchical = CommandSpec(
        "cluster hierarchical", group: .segmentation, summary: "Agglomerative hierarchical clustering (Ward, complete, average, single), cut by k or height.",
        arguments: [.table("table", help: "one row per customer (or other unit)")],
        options: ClusterInput.options + [
            OptionSpec("linkage", .choice(Linkage.allCases.map(\.rawValue)), default: "ward", "how the distance between clusters is measured"),
            OptionSpec("k", .int(1...100_000), "cut into this many clusters"),
            OptionSpec("height", .double(nil), "or cut where merges are higher than this"),
            SegmentationCharts.option,
        ],
        binding: .named { p in "\(p.subject ?? "table")_tree" },
        details: "Needs O(n²) memory: refused above \(Format.count(HierarchicalClustering.maxPoints)) rows (sample first). "
            + "Merge heights follow SciPy's linkage. The last merges are printed with the cluster count each cut leaves, "
            + "to choose k from the big jumps, and the top of the tree is drawn (the last \(SegmentationCharts.commandLeaves - 1) merges, "
            + "with the cut; 'chart dendrogram NAME leaves=N' draws more). Without 'as NAME' the clustering is called TABLE_tree.",
        examples: ["cluster hierarchical rfm_small cols=recency,frequency,monetary scale=log1p_zscore linkage=ward k=4 as tree",
                   "cluster hierarchical rfm_small cols=recency,monetary scale=robust linkage=average height=1.5"]
    ) { parsed, ctx in
        let input = try ClusterInput(parsed, ctx)
        let linkage = parsed.string("linkage").flatMap(Linkage.init(rawValue:)) ?? .ward
        let dendrogram = try HierarchicalClustering.fit(input.scaled, linkage: linkage, context: ctx.run)
        let labels: [Int]
        var cut: (String, String)
        switch (parsed.hasOption("k"), parsed.hasOption("height")) {
        case (true, false):
            let k = parsed.int("k", default: 2)
            guard k <= input.scaled.rowCount else {
                throw EngineError("k=\(k) is more than the number of rows (\(input.scaled.rowCount))", suggestion: "use k=\(input.scaled.rowCount) or fewer")
            }
            labels = try dendrogram.labels(clusterCount: k)
            cut = ("k", "\(k)")
        case (false, true):
            let h = parsed.double("height", default: 0)
            guard h >= 0 else { throw parsed.error("height must be 0 or more", at: parsed.optionSpan("height")) }
            labels = dendrogram.labels(height: h)
            cut = ("height", DescribeFormat.number(h))
        case (true, true): throw parsed.error("give k= or height=, not both", at: parsed.optionSpan("height"))
        case (false, false): throw parsed.error("cluster hierarchical needs k= or height=", suggestion: "e.g. k=4")
        }
        let validity = try ValidityFigures(input.scaled, labels: labels, inertia: nil, seed: parsed.seed(ctx.workspace.settings), context: ctx.run)
        let parameters = [("linkage", linkage.rawValue), cut, ("scale", input.scaler.method.rawValue)]
        let clustering = Clustering(method: .hierarchical, parameters: parameters, featureColumns: input.scaled.columnNames,
                                    scaler: input.scaler, table: try input.labelled(labels), labels: labels, scaledFeatures: input.scaled,
                                    centers: ClusterAssignment.centroids(input.scaled, labels: labels), dendrogram: dendrogram,
                                    isCore: nil, eps: nil, validity: validity.figures)
        let name = try ctx.bindResult(clustering, for: parsed)
        var out = try ClusterReport.output(clustering, name: name,
                                           headline: "hierarchical, \(input.featureNote), " + ClusterReport.parameterText(parameters)
                                            + ", \(clustering.clusterCount) clusters",
                                           perCluster: validity.perCluster, validityNotes: validity.notes, inputNotes: input.notes)
        out.append(.table(lastMerges(dendrogram), title: "last merges (a cut just below a merge's height leaves 'clusters')", showShape: false))
        if case ("k", let k) = cut, let k = Int(k), dendrogram.isCutTied(clusterCount: k) {
            out.append(.warning("merges tie in height at this cut: the choice of which to undo follows the merge order"))
        }
        if SegmentationCharts.wanted(parsed) {
            out.append(.chart(SegmentationCharts.dendrogram(clustering, tree: dendrogram, leaves: SegmentationCharts.commandLeaves)))
        }
        return out
    }

    /// The top of the tree: the last ten merges, highest first.
    static func lastMerges(_ d: Dendrogram) -> Table {
        var t = SummaryTable([("clusters", .int), ("height", .float), ("size", .int)])
        for (offset, m) in d.merges.enumerated().reversed().prefix(10) {
            t.row([.int(Int64(d.pointCount - offset)), .float(m.height), .int(Int64(m.size))])
        }
        return t.table
    }

    static let dbscan = CommandSpec(
        "cluster dbscan", group: .segmentation, summary: "DBSCAN density clustering; points in no dense region are noise (cluster −1).",
        arguments: [.table("table", help: "one row per customer (or other unit)")],
        options: ClusterInput.options + [
            OptionSpec("eps", .double(nil), "the neighbourhood radius in scaled units (read one off kdist)"),
            OptionSpec("minpts", .int(1...100_000), default: "5", "points within eps, the point itself included, that make a core point"),
        ],
        binding: .named { p in "\(p.subject ?? "table")_dbscan" },
        details: "Same semantics as scikit-learn's DBSCAN (min_samples = minpts). Warns when most points are noise or "
            + "everything is one cluster. Without 'as NAME' the clustering is called TABLE_dbscan.",
        examples: ["cluster dbscan rfm cols=recency,frequency,monetary scale=log1p_zscore eps=0.35 minpts=10 as dense"]
    ) { parsed, ctx in
        let input = try ClusterInput(parsed, ctx)
        guard parsed.hasOption("eps") else { throw parsed.error("cluster dbscan needs eps=", suggestion: "read one off: kdist TABLE cols=… k=4") }
        let eps = parsed.double("eps", default: 0), minPoints = parsed.int("minpts", default: 5)
        let result = try DBSCAN.fit(input.scaled, eps: eps, minPoints: minPoints, context: ctx.run)
        let validity = try ValidityFigures(input.scaled, labels: result.labels, inertia: nil, seed: parsed.seed(ctx.workspace.settings), context: ctx.run)
        let parameters = [("eps", DescribeFormat.number(eps)), ("minpts", "\(minPoints)"), ("scale", input.scaler.method.rawValue)]
        let clustering = Clustering(method: .dbscan, parameters: parameters, featureColumns: input.scaled.columnNames,
                                    scaler: input.scaler, table: try input.labelled(result.labels), labels: result.labels,
                                    scaledFeatures: input.scaled, centers: nil, dendrogram: nil, isCore: result.isCore, eps: eps,
                                    validity: validity.figures)
        let name = try ctx.bindResult(clustering, for: parsed)
        let n = result.labels.count
        var out = try ClusterReport.output(clustering, name: name,
                                           headline: "DBSCAN, \(input.featureNote), " + ClusterReport.parameterText(parameters)
                                            + ", \(result.clusterCount) cluster\(result.clusterCount == 1 ? "" : "s"), \(Format.count(result.noiseCount)) noise points "
                                            + "(\(Format.percent(result.noiseCount, of: n))), \(Format.count(result.isCore.filter { $0 }.count)) core points",
                                           perCluster: validity.perCluster, validityNotes: validity.notes, inputNotes: input.notes)
        if result.clusterCount == 0 {
            out.append(.warning("every point is noise: raise eps or lower minpts"))
        } else if result.noiseCount * 2 > n {
            out.append(.warning("almost everything is noise (\(Format.percent(result.noiseCount, of: n))): raise eps or lower minpts"))
        } else if result.clusterCount == 1 && result.noiseCount * 20 < n {
            out.append(.warning("everything is one cluster: lower eps or raise minpts"))
        }
        return out
    }
}
