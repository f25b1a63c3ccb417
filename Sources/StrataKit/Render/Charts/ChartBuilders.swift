import Foundation

/// The builders other commands call. Each takes plain values, skips what cannot be drawn
/// (missing or non-finite numbers) and says so in the chart's notes.
extension Chart {
    /// Bars for labelled values, horizontal (label, bar, value) or vertical (over a value axis).
    public static func bar(title: String? = nil, labels: [String], values: [Double],
                           orientation: BarOrientation = .horizontal, valueLabel: String? = nil,
                           categoryLabel: String? = nil, width: Int? = nil, height: Int? = nil) -> Chart {
        let n = min(labels.count, values.count)
        return Chart(title: title, kind: .bar(BarChart(labels: Array(labels.prefix(n)), values: Array(values.prefix(n)),
                                                       orientation: orientation, valueLabel: valueLabel,
                                                       categoryLabel: categoryLabel)),
                     width: width, height: height)
    }

    /// A histogram of `values` binned by `bins`. With `logX`, bins are equal on log10 of the
    /// values and values ≤ 0 are left out; `logCounts` draws bar heights as log10(1 + count).
    /// `integerData` keeps automatic bins at least 1 wide, as NumPy does for integer arrays.
    public static func histogram(title: String? = nil, values: [Double], bins: BinRule = .sturges,
                                 logX: Bool = false, logCounts: Bool = false, xLabel: String? = nil,
                                 integerData: Bool = false, width: Int? = nil, height: Int? = nil) -> Chart {
        var notes: [String] = []
        var usable = values.filter(\.isFinite)
        if usable.count < values.count {
            notes.append("\(Format.count(values.count - usable.count)) missing or non-finite values skipped")
        }
        if logX {
            let positive = usable.filter { $0 > 0 }
            if positive.count < usable.count {
                notes.append("\(Format.count(usable.count - positive.count)) values ≤ 0 left out of the log scale")
            }
            usable = positive.map { log10($0) }
        }
        var edges = HistogramBins.edges(usable, rule: bins, integerData: integerData && !logX)
        let counts = HistogramBins.counts(usable, edges: edges)
        if logX { edges = edges.map { pow(10, $0) } }
        notes.append("\(Format.count(usable.count)) values in \(counts.count) bins (\(bins.name))")
        return Chart(title: title, kind: .histogram(HistogramChart(edges: edges, counts: counts, xKind: logX ? .log10 : .number,
                                                                   logCounts: logCounts, xLabel: xLabel)),
                     width: width, height: height, notes: notes)
    }

    /// Lines through each series' points in the order given (sort by x first for a curve).
    /// `marks` highlight points such as "best k = 4"; series with `secondaryAxis` use a right axis.
    public static func line(title: String? = nil, series: [ChartSeries], marks: [ChartMark] = [],
                            xLabel: String? = nil, yLabel: String? = nil, secondaryLabel: String? = nil,
                            xKind: AxisKind = .number, yKind: AxisKind = .number, showPoints: Bool = false,
                            width: Int? = nil, height: Int? = nil) -> Chart {
        Chart(title: title, kind: .line(LineChart(series: series,
                                                  axes: ChartAxes(xLabel: xLabel, yLabel: yLabel, secondaryLabel: secondaryLabel,
                                                                  xKind: xKind, yKind: yKind),
                                                  marks: marks, showPoints: showPoints)),
              width: width, height: height)
    }

    /// Points, one series per group (colour and marker), braille dots.
    public static func scatter(title: String? = nil, groups: [ChartSeries], xLabel: String? = nil, yLabel: String? = nil,
                               xKind: AxisKind = .number, yKind: AxisKind = .number,
                               width: Int? = nil, height: Int? = nil) -> Chart {
        Chart(title: title, kind: .scatter(ScatterChart(groups: groups, axes: ChartAxes(xLabel: xLabel, yLabel: yLabel,
                                                                                         xKind: xKind, yKind: yKind))),
              width: width, height: height)
    }

