/// `chart dendrogram`: the merge tree of a hierarchical clustering.
extension ChartCommands {
    package static let dendrogram = CommandSpec(
        "chart dendrogram", group: .charts, summary: "The dendrogram of a hierarchical clustering, with the line where it was cut.",
        arguments: [.value("clustering", help: "a clustering made by cluster hierarchical")],
        options: [DendrogramOptions.leaves, DendrogramOptions.orient] + sizeOptions,
        details: "Leaves are in SciPy's dendrogram order. With more points than leaves= only the top of the tree is drawn, "
            + "as SciPy's truncate_mode=\"lastp\". The dotted line is the clustering's cut (k= or height=). "
            + "Leaves that are single points are labelled with their row number in the clustering's rows.",
        examples: ["chart dendrogram tree", "chart dendrogram tree leaves=12 orient=vertical width=80"]
    ) { parsed, ctx in
        let name = parsed.text("clustering") ?? ""
        let clustering: Clustering
        switch ctx.workspace[name] {
        case .object(let o as Clustering)?: clustering = o
        case let value?:
            throw parsed.error("'\(name)' is a \(value.kindName); chart dendrogram needs a hierarchical clustering", at: parsed.span("clustering"),
                               suggestion: "make one with: cluster hierarchical TABLE cols=… k=… as NAME")
        case nil:
            throw parsed.error("nothing named '\(name)' in the workspace", at: parsed.span("clustering"),
                               suggestion: Suggestions.didYouMean(name, among: ctx.workspace.names))
        }
        guard let tree = clustering.tree else {
            throw parsed.error("'\(name)' is a \(clustering.kindName), which has no merge tree; chart dendrogram needs a hierarchical clustering",
                               at: parsed.span("clustering"), suggestion: "make one with: cluster hierarchical TABLE cols=… k=… as NAME")
        }
        let chart = SegmentationCharts.dendrogram(tree, leaves: parsed[DendrogramOptions.leaves], orientation: parsed[DendrogramOptions.orient])
        return finish(chart, parsed, defaultTitle: "\(name): " + (chart.title ?? "dendrogram"))
    }
}

/// The options of `chart dendrogram`.
package enum DendrogramOptions {
    package static let leaves = CommandOption.int("leaves", in: 2...200, default: 30, "show the last leaves − 1 merges; a leaf (N) is a cluster of N points")
    package static let orient = CommandOption.choice("orient", default: BarOrientation.horizontal,
                                             "horizontal: one leaf per row, labels whole; vertical: leaves along the bottom")
}
