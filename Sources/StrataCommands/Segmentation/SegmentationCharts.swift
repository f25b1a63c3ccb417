/// The charts the segmentation and clustering commands print after their tables, built with the
/// same builders as the `chart` command. Each command draws one chart, left out with `chart=no`.
package enum SegmentationCharts {
    package static let option = CommandOption.flag("chart", default: true, "draw the chart after the tables; chart=no leaves it out")

    /// Whether the command should draw its chart (`chart=no` turns it off).
    package static func wanted(_ parsed: ParsedCommand) -> Bool { parsed[option] }

    /// Leaves a dendrogram printed by `cluster hierarchical` shows (SciPy's lastp truncation).
    package static let commandLeaves = 12

    /// Inertia (left axis, the elbow) and silhouette (right axis) against k, best k marked.
    package static func sweep(_ rows: [(k: Int, inertia: Double?, silhouette: Double?)], best: (k: Int, silhouette: Double)?) -> Chart {
        let inertia = rows.compactMap { r in r.inertia.map { ChartPoint(x: Double(r.k), y: $0) } }
        let silhouette = rows.compactMap { r in r.silhouette.map { ChartPoint(x: Double(r.k), y: $0) } }
        let marks = best.map { [ChartMark(x: Double($0.k), y: $0.silhouette, label: "best k = \($0.k)", secondaryAxis: true)] } ?? []
        return Chart.line(title: "elbow (inertia) and silhouette by k",
                          series: [ChartSeries("inertia", points: inertia), ChartSeries("silhouette", points: silhouette, secondaryAxis: true)],
                          marks: marks, xLabel: "k", yLabel: "inertia", secondaryLabel: "silhouette", xKind: .integer, showPoints: true)
    }

    /// The sorted k-distance curve with the suggested eps marked at its knee.
    package static func kDistance(_ curve: KDistanceCurve) -> Chart {
        let points = curve.distances.enumerated().map { ChartPoint(x: Double($0.offset + 1), y: $0.element) }
        let knee = min(max(0, curve.kneeIndex), max(0, curve.distances.count - 1))
        let mark = ChartMark(x: Double(knee + 1), y: curve.suggestedEps, label: "suggested eps = \(DescribeFormat.number(curve.suggestedEps))")
        return Chart.line(title: "distance to the \(curve.k)-th nearest neighbour, sorted",
                          series: [ChartSeries("\(curve.k)-distance", points: points)], marks: curve.distances.isEmpty ? [] : [mark],
                          xLabel: "points, by distance", yLabel: "distance", xKind: .integer)
    }

    /// The top of a clustering's merge tree (its last `leaves − 1` merges), with the line where it
    /// was cut into clusters.
    package static func dendrogram(_ model: any HasDendrogram, leaves: Int, orientation: BarOrientation = .horizontal) -> Chart {
        let tree = model.dendrogram
        let n = tree.pointCount
        let shown = min(n, max(2, leaves))
        let merges = tree.merges.map { DendrogramMerge(left: $0.left, right: $0.right, height: $0.height, size: $0.size) }
        let title = "\(tree.linkage.rawValue) linkage, " + (shown < n ? "the last \(shown - 1) merges of \(Format.count(tree.merges.count))"
                                                                   : "\(Format.count(n)) points")
        return Chart.dendrogram(title: title, leafCount: n, merges: merges, orientation: orientation,
                                leafLimit: shown < n ? shown : nil, heightLabel: "merge height (\(tree.linkage.rawValue))",
                                cut: cut(model))
    }

    /// Where the clustering cut its tree: the given height, or midway between the merges that leave
    /// k and k − 1 clusters.
    package static func cut(_ model: any HasDendrogram) -> DendrogramCut? {
        let (tree, k) = (model.dendrogram, model.clusterCount)
        let label = "cut: \(k) cluster\(k == 1 ? "" : "s")"
        switch model.cut {
        case .height(let height):
            return DendrogramCut(height: height, label: label + " at height \(DescribeFormat.number(height))")
        case .clusterCount:
            let m = tree.merges.count
            guard k >= 2, k <= m + 1 else { return nil }
            let below = m - k >= 0 ? tree.merges[m - k].height : 0
            return DendrogramCut(height: (below + tree.merges[m - k + 1].height) / 2, label: label)
        }
    }

    /// Each segment's mean as an index of the overall mean, shaded on one scale (100 = average).
    package static func profile(_ p: SegmentProfile) -> Chart? {
        guard !p.numericColumns.isEmpty, !p.labels.isEmpty else { return nil }
        let values = p.labels.indices.map { g in p.numericColumns.indices.map { p.index(segment: g, column: $0) } }
        return Chart.heatmap(title: "index vs overall mean by \(p.segmentColumn) (100 = average)", rowLabels: p.labels,
                             columnLabels: p.numericColumns, values: values)
    }

    /// Each first segment's customers as whole percentages of that segment, by second segment
    /// ((gone) only when someone is). Beyond `namedColumns` columns they are numbered, with a key
    /// below, so the matrix of the RFM map's eleven segments fits 100 columns.
    package static func migration(_ m: SegmentMigration, from: String, to: String) -> Chart {
        let withGone = m.onlyInFrom.contains { $0 > 0 }
        let names = m.toLabels + (withGone ? ["(gone)"] : [])
        let values = m.fromLabels.indices.map { a -> [Double?] in
            let total = m.counts[a].reduce(0, +) + m.onlyInFrom[a]
            let cells = m.counts[a] + (withGone ? [m.onlyInFrom[a]] : [])
            return cells.map { total > 0 ? (100 * Double($0) / Double(total)).rounded() : nil }
        }
        let numbered = names.count > namedColumns
        var chart = Chart.heatmap(title: "% of each \(from) segment (rows) in each \(to) segment (columns)", rowLabels: m.fromLabels,
                                  columnLabels: numbered ? names.indices.map { String($0 + 1) } : names, values: values)
        if numbered { chart.notes = ["columns: " + names.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")] }
        return chart
    }

    /// Migration columns shown by name; more are numbered.
    package static let namedColumns = 6

    /// Horizontal bars of how many rows each segment or tier holds.
    package static func sizes(_ labels: [String], _ counts: [Int], title: String, category: String) -> Chart {
        Chart.bar(title: title, labels: labels, values: counts.map(Double.init), valueLabel: "rows", categoryLabel: category)
    }

    /// How a cluster label reads in a legend: −1 is noise.
    package static func clusterGroupName(_ label: String) -> String {
        label == "-1" ? "noise" : "\(Clustering.labelColumn) \(label)"
    }
}