    /// Points grouped by `labels` (e.g. cluster numbers): one series per distinct label, in order of
    /// first appearance, named `"\(groupName) \(label)"`.
    public static func scatter(title: String? = nil, x: [Double], y: [Double], labels: [Int], groupName: String = "cluster",
                               xLabel: String? = nil, yLabel: String? = nil, width: Int? = nil, height: Int? = nil) -> Chart {
        var order: [Int] = []
        var points: [Int: [ChartPoint]] = [:]
        for i in 0..<min(x.count, y.count, labels.count) {
            if points[labels[i]] == nil { order.append(labels[i]) }
            points[labels[i], default: []].append(ChartPoint(x: x[i], y: y[i]))
        }
        let groups = order.sorted().map { label in
            ChartSeries(label == -1 ? "noise" : "\(groupName) \(label)", points: points[label] ?? [])
        }
        return scatter(title: title, groups: groups, xLabel: xLabel, yLabel: yLabel, width: width, height: height)
    }

    /// Shaded cells with their values, e.g. segment × feature index or a migration matrix.
    public static func heatmap(title: String? = nil, rowLabels: [String], columnLabels: [String], values: [[Double?]],
                               scale: HeatmapScale = .global, showValues: Bool = true, digits: Int = 3,
                               width: Int? = nil) -> Chart {
        Chart(title: title, kind: .heatmap(HeatmapChart(rowLabels: rowLabels, columnLabels: columnLabels, values: values,
                                                         scale: scale, showValues: showValues, digits: digits)),
              width: width)
    }

    /// A dendrogram from SciPy-convention merges `(left, right, height, size)` over `leafCount`
    /// points (ids ≥ leafCount are earlier merges). `leafLimit` shows only the last merges; `cut`
    /// draws a dotted line across the tree at the height where it is cut into clusters.
    public static func dendrogram(title: String? = nil, leafCount: Int, merges: [DendrogramMerge], labels: [String]? = nil,
                                  orientation: BarOrientation = .horizontal, leafLimit: Int? = nil,
                                  heightLabel: String? = nil, cut: DendrogramCut? = nil,
                                  width: Int? = nil, height: Int? = nil) -> Chart {
        Chart(title: title, kind: .dendrogram(DendrogramChart(leafCount: leafCount, merges: merges, labels: labels,
                                                               orientation: orientation, leafLimit: leafLimit,
                                                               heightLabel: heightLabel, cut: cut)),
              width: width, height: height)
    }

    /// The same from tuples, as a linkage matrix reads.
    public static func dendrogram(title: String? = nil, leafCount: Int, merges: [(left: Int, right: Int, height: Double, size: Int)],
                                  labels: [String]? = nil, orientation: BarOrientation = .horizontal, leafLimit: Int? = nil,
                                  heightLabel: String? = nil, width: Int? = nil, height: Int? = nil) -> Chart {
        dendrogram(title: title, leafCount: leafCount,
                   merges: merges.map { DendrogramMerge(left: $0.left, right: $0.right, height: $0.height, size: $0.size) },
                   labels: labels, orientation: orientation, leafLimit: leafLimit, heightLabel: heightLabel,
                   width: width, height: height)
    }

    /// One line of level marks; nil values are gaps.
    public static func sparkline(title: String? = nil, values: [Double?], width: Int? = nil) -> Chart {
        Chart(title: title, kind: .sparkline(SparklineChart(values: values)), width: width)
    }

    public static func sparkline(title: String? = nil, values: [Double], width: Int? = nil) -> Chart {
        sparkline(title: title, values: values.map { Optional($0) }, width: width)
    }

    /// Box plots of named groups of values; groups without finite values are left out and noted.
    public static func box(title: String? = nil, groups: [(name: String, values: [Double])], valueLabel: String? = nil,
                           width: Int? = nil) -> Chart {
        let summaries = groups.compactMap { BoxSummary(name: $0.name, values: $0.values) }
        var notes: [String] = []
        if summaries.count < groups.count { notes.append("\(groups.count - summaries.count) groups without values left out") }
        let skipped = groups.reduce(0) { $0 + $1.values.filter { !$0.isFinite }.count }
        if skipped > 0 { notes.append("\(Format.count(skipped)) missing or non-finite values skipped") }
        return Chart(title: title, kind: .box(BoxChart(groups: summaries, valueLabel: valueLabel)), width: width, notes: notes)
    }
}
