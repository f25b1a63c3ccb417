/// The clustering kinds, one entry each (as DuckDB keeps its metadata commands in one table):
/// `cluster NAME`, `cluster sweep`, `assign`, help and docs/commands.md all read this list, so a
/// new clusterer is its engine file plus one entry here.
package enum ClusterKinds {
    package static let all: [any ClusterKindEntry] = [kmeans, hierarchical, dbscan, kmedoids]

    package static let seed = CommandOption<Int?>.int("seed", describedAs: "the session seed (set seed)", "random seed")

    // MARK: k-means

    package static let kmeansK = CommandOption<Int?>.int("k", in: 1...10_000, "the number of clusters")
    package static let nInit = CommandOption.int("n_init", in: 1...1_000, default: 10, "k-means++ starts; the one with the lowest inertia is kept")
    package static let maxIter = CommandOption.int("max_iter", in: 1...100_000, default: 300, "iteration limit per start")
    package static let tol = CommandOption.number("tol", in: 0...1, default: 1e-4, "stop when centres move less than tol × mean feature variance")
    package static let algorithm = CommandOption.choice("algorithm", default: KMeansAlgorithm.auto,
                                                "lloyd, hamerly (exact, faster for many rows), minibatch (approximate, for millions of rows)")
    package static let sweepNInit = CommandOption.int("n_init", in: 1...1_000, default: 10, "k-means++ starts for each k")

    package static let kmeans = ClusterKind<KMeans>(
        name: "kmeans", title: "k-means", summary: "k-means clustering (k-means++ starts) of scaled features.", bindingSuffix: "kmeans",
        options: [kmeansK, seed, nInit, maxIter, tol, algorithm],
        details: "Prints cluster sizes, validity figures (silhouette exact up to 10,000 points, else on a seeded sample), "
            + "and the cluster means in original units. Use 'cluster sweep kmeans' to choose k, 'profile NAME' to read "
            + "the clusters and 'assign NAME TABLE' for new rows. Without 'as NAME' the clustering is called TABLE_kmeans.",
        examples: ["cluster kmeans rfm cols=recency,frequency,monetary scale=log1p_zscore k=4 seed=42 as seg",
                   "cluster kmeans customers cols=age,spend,orders missing=drop k=3 n_init=3"],
        build: { parsed, settings in
            guard let k = parsed[kmeansK] else { throw parsed.error("cluster kmeans needs k=", suggestion: "choose k with: cluster sweep kmeans …") }
            var options = KMeansOptions(k: k, seed: parsed.seed(ClusterKinds.seed, settings))
            options.initCount = parsed[nInit]
            options.maxIterations = parsed[maxIter]
            options.tolerance = parsed[tol]
            options.algorithm = parsed[algorithm]
            return KMeans(options)
        },
        headline: ClusterKindReports.kmeansConvergence, inertia: { $0.inertia }, extras: ClusterKindReports.kmeansWarnings,
        sweep: .refitting(help: "kmeans", options: [sweepNInit], inertia: { $0.inertia }) { parsed, k, seed in
            var options = KMeansOptions(k: k, seed: seed)
            options.initCount = parsed[sweepNInit]
            return KMeans(options)
        })

    // MARK: hierarchical

    package static let linkage = CommandOption.choice("linkage", default: Linkage.ward, "how the distance between clusters is measured")
    package static let cutK = CommandOption<Int?>.int("k", in: 1...100_000, "cut into this many clusters")
    package static let cutHeight = CommandOption<Double?>.number("height", "or cut where merges are higher than this")
    package static let sweepLinkage = CommandOption.choice("linkage", default: Linkage.ward, "hierarchical only")

    package static let hierarchical = ClusterKind<HierarchicalClustering>(
        name: "hierarchical", title: "hierarchical",
        summary: "Agglomerative hierarchical clustering (Ward, complete, average, single), cut by k or height.", bindingSuffix: "tree",
        options: [linkage, cutK, cutHeight, SegmentationCharts.option],
        details: "Needs O(n²) memory: refused above \(Format.count(HierarchicalClustering.maxPoints)) rows (sample first). "
            + "Merge heights follow SciPy's linkage. The last merges are printed with the cluster count each cut leaves, "
            + "to choose k from the big jumps, and the top of the tree is drawn (the last \(SegmentationCharts.commandLeaves - 1) merges, "
            + "with the cut; 'chart dendrogram NAME leaves=N' draws more). Without 'as NAME' the clustering is called TABLE_tree.",
        examples: ["cluster hierarchical rfm_small cols=recency,frequency,monetary scale=log1p_zscore linkage=ward k=4 as tree",
                   "cluster hierarchical rfm_small cols=recency,monetary scale=robust linkage=average height=1.5"],
        build: { parsed, _ in
            let cut: TreeCut
            switch (parsed[cutK], parsed[cutHeight]) {
            case (let k?, nil): cut = .clusterCount(k)
            case (nil, let h?):
                guard h >= 0 else { throw parsed.error("height must be 0 or more", at: parsed.span(cutHeight)) }
                cut = .height(h)
            case (.some, .some): throw parsed.error("give k= or height=, not both", at: parsed.span(cutHeight))
            case (nil, nil): throw parsed.error("cluster hierarchical needs k= or height=", suggestion: "e.g. k=4")
            }
            return HierarchicalClustering(HierarchicalParameters(linkage: parsed[linkage], cut: cut))
        },
        extras: ClusterKindReports.hierarchicalTree,
        sweep: ClusterSweep(help: "hierarchical (one Ward tree cut at each k)", options: [sweepLinkage]) { parsed, x, _, context in
            let tree = try HierarchicalClustering.dendrogram(x, linkage: parsed[sweepLinkage], context: context)
            return { k in k <= x.rowCount ? SweepPoint(labels: try tree.labels(clusterCount: k), inertia: nil) : nil }
        })

    // MARK: DBSCAN

    package static let eps = CommandOption<Double?>.number("eps", "the neighbourhood radius in scaled units (read one off kdist)")
    package static let minPoints = CommandOption.int("minpts", in: 1...100_000, default: 5, "points within eps, the point itself included, that make a core point")

    package static let dbscan = ClusterKind<DBSCAN>(
        name: "dbscan", title: "DBSCAN", summary: "DBSCAN density clustering; points in no dense region are noise (cluster −1).",
        bindingSuffix: "dbscan", options: [eps, minPoints],
        details: "Same semantics as scikit-learn's DBSCAN (min_samples = minpts). Warns when most points are noise or "
            + "everything is one cluster. Without 'as NAME' the clustering is called TABLE_dbscan.",
        examples: ["cluster dbscan rfm cols=recency,frequency,monetary scale=log1p_zscore eps=0.35 minpts=10 as dense"],
        build: { parsed, _ in
            guard let eps = parsed[eps] else { throw parsed.error("cluster dbscan needs eps=", suggestion: "read one off: kdist TABLE cols=… k=4") }
            return DBSCAN(DBSCANParameters(eps: eps, minPoints: parsed[minPoints]))
        },
        headline: ClusterKindReports.dbscanCounts, extras: ClusterKindReports.dbscanWarnings)

    // MARK: k-medoids

    package static let medoidsK = CommandOption<Int?>.int("k", in: 1...1_000, "the number of clusters")
    package static let swapLimit = CommandOption.int("max_iter", in: 1...100_000, default: 300, "SWAP passes at most (one exchange each)")

    package static let kmedoids = ClusterKind<KMedoids>(
        name: "kmedoids", title: "k-medoids", summary: "k-medoids (PAM: BUILD, then SWAP) of scaled features: each centre is one of the rows.",
        bindingSuffix: "kmedoids", options: [medoidsK, swapLimit],
        details: "Minimises the sum of distances (not squared) from each row to its medoid, so outliers pull less than in k-means; "
            + "deterministic, the same medoids as scikit-learn-extra's KMedoids(method=\"pam\"). Keeps all pairwise distances: "
            + "refused above \(Format.count(KMedoids.maxPoints)) rows (sample first). Without 'as NAME' the clustering is called TABLE_kmedoids.",
        examples: ["cluster kmedoids rfm_small cols=recency,frequency,monetary scale=log1p_zscore k=4 as medoids"],
        build: { parsed, _ in
            guard let k = parsed[medoidsK] else { throw parsed.error("cluster kmedoids needs k=", suggestion: "choose k with: cluster sweep kmedoids …") }
            return KMedoids(KMedoidsParameters(k: k, maxIterations: parsed[swapLimit]))
        },
        extras: { model, _ in model.converged ? [] : [.warning("k-medoids stopped at max_iter with an improving swap left: raise max_iter")] },
        sweep: .refitting(help: "kmedoids") { _, k, _ in KMedoids(KMedoidsParameters(k: k)) })
}
